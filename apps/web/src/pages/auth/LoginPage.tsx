import { useState } from 'react';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, Typography } from 'antd';
import { Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { useAuthActions, useMe } from '../../api/auth.ts';
import { ApiError, errorMessage } from '../../api/client.ts';
import { AuthShell } from './AuthShell.tsx';

interface LoginForm {
  username: string;
  password: string;
}

/** Only same-site paths may be followed after login (no open redirect). */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/dang-nhap') ? next : '/';
}

function lockHint(err: unknown): string | undefined {
  if (!(err instanceof ApiError) || err.statusCode !== 429 || !err.retryAfter) return undefined;
  if (/thử lại sau/i.test(err.message)) return undefined; // the server already says when
  const minutes = Math.max(1, Math.ceil(err.retryAfter / 60));
  return `Vui lòng thử lại sau khoảng ${minutes} phút.`;
}

export default function LoginPage() {
  const { data: me } = useMe();
  const { login } = useAuthActions();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [error, setError] = useState<unknown>(null);
  const [submitting, setSubmitting] = useState(false);
  const next = safeNext(params.get('next'));

  if (me && !submitting) return <Navigate to={me.mustChangePassword ? '/doi-mat-khau' : next} replace />;

  const onFinish = async (values: LoginForm) => {
    setSubmitting(true);
    setError(null);
    try {
      const user = await login(values.username.trim(), values.password);
      void navigate(user.mustChangePassword ? '/doi-mat-khau' : next, { replace: true });
    } catch (err) {
      setError(err);
      setSubmitting(false);
    }
  };

  const hint = lockHint(error);
  return (
    <AuthShell>
      <Typography.Title level={2} style={{ fontSize: 20, marginTop: 0 }}>
        Đăng nhập
      </Typography.Title>
      {error !== null && (
        <Alert type="error" showIcon role="alert" title={errorMessage(error)} description={hint} style={{ marginBottom: 16 }} />
      )}
      <Form<LoginForm> layout="vertical" requiredMark={false} onFinish={(v) => void onFinish(v)} disabled={submitting}>
        <Form.Item
          label="Tên đăng nhập"
          name="username"
          rules={[{ required: true, whitespace: true, message: 'Vui lòng nhập tên đăng nhập' }]}
        >
          <Input prefix={<UserOutlined />} autoComplete="username" autoCapitalize="none" spellCheck={false} size="large" autoFocus />
        </Form.Item>
        <Form.Item label="Mật khẩu" name="password" rules={[{ required: true, message: 'Vui lòng nhập mật khẩu' }]}>
          <Input.Password prefix={<LockOutlined />} autoComplete="current-password" size="large" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block size="large" loading={submitting}>
          Đăng nhập
        </Button>
      </Form>
      <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0, fontSize: 13 }}>
        Quên mật khẩu? Liên hệ quản trị viên cấp xã hoặc Sở Nội vụ để được đặt lại mật khẩu.
      </Typography.Paragraph>
    </AuthShell>
  );
}
