/** Add or edit a job position (VTVL) and its requirements; the level follows the user's scope. */
import { useEffect, useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Drawer, Form, Input, Select, Space, Switch } from 'antd';
import {
  PROGRAMME_TYPE_LABELS,
  PROGRAMME_TYPES,
  TRAINING_FIELD_LABELS,
  TRAINING_FIELDS,
  type Bloc,
  type EduLevel,
  type OfficialType,
  type PositionItem,
  type ProgrammeType,
  type StudyField,
  type TrainingField,
} from '@app/shared';
import { api } from '../../api/client.ts';
import { applyFieldErrors } from '../../api/forms.ts';
import { useDrawerSize } from '../../layout/useMediaQuery.ts';
import { SaveError } from '../officials/ConflictAlert.tsx';
import { filterOption, OPTIONS } from '../officials/labels.tsx';
import { useConfirmDiscard } from '../officials/useUnsavedWarning.ts';

export type PositionLevel = PositionItem['level'];

interface Values {
  name: string;
  bloc?: Bloc | null;
  officialType?: OfficialType | null;
  isLeader: boolean;
  requiredEduLevel?: EduLevel | null;
  requiredStudyFields: StudyField[];
  requiredProgrammes: ProgrammeType[];
  trainingFields: TrainingField[];
  active: boolean;
}

interface Props {
  /** null: closed; 'new': add; an item: edit it. */
  target: PositionItem | 'new' | null;
  level: PositionLevel;
  communeCode?: string;
  provinceCode?: string;
  onClose: () => void;
}

const programmeOptions = PROGRAMME_TYPES.map((p) => ({ value: p, label: PROGRAMME_TYPE_LABELS[p] }));
const fieldOptions = TRAINING_FIELDS.map((f) => ({ value: f, label: TRAINING_FIELD_LABELS[f] }));

export function PositionDrawer({ target, level, communeCode, provinceCode, onClose }: Props) {
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<unknown>(null);
  const [dirty, setDirty] = useState(false);
  const qc = useQueryClient();
  const { message } = App.useApp();
  const confirmDiscard = useConfirmDiscard();
  const size = useDrawerSize(560);
  const editing = target !== null && target !== 'new' ? target : null;

  useEffect(() => {
    if (target === null) return;
    form.resetFields();
    setError(null);
    setDirty(false);
    if (editing) form.setFieldsValue({ ...editing });
  }, [target]); // only when the drawer opens on another target

  const save = useMutation({
    mutationFn: (v: Values) => {
      const body = {
        name: v.name.trim(),
        bloc: v.bloc ?? null,
        officialType: v.officialType ?? null,
        isLeader: v.isLeader,
        requiredEduLevel: v.requiredEduLevel ?? null,
        requiredStudyFields: v.requiredStudyFields,
        requiredProgrammes: v.requiredProgrammes,
        trainingFields: v.trainingFields,
      };
      if (editing) return api.patch<PositionItem>(`/api/positions/${editing.id}`, { ...body, active: v.active, version: editing.version });
      return api.post<PositionItem>('/api/positions', {
        ...body,
        level,
        communeCode: level === 'commune' ? communeCode : undefined,
        provinceCode: level === 'province' ? provinceCode : undefined,
      });
    },
    onSuccess: async (p) => {
      message.success(editing ? `Đã lưu vị trí “${p.name}”.` : `Đã thêm vị trí “${p.name}”.`);
      setDirty(false);
      onClose();
      await qc.invalidateQueries({ queryKey: ['positions'] });
    },
    onError: (err) => {
      if (!applyFieldErrors(form, err)) setError(err);
    },
  });

  const close = () =>
    confirmDiscard(dirty, () => {
      setDirty(false);
      onClose();
    });

  return (
    <Drawer
      title={editing ? `Sửa vị trí việc làm` : 'Thêm vị trí việc làm'}
      open={target !== null}
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
      <SaveError
        error={error}
        onReload={() => {
          void qc.invalidateQueries({ queryKey: ['positions'] });
          setDirty(false);
          onClose();
        }}
      />
      <Form<Values>
        name="position"
        form={form}
        layout="vertical"
        initialValues={{ isLeader: false, active: true, requiredStudyFields: [], requiredProgrammes: [], trainingFields: [] }}
        onValuesChange={() => setDirty(true)}
        onFinish={(v) => save.mutate(v)}
      >
        <Form.Item
          label="Tên vị trí việc làm"
          name="name"
          rules={[
            { required: true, whitespace: true, message: 'Vui lòng nhập tên vị trí việc làm' },
            { min: 2, max: 200, message: 'Tên có từ 2 đến 200 ký tự' },
          ]}
        >
          <Input />
        </Form.Item>
        <Form.Item label="Khối" name="bloc">
          <Select allowClear placeholder="Mọi khối" options={OPTIONS.bloc} />
        </Form.Item>
        <Form.Item label="Loại" name="officialType">
          <Select allowClear placeholder="Cán bộ hoặc công chức" options={OPTIONS.type} />
        </Form.Item>
        <Form.Item label="Vị trí lãnh đạo, quản lý" name="isLeader" valuePropName="checked">
          <Switch checkedChildren="Có" unCheckedChildren="Không" />
        </Form.Item>
        <Form.Item label="Trình độ chuyên môn tối thiểu" name="requiredEduLevel">
          <Select allowClear placeholder="Không yêu cầu" options={OPTIONS.eduLevel} />
        </Form.Item>
        <Form.Item label="Chuyên ngành phù hợp" name="requiredStudyFields" extra="Để trống nếu mọi chuyên ngành đều phù hợp.">
          <Select mode="multiple" allowClear showSearch={{ filterOption }} placeholder="Chọn chuyên ngành" options={OPTIONS.studyField} />
        </Form.Item>
        <Form.Item label="Chương trình bồi dưỡng bắt buộc" name="requiredProgrammes">
          <Select mode="multiple" allowClear placeholder="Chọn chương trình" options={programmeOptions} />
        </Form.Item>
        <Form.Item label="Lĩnh vực bồi dưỡng của vị trí" name="trainingFields">
          <Select mode="multiple" allowClear showSearch={{ filterOption }} placeholder="Chọn lĩnh vực" options={fieldOptions} />
        </Form.Item>
        {editing && (
          <Form.Item
            label="Đang sử dụng"
            name="active"
            valuePropName="checked"
            extra="Tắt để ngừng dùng vị trí cho hồ sơ mới; hồ sơ đã có vẫn giữ."
          >
            <Switch checkedChildren="Đang dùng" unCheckedChildren="Ngừng dùng" />
          </Form.Item>
        )}
      </Form>
    </Drawer>
  );
}
