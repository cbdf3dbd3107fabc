/** "Tạo lớp / Sửa lớp" in a drawer with Lưu / Hủy and the record's version. */
import { useEffect, useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Drawer, Form, Space } from 'antd';
import dayjs from 'dayjs';
import type { ClassDetail } from '@app/shared';
import { useCurrentUser } from '../../../api/auth.ts';
import { api } from '../../../api/client.ts';
import { applyFieldErrors } from '../../../api/forms.ts';
import { useDrawerSize } from '../../../layout/useMediaQuery.ts';
import { SaveError, useConfirmDiscard } from '../common.tsx';
import { ISO, keys } from '../trainingApi.ts';
import { ClassFormFields, type ClassValues } from './ClassFormFields.tsx';

interface Props {
  open: boolean;
  cls: ClassDetail | null;
  onClose: () => void;
  onSaved: (c: ClassDetail) => void;
}

function initialValues(cls: ClassDetail | null, me: ReturnType<typeof useCurrentUser>): Partial<ClassValues> {
  if (cls) {
    return {
      ...cls,
      communeCodes: cls.communes.map((c) => c.code).filter((c) => c !== cls.hostCommuneCode),
      dates: [dayjs(cls.startDate, ISO), dayjs(cls.endDate, ISO)],
      note: cls.note ?? undefined,
    };
  }
  return {
    provinceCode: me.scope.provinceCode ?? null,
    organiserId: me.scope.trainingOrgId,
    communeCodes: [],
    mode: 'truc_tiep',
    scheduleType: 'trong_gio',
    capacity: 40,
    assessmentCount: 1,
    requiresUnitHeadApproval: false,
    budgetPlannedCentral: 0,
    budgetPlannedLocal: 0,
    budgetPlannedSponsor: 0,
    budgetActualCentral: 0,
    budgetActualLocal: 0,
    budgetActualSponsor: 0,
    supportPerLearner: 0,
  };
}

export function ClassFormDrawer({ open, cls, onClose, onSaved }: Props) {
  const me = useCurrentUser();
  const [form] = Form.useForm<ClassValues>();
  const size = useDrawerSize(760);
  const qc = useQueryClient();
  const { message } = App.useApp();
  const confirmDiscard = useConfirmDiscard();
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    if (!open) return;
    setError(null);
    form.resetFields();
    form.setFieldsValue(initialValues(cls, me));
  }, [open, cls, form]); // the session (me) does not change while the drawer is open

  const save = useMutation({
    mutationFn: (v: ClassValues) => {
      const body = {
        name: v.name.trim(),
        code: v.code?.trim() || undefined,
        programmeId: v.programmeId,
        organiserId: me.role === 'training_org' ? undefined : v.organiserId,
        provinceCode: v.provinceCode ?? null,
        hostCommuneCode: v.hostCommuneCode ?? null,
        communeCodes: v.communeCodes ?? [],
        planId: v.planId ?? null,
        mode: v.mode,
        scheduleType: v.scheduleType,
        startDate: v.dates[0].format(ISO),
        endDate: v.dates[1].format(ISO),
        capacity: v.capacity,
        requiresUnitHeadApproval: v.requiresUnitHeadApproval,
        budgetPlannedCentral: v.budgetPlannedCentral ?? 0,
        budgetPlannedLocal: v.budgetPlannedLocal ?? 0,
        budgetPlannedSponsor: v.budgetPlannedSponsor ?? 0,
        budgetActualCentral: v.budgetActualCentral ?? 0,
        budgetActualLocal: v.budgetActualLocal ?? 0,
        budgetActualSponsor: v.budgetActualSponsor ?? 0,
        supportPerLearner: v.supportPerLearner ?? 0,
        assessmentCount: v.assessmentCount ?? 1,
        note: v.note?.trim() || null,
      };
      return cls ? api.patch<ClassDetail>(`/api/classes/${cls.id}`, { ...body, version: cls.version }) : api.post<ClassDetail>('/api/classes', body);
    },
    onSuccess: async (r) => {
      message.success(cls ? 'Đã lưu thông tin lớp.' : `Đã tạo lớp ${r.code}.`);
      qc.setQueryData([...keys.classes, 'detail', r.id], r);
      await qc.invalidateQueries({ queryKey: keys.classes });
      onClose();
      onSaved(r);
    },
    onError: (err) => {
      if (!applyFieldErrors(form, err, { startDate: 'dates', endDate: 'dates' })) setError(err);
    },
  });

  const close = () => confirmDiscard(form.isFieldsTouched(), onClose);
  return (
    <Drawer
      title={cls ? `Sửa lớp ${cls.code}` : 'Tạo lớp bồi dưỡng'}
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
      <SaveError error={error} onReload={() => { onClose(); void qc.invalidateQueries({ queryKey: keys.classes }); }} />
      <Form<ClassValues> form={form} name={cls ? 'class-edit' : 'class-create'} layout="vertical" onFinish={(v) => save.mutate(v)} scrollToFirstError>
        <ClassFormFields form={form} editing={!!cls} open={open} />
      </Form>
    </Drawer>
  );
}
