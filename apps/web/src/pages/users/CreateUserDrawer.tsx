/** "Tạo tài khoản": roles limited to me.manageableRoles; the scope field follows the role. */
import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Drawer, Form, Input, Select, Space } from 'antd';
import { CreateUserRequest, ROLE_LABELS, type MeResponse, type Role } from '@app/shared';
import { api, errorMessage } from '../../api/client.ts';
import { applyFieldErrors, zodRule } from '../../api/forms.ts';
import type { CreateUserBody, CreateUserResult } from '../../api/types.ts';
import { useDrawerSize } from '../../layout/useMediaQuery.ts';
import { ScopeFields, scopeFieldFor } from './ScopeFields.tsx';
import { userKeys } from './usersApi.ts';

interface CreateForm {
  username: string;
  fullName: string;
  role: Role;
  email?: string;
  phone?: string;
  provinceCode?: string;
  communeCode?: string;
  unitId?: number;
  trainingOrgId?: number;
}

function toBody(me: MeResponse, v: CreateForm): CreateUserBody {
  const body: CreateUserBody = { username: v.username.trim().toLowerCase(), fullName: v.fullName.trim(), role: v.role };
  if (v.email?.trim()) body.email = v.email.trim();
  if (v.phone?.trim()) body.phone = v.phone.trim();
  const field = scopeFieldFor(me, v.role);
  if (field === 'provinceCode' && v.provinceCode) body.provinceCode = v.provinceCode;
  if (field === 'communeCode') body.communeCode = v.communeCode ?? null;
  if (field === 'unitId' && v.unitId !== undefined) body.unitId = v.unitId;
  if (field === 'trainingOrgId') body.trainingOrgId = v.trainingOrgId ?? null;
  return body;
}

interface Props {
  me: MeResponse;
  open: boolean;
  onClose: () => void;
  onCreated: (result: CreateUserResult) => void;
}

export function CreateUserDrawer({ me, open, onClose, onCreated }: Props) {
  const [form] = Form.useForm<CreateForm>();
  const role = Form.useWatch('role', form);
  const qc = useQueryClient();
  const [error, setError] = useState<unknown>(null);
  const drawerSize = useDrawerSize(480);
  const create = useMutation({
    mutationFn: (body: CreateUserBody) => api.post<CreateUserResult>('/api/users', body),
    onSuccess: async (result) => {
      setError(null);
      form.resetFields();
      onCreated(result);
      await qc.invalidateQueries({ queryKey: userKeys.all });
    },
    onError: (err) => {
      if (!applyFieldErrors(form, err)) setError(err);
    },
  });

  return (
    <Drawer
      title="Tạo tài khoản"
      open={open}
      onClose={onClose}
      size={drawerSize}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>Hủy</Button>
          <Button type="primary" loading={create.isPending} onClick={() => form.submit()}>
            Tạo tài khoản
          </Button>
        </Space>
      }
    >
      {error !== null && <Alert type="error" showIcon role="alert" title={errorMessage(error)} style={{ marginBottom: 12 }} />}
      <Form<CreateForm>
        form={form}
        layout="vertical"
        initialValues={{ role: me.manageableRoles.length === 1 ? me.manageableRoles[0] : undefined }}
        onFinish={(v) => create.mutate(toBody(me, v))}
      >
        <Form.Item label="Vai trò" name="role" rules={[{ required: true, message: 'Vui lòng chọn vai trò' }]}>
          <Select
            placeholder="Chọn vai trò"
            options={me.manageableRoles.map((r) => ({ value: r, label: ROLE_LABELS[r] }))}
            onChange={() => form.resetFields(['provinceCode', 'communeCode', 'unitId', 'trainingOrgId'])}
          />
        </Form.Item>
        <ScopeFields me={me} role={role} />
        <Form.Item
          label="Tên đăng nhập"
          name="username"
          extra="Chữ thường không dấu, số, dấu chấm hoặc gạch; ví dụ: nguyenvana.22015"
          rules={[{ required: true, whitespace: true, message: 'Vui lòng nhập tên đăng nhập' }, zodRule(CreateUserRequest.shape.username)]}
        >
          <Input autoComplete="off" autoCapitalize="none" spellCheck={false} />
        </Form.Item>
        <Form.Item
          label="Họ và tên"
          name="fullName"
          rules={[
            { required: true, whitespace: true, message: 'Vui lòng nhập họ và tên' },
            { max: 200, message: 'Họ và tên tối đa 200 ký tự' },
          ]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item
          label="Thư điện tử"
          name="email"
          rules={[{ type: 'email', message: 'Thư điện tử không hợp lệ, ví dụ: ten@example.gov.vn' }]}
        >
          <Input type="email" autoComplete="off" />
        </Form.Item>
        <Form.Item label="Số điện thoại" name="phone" rules={[zodRule(CreateUserRequest.shape.phone)]}>
          <Input type="tel" autoComplete="off" />
        </Form.Item>
        <Alert
          type="info"
          showIcon
          title="Phần mềm sẽ tạo một mật khẩu tạm thời và hiện cho bạn một lần. Người dùng phải đổi mật khẩu ở lần đăng nhập đầu tiên."
        />
      </Form>
    </Drawer>
  );
}
