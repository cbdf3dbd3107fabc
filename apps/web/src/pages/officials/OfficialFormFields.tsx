/**
 * The SPEC §3 fields of an official, shared by "Thêm cán bộ" and "Sửa hồ sơ". Checks come from the
 * shared zod schema (OfficialFields) with messages naming the field and the fix.
 */
import { Col, DatePicker, Divider, Form, Input, Row, Select, Switch, type FormInstance } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import {
  OfficialFields,
  type Bloc,
  type EduLevel,
  type Gender,
  type OfficialDetail,
  type OfficialType,
  type PoliticalTheoryLevel,
  type StateMgmtLevel,
  type StudyField,
} from '@app/shared';
import { emptyToNull } from '../../api/forms.ts';
import { filterOption, OPTIONS } from './labels.tsx';
import { useCommuneUnits, usePositions } from './officialsApi.ts';

export interface OfficialFormValues {
  fullName: string;
  birthDate: Dayjs;
  gender: Gender;
  cccd?: string | null;
  email?: string | null;
  phone?: string | null;
  unitId?: number | null;
  positionId?: number | null;
  officialType: OfficialType;
  isLeader: boolean;
  leaderTitle?: string | null;
  bloc: Bloc;
  eduLevel?: EduLevel | null;
  studyField?: StudyField | null;
  studyFieldName?: string | null;
  politicalTheory?: PoliticalTheoryLevel | null;
  stateMgmtLevel?: StateMgmtLevel | null;
  itLevel?: string | null;
  foreignLanguage?: string | null;
  joinedAt?: Dayjs | null;
  affectedByReorg: boolean;
}

export const DATE_FORMAT = 'DD/MM/YYYY';
const iso = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : null);
const day = (s: string | null) => (s ? dayjs(s) : null);

/** Form values → the API's body (OfficialFields). */
export function toOfficialBody(v: OfficialFormValues) {
  return {
    fullName: v.fullName.trim().replace(/\s+/g, ' '),
    birthDate: iso(v.birthDate) ?? '',
    gender: v.gender,
    cccd: emptyToNull(v.cccd),
    email: emptyToNull(v.email),
    phone: emptyToNull(v.phone),
    unitId: v.unitId ?? null,
    positionId: v.positionId ?? null,
    officialType: v.officialType,
    isLeader: v.isLeader,
    leaderTitle: v.isLeader ? emptyToNull(v.leaderTitle) : null,
    bloc: v.bloc,
    eduLevel: v.eduLevel ?? null,
    studyField: v.studyField ?? null,
    studyFieldName: emptyToNull(v.studyFieldName),
    politicalTheory: v.politicalTheory ?? null,
    stateMgmtLevel: v.stateMgmtLevel ?? null,
    itLevel: emptyToNull(v.itLevel),
    foreignLanguage: emptyToNull(v.foreignLanguage),
    joinedAt: iso(v.joinedAt),
    affectedByReorg: v.affectedByReorg,
  };
}

export function fromOfficial(o: OfficialDetail): OfficialFormValues {
  return {
    fullName: o.fullName,
    birthDate: dayjs(o.birthDate),
    gender: o.gender,
    cccd: o.canViewSensitive ? o.cccd : undefined,
    email: o.email,
    phone: o.phone,
    unitId: o.unitId,
    positionId: o.positionId,
    officialType: o.officialType,
    isLeader: o.isLeader,
    leaderTitle: o.leaderTitle,
    bloc: o.bloc,
    eduLevel: o.eduLevel,
    studyField: o.studyField,
    studyFieldName: o.studyFieldName,
    politicalTheory: o.politicalTheory,
    stateMgmtLevel: o.stateMgmtLevel,
    itLevel: o.itLevel,
    foreignLanguage: o.foreignLanguage,
    joinedAt: day(o.joinedAt),
    affectedByReorg: o.affectedByReorg,
  };
}

interface SafeParser {
  safeParse(v: unknown): { success: boolean };
}
/** A rule from the shared schema with our own Vietnamese message; empty values pass. */
const schemaRule = (schema: SafeParser, message: string) => ({
  validator: async (_: unknown, value: unknown) => {
    if (value === undefined || value === null || value === '') return;
    if (!schema.safeParse(typeof value === 'string' ? value.trim() : value).success) throw new Error(message);
  },
});
const S = OfficialFields.shape;

const half = { xs: 24, sm: 12 };
const future = (d: Dayjs) => d.isAfter(dayjs(), 'day');

