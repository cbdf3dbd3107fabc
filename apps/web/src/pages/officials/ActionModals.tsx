/** "Đổi trạng thái" and "Điều chỉnh đáp ứng yêu cầu chuyên môn" on an official's record. */
import { useEffect, useState, type ReactNode } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, DatePicker, Form, Input, Modal, Radio, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { OFFICIAL_STATUS_LABELS, OFFICIAL_STATUSES, type OfficialDetail, type OfficialStatus } from '@app/shared';
import { api } from '../../api/client.ts';
import { applyFieldErrors } from '../../api/forms.ts';
import { SaveError } from './ConflictAlert.tsx';
import { keepFlags } from './EditOfficialDrawer.tsx';
import { DATE_FORMAT } from './OfficialFormFields.tsx';
import { officialKeys } from './officialsApi.ts';

export interface ModalProps {
  official: OfficialDetail;
  open: boolean;
  onClose: () => void;
  onReload: () => Promise<unknown>;
}

/** A modal form posting to the record with its version; shared plumbing of the actions below. */
export function useRecordAction<V>(p: ModalProps, send: (v: V) => Promise<OfficialDetail>, done: string) {
  const [form] = Form.useForm<V>();
  const [error, setError] = useState<unknown>(null);
  const qc = useQueryClient();
  const { message } = App.useApp();
  useEffect(() => {
    if (p.open) {
      form.resetFields();
      setError(null);
    }
  }, [p.open, form]);
  const mutation = useMutation({
    mutationFn: send,
    onSuccess: (o) => {
      qc.setQueryData(officialKeys.detail(o.id), o);
      void qc.invalidateQueries({ queryKey: ['officials', 'list'] });
      message.success(done);
      p.onClose();
    },
    onError: (err) => {
      if (!applyFieldErrors(form, err)) setError(err);
    },
  });
  const errorBox: ReactNode = (
    <SaveError
      error={error}
      onReload={() =>
        void p.onReload().then(() => {
          setError(null);
        })
      }
    />
  );
  return { form, mutation, errorBox };
}

interface StatusValues {
  status: OfficialStatus;
  fromDate: Dayjs;
  reason?: string;
}

export function StatusModal(p: ModalProps) {
  const { official } = p;
  const { form, mutation, errorBox } = useRecordAction<StatusValues>(
    p,
    (v) =>
      api.post<OfficialDetail>(`/api/officials/${official.id}/status`, {
        status: v.status,
        fromDate: v.fromDate.format('YYYY-MM-DD'),
        reason: v.reason?.trim() || undefined,
        version: official.version,
      }),
    'Đã đổi trạng thái công tác.',
  );
  return (
    <Modal
      title={`Đổi trạng thái — ${official.fullName}`}
      open={p.open}
      onCancel={p.onClose}
      okText="Lưu"
      cancelText="Hủy"
      confirmLoading={mutation.isPending}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      {errorBox}
      <p style={{ marginTop: 0 }}>Trạng thái hiện tại: {OFFICIAL_STATUS_LABELS[official.status]}</p>
      <Form<StatusValues>
        name="officialStatus"
        form={form}
        layout="vertical"
        initialValues={{ fromDate: dayjs() }}
        onFinish={(v) => mutation.mutate(v)}
      >
        <Form.Item label="Trạng thái mới" name="status" rules={[{ required: true, message: 'Vui lòng chọn trạng thái mới' }]}>
          <Select
            placeholder="Chọn trạng thái"
            options={OFFICIAL_STATUSES.filter((s) => s !== official.status).map((s) => ({ value: s, label: OFFICIAL_STATUS_LABELS[s] }))}
          />
        </Form.Item>
        <Form.Item label="Từ ngày" name="fromDate" rules={[{ required: true, message: 'Vui lòng nhập ngày hiệu lực (dd/mm/yyyy)' }]}>
          <DatePicker format={DATE_FORMAT} placeholder="dd/mm/yyyy" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item label="Lý do, số quyết định" name="reason" rules={[{ max: 500, message: 'Tối đa 500 ký tự' }]}>
          <Input.TextArea rows={2} placeholder="Ví dụ: Quyết định số 12/QĐ-UBND ngày 01/12/2026" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

type Choice = 'meets' | 'below' | 'auto';
interface RequirementValues {
  choice: Choice;
  reason?: string;
}

/** Admin override of "đáp ứng yêu cầu chuyên môn của VTVL" (SPEC §3), always with a reason. */
export function RequirementModal(p: ModalProps) {
  const { official } = p;
  const current: Choice = official.meetsRequirementOverride === null ? 'auto' : official.meetsRequirementOverride ? 'meets' : 'below';
  const { form, mutation, errorBox } = useRecordAction<RequirementValues>(
    p,
    (v) => {
      const override = v.choice === 'auto' ? null : v.choice === 'meets';
      const reason = v.reason?.trim() ?? '';
      return api.patch<OfficialDetail>(`/api/officials/${official.id}`, {
        ...keepFlags(official),
        version: official.version,
        meetsRequirementOverride: override,
        meetsRequirementReason: override === null ? null : reason,
        reason,
      });
    },
    'Đã lưu điều chỉnh “đáp ứng yêu cầu chuyên môn”.',
  );
  const computed = official.meetsRequirementComputed === null ? 'chưa xác định' : official.meetsRequirementComputed ? 'đạt' : 'chưa đạt';
  return (
    <Modal
      title="Điều chỉnh “đáp ứng yêu cầu chuyên môn của vị trí việc làm”"
      open={p.open}
      onCancel={p.onClose}
      okText="Lưu"
      cancelText="Hủy"
      confirmLoading={mutation.isPending}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      {errorBox}
      <p style={{ marginTop: 0 }}>
        Theo trình độ, chuyên ngành và yêu cầu của vị trí việc làm, hệ thống tính: <strong>{computed}</strong>. Điều chỉnh khi hệ thống
        không tính được đúng (ví dụ văn bằng tương đương); thay đổi được ghi vào lịch sử cờ cùng lý do.
      </p>
      <Form<RequirementValues>
        name="requirement"
        form={form}
        layout="vertical"
        initialValues={{ choice: current }}
        onFinish={(v) => mutation.mutate(v)}
      >
        <Form.Item label="Kết quả" name="choice" rules={[{ required: true, message: 'Vui lòng chọn kết quả' }]}>
          <Radio.Group
            orientation="vertical"
            options={[
              { value: 'meets', label: 'Đáp ứng yêu cầu (đạt chuẩn)' },
              { value: 'below', label: 'Chưa đáp ứng yêu cầu (chưa đạt chuẩn)' },
              { value: 'auto', label: 'Theo kết quả hệ thống tính (bỏ điều chỉnh)' },
            ]}
          />
        </Form.Item>
        <Form.Item
          label="Lý do"
          name="reason"
          rules={[
            { required: true, whitespace: true, message: 'Vui lòng ghi lý do điều chỉnh' },
            { max: 500, message: 'Tối đa 500 ký tự' },
          ]}
        >
          <Input.TextArea rows={3} placeholder="Ví dụ: Có bằng Cử nhân Luật tương đương, theo Công văn số …" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
