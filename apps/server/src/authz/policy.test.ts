/** The one authorisation module: permission × target × scope, for every role (pure, no database). */
import { describe, expect, it } from 'vitest';
import { PERMISSIONS, type Permission, type Role } from '@app/shared';
import { AppError } from '../http/errors.ts';
import {
  assertCan,
  can,
  canManageUser,
  inScope,
  listScope,
  manageableRoles,
  permissionsOf,
  scopeOf,
  type Actor,
  type Target,
} from './policy.ts';

function actor(role: Role, place: Partial<Omit<Actor, 'id' | 'username' | 'fullName' | 'role'>> = {}): Actor {
  return {
    id: `id-${role}`,
    username: role,
    fullName: role,
    role,
    provinceCode: null,
    communeCode: null,
    unitId: null,
    trainingOrgId: null,
    officialId: null,
    ...place,
  };
}

// Đắk Lắk (66): Phường Buôn Ma Thuột 24133 (units 100, 101), Phường Tuy Hoà 22015; Hà Nội (01): Phường Ba Đình 00004.
const A = {
  national: actor('national_admin'),
  province66: actor('province_admin', { provinceCode: '66' }),
  province01: actor('province_admin', { provinceCode: '01' }),
  reviewer66: actor('reviewer', { provinceCode: '66' }),
  reviewerNational: actor('reviewer'),
  commune24133: actor('commune_admin', { provinceCode: '66', communeCode: '24133' }),
  unitHead100: actor('unit_head', { provinceCode: '66', communeCode: '24133', unitId: 100 }),
  official100: actor('official', { provinceCode: '66', communeCode: '24133', unitId: 100, officialId: 'o-1' }),
  org7: actor('training_org', { trainingOrgId: 7 }),
  org8in66: actor('training_org', { provinceCode: '66', trainingOrgId: 8 }),
};

const T = {
  commune24133: { provinceCode: '66', communeCode: '24133' },
  commune22015: { provinceCode: '66', communeCode: '22015' },
  commune00004: { provinceCode: '01', communeCode: '00004' },
  province66: { provinceCode: '66' },
  province01: { provinceCode: '01' },
  unit100: { provinceCode: '66', communeCode: '24133', unitId: 100 },
  unit101: { provinceCode: '66', communeCode: '24133', unitId: 101 },
  unitOf22015: { provinceCode: '66', communeCode: '22015', unitId: 555 },
  org7: { trainingOrgId: 7 },
  org8: { provinceCode: '66', trainingOrgId: 8 },
  nowhere: {},
} satisfies Record<string, Target>;

/** Run `fn` and return the AppError it threw (fails the test when nothing or something else is thrown). */
function thrown(fn: () => void): AppError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(AppError);
    return err as AppError;
  }
  throw new Error('expected an AppError, nothing was thrown');
}

describe('scopeOf', () => {
  it('binds every role to its level and places', () => {
    expect(scopeOf(A.national)).toEqual({ level: 'nation' });
    expect(scopeOf(A.province66)).toEqual({ level: 'province', provinceCode: '66' });
    expect(scopeOf(A.reviewer66)).toEqual({ level: 'province', provinceCode: '66' });
    expect(scopeOf(A.reviewerNational)).toEqual({ level: 'nation' });
    expect(scopeOf(A.commune24133)).toEqual({ level: 'commune', provinceCode: '66', communeCode: '24133' });
    expect(scopeOf(A.unitHead100)).toEqual({ level: 'unit', provinceCode: '66', communeCode: '24133', unitId: 100 });
    expect(scopeOf(A.official100)).toEqual({ level: 'self', provinceCode: '66', communeCode: '24133', unitId: 100 });
    expect(scopeOf(A.org7)).toEqual({ level: 'training_org', trainingOrgId: 7 });
    expect(scopeOf(A.org8in66)).toEqual({ level: 'training_org', provinceCode: '66', trainingOrgId: 8 });
  });
});

