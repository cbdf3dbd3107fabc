/** "Thêm nhu cầu": a need the rules did not propose, added by the commune admin (saved as confirmed). */
import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Drawer, Form, Input, Select, Space } from 'antd';
import {
  NEED_PRIORITY_LABELS,
  NEED_PRIORITIES,
  PROGRAMME_TYPE_LABELS,
  PROGRAMME_TYPES,
  TRAINING_FIELD_LABELS,
  TRAINING_FIELDS,
  formatDateVi,
  type NeedItem,
  type ProgrammeType,
  type TrainingField,
} from '@app/shared';
import { api, errorMessage } from '../../api/client.ts';
import { applyFieldErrors } from '../../api/forms.ts';
import { useDrawerSize } from '../../layout/useMediaQuery.ts';
import { filterOption } from '../officials/labels.tsx';
import { useOfficials } from '../officials/officialsApi.ts';
import { needKeys, PHASE_OPTIONS } from './needsApi.ts';

interface Values {
  officialId: string;
  phase: 1 | 2;
  programmeType: ProgrammeType;
  field?: TrainingField;
  priority?: number;
  reason: string;
}

/** Programme types that carry a training field (professional and skills courses). */
const WITH_FIELD: ProgrammeType[] = ['CMNV', 'KNBT', 'CAPNHAT', 'KHAC'];

export function AddNeedDrawer({ open, commune, phase, onClose }: { open: boolean; commune: string; phase: 1 | 2; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const [q, setQ] = useState('');
  const [error, setError] = useState<unknown>(null);
  const qc = useQueryClient();
  const { message } = App.useApp();
  const size = useDrawerSize(520);
  const programme = Form.useWatch('programmeType', form);
  const people = useOfficials({ commune, q: q || undefined, status: 'dang_cong_tac' }, 1, 50, open);

  const create = useMutation({
    mutationFn: (v: Values) =>
      api.post<NeedItem>('/api/needs', {
        officialId: v.officialId,
        phase: v.phase,
        programmeType: v.programmeType,
        field: v.programmeType && WITH_FIELD.includes(v.programmeType) ? (v.field ?? null) : null,
        reason: v.reason.trim(),
        priority: v.priority,
      }),
    onSuccess: async (n) => {
      message.success(`Đã thêm nhu cầu cho ${n.fullName}.`);
      form.resetFields();
      setError(null);
      onClose();
      await qc.invalidateQueries({ queryKey: needKeys.all });
    },
    onError: (err) => {
      if (!applyFieldErrors(form, err)) setError(err);
    },
  });

  return (
    <Drawer
      title="Thêm nhu cầu bồi dưỡng"
      open={open}
      onClose={onClose}
      size={size}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>Hủy</Button>
          <Button type="primary" loading={create.isPending} onClick={() => form.submit()}>
            Lưu
          </Button>
        </Space>
      }
    >
      {error !== null && <Alert type="error" showIcon role="alert" title={errorMessage(error)} style={{ marginBottom: 12 }} />}
      <Form<Values> name="addNeed" form={form} layout="vertical" initialValues={{ phase }} onFinish={(v) => create.mutate(v)}>
        <Form.Item label="Cán bộ, công chức" name="officialId" rules={[{ required: true, message: 'Vui lòng chọn người cần bồi dưỡng' }]}>
          <Select
            showSearch={{ filterOption: false, onSearch: setQ }}
            placeholder="Gõ họ tên (không cần dấu) để tìm"
            loading={people.isFetching}
            notFoundContent={people.isFetching ? 'Đang tìm…' : 'Không thấy ai khớp; thử gõ khác'}
            options={(people.data?.items ?? []).map((o) => ({
              value: o.id,
              label: `${o.fullName} — ${formatDateVi(o.birthDate)}${o.positionName ? ` — ${o.positionName}` : ''}`,
            }))}
          />
        </Form.Item>
        <Form.Item label="Giai đoạn" name="phase" rules={[{ required: true, message: 'Vui lòng chọn giai đoạn' }]}>
          <Select options={PHASE_OPTIONS} />
        </Form.Item>
        <Form.Item label="Chương trình bồi dưỡng" name="programmeType" rules={[{ required: true, message: 'Vui lòng chọn chương trình' }]}>
          <Select placeholder="Chọn chương trình" options={PROGRAMME_TYPES.map((p) => ({ value: p, label: PROGRAMME_TYPE_LABELS[p] }))} />
        </Form.Item>
        {programme && WITH_FIELD.includes(programme) && (
          <Form.Item label="Lĩnh vực" name="field">
            <Select
              allowClear
              showSearch={{ filterOption }}
              placeholder="Chọn lĩnh vực bồi dưỡng"
              options={TRAINING_FIELDS.map((f) => ({ value: f, label: TRAINING_FIELD_LABELS[f] }))}
            />
          </Form.Item>
        )}
        <Form.Item label="Mức ưu tiên" name="priority" extra="Để trống: hệ thống đặt theo chương trình.">
          <Select
            allowClear
            placeholder="Theo chương trình"
            options={NEED_PRIORITIES.map((p) => ({ value: p, label: `${p} — ${NEED_PRIORITY_LABELS[p]}` }))}
          />
        </Form.Item>
        <Form.Item
          label="Lý do"
          name="reason"
          rules={[
            { required: true, whitespace: true, message: 'Vui lòng ghi lý do cần bồi dưỡng' },
            { max: 500, message: 'Tối đa 500 ký tự' },
          ]}
        >
          <Input.TextArea rows={3} placeholder="Ví dụ: Được giao thêm nhiệm vụ quản lý đất đai" />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
