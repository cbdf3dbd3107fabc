/** Fields of the class form: programme, organiser, place (host and liên xã communes), schedule, seats, budget. */
import { useQuery } from '@tanstack/react-query';
import { Col, DatePicker, Divider, Form, Input, InputNumber, Row, Select, Switch, type FormInstance } from 'antd';
import type { Dayjs } from 'dayjs';
import {
  BUDGET_SOURCE_LABELS,
  CLASS_MODE_LABELS,
  CLASS_MODES,
  formatNumberVi,
  SCHEDULE_TYPE_LABELS,
  SCHEDULE_TYPES,
  type ClassMode,
  type PlanListResponse,
  type ScheduleType,
} from '@app/shared';
import { hasPermission, useCurrentUser } from '../../../api/auth.ts';
import { api } from '../../../api/client.ts';
import type { CommuneList, ProvinceList } from '../../../api/types.ts';
import { options } from '../labels.tsx';
import { DATE_FORMAT, keys, useProgrammeOptions, useTrainingOrgs } from '../trainingApi.ts';

export interface ClassValues {
  name: string;
  code?: string;
  programmeId: number;
  organiserId?: number;
  provinceCode?: string | null;
  hostCommuneCode?: string | null;
  communeCodes: string[];
  planId?: number | null;
  mode: ClassMode;
  scheduleType: ScheduleType;
  dates: [Dayjs, Dayjs];
  capacity: number;
  requiresUnitHeadApproval: boolean;
  budgetPlannedCentral: number;
  budgetPlannedLocal: number;
  budgetPlannedSponsor: number;
  budgetActualCentral: number;
  budgetActualLocal: number;
  budgetActualSponsor: number;
  supportPerLearner: number;
  assessmentCount: number;
  note?: string;
}

const money = {
  min: 0,
  style: { width: '100%' },
  formatter: (v: string | number | undefined) => (v === undefined || v === '' ? '' : formatNumberVi(Number(v))),
  parser: (v: string | undefined) => (v ?? '').replace(/\D/g, ''),
  suffix: 'đ',
};

