import { useState } from 'react';
import { Alert, App, Button, Card, Form, Input, Typography } from 'antd';
import { ChangePasswordRequest } from '@app/shared';
import { useNavigate } from 'react-router-dom';
import { useAuthActions, useCurrentUser } from '../../api/auth.ts';
import { errorMessage } from '../../api/client.ts';
import { applyFieldErrors, zodRule } from '../../api/forms.ts';

interface PasswordForm {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

/** Same rule as the server: the shared zod schema of the new password. */
const newPasswordRules = [
  { required: true, message: 'Vui lòng nhập mật khẩu mới' },
  zodRule(ChangePasswordRequest.shape.newPassword, 'Mật khẩu mới không hợp lệ'),
];

export default function ChangePasswordPage() {
  const me = useCurrentUser();
  const { changePassword } = useAuthActions();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<PasswordForm>();
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);

  const onFinish = async (v: PasswordForm) => {
    setSaving(true);
    setError(null);
    try {
      await changePassword(v.currentPassword, v.newPassword);
      message.success('Đã đổi mật khẩu thành công.');
      void navigate('/', { replace: true });
    } catch (err) {
      if (!applyFieldErrors(form, err)) setError(err);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card style={{ maxWidth: 480, margin: '0 auto' }}>
      <Typography.Title level={1} className="page-title" style={{ fontSize: 22 }}>
        Đổi mật khẩu
      </Typography.Title>
      {me.mustChangePassword && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title="Bạn cần đổi mật khẩu trước khi sử dụng phần mềm"
          description="Mật khẩu hiện tại là mật khẩu tạm thời do quản trị viên cấp. Hãy đặt mật khẩu mới chỉ mình bạn biết."
        />
      )}
      {error !== null && <Alert type="error" showIcon role="alert" title={errorMessage(error)} style={{ marginBottom: 16 }} />}
      <Form<PasswordForm> form={form} layout="vertical" onFinish={(v) => void onFinish(v)} disabled={saving}>
        <Form.Item
          label="Mật khẩu hiện tại"
          name="currentPassword"
          rules={[{ required: true, message: 'Vui lòng nhập mật khẩu hiện tại' }]}
        >
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item label="Mật khẩu mới" name="newPassword" extra="Ít nhất 8 ký tự, gồm cả chữ cái và chữ số." rules={newPasswordRules}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          label="Nhập lại mật khẩu mới"
          name="confirm"
          dependencies={['newPassword']}
          rules={[
            { required: true, message: 'Vui lòng nhập lại mật khẩu mới' },
            ({ getFieldValue }) => ({
              validator: async (_, value) => {
                if (value && value !== getFieldValue('newPassword')) throw new Error('Mật khẩu nhập lại không khớp');
              },
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <div style={{ display: 'flex', gap: 8, justifyContent: 'flex-end' }}>
          {!me.mustChangePassword && <Button onClick={() => void navigate(-1)}>Hủy</Button>}
          <Button type="primary" htmlType="submit" loading={saving}>
            Lưu mật khẩu mới
          </Button>
        </div>
      </Form>
    </Card>
  );
}