export function OfficialFormFields({ form, commune }: { form: FormInstance<OfficialFormValues>; commune: string | undefined }) {
  const units = useCommuneUnits(commune);
  const positions = usePositions(commune, Boolean(commune));
  const isLeader = Form.useWatch('isLeader', form);
  const onPosition = (id?: number) => {
    const p = positions.data?.items.find((x) => x.id === id);
    if (!p) return;
    const patch: Partial<OfficialFormValues> = {};
    if (p.bloc) patch.bloc = p.bloc;
    if (p.officialType) patch.officialType = p.officialType;
    if (p.isLeader) patch.isLeader = true;
    form.setFieldsValue(patch);
  };
  const onUnit = (id?: number) => {
    const u = units.data?.units.find((x) => x.id === id);
    if (u && !form.getFieldValue('bloc')) form.setFieldsValue({ bloc: u.bloc });
  };
  return (
    <Row gutter={16}>
      <Col span={24}>
        <Form.Item
          label="Họ và tên"
          name="fullName"
          rules={[
            { required: true, whitespace: true, message: 'Vui lòng nhập họ và tên' },
            schemaRule(S.fullName, 'Họ và tên phải có từ 2 đến 120 ký tự'),
          ]}
        >
          <Input autoComplete="off" placeholder="Ví dụ: Nguyễn Thị Minh Anh" />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item label="Ngày sinh" name="birthDate" rules={[{ required: true, message: 'Vui lòng nhập ngày sinh (dd/mm/yyyy)' }]}>
          <DatePicker format={DATE_FORMAT} placeholder="dd/mm/yyyy" style={{ width: '100%' }} disabledDate={future} />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item label="Giới tính" name="gender" rules={[{ required: true, message: 'Vui lòng chọn giới tính' }]}>
          <Select placeholder="Chọn giới tính" options={OPTIONS.gender} />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item
          label="Số CCCD"
          name="cccd"
          extra="Không bắt buộc; đủ 12 chữ số."
          rules={[schemaRule(S.cccd, 'Số CCCD phải gồm đúng 12 chữ số')]}
        >
          <Input inputMode="numeric" autoComplete="off" maxLength={12} />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item label="Điện thoại" name="phone" rules={[schemaRule(S.phone, 'Số điện thoại không hợp lệ, ví dụ: 0912 345 678')]}>
          <Input type="tel" autoComplete="off" />
        </Form.Item>
      </Col>
      <Col span={24}>
        <Form.Item label="Thư điện tử" name="email" rules={[schemaRule(S.email, 'Thư điện tử không hợp lệ, ví dụ: ten@example.gov.vn')]}>
          <Input type="email" autoComplete="off" />
        </Form.Item>
      </Col>
      <Divider titlePlacement="start" plain>
        Công tác
      </Divider>
      <Col span={24}>
        <Form.Item label="Cơ quan, đơn vị" name="unitId">
          <Select
            allowClear
            showSearch={{ filterOption }}
            placeholder="Chọn cơ quan, đơn vị"
            loading={units.isPending}
            onChange={onUnit}
            options={(units.data?.units ?? []).filter((u) => !u.validTo).map((u) => ({ value: u.id, label: u.name }))}
          />
        </Form.Item>
      </Col>
      <Col span={24}>
        <Form.Item label="Vị trí việc làm" name="positionId" extra="Dùng để tính “đáp ứng yêu cầu chuyên môn của vị trí việc làm”.">
          <Select
            allowClear
            showSearch={{ filterOption }}
            placeholder="Chọn vị trí việc làm"
            loading={positions.isPending}
            onChange={onPosition}
            options={(positions.data?.items ?? []).filter((p) => p.active).map((p) => ({ value: p.id, label: p.name }))}
          />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item label="Loại" name="officialType" rules={[{ required: true, message: 'Vui lòng chọn cán bộ hoặc công chức' }]}>
          <Select placeholder="Cán bộ hoặc công chức" options={OPTIONS.type} />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item label="Khối" name="bloc" rules={[{ required: true, message: 'Vui lòng chọn khối' }]}>
          <Select placeholder="Chọn khối" options={OPTIONS.bloc} />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item label="Lãnh đạo, quản lý" name="isLeader" valuePropName="checked">
          <Switch checkedChildren="Có" unCheckedChildren="Không" />
        </Form.Item>
      </Col>
      <Col {...half}>
        {isLeader && (
          <Form.Item label="Chức vụ" name="leaderTitle" rules={[{ max: 120, message: 'Chức vụ tối đa 120 ký tự' }]}>
            <Input placeholder="Ví dụ: Phó Chủ tịch UBND" />
          </Form.Item>
        )}
      </Col>
      <Col {...half}>
        <Form.Item label="Ngày vào cơ quan" name="joinedAt">
          <DatePicker format={DATE_FORMAT} placeholder="dd/mm/yyyy" style={{ width: '100%' }} />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item label="Chịu tác động của sắp xếp bộ máy" name="affectedByReorg" valuePropName="checked">
          <Switch checkedChildren="Có" unCheckedChildren="Không" />
        </Form.Item>
      </Col>
      <Divider titlePlacement="start" plain>
        Trình độ
      </Divider>
      <Col {...half}>
        <Form.Item label="Trình độ chuyên môn" name="eduLevel">
          <Select allowClear placeholder="Chọn trình độ" options={OPTIONS.eduLevel} />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item label="Chuyên ngành" name="studyField">
          <Select allowClear showSearch={{ filterOption }} placeholder="Chọn nhóm ngành" options={OPTIONS.studyField} />
        </Form.Item>
      </Col>
      <Col span={24}>
        <Form.Item label="Tên chuyên ngành cụ thể" name="studyFieldName" rules={[{ max: 200, message: 'Tối đa 200 ký tự' }]}>
          <Input placeholder="Ví dụ: Luật kinh tế" />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item label="Lý luận chính trị" name="politicalTheory">
          <Select allowClear placeholder="Chưa có" options={OPTIONS.politicalTheory} />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item label="Quản lý nhà nước" name="stateMgmtLevel">
          <Select allowClear placeholder="Chưa có" options={OPTIONS.stateMgmt} />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item label="Tin học" name="itLevel" rules={[{ max: 100, message: 'Tối đa 100 ký tự' }]}>
          <Input placeholder="Ví dụ: Ứng dụng CNTT cơ bản" />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item label="Ngoại ngữ" name="foreignLanguage" rules={[{ max: 100, message: 'Tối đa 100 ký tự' }]}>
          <Input placeholder="Ví dụ: Tiếng Anh B1" />
        </Form.Item>
      </Col>
    </Row>
  );
}