describe('permissionsOf', () => {
  const table: [string, Actor, Permission[]][] = [
    [
      'national_admin',
      A.national,
      ['units.read', 'units.editRegionType', 'units.manageCommuneUnits', 'trainingOrgs.manage', 'users.read', 'users.manage', 'audit.read'],
    ],
    [
      'province_admin',
      A.province66,
      ['units.read', 'units.editRegionType', 'units.manageCommuneUnits', 'users.read', 'users.manage', 'audit.read'],
    ],
    ['commune_admin', A.commune24133, ['units.read', 'units.manageCommuneUnits', 'users.read', 'users.manage', 'audit.read']],
    ['unit_head', A.unitHead100, ['units.read']],
    ['official', A.official100, ['units.read']],
    ['training_org', A.org7, ['units.read']],
    ['reviewer', A.reviewer66, ['units.read', 'users.read', 'audit.read']],
  ];
  // The permissions of the foundation modules (units, training orgs, users, audit); feature modules add their own.
  const FOUNDATION: readonly Permission[] = [
    'units.read',
    'units.editRegionType',
    'units.manageCommuneUnits',
    'trainingOrgs.manage',
    'users.read',
    'users.manage',
    'audit.read',
  ];
  it.each(table)('grants %s exactly its foundation permissions', (_role, a, perms) => {
    expect(
      permissionsOf(a)
        .filter((p) => FOUNDATION.includes(p))
        .sort(),
    ).toEqual([...perms].sort());
    for (const p of FOUNDATION) expect(can(a, p)).toBe(perms.includes(p));
    // Nothing outside the known list.
    for (const p of permissionsOf(a)) expect(PERMISSIONS).toContain(p);
  });

  it('returns a copy that callers cannot use to grant themselves more', () => {
    const list = permissionsOf(A.official100);
    list.push('users.manage');
    expect(can(A.official100, 'users.manage')).toBe(false);
  });
});

describe('inScope', () => {
  const cases: [string, Actor, Target, boolean][] = [
    ['national: anything', A.national, T.commune00004, true],
    ['national: even an empty target', A.national, T.nowhere, true],
    ['province 66: own commune', A.province66, T.commune22015, true],
    ['province 66: own province', A.province66, T.province66, true],
    ['province 66: unit in its province', A.province66, T.unit101, true],
    ['province 66: Hà Nội commune', A.province66, T.commune00004, false],
    ['province 66: province 01', A.province66, T.province01, false],
    ['province 66: no place given', A.province66, T.nowhere, false],
    ['province 01: Đắk Lắk commune', A.province01, T.commune24133, false],
    ['provincial reviewer: own province', A.reviewer66, T.commune24133, true],
    ['provincial reviewer: other province', A.reviewer66, T.commune00004, false],
    ['national reviewer: other province', A.reviewerNational, T.commune00004, true],
    ['commune: own commune', A.commune24133, T.commune24133, true],
    ['commune: unit in own commune', A.commune24133, T.unit100, true],
    ['commune: neighbour commune', A.commune24133, T.commune22015, false],
    ['commune: unit of neighbour commune', A.commune24133, T.unitOf22015, false],
    ['commune: whole province', A.commune24133, T.province66, false],
    ['unit head: own unit', A.unitHead100, T.unit100, true],
    ['unit head: sibling unit in the same commune', A.unitHead100, T.unit101, false],
    ['unit head: own commune as a whole (reference data)', A.unitHead100, T.commune24133, true],
    ['unit head: other commune', A.unitHead100, T.commune22015, false],
    ['official: own commune as a whole', A.official100, T.commune24133, true],
    ['official: a unit record (not the official’s own)', A.official100, T.unit101, false],
    ['official: other commune', A.official100, T.commune00004, false],
    ['training org: own organisation', A.org7, T.org7, true],
    ['training org: another organisation', A.org7, T.org8, false],
    ['training org: a commune', A.org7, T.commune24133, false],
    ['training org of province 66: a commune of 66 (scope is the org, not the province)', A.org8in66, T.commune24133, false],
  ];
  it.each(cases)('%s', (_label, a, target, expected) => {
    expect(inScope(a, target)).toBe(expected);
  });
});