export function ClassFormFields({ form, editing, open }: { form: FormInstance<ClassValues>; editing: boolean; open: boolean }) {
  const me = useCurrentUser();
  const province = Form.useWatch('provinceCode', form);
  const scheduleType = Form.useWatch('scheduleType', form);
  const programmes = useProgrammeOptions(open);
  const orgs = useTrainingOrgs();
  const provinces = useQuery({ queryKey: ['units', 'provinces'], queryFn: () => api.get<ProvinceList>('/api/units/provinces'), enabled: open });
  const communes = useQuery({
    queryKey: ['units', 'communes', province ?? '', '', '', ''],
    queryFn: () => api.get<CommuneList>(`/api/units/provinces/${province ?? ''}/communes`),
    enabled: open && Boolean(province),
    staleTime: 5 * 60_000,
  });
  const plans = useQuery({
    queryKey: [...keys.plans, 'options'],
    queryFn: () => api.get<PlanListResponse>('/api/plans'),
    enabled: open && hasPermission(me, 'plans.read'),
  });
  const communeOptions = (communes.data?.items ?? []).map((c) => ({ value: c.code, label: c.fullName }));
  const ownOrg = me.role === 'training_org';
  const ownProvince = me.role === 'province_admin';

  return (
    <>
      <Form.Item label="Tên lớp" name="name" rules={[{ required: true, whitespace: true, message: 'Vui lòng nhập tên lớp' }]}>
        <Input maxLength={300} />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={24} md={12}>
          <Form.Item label="Mã lớp" name="code" extra={editing ? undefined : 'Để trống: phần mềm tự đặt (L<năm>.<cơ sở>.<số>).'}>
            <Input maxLength={40} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label="Số học viên tối đa" name="capacity" rules={[{ required: true, message: 'Nhập sĩ số tối đa' }]}>
            <InputNumber min={1} max={100000} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label="Chương trình" name="programmeId" rules={[{ required: true, message: 'Vui lòng chọn chương trình đã phê duyệt' }]}>
        <Select
          showSearch
          optionFilterProp="label"
          loading={programmes.isPending}
          options={(programmes.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.code} — ${p.name}` }))}
        />
      </Form.Item>
      <Form.Item label="Cơ sở tổ chức lớp" name="organiserId" rules={[{ required: !ownOrg, message: 'Vui lòng chọn cơ sở đào tạo' }]}>
        <Select
          disabled={ownOrg}
          showSearch
          optionFilterProp="label"
          placeholder={ownOrg ? me.scopeNames.trainingOrgName : undefined}
          options={(orgs.data?.items ?? [])
            .filter((o) => o.active && (!ownProvince || o.provinceCode === null || o.provinceCode === me.scope.provinceCode))
            .map((o) => ({ value: o.id, label: o.name }))}
        />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={24} md={12}>
          <Form.Item label="Tỉnh, thành phố của lớp" name="provinceCode" extra="Để trống: lớp nhận học viên cả nước.">
            <Select
              allowClear={!ownProvince}
              disabled={ownProvince}
              showSearch
              optionFilterProp="label"
              options={(provinces.data?.items ?? []).map((p) => ({ value: p.code, label: p.fullName }))}
              onChange={() => form.setFieldsValue({ hostCommuneCode: null, communeCodes: [] })}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label="Xã đăng cai" name="hostCommuneCode">
            <Select allowClear showSearch optionFilterProp="label" disabled={!province} loading={communes.isFetching} options={communeOptions} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item
        label="Các xã có học viên (liên xã)"
        name="communeCodes"
        extra="Để trống: mọi xã của tỉnh được cử học viên. Xã đăng cai luôn được tính."
      >
        <Select mode="multiple" allowClear showSearch optionFilterProp="label" disabled={!province} options={communeOptions} />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={24} md={8}>
          <Form.Item label="Hình thức học" name="mode" rules={[{ required: true }]}>
            <Select options={options(CLASS_MODES, CLASS_MODE_LABELS)} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item label="Thời gian học" name="scheduleType" rules={[{ required: true }]}>
            <Select options={options(SCHEDULE_TYPES, SCHEDULE_TYPE_LABELS)} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item label="Số bài kiểm tra, đánh giá" name="assessmentCount">
            <InputNumber min={0} max={20} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      {scheduleType === 'trong_gio' && (
        <p style={{ margin: '-12px 0 16px', color: '#5b6472', fontSize: 13 }}>
          Lớp trong giờ hành chính: khi cử học, phần mềm kiểm tra để mỗi đơn vị vẫn đủ người làm việc.
        </p>
      )}
      <Row gutter={12}>
        <Col xs={24} md={12}>
          <Form.Item label="Khai giảng – bế giảng" name="dates" rules={[{ required: true, message: 'Chọn ngày khai giảng và bế giảng' }]}>
            <DatePicker.RangePicker format={DATE_FORMAT} placeholder={['Khai giảng', 'Bế giảng']} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label="Kế hoạch" name="planId">
            <Select allowClear showSearch optionFilterProp="label" options={(plans.data?.items ?? []).map((p) => ({ value: p.id, label: p.title }))} placeholder="Không gắn kế hoạch" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label="Cần thủ trưởng đơn vị duyệt cử học" name="requiresUnitHeadApproval" valuePropName="checked">
        <Switch checkedChildren="Có" unCheckedChildren="Không" />
      </Form.Item>
      <Divider titlePlacement="start" style={{ fontSize: 14 }}>
        Kinh phí
      </Divider>
      <Row gutter={12}>
        {(['Central', 'Local', 'Sponsor'] as const).map((s) => (
          <Col xs={24} md={8} key={s}>
            <Form.Item label={`Dự kiến — ${BUDGET_SOURCE_LABELS[s.toLowerCase() as 'central']}`} name={`budgetPlanned${s}`}>
              <InputNumber {...money} />
            </Form.Item>
            <Form.Item label={`Thực chi — ${BUDGET_SOURCE_LABELS[s.toLowerCase() as 'central']}`} name={`budgetActual${s}`}>
              <InputNumber {...money} />
            </Form.Item>
          </Col>
        ))}
      </Row>
      <Form.Item label="Mức hỗ trợ mỗi học viên" name="supportPerLearner">
        <InputNumber {...money} />
      </Form.Item>
      <Form.Item label="Ghi chú" name="note">
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
    </>
  );
}
