/** "Thêm / sửa chương trình": defaults by type, live practice share with the 60% warning (SPEC §5). */
import { useEffect, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Col, Drawer, Form, Input, InputNumber, Row, Select, Space, Switch } from 'antd';
import {
  MIN_PRACTICE_SHARE_PCT,
  PROGRAMME_OWNER_LABELS,
  PROGRAMME_OWNERS,
  PROGRAMME_TYPE_DEFAULTS,
  type ProgrammeDetail,
  type ProgrammeOwner,
  type ProgrammeType,
  type TrainingField,
} from '@app/shared';
import { useCurrentUser } from '../../../api/auth.ts';
import { api } from '../../../api/client.ts';
import { applyFieldErrors } from '../../../api/forms.ts';
import type { ProvinceList } from '../../../api/types.ts';
import { useDrawerSize } from '../../../layout/useMediaQuery.ts';
import { SaveError, useConfirmDiscard } from '../common.tsx';
import { FIELD_OPTIONS, isProfessional, options, pctVi, PROGRAMME_TYPE_OPTIONS } from '../labels.tsx';
import { keys } from '../trainingApi.ts';

interface Values {
  name: string;
  type: ProgrammeType;
  owner: ProgrammeOwner;
  ownerProvinceCode?: string | null;
  fields: TrainingField[];
  targetAudience?: string | null;
  durationDays: number;
  totalHours: number;
  practiceHours: number;
  minAttendancePct: number;
  maxExcusedPct: number;
  passScore: number;
  requiresEssay: boolean;
  certificateMeetsRequirement: boolean;
  description?: string | null;
}

const RULE_DEFAULTS = { minAttendancePct: 100, maxExcusedPct: 20, passScore: 5, requiresEssay: false };

function defaultsOf(type: ProgrammeType) {
  const d = PROGRAMME_TYPE_DEFAULTS[type];
  return {
    durationDays: d.durationDays,
    totalHours: d.totalHours,
    practiceHours: d.practiceHours,
    certificateMeetsRequirement: d.certificateMeetsRequirement,
  };
}

interface Props {
  open: boolean;
  programme: ProgrammeDetail | null;
  onClose: () => void;
  onSaved: (p: ProgrammeDetail) => void;
}

