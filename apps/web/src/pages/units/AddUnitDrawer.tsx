/** "Thêm đơn vị": a commune admin adds an agency or unit inside the commune. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Drawer, Form, Input, Select, Space } from 'antd';
import { useState } from 'react';
import { BLOC_LABELS, BLOCS, type Bloc, type UnitItem } from '@app/shared';
import { api, errorMessage } from '../../api/client.ts';
import { applyFieldErrors } from '../../api/forms.ts';
import { useDrawerSize } from '../../layout/useMediaQuery.ts';
import { unitKeys } from './unitsApi.ts';

interface UnitForm {
  name: string;
  bloc: Bloc;
}

export function AddUnitDrawer({ communeCode, open, onClose }: { communeCode: string; open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<UnitForm>();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [error, setError] = useState<unknown>(null);
  const drawerSize = useDrawerSize(420);
  const create = useMutation({
    mutationFn: (body: UnitForm) => api.post<UnitItem>(`/api/units/communes/${communeCode}/units`, body),
    onSuccess: async (unit) => {
      message.success(`Đã thêm đơn vị “${unit.name}”.`);
      form.resetFields();
      setError(null);
      onClose();
      await qc.invalidateQueries({ queryKey: unitKeys.commune(communeCode) });
    },
    onError: (err) => {
      if (!applyFieldErrors(form, err)) setError(err);
    },
  });

  return (
    <Drawer
      title="Thêm đơn vị"
      open={open}
      onClose={onClose}
      size={drawerSize}
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
      <Form<UnitForm> form={form} layout="vertical" onFinish={(v) => create.mutate({ ...v, name: v.name.trim() })}>
        <Form.Item
          label="Tên đơn vị"
          name="name"
          rules={[
            { required: true, whitespace: true, message: 'Vui lòng nhập tên đơn vị' },
            { max: 200, message: 'Tên đơn vị tối đa 200 ký tự' },
          ]}
        >
          <Input placeholder="Ví dụ: Phòng Kinh tế" />
        </Form.Item>
        <Form.Item label="Khối" name="bloc" rules={[{ required: true, message: 'Vui lòng chọn khối' }]}>
          <Select placeholder="Chọn khối" options={BLOCS.map((b) => ({ value: b, label: BLOC_LABELS[b] }))} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
