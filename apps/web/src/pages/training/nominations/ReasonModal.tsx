/** A modal that asks for a reason before an action that an audit must explain (cancel, reject, revoke). */
import { useEffect, useId, useState } from 'react';
import { Alert, Form, Input, Modal } from 'antd';
import { errorMessage } from '../../../api/client.ts';

interface Props {
  open: boolean;
  title: string;
  description?: string;
  label: string;
  okText: string;
  minLength?: number;
  danger?: boolean;
  onCancel: () => void;
  onSubmit: (reason: string) => Promise<unknown>;
}

export function ReasonModal({ open, title, description, label, okText, minLength = 1, danger, onCancel, onSubmit }: Props) {
  const [form] = Form.useForm<{ reason: string }>();
  const formId = useId().replace(/[^\w-]/g, '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    if (open) {
      form.resetFields();
      setError(null);
    }
  }, [open, form]);
  return (
    <Modal
      title={title}
      open={open}
      onCancel={onCancel}
      onOk={() => form.submit()}
      okText={okText}
      okButtonProps={{ danger }}
      cancelText="Quay lại"
      confirmLoading={busy}
      destroyOnHidden
    >
      {description && <p style={{ marginTop: 0 }}>{description}</p>}
      {error !== null && <Alert type="error" showIcon role="alert" title={errorMessage(error)} style={{ marginBottom: 12 }} />}
      <Form
        form={form}
        name={`reason-${formId}`}
        layout="vertical"
        onFinish={async (v) => {
          setBusy(true);
          setError(null);
          try {
            await onSubmit(v.reason.trim());
          } catch (err) {
            setError(err);
          } finally {
            setBusy(false);
          }
        }}
      >
        <Form.Item
          label={label}
          name="reason"
          rules={[
            { required: true, whitespace: true, message: `Vui lòng ghi ${label.toLowerCase()}` },
            { min: minLength, message: `Ghi rõ hơn (ít nhất ${minLength} ký tự)` },
          ]}
        >
          <Input.TextArea rows={3} maxLength={1000} autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}
