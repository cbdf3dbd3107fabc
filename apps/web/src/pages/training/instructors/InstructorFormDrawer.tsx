/** "Thêm / sửa giảng viên, báo cáo viên". */
import { useEffect, useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Drawer, Form, Input, Select, Space, Switch } from 'antd';
import { INSTRUCTOR_KIND_LABELS, INSTRUCTOR_KINDS, type InstructorItem, type InstructorKind, type TrainingField } from '@app/shared';
import { useCurrentUser } from '../../../api/auth.ts';
import { api } from '../../../api/client.ts';
import { applyFieldErrors } from '../../../api/forms.ts';
import { useDrawerSize } from '../../../layout/useMediaQuery.ts';
import { SaveError, useConfirmDiscard } from '../common.tsx';
import { FIELD_OPTIONS, options } from '../labels.tsx';
import { keys, useTrainingOrgs } from '../trainingApi.ts';

interface Values {
  fullName: string;
  kind: InstructorKind;
  orgId?: number | null;
  organisation?: string;
  jobTitle?: string;
  fields: TrainingField[];
  email?: string;
  phone?: string;
  active: boolean;
}

interface Props {
  open: boolean;
  instructor: InstructorItem | null;
  onClose: () => void;
  onSaved: (i: InstructorItem) => void;
}

export function InstructorFormDrawer({ open, instructor, onClose, onSaved }: Props) {
  const me = useCurrentUser();
  const [form] = Form.useForm<Values>();
  const size = useDrawerSize(560);
  const qc = useQueryClient();
  const { message } = App.useApp();
  const confirmDiscard = useConfirmDiscard();
  const [error, setError] = useState<unknown>(null);
  const orgs = useTrainingOrgs();
  const ownOrg = me.role === 'training_org';
  const orgOptions = (orgs.data?.items ?? [])
    .filter((o) => me.scope.level === 'nation' || (me.scope.level === 'province' ? o.provinceCode === me.scope.provinceCode : o.id === me.scope.trainingOrgId))
    .map((o) => ({ value: o.id, label: o.name }));

  useEffect(() => {
    if (!open) return;
    setError(null);
    form.resetFields();
    form.setFieldsValue(
      instructor
        ? { ...instructor, organisation: instructor.organisation ?? '', jobTitle: instructor.jobTitle ?? '', email: instructor.email ?? '', phone: instructor.phone ?? '' }
        : { kind: 'giang_vien', fields: [], active: true, orgId: me.scope.trainingOrgId ?? null },
    );
  }, [open, instructor, form, me.scope.trainingOrgId]);

  const save = useMutation({
    mutationFn: (v: Values) => {
      const body = {
        fullName: v.fullName.trim(),
        kind: v.kind,
        orgId: v.orgId ?? null,
        organisation: v.organisation?.trim() || null,
        jobTitle: v.jobTitle?.trim() || null,
        fields: v.fields ?? [],
        email: v.email?.trim() || null,
        phone: v.phone?.trim() || null,
        active: v.active,
      };
      return instructor
        ? api.patch<InstructorItem>(`/api/instructors/${instructor.id}`, { ...body, version: instructor.version })
        : api.post<InstructorItem>('/api/instructors', body);
    },
    onSuccess: async (r) => {
      message.success(instructor ? 'Đã lưu thông tin giảng viên.' : `Đã thêm ${r.fullName}.`);
      await qc.invalidateQueries({ queryKey: keys.instructors });
      onClose();
      onSaved(r);
    },
    onError: (err) => {
      if (!applyFieldErrors(form, err)) setError(err);
    },
  });

  const close = () => confirmDiscard(form.isFieldsTouched(), onClose);
  return (
    <Drawer
      title={instructor ? `Sửa: ${instructor.fullName}` : 'Thêm giảng viên, báo cáo viên'}
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
      <SaveError error={error} onReload={() => { onClose(); void qc.invalidateQueries({ queryKey: keys.instructors }); }} />
      <Form<Values> form={form} name={instructor ? 'instructor-edit' : 'instructor-create'} layout="vertical" onFinish={(v) => save.mutate(v)}>
        <Form.Item label="Họ và tên" name="fullName" rules={[{ required: true, whitespace: true, message: 'Vui lòng nhập họ và tên' }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item label="Loại" name="kind" rules={[{ required: true }]}>
          <Select options={options(INSTRUCTOR_KINDS, INSTRUCTOR_KIND_LABELS)} />
        </Form.Item>
        <Form.Item label="Cơ sở đào tạo quản lý" name="orgId" extra="Cơ sở mời và quản lý người này.">
          <Select allowClear={!ownOrg} disabled={ownOrg} showSearch optionFilterProp="label" options={orgOptions} placeholder="Không thuộc cơ sở nào" />
        </Form.Item>
        <Form.Item label="Nơi công tác" name="organisation">
          <Input maxLength={300} placeholder="Ví dụ: Sở Tài chính tỉnh Đắk Lắk" />
        </Form.Item>
        <Form.Item label="Chức danh, học hàm, học vị" name="jobTitle">
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item label="Lĩnh vực" name="fields">
          <Select mode="multiple" allowClear optionFilterProp="label" options={FIELD_OPTIONS} />
        </Form.Item>
        <Form.Item label="Thư điện tử" name="email" rules={[{ type: 'email', message: 'Thư điện tử không hợp lệ' }]}>
          <Input type="email" />
        </Form.Item>
        <Form.Item label="Số điện thoại" name="phone">
          <Input type="tel" />
        </Form.Item>
        <Form.Item label="Đang mời giảng" name="active" valuePropName="checked">
          <Switch checkedChildren="Có" unCheckedChildren="Không" />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
