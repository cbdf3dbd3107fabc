/**
 * Place picker for province and national admins: a province (national admins only) and a commune
 * of it. Commune admins work in their own commune and never see it.
 */
import { Select } from 'antd';
import type { MeResponse } from '@app/shared';
import { useProvinces } from '../units/unitsApi.ts';
import { useProvinceCommunes } from '../users/usersApi.ts';
import { filterOption } from './labels.tsx';

export interface Place {
  province?: string;
  commune?: string;
}

/** Does this user pick a commune (rather than work in a fixed one)? */
export const picksCommune = (me: MeResponse) => !me.scope.communeCode && (me.scope.level === 'nation' || me.scope.level === 'province');

/** The commune the user works in: its own, or the one picked. */
export const communeOf = (me: MeResponse, picked?: string) => me.scope.communeCode ?? picked;

interface Props {
  me: MeResponse;
  value: Place;
  onChange: (next: Place) => void;
  /** Allow "all communes" (lists) or require one (import, urgent list). */
  allowAll?: boolean;
}

export function CommunePicker({ me, value, onChange, allowAll = true }: Props) {
  const national = me.scope.level === 'nation';
  const province = national ? value.province : me.scope.provinceCode;
  const provinces = useProvinces(national);
  const communes = useProvinceCommunes(province, Boolean(province));
  if (!picksCommune(me)) return null;
  return (
    <>
      {national && (
        <Select
          aria-label="Tỉnh, thành phố"
          placeholder={allowAll ? 'Tỉnh, thành phố: tất cả' : 'Chọn tỉnh, thành phố'}
          allowClear={allowAll}
          showSearch={{ filterOption }}
          style={{ width: 220, maxWidth: '100%' }}
          value={value.province}
          loading={provinces.isPending}
          onChange={(p?: string) => onChange({ province: p, commune: undefined })}
          options={(provinces.data?.items ?? []).map((p) => ({ value: p.code, label: p.name }))}
        />
      )}
      <Select
        aria-label="Xã, phường, đặc khu"
        placeholder={province ? (allowAll ? 'Xã, phường: tất cả' : 'Chọn xã, phường, đặc khu') : 'Chọn tỉnh trước'}
        disabled={!province}
        allowClear={allowAll}
        showSearch={{ filterOption }}
        style={{ width: 240, maxWidth: '100%' }}
        value={value.commune}
        loading={Boolean(province) && communes.isPending}
        onChange={(c?: string) => onChange({ province: value.province, commune: c })}
        options={(communes.data?.items ?? []).map((c) => ({ value: c.code, label: c.name }))}
      />
    </>
  );
}
