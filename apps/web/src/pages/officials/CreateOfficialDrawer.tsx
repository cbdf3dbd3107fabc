/** "Thêm cán bộ": a drawer with every SPEC §3 field; on success the new record opens. */
import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Drawer, Form, Space } from 'antd';
import type { OfficialDetail } from '@app/shared';
import { useNavigate } from 'react-router-dom';
import { api, errorMessage } from '../../api/client.ts';
import { applyFieldErrors } from '../../api/forms.ts';
import { useDrawerSize } from '../../layout/useMediaQuery.ts';
import { OfficialFormFields, toOfficialBody, type OfficialFormValues } from './OfficialFormFields.tsx';
import { officialKeys } from './officialsApi.ts';

interface Props {
  open: boolean;
  /** The commune the new person works in (a commune admin's own, or the one picked). */
  commune: string;
  communeName?: string;
  onClose: () => void;
}

export function CreateOfficialDrawer({ open, commune, communeName, onClose }: Props) {
  const [form] = Form.useForm<OfficialFormValues>();
  const [error, setError] = useState<unknown>(null);
  const qc = useQueryClient();
  const navigate = useNavigate();
  const { message, modal } = App.useApp();
  const size = useDrawerSize(640);

  const create = useMutation({
    mutationFn: (v: OfficialFormValues) => api.post<OfficialDetail>('/api/officials', { ...toOfficialBody(v), communeCode: commune }),
    onSuccess: async (o) => {
      message.success(`Đã thêm hồ sơ ${o.fullName}.`);
      form.resetFields();
      setError(null);
      onClose();
      await qc.invalidateQueries({ queryKey: officialKeys.all });
      void navigate(`/can-bo/${o.id}`);
    },
    onError: (err) => {
      if (!applyFieldErrors(form, err)) setError(err);
    },
  });

  const close = () => {
    if (!form.isFieldsTouched()) return onClose();
    modal.confirm({
      title: 'Bỏ hồ sơ đang nhập?',
      content: 'Các thông tin bạn vừa nhập chưa được lưu và sẽ mất.',
      okText: 'Bỏ, không lưu',
      okButtonProps: { danger: true },
      cancelText: 'Tiếp tục nhập',
      onOk: () => {
        form.resetFields();
        setError(null);
        onClose();
      },
    });
  };

  return (
    <Drawer
      title="Thêm cán bộ, công chức"
      open={open}
      onClose={close}
      size={size}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={close}>Hủy</Button>
          <Button type="primary" loading={create.isPending} onClick={() => form.submit()}>
            Lưu
          </Button>
        </Space>
      }
    >
      {communeName && <p style={{ marginTop: 0, color: '#5b6472' }}>Xã, phường: {communeName}</p>}
      {error !== null && <Alert type="error" showIcon role="alert" title={errorMessage(error)} style={{ marginBottom: 12 }} />}
      <Form<OfficialFormValues>
        name="officialCreate"
        form={form}
        layout="vertical"
        initialValues={{ isLeader: false, affectedByReorg: false }}
        onFinish={(v) => create.mutate(v)}
        scrollToFirstError
      >
        <OfficialFormFields form={form} commune={commune} />
      </Form>
      <Alert
        type="info"
        showIcon
        title="Dân tộc, tôn giáo và tình trạng sức khỏe là dữ liệu cá nhân nhạy cảm: nhập ở trang hồ sơ, mục “Dữ liệu nhạy cảm”, sau khi lưu."
      />
    </Drawer>
  );
}
