/**
 * Ethnicity, religion and health (sensitive personal data, Law 91/2025/QH15): never loaded by
 * itself; shown only after "Xem dữ liệu nhạy cảm", and the user is told each view is logged.
 */
import { useState } from 'react';
import { EyeInvisibleOutlined, EyeOutlined, LockOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import type { z } from 'zod';
import { Alert, Button, Card, Descriptions, Form, Input, Select, Space } from 'antd';
import type { SensitiveData } from '@app/shared';
import { api, errorMessage } from '../../api/client.ts';
import { ETHNICITY_OPTIONS, ethnicityLabel } from './ethnicities.ts';
import { filterOption } from './labels.tsx';

type Sensitive = z.infer<typeof SensitiveData>;
type Values = { ethnicityCode?: string | null; religionCode?: string | null; healthNote?: string | null };

const blank = (v: string | null | undefined) => (v && v.trim() ? v.trim() : null);

export function SensitivePanel({ officialId, canEdit }: { officialId: string; canEdit: boolean }) {
  const [data, setData] = useState<Sensitive | null>(null);
  const [editing, setEditing] = useState(false);
  const [form] = Form.useForm<Values>();
  const view = useMutation({
    mutationFn: () => api.get<Sensitive>(`/api/officials/${officialId}/sensitive`),
    onSuccess: setData,
  });
  const save = useMutation({
    mutationFn: (v: Values) =>
      api.put<Sensitive>(`/api/officials/${officialId}/sensitive`, {
        ethnicityCode: v.ethnicityCode ?? null,
        religionCode: blank(v.religionCode),
        healthNote: blank(v.healthNote),
      }),
    onSuccess: (d) => {
      setData(d);
      setEditing(false);
    },
  });
  const error = view.error ?? save.error;

  return (
    <Card
      size="small"
      title={
        <>
          <LockOutlined /> Dữ liệu nhạy cảm
        </>
      }
      style={{ marginBottom: 16 }}
    >
      <p style={{ marginTop: 0, color: '#5b6472' }}>
        Dân tộc, tôn giáo và tình trạng sức khỏe là dữ liệu cá nhân nhạy cảm, chỉ quản trị viên trong phạm vi được xem. Mỗi lần xem được ghi
        vào nhật ký hệ thống (ai xem, lúc nào).
      </p>
      {error && <Alert type="error" showIcon title={errorMessage(error)} style={{ marginBottom: 12 }} />}
      {!data && (
        <Button icon={<EyeOutlined />} loading={view.isPending} onClick={() => view.mutate()}>
          Xem dữ liệu nhạy cảm
        </Button>
      )}
      {data && !editing && (
        <>
          <Descriptions
            size="small"
            column={{ xs: 1, sm: 3 }}
            items={[
              { key: 'e', label: 'Dân tộc', children: ethnicityLabel(data.ethnicityCode) ?? 'Chưa có' },
              { key: 'r', label: 'Tôn giáo (mã)', children: data.religionCode ?? 'Chưa có' },
              { key: 'h', label: 'Sức khỏe', children: data.healthNote ?? 'Chưa có' },
            ]}
          />
          <div style={{ color: '#8c8c8c', fontSize: 12, marginBottom: 8 }}>Danh mục mã: {data.codeList}</div>
          <Space wrap>
            {canEdit && (
              <Button
                onClick={() => {
                  form.setFieldsValue({ ethnicityCode: data.ethnicityCode, religionCode: data.religionCode, healthNote: data.healthNote });
                  setEditing(true);
                }}
              >
                Sửa dữ liệu nhạy cảm
              </Button>
            )}
            <Button icon={<EyeInvisibleOutlined />} onClick={() => setData(null)}>
              Ẩn
            </Button>
          </Space>
        </>
      )}
      {data && editing && (
        <Form<Values> name="sensitive" form={form} layout="vertical" onFinish={(v) => save.mutate(v)} style={{ maxWidth: 520 }}>
          <Form.Item label="Dân tộc" name="ethnicityCode">
            <Select allowClear showSearch={{ filterOption }} placeholder="Chọn dân tộc" options={ETHNICITY_OPTIONS} />
          </Form.Item>
          <Form.Item label="Tôn giáo (mã theo danh mục)" name="religionCode" rules={[{ max: 10, message: 'Mã tối đa 10 ký tự' }]}>
            <Input placeholder="Để trống nếu không theo tôn giáo nào" />
          </Form.Item>
          <Form.Item label="Ghi chú sức khỏe" name="healthNote" rules={[{ max: 1000, message: 'Tối đa 1.000 ký tự' }]}>
            <Input.TextArea rows={2} />
          </Form.Item>
          <Space>
            <Button onClick={() => setEditing(false)}>Hủy</Button>
            <Button type="primary" htmlType="submit" loading={save.isPending}>
              Lưu
            </Button>
          </Space>
        </Form>
      )}
    </Card>
  );
}
