/** The seven roles of SPEC §0 and the scope each is bound to. */
export const ROLES = [
  'national_admin',
  'province_admin',
  'commune_admin',
  'unit_head',
  'training_org',
  'official',
  'reviewer',
] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  national_admin: 'Quản trị Bộ Nội vụ',
  province_admin: 'Quản trị Sở Nội vụ',
  commune_admin: 'Quản trị cấp xã',
  unit_head: 'Thủ trưởng đơn vị',
  training_org: 'Cơ sở đào tạo, bồi dưỡng',
  official: 'Cán bộ, công chức (học viên)',
  reviewer: 'Người xem xét, thẩm định',
};

export type ScopeLevel = 'nation' | 'province' | 'commune' | 'unit' | 'training_org' | 'self';

export interface Scope {
  level: ScopeLevel;
  provinceCode?: string;
  communeCode?: string;
  unitId?: number;
  trainingOrgId?: number;
}

/** Which roles each role may create and manage (issue 2 §4). */
export const MANAGEABLE_ROLES: Record<Role, readonly Role[]> = {
  national_admin: ['national_admin', 'province_admin', 'training_org', 'reviewer'],
  province_admin: ['commune_admin', 'reviewer'],
  commune_admin: ['unit_head', 'official'],
  unit_head: [],
  training_org: [],
  official: [],
  reviewer: [],
};

/** Scope level a role's accounts are bound to. A reviewer may be national (auditors) or provincial. */
export function scopeLevelOfRole(role: Role, hasProvince: boolean): ScopeLevel {
  switch (role) {
    case 'national_admin':
      return 'nation';
    case 'province_admin':
      return 'province';
    case 'reviewer':
      return hasProvince ? 'province' : 'nation';
    case 'commune_admin':
      return 'commune';
    case 'unit_head':
      return 'unit';
    case 'training_org':
      return 'training_org';
    case 'official':
      return 'self';
  }
}
