/** Where a new account sits, from its role and what the creator chose (pure). */
import type { Role } from '@app/shared';

export interface Placement {
  provinceCode: string | null;
  communeCode: string | null;
  unitId: number | null;
  trainingOrgId: number | null;
}

/** Which placement fields a role's account needs, for validation messages. */
export function requiredPlacement(role: Role): (keyof Placement)[] {
  switch (role) {
    case 'national_admin':
      return [];
    case 'province_admin':
      return ['provinceCode'];
    case 'reviewer':
      return [];
    case 'commune_admin':
    case 'official':
      return ['communeCode'];
    case 'unit_head':
      return ['unitId'];
    case 'training_org':
      return ['trainingOrgId'];
  }
}

/** Fields that must stay empty for a role (e.g. a national admin has no province). */
export function forbiddenPlacement(role: Role): (keyof Placement)[] {
  const all: (keyof Placement)[] = ['provinceCode', 'communeCode', 'unitId', 'trainingOrgId'];
  switch (role) {
    case 'national_admin':
      return all;
    case 'province_admin':
    case 'reviewer':
      return ['communeCode', 'unitId', 'trainingOrgId'];
    case 'commune_admin':
      return ['unitId', 'trainingOrgId'];
    case 'official':
      return ['trainingOrgId'];
    case 'unit_head':
      return ['trainingOrgId'];
    case 'training_org':
      return ['communeCode', 'unitId'];
  }
}
