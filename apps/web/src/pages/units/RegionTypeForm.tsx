/** Province admins set a commune's region type and area class (SPEC §2), with a version check. */
import { useEffect, useRef, useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Select } from 'antd';
import { AREA_CLASSES, REGION_TYPE_LABELS, REGION_TYPES, type AreaClass, type CommuneItem, type RegionType } from '@app/shared';
import { ApiError, api, errorMessage } from '../../api/client.ts';
import { applyFieldErrors } from '../../api/forms.ts';
import type { UpdateCommuneBody } from '../../api/types.ts';
import { unitKeys } from './unitsApi.ts';

interface RegionForm {
  regionType: RegionType;
  areaClass: AreaClass | null;
}

export function RegionTypeForm({ commune, onReload }: { commune: CommuneItem; onReload: () => Promise<unknown> }) {
  const [form] = Form.useForm<RegionForm>();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [error, setError] = useState<unknown>(null);
  const alertRef = useRef<HTMLDivElement>(null);

  // The save button sits below the alert: bring the explanation into view.
  useEffect(() => {
    if (error !== null) alertRef.current?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  }, [error]);

  useEffect(() => {
    form.setFieldsValue({ regionType: commune.regionType, areaClass: commune.areaClass });
  }, [form, commune.regionType, commune.areaClass, commune.version]);

  const save = useMutation({
    mutationFn: (body: UpdateCommuneBody) => api.patch<CommuneItem>(`/api/units/communes/${commune.code}`, body),
    onSuccess: async () => {
      setError(null);
      message.success('Đã lưu loại vùng của xã.');
      await Promise.all([
        qc.invalidateQueries({ queryKey: unitKeys.commune(commune.code) }),
        qc.invalidateQueries({ queryKey: unitKeys.communesOf(commune.provinceCode) }),
      ]);
    },
    onError: (err) => {
      if (!applyFieldErrors(form, err)) setError(err);
    },
  });

  const conflict = error instanceof ApiError && error.code === 'VERSION_CONFLICT';
  return (
    <Card title="Loại vùng và khu vực" size="small" style={{ marginBottom: 16 }}>
      <div ref={alertRef}>
        {error !== null && (
          <Alert
            type={conflict ? 'warning' : 'error'}
            showIcon
            role="alert"
            title={errorMessage(error)}
            style={{ marginBottom: 12 }}
            action={
              conflict && (
                <Button
                  size="small"
                  onClick={() => {
                    setError(null);
                    void onReload();
                  }}
                >
                  Tải lại
                </Button>
              )
            }
          />
        )}
      </div>
      <Form<RegionForm>
        form={form}
        layout="vertical"
        style={{ maxWidth: 520 }}
        initialValues={{ regionType: commune.regionType, areaClass: commune.areaClass }}
        onFinish={(v) => save.mutate({ regionType: v.regionType, areaClass: v.areaClass ?? null, version: commune.version })}
      >
        <Form.Item label="Loại vùng" name="regionType" rules={[{ required: true, message: 'Vui lòng chọn loại vùng' }]}>
          <Select options={REGION_TYPES.map((r) => ({ value: r, label: REGION_TYPE_LABELS[r] }))} />
        </Form.Item>
        <Form.Item
          label="Khu vực (theo Quyết định 60/QĐ-BDTTG)"
          name="areaClass"
          extra="Chỉ áp dụng với xã thuộc vùng đồng bào dân tộc thiểu số và miền núi; để trống nếu không thuộc."
        >
          <Select
            allowClear
            placeholder="Không thuộc khu vực nào"
            options={AREA_CLASSES.map((a) => ({ value: a, label: `Khu vực ${a}` }))}
            onClear={() => form.setFieldValue('areaClass', null)}
          />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          Lưu loại vùng
        </Button>
      </Form>
    </Card>
  );
}