export function ProgrammeFormDrawer({ open, programme, onClose, onSaved }: Props) {
  const me = useCurrentUser();
  const [form] = Form.useForm<Values>();
  const size = useDrawerSize(640);
  const qc = useQueryClient();
  const { message } = App.useApp();
  const confirmDiscard = useConfirmDiscard();
  const [error, setError] = useState<unknown>(null);
  const national = me.scope.level === 'nation';
  const provinces = useQuery({
    queryKey: ['units', 'provinces'],
    queryFn: () => api.get<ProvinceList>('/api/units/provinces'),
    enabled: open && national,
  });
  const type = Form.useWatch('type', form);
  const owner = Form.useWatch('owner', form);
  const total = Form.useWatch('totalHours', form) ?? 0;
  const practice = Form.useWatch('practiceHours', form) ?? 0;
  const share = total > 0 ? Math.round((practice / total) * 1000) / 10 : 0;

  useEffect(() => {
    if (!open) return;
    setError(null);
    form.resetFields();
    if (programme) {
      form.setFieldsValue({ ...programme });
    } else {
      const t: ProgrammeType = 'CMNV';
      form.setFieldsValue({
        type: t,
        owner: national ? 'ministry' : 'province',
        ownerProvinceCode: national ? null : (me.scope.provinceCode ?? null),
        fields: [],
        ...defaultsOf(t),
        ...RULE_DEFAULTS,
      });
    }
  }, [open, programme, form, national, me.scope.provinceCode]);

  const save = useMutation({
    mutationFn: (v: Values) => {
      const common = {
        name: v.name.trim(),
        fields: v.fields ?? [],
        targetAudience: v.targetAudience?.trim() || null,
        durationDays: v.durationDays,
        totalHours: v.totalHours,
        practiceHours: v.practiceHours,
        minAttendancePct: v.minAttendancePct,
        maxExcusedPct: v.maxExcusedPct,
        passScore: v.passScore,
        requiresEssay: v.requiresEssay,
        certificateMeetsRequirement: v.certificateMeetsRequirement,
        description: v.description?.trim() || null,
      };
      return programme
        ? api.patch<ProgrammeDetail>(`/api/programmes/${programme.id}`, { ...common, version: programme.version })
        : api.post<ProgrammeDetail>('/api/programmes', {
            ...common,
            type: v.type,
            owner: v.owner,
            ownerProvinceCode: v.owner === 'province' ? (v.ownerProvinceCode ?? null) : null,
          });
    },
    onSuccess: async (r) => {
      const newVersion = programme && r.id !== programme.id;
      message.success(
        newVersion ? `Đã tạo phiên bản dự thảo số ${r.versionNo}; cần phê duyệt để sử dụng.` : programme ? 'Đã lưu chương trình.' : 'Đã thêm chương trình (dự thảo).',
      );
      for (const w of r.warnings) message.warning(w.message, 8);
      await qc.invalidateQueries({ queryKey: keys.programmes });
      onClose();
      onSaved(r);
    },
    onError: (err) => {
      if (!applyFieldErrors(form, err)) setError(err);
    },
  });

  const lowShare = type && isProfessional(type) && total > 0 && Math.round(share) < MIN_PRACTICE_SHARE_PCT;
  const close = () => confirmDiscard(form.isFieldsTouched(), onClose);
  return (
    <Drawer
      title={programme ? `Sửa chương trình ${programme.code}` : 'Thêm chương trình bồi dưỡng'}
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
      <SaveError error={error} onReload={() => { onClose(); void qc.invalidateQueries({ queryKey: keys.programmes }); }} />
      <Form<Values> form={form} name={programme ? 'programme-edit' : 'programme-create'} layout="vertical" onFinish={(v) => save.mutate(v)}>
        <Form.Item label="Tên chương trình" name="name" rules={[{ required: true, whitespace: true, message: 'Vui lòng nhập tên chương trình' }]}>
          <Input maxLength={300} />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={24} md={12}>
            <Form.Item label="Loại chương trình" name="type" rules={[{ required: true }]}>
              <Select
                disabled={!!programme}
                options={PROGRAMME_TYPE_OPTIONS}
                onChange={(t: ProgrammeType) => form.setFieldsValue(defaultsOf(t))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label="Cơ quan chủ quản" name="owner" rules={[{ required: true }]}>
              <Select disabled={!!programme || !national} options={options(PROGRAMME_OWNERS, PROGRAMME_OWNER_LABELS)} />
            </Form.Item>
          </Col>
        </Row>
        {owner === 'province' && national && !programme && (
          <Form.Item label="Tỉnh chủ quản" name="ownerProvinceCode" rules={[{ required: true, message: 'Vui lòng chọn tỉnh' }]}>
            <Select showSearch optionFilterProp="label" loading={provinces.isPending} options={(provinces.data?.items ?? []).map((p) => ({ value: p.code, label: p.fullName }))} />
          </Form.Item>
        )}
        <Form.Item
          label="Lĩnh vực"
          name="fields"
          extra={type && PROGRAMME_TYPE_DEFAULTS[type].requiresField ? 'Loại chương trình này cần ít nhất một lĩnh vực.' : undefined}
        >
          <Select mode="multiple" allowClear optionFilterProp="label" options={FIELD_OPTIONS} placeholder="Chọn lĩnh vực" />
        </Form.Item>
        <Form.Item label="Đối tượng bồi dưỡng" name="targetAudience">
          <Input maxLength={500} />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={24} sm={8}>
            <Form.Item label="Thời lượng (ngày)" name="durationDays" rules={[{ required: true, message: 'Nhập số ngày' }]}>
              <InputNumber min={1} max={1000} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={8}>
            <Form.Item label="Tổng số giờ" name="totalHours" rules={[{ required: true, message: 'Nhập tổng số giờ' }]}>
              <InputNumber min={1} max={10000} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={8}>
            <Form.Item label="Giờ thực hành, tình huống, mô phỏng" name="practiceHours" rules={[{ required: true, message: 'Nhập số giờ' }]}>
              <InputNumber min={0} max={10000} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Alert
          type={lowShare ? 'warning' : 'info'}
          showIcon
          style={{ marginBottom: 16 }}
          title={
            lowShare
              ? `Tỷ lệ thực hành ${pctVi(share)} — dưới ${MIN_PRACTICE_SHARE_PCT}% mà chương trình chuyên môn, kỹ năng cần có. Vẫn lưu được, nhưng chương trình sẽ mang cảnh báo.`
              : `Tỷ lệ thực hành, tình huống, mô phỏng: ${pctVi(share)}`
          }
        />
        <Row gutter={12}>
          <Col xs={24} sm={8}>
            <Form.Item label="Tham dự tối thiểu (%)" name="minAttendancePct" rules={[{ required: true }]}>
              <InputNumber min={0} max={100} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={8}>
            <Form.Item label="Vắng có phép tối đa (%)" name="maxExcusedPct" rules={[{ required: true }]}>
              <InputNumber min={0} max={100} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={8}>
            <Form.Item label="Điểm đạt (0–10)" name="passScore" rules={[{ required: true }]}>
              <InputNumber min={0} max={10} step={0.5} decimalSeparator="," style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item label="Yêu cầu bài thu hoạch" name="requiresEssay" valuePropName="checked">
          <Switch checkedChildren="Có" unCheckedChildren="Không" />
        </Form.Item>
        <Form.Item
          label="Chứng chỉ được tính là đáp ứng yêu cầu chuyên môn"
          name="certificateMeetsRequirement"
          valuePropName="checked"
          extra="Chỉ chương trình bồi dưỡng kiến thức chuyên môn chuyên ngành (3 tháng) được đánh dấu."
        >
          <Switch checkedChildren="Có" unCheckedChildren="Không" disabled={type !== 'CMCN'} />
        </Form.Item>
        <Form.Item label="Mô tả" name="description">
          <Input.TextArea rows={3} maxLength={4000} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
