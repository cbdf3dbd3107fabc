/** "Sửa tài khoản": name, contact and active flag, with the record's version. */
import { useEffect, useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Drawer, Form, Input, Space, Switch } from 'antd';
import { ROLE_LABELS, UpdateUserRequest, type UserItem } from '@app/shared';
import { ApiError, api, errorMessage } from '../../api/client.ts';
import { applyFieldErrors, emptyToNull, zodRule } from '../../api/forms.ts';
import type { UpdateUserBody } from '../../api/types.ts';
import { useDrawerSize } from '../../layout/useMediaQuery.ts';
import { userKeys } from './usersApi.ts';

interface EditForm {
  fullName: string;
  email?: string | null;
  phone?: string | null;
  active: boolean;
}

export function EditUserDrawer({ user, onClose }: { user: UserItem | null; onClose: () => void }) {
  const [form] = Form.useForm<EditForm>();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [error, setError] = useState<unknown>(null);
  const drawerSize = useDrawerSize(480);

  useEffect(() => {
    setError(null);
    if (user) form.setFieldsValue({ fullName: user.fullName, email: user.email, phone: user.phone, active: user.active });
  }, [form, user]);

  const save = useMutation({
    mutationFn: (body: UpdateUserBody) => api.patch<UserItem>(`/api/users/${user?.id ?? ''}`, body),
    onSuccess: async () => {
      message.success('Đã lưu thông tin tài khoản.');
      onClose();
      await qc.invalidateQueries({ queryKey: userKeys.all });
    },
    onError: (err) => {
      if (!applyFieldErrors(form, err)) setError(err);
    },
  });

  const conflict = error instanceof ApiError && error.code === 'VERSION_CONFLICT';
  return (
    <Drawer
      title={user ? `Sửa tài khoản ${user.username}` : 'Sửa tài khoản'}
      open={user !== null}
      onClose={onClose}
      size={drawerSize}
      extra={
        <Space>
          <Button onClick={onClose}>Hủy</Button>
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()}>
            Lưu
          </Button>
        </Space>
      }
    >
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
                  onClose();
                  void qc.invalidateQueries({ queryKey: userKeys.all });
                }}
              >
                Tải lại
              </Button>
            )
          }
        />
      )}
      {user && <p style={{ marginTop: 0, color: '#5b6472' }}>Vai trò: {ROLE_LABELS[user.role]}</p>}
      <Form<EditForm>
        form={form}
        layout="vertical"
        onFinish={(v) =>
          user &&
          save.mutate({
            fullName: v.fullName.trim(),
            email: emptyToNull(v.email),
            phone: emptyToNull(v.phone),
            active: v.active,
            version: user.version,
          })
        }
      >
        <Form.Item
          label="Họ và tên"
          name="fullName"
          rules={[
            { required: true, whitespace: true, message: 'Vui lòng nhập họ và tên' },
            { max: 200, message: 'Họ và tên tối đa 200 ký tự' },
          ]}
        >
          <Input />
        </Form.Item>
        <Form.Item
          label="Thư điện tử"
          name="email"
          rules={[{ type: 'email', message: 'Thư điện tử không hợp lệ, ví dụ: ten@example.gov.vn' }]}
        >
          <Input type="email" />
        </Form.Item>
        <Form.Item label="Số điện thoại" name="phone" rules={[zodRule(UpdateUserRequest.shape.phone)]}>
          <Input type="tel" />
        </Form.Item>
        <Form.Item
          label="Cho phép đăng nhập"
          name="active"
          valuePropName="checked"
          extra="Tắt để khóa tài khoản; dữ liệu và nhật ký của tài khoản vẫn được giữ lại."
        >
          <Switch checkedChildren="Hoạt động" unCheckedChildren="Đã khóa" />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