describe('can', () => {
  it('needs the permission even inside the scope', () => {
    expect(can(A.commune24133, 'units.editRegionType', T.commune24133)).toBe(false);
    expect(can(A.reviewer66, 'users.manage', T.commune24133)).toBe(false);
    expect(can(A.unitHead100, 'users.read', T.unit100)).toBe(false);
    expect(can(A.official100, 'audit.read', T.commune24133)).toBe(false);
  });

  it('needs the scope even with the permission', () => {
    expect(can(A.province66, 'units.editRegionType', T.commune22015)).toBe(true);
    expect(can(A.province66, 'units.editRegionType', T.commune00004)).toBe(false);
    expect(can(A.commune24133, 'users.manage', T.commune24133)).toBe(true);
    expect(can(A.commune24133, 'users.manage', T.commune22015)).toBe(false);
    expect(can(A.reviewer66, 'audit.read', T.commune00004)).toBe(false);
  });

  it('lets training organisations read every commune’s reference data, and nothing else nationwide', () => {
    expect(can(A.org7, 'units.read', T.commune00004)).toBe(true);
    expect(can(A.org7, 'units.read', T.commune24133)).toBe(true);
    expect(can(A.org7, 'units.manageCommuneUnits', T.commune24133)).toBe(false);
    // Other roles with units.read stay inside their scope.
    expect(can(A.unitHead100, 'units.read', T.commune22015)).toBe(false);
    expect(can(A.official100, 'units.read', T.commune00004)).toBe(false);
  });

  it('without a target answers only whether the role has the permission', () => {
    expect(can(A.national, 'trainingOrgs.manage')).toBe(true);
    expect(can(A.province66, 'trainingOrgs.manage')).toBe(false);
  });
});

describe('assertCan', () => {
  it('passes when allowed', () => {
    expect(() => assertCan(A.national, 'users.manage', T.commune00004)).not.toThrow();
    expect(() => assertCan(A.province66, 'units.editRegionType', T.commune22015)).not.toThrow();
    expect(() => assertCan(A.commune24133, 'units.manageCommuneUnits', T.unit100)).not.toThrow();
    expect(() => assertCan(A.org7, 'units.read', T.commune00004)).not.toThrow();
    expect(() => assertCan(A.unitHead100, 'units.read', T.commune24133)).not.toThrow();
  });

  it('answers 404 NOT_FOUND for a target outside the scope, whatever the permission', () => {
    const cases: [Actor, Permission, Target][] = [
      [A.province66, 'users.manage', T.commune00004],
      [A.province66, 'units.read', T.commune00004],
      [A.commune24133, 'users.read', T.commune22015],
      [A.commune24133, 'units.editRegionType', T.commune22015], // no permission either: existence still hidden
      [A.unitHead100, 'units.read', T.commune22015],
      [A.official100, 'units.read', T.commune00004],
      [A.reviewer66, 'audit.read', T.province01],
      [A.org7, 'units.manageCommuneUnits', T.commune24133],
    ];
    for (const [a, p, target] of cases) {
      const err = thrown(() => assertCan(a, p, target));
      expect({ role: a.role, p, status: err.statusCode, code: err.code }).toEqual({ role: a.role, p, status: 404, code: 'NOT_FOUND' });
      expect(err.message).toMatch(/Không tìm thấy/);
    }
  });

  it('answers 403 FORBIDDEN inside the scope without the permission', () => {
    const cases: [Actor, Permission, Target | undefined][] = [
      [A.commune24133, 'units.editRegionType', T.commune24133],
      [A.reviewer66, 'users.manage', T.commune24133],
      [A.unitHead100, 'users.read', T.unit100],
      [A.unitHead100, 'units.manageCommuneUnits', T.commune24133],
      [A.official100, 'audit.read', T.commune24133],
      [A.org7, 'users.read', T.org7],
      [A.province66, 'trainingOrgs.manage', undefined],
      [A.official100, 'users.read', undefined],
    ];
    for (const [a, p, target] of cases) {
      const err = thrown(() => assertCan(a, p, target));
      expect({ role: a.role, p, status: err.statusCode, code: err.code }).toEqual({ role: a.role, p, status: 403, code: 'FORBIDDEN' });
      expect(err.message).toMatch(/không có quyền/);
    }
  });
});

