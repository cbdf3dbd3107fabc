/** "Sửa hồ sơ": only changed fields are sent, with the version read; conflicts offer "Tải lại". */
import { useEffect, useRef, useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Drawer, Form, Input, Space } from 'antd';
import type { OfficialDetail } from '@app/shared';
import { api } from '../../api/client.ts';
import { applyFieldErrors } from '../../api/forms.ts';
import { useDrawerSize } from '../../layout/useMediaQuery.ts';
import { SaveError } from './ConflictAlert.tsx';
import { fromOfficial, OfficialFormFields, toOfficialBody, type OfficialFormValues } from './OfficialFormFields.tsx';
import { officialKeys } from './officialsApi.ts';
import { useConfirmDiscard, useUnsavedWarning } from './useUnsavedWarning.ts';

type EditValues = OfficialFormValues & { reason?: string };

/**
 * UpdateOfficialRequest is `OfficialFields.partial()`, which keeps `.default(false)` on isLeader and
 * affectedByReorg: a PATCH without them would silently reset both. Every PATCH repeats them.
 */
export function keepFlags(o: { isLeader: boolean; affectedByReorg: boolean }) {
  return { isLeader: o.isLeader, affectedByReorg: o.affectedByReorg };
}

/** Fields whose value differs from the record as loaded. */
function changes(o: OfficialDetail, v: OfficialFormValues): Record<string, unknown> {
  const before = toOfficialBody(fromOfficial(o)) as Record<string, unknown>;
  const after = toOfficialBody(v) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [k, val] of Object.entries(after)) if (JSON.stringify(val) !== JSON.stringify(before[k])) out[k] = val;
  if (!o.canViewSensitive) delete out.cccd; // a masked number is never sent back
  return out;
}

interface Props {
  official: OfficialDetail;
  open: boolean;
  onClose: () => void;
  onReload: () => Promise<OfficialDetail | undefined>;
}

export function EditOfficialDrawer({ official, open, onClose, onReload }: Props) {
  const [form] = Form.useForm<EditValues>();
  const [error, setError] = useState<unknown>(null);
  const [dirty, setDirty] = useState(false);
  const [reloading, setReloading] = useState(false);
  const top = useRef<HTMLDivElement>(null);
  const qc = useQueryClient();
  const { message } = App.useApp();
  const confirmDiscard = useConfirmDiscard();
  const size = useDrawerSize(640);
  useUnsavedWarning(open && dirty);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(fromOfficial(official));
    setDirty(false);
    setError(null);
    // Only when the drawer opens: a background refetch must not wipe what is being typed.
  }, [open]); // only on opening

  // A failed save shows its message at the top of the drawer, wherever the user had scrolled to.
  useEffect(() => {
    if (error) top.current?.scrollIntoView({ block: 'start' });
  }, [error]);

  const save = useMutation({
    mutationFn: (body: Record<string, unknown>) => api.patch<OfficialDetail>(`/api/officials/${official.id}`, body),
    onSuccess: (o) => {
      qc.setQueryData(officialKeys.detail(o.id), o);
      void qc.invalidateQueries({ queryKey: ['officials', 'list'] });
      message.success('Đã lưu hồ sơ.');
      setDirty(false);
      onClose();
    },
    onError: (err) => {
      if (!applyFieldErrors(form, err)) setError(err);
    },
  });

  const submit = (v: EditValues) => {
    const body = changes(official, v);
    if (Object.keys(body).length === 0) {
      message.info('Chưa có thay đổi nào để lưu.');
      return;
    }
    // isLeader and affectedByReorg always go along (see keepFlags).
    save.mutate({ ...body, ...keepFlags(v), version: official.version, ...(v.reason?.trim() ? { reason: v.reason.trim() } : {}) });
  };

  const reload = async () => {
    setReloading(true);
    try {
      const fresh = await onReload();
      if (fresh) {
        form.resetFields();
        form.setFieldsValue(fromOfficial(fresh));
      }
      setDirty(false);
      setError(null);
    } finally {
      setReloading(false);
    }
  };

  const close = () =>
    confirmDiscard(dirty, () => {
      setDirty(false);
      onClose();
    });

  return (
    <Drawer
      title={`Sửa hồ sơ ${official.fullName}`}
      open={open}
      onClose={close}
      size={size}
      extra={
        <Space>
          <Button onClick={close}>Hủy</Button>
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()}>
            Lưu
          </Button>
        </Space>
      }
    >
      <div ref={top} />
      <SaveError error={error} onReload={() => void reload()} reloading={reloading} />
      <Form<EditValues>
        name="officialEdit"
        form={form}
        layout="vertical"
        onFinish={submit}
        onValuesChange={() => setDirty(true)}
        scrollToFirstError
      >
        <OfficialFormFields form={form} commune={official.communeCode} />
        <Form.Item
          label="Lý do thay đổi"
          name="reason"
          extra="Không bắt buộc; được lưu vào lịch sử khi thay đổi làm đổi cờ hoặc vị trí công tác."
          rules={[{ max: 500, message: 'Tối đa 500 ký tự' }]}
        >
          <Input.TextArea rows={2} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
