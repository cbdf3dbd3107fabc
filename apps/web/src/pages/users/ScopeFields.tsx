/**
 * The scope field a new account needs, by role: a province (province_admin, reviewer), a commune
 * (commune_admin), a unit (unit_head; optional for an official) or a training organisation (training_org).
 */
import { Form, Select } from 'antd';
import type { MeResponse, Role } from '@app/shared';
import { useProvinces } from '../units/unitsApi.ts';
import { foldVi, useCommuneUnits, useProvinceCommunes, useTrainingOrgs } from './usersApi.ts';

export type ScopeField = 'provinceCode' | 'communeCode' | 'unitId' | 'trainingOrgId';

/** Which scope field the form asks for, given the creator and the new account's role. */
export function scopeFieldFor(me: MeResponse, role: Role | undefined): ScopeField | undefined {
  switch (role) {
    case 'province_admin':
    case 'reviewer':
      return me.scope.level === 'nation' ? 'provinceCode' : undefined;
    case 'commune_admin':
      return 'communeCode';
    case 'unit_head':
    case 'official':
      return me.scope.communeCode ? 'unitId' : undefined;
    case 'training_org':
      return 'trainingOrgId';
    default:
      return undefined;
  }
}

const searchable = {
  showSearch: {
    filterOption: (input: string, option?: { label?: unknown }) => foldVi(String(option?.label ?? '')).includes(foldVi(input)),
  },
};

export function ScopeFields({ me, role }: { me: MeResponse; role: Role | undefined }) {
  const field = scopeFieldFor(me, role);
  const provinces = useProvinces(field === 'provinceCode');
  const communes = useProvinceCommunes(me.scope.provinceCode, field === 'communeCode');
  const units = useCommuneUnits(me.scope.communeCode, field === 'unitId');
  const orgs = useTrainingOrgs(field === 'trainingOrgId');

  switch (field) {
    case 'provinceCode':
      return (
        <Form.Item
          label="Tỉnh, thành phố"
          name="provinceCode"
          rules={role === 'province_admin' ? [{ required: true, message: 'Vui lòng chọn tỉnh, thành phố' }] : []}
          extra={role === 'reviewer' ? 'Để trống nếu người xem xét làm việc trên phạm vi toàn quốc.' : undefined}
        >
          <Select
            {...searchable}
            allowClear
            placeholder="Chọn tỉnh, thành phố"
            loading={provinces.isPending}
            options={(provinces.data?.items ?? []).map((p) => ({ value: p.code, label: p.name }))}
          />
        </Form.Item>
      );
    case 'communeCode':
      return (
        <Form.Item label="Xã, phường, đặc khu" name="communeCode" rules={[{ required: true, message: 'Vui lòng chọn xã, phường' }]}>
          <Select
            {...searchable}
            placeholder="Chọn xã, phường"
            loading={communes.isPending}
            options={(communes.data?.items ?? []).map((c) => ({ value: c.code, label: c.name }))}
          />
        </Form.Item>
      );
    case 'unitId':
      return (
        <Form.Item
          label={role === 'official' ? 'Cơ quan, đơn vị công tác' : 'Cơ quan, đơn vị'}
          name="unitId"
          rules={role === 'unit_head' ? [{ required: true, message: 'Vui lòng chọn cơ quan, đơn vị' }] : []}
          extra={role === 'official' ? 'Có thể để trống và bổ sung sau.' : undefined}
        >
          <Select
            {...searchable}
            allowClear
            placeholder="Chọn cơ quan, đơn vị"
            loading={units.isPending}
            options={(units.data?.units ?? []).filter((u) => !u.validTo).map((u) => ({ value: u.id, label: u.name }))}
          />
        </Form.Item>
      );
    case 'trainingOrgId':
      return (
        <Form.Item
          label="Cơ sở đào tạo, bồi dưỡng"
          name="trainingOrgId"
          rules={[{ required: true, message: 'Vui lòng chọn cơ sở đào tạo' }]}
        >
          <Select
            {...searchable}
            placeholder="Chọn cơ sở đào tạo, bồi dưỡng"
            loading={orgs.isPending}
            options={(orgs.data?.items ?? []).filter((o) => o.active).map((o) => ({ value: o.id, label: o.name }))}
          />
        </Form.Item>
      );
    default:
      return null;
  }
}