describe('listScope', () => {
  it('limits lists to the actor’s province or commune, or to nothing', () => {
    expect(listScope(A.national)).toEqual({});
    expect(listScope(A.reviewerNational)).toEqual({});
    expect(listScope(A.province66)).toEqual({ provinceCode: '66' });
    expect(listScope(A.reviewer66)).toEqual({ provinceCode: '66' });
    expect(listScope(A.commune24133)).toEqual({ communeCode: '24133' });
    // A unit head's lists stay inside its unit; an official's inside its own record.
    expect(listScope(A.unitHead100)).toEqual({ communeCode: '24133', unitId: 100 });
    expect(listScope(A.official100)).toEqual({ communeCode: '24133', officialId: 'o-1' });
    expect(listScope({ ...A.official100, officialId: null })).toBeNull();
    expect(listScope(A.org7)).toBeNull();
    expect(listScope(A.org8in66)).toBeNull();
  });
});

describe('manageableRoles', () => {
  it('follows the account hierarchy', () => {
    expect(manageableRoles(A.national).sort()).toEqual(['national_admin', 'province_admin', 'reviewer', 'training_org']);
    expect(manageableRoles(A.province66).sort()).toEqual(['commune_admin', 'reviewer']);
    expect(manageableRoles(A.commune24133).sort()).toEqual(['official', 'unit_head']);
    for (const a of [A.unitHead100, A.official100, A.org7, A.reviewer66]) expect(manageableRoles(a)).toEqual([]);
  });
});

describe('canManageUser', () => {
  const cases: [string, Actor, { role: Role } & Target, boolean][] = [
    ['national → province admin of 01', A.national, { role: 'province_admin', provinceCode: '01' }, true],
    ['national → training org account', A.national, { role: 'training_org', trainingOrgId: 7 }, true],
    ['national → another national admin', A.national, { role: 'national_admin' }, true],
    ['national → commune admin (province’s job)', A.national, { role: 'commune_admin', provinceCode: '01', communeCode: '00004' }, false],
    ['province 66 → commune admin of 24133', A.province66, { role: 'commune_admin', provinceCode: '66', communeCode: '24133' }, true],
    ['province 66 → reviewer of 66', A.province66, { role: 'reviewer', provinceCode: '66' }, true],
    [
      'province 66 → commune admin of Ba Đình (01)',
      A.province66,
      { role: 'commune_admin', provinceCode: '01', communeCode: '00004' },
      false,
    ],
    ['province 66 → reviewer of 01', A.province66, { role: 'reviewer', provinceCode: '01' }, false],
    ['province 66 → national admin', A.province66, { role: 'national_admin' }, false],
    [
      'province 66 → official in its province (commune’s job)',
      A.province66,
      { role: 'official', provinceCode: '66', communeCode: '24133' },
      false,
    ],
    ['province 01 → commune admin of 24133', A.province01, { role: 'commune_admin', provinceCode: '66', communeCode: '24133' }, false],
    [
      'commune 24133 → official of 24133',
      A.commune24133,
      { role: 'official', provinceCode: '66', communeCode: '24133', unitId: 100 },
      true,
    ],
    [
      'commune 24133 → unit head of 24133',
      A.commune24133,
      { role: 'unit_head', provinceCode: '66', communeCode: '24133', unitId: 101 },
      true,
    ],
    ['commune 24133 → official of 22015', A.commune24133, { role: 'official', provinceCode: '66', communeCode: '22015' }, false],
    [
      'commune 24133 → another commune admin of 24133',
      A.commune24133,
      { role: 'commune_admin', provinceCode: '66', communeCode: '24133' },
      false,
    ],
    [
      'reviewer → official of its province (read-only role)',
      A.reviewer66,
      { role: 'official', provinceCode: '66', communeCode: '24133' },
      false,
    ],
    ['unit head → official of its unit', A.unitHead100, { role: 'official', provinceCode: '66', communeCode: '24133', unitId: 100 }, false],
    ['official → official', A.official100, { role: 'official', provinceCode: '66', communeCode: '24133', unitId: 100 }, false],
    ['training org → anyone', A.org7, { role: 'official', trainingOrgId: 7 }, false],
  ];
  it.each(cases)('%s', (_label, a, target, expected) => {
    expect(canManageUser(a, target)).toBe(expected);
  });
});
