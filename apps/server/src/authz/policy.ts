/**
 * The one authorisation module (issue 2 §5): permission × target × scope.
 * Every route asks here; nothing else decides who may do what.
 * Out-of-scope records are answered 404 by `assertCan` so their existence does not leak.
 */
import { MANAGEABLE_ROLES, scopeLevelOfRole, type Permission, type Role, type Scope } from '@app/shared';
import { forbidden, notFound } from '../http/errors.ts';

export interface Actor {
  id: string;
  username: string;
  fullName: string;
  role: Role;
  provinceCode: string | null;
  communeCode: string | null;
  unitId: number | null;
  trainingOrgId: number | null;
  officialId: string | null;
}

/** Where a record sits in the organisation tree. */
export interface Target {
  provinceCode?: string | null;
  communeCode?: string | null;
  unitId?: number | null;
  trainingOrgId?: number | null;
  /** For records about one official (an official's own record is in its "self" scope). */
  officialId?: string | null;
}

const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  national_admin: [
    'units.read',
    'units.editRegionType',
    'units.manageCommuneUnits',
    'trainingOrgs.manage',
    'users.read',
    'users.manage',
    'audit.read',
    'officials.read',
    'officials.manage',
    'officials.readSensitive',
    'positions.manage',
    'needs.read',
    'certificates.read',
    'certificates.issue',
    'certificates.revoke',
    'programmes.read',
    'programmes.manage',
    'plans.read',
    'plans.manage',
    'instructors.read',
    'instructors.manage',
    'classes.read',
    'classes.manage',
    'enrolments.read',
    'continuity.manage',
    'selfReports.read',
    'surveys.readSummary',
    'essays.read',
    'mentoring.read',
    'reports.read',
    'reports.manage',
    'reports.review',
    'keyTasks.read',
    'keyTasks.manage',
    'kpis.read',
    'library.read',
    'library.manage',
    'library.review',
    'evaluations.read',
    'evaluations.manage',
    'evaluations.configure',
    'ratings.manage',
    'effects.read',
  ],
  province_admin: [
    'units.read',
    'units.editRegionType',
    'units.manageCommuneUnits',
    'users.read',
    'users.manage',
    'audit.read',
    'officials.read',
    'officials.manage',
    'officials.readSensitive',
    'positions.manage',
    'needs.read',
    'certificates.read',
    'certificates.revoke',
    'programmes.read',
    'programmes.manage',
    'plans.read',
    'plans.manage',
    'instructors.read',
    'instructors.manage',
    'classes.read',
    'classes.manage',
    'enrolments.read',
    'continuity.manage',
    'selfReports.read',
    'surveys.readSummary',
    'essays.read',
    'mentoring.read',
    'reports.read',
    'reports.manage',
    'reports.review',
    'keyTasks.read',
    'keyTasks.manage',
    'kpis.read',
    'library.read',
    'library.manage',
    'library.review',
    'evaluations.read',
    'evaluations.manage',
    'ratings.manage',
    'effects.read',
  ],
  commune_admin: [
    'units.read',
    'units.manageCommuneUnits',
    'users.read',
    'users.manage',
    'audit.read',
    'officials.read',
    'officials.manage',
    'officials.readSensitive',
    'officials.createAccounts',
    'positions.manage',
    'needs.read',
    'needs.manage',
    'certificates.read',
    'programmes.read',
    'plans.read',
    'plans.manage',
    'instructors.read',
    'classes.read',
    'enrolments.read',
    'enrolments.nominate',
    'selfReports.read',
    'selfReports.review',
    'mentoring.read',
    'mentoring.manage',
    'reports.read',
    'reports.manage',
    'keyTasks.read',
    'keyTasks.manage',
    'kpis.read',
    'library.read',
    'evaluations.read',
    'evaluations.manage',
    'ratings.manage',
  ],
  unit_head: ['units.read', 'officials.read', 'certificates.read', 'programmes.read', 'classes.read', 'enrolments.read', 'enrolments.approve', 'selfReports.read', 'selfReports.review', 'mentoring.read', 'library.read', 'kpis.read', 'evaluations.read', 'evaluations.assess'],
  training_org: ['units.read', 'certificates.read', 'certificates.issue', 'certificates.revoke', 'programmes.read', 'instructors.read', 'instructors.manage', 'classes.read', 'classes.record', 'enrolments.read', 'classes.manage', 'surveys.readSummary', 'library.read', 'library.manage'],
  official: ['units.read', 'officials.read', 'needs.read', 'certificates.read', 'programmes.read', 'classes.read', 'enrolments.read', 'mentoring.read', 'library.read', 'evaluations.read'],
  reviewer: ['units.read', 'users.read', 'audit.read', 'officials.read', 'needs.read', 'certificates.read', 'programmes.read', 'plans.read', 'instructors.read', 'classes.read', 'enrolments.read', 'selfReports.read', 'surveys.readSummary', 'essays.read', 'essays.review', 'reports.read', 'keyTasks.read', 'library.read', 'library.review', 'kpis.read', 'evaluations.read', 'effects.read'],
};

/** Permissions whose scope is the whole country for some roles (reference data anyone may look up). */
const NATIONWIDE_FOR: Partial<Record<Permission, readonly Role[]>> = {
  'units.read': ['training_org'],
};

export function scopeOf(actor: Actor): Scope {
  const level = scopeLevelOfRole(actor.role, actor.provinceCode !== null);
  const scope: Scope = { level };
  if (actor.provinceCode) scope.provinceCode = actor.provinceCode;
  if (actor.communeCode) scope.communeCode = actor.communeCode;
  if (actor.unitId !== null) scope.unitId = actor.unitId;
  if (actor.trainingOrgId !== null) scope.trainingOrgId = actor.trainingOrgId;
  return scope;
}

export function permissionsOf(actor: Actor): Permission[] {
  return [...ROLE_PERMISSIONS[actor.role]];
}

/** Is the target inside the actor's scope? Pure containment on the organisation tree. */
export function inScope(actor: Actor, target: Target): boolean {
  const scope = scopeOf(actor);
  switch (scope.level) {
    case 'nation':
      return true;
    case 'province':
      return !!target.provinceCode && target.provinceCode === scope.provinceCode;
    case 'commune':
      return !!target.communeCode && target.communeCode === scope.communeCode;
    case 'self':
      // An official's own records; otherwise only commune-wide reference data of its commune.
      if (target.officialId !== undefined) return target.officialId !== null && target.officialId === actor.officialId;
      return !!target.communeCode && target.communeCode === scope.communeCode && target.unitId == null;
    case 'unit':
      if (target.unitId !== undefined && target.unitId !== null) return target.unitId === scope.unitId;
      return !!target.communeCode && target.communeCode === scope.communeCode && target.officialId === undefined;
    case 'training_org':
      return target.trainingOrgId !== undefined && target.trainingOrgId !== null && target.trainingOrgId === scope.trainingOrgId;
  }
}

export function can(actor: Actor, permission: Permission, target?: Target): boolean {
  if (!ROLE_PERMISSIONS[actor.role].includes(permission)) return false;
  if (!target) return true;
  if (NATIONWIDE_FOR[permission]?.includes(actor.role)) return true;
  return inScope(actor, target);
}

/**
 * Throws unless allowed. A target outside the scope answers 404 (as if it did not exist);
 * a target inside the scope without the permission answers 403.
 */
export function assertCan(actor: Actor, permission: Permission, target?: Target): void {
  if (can(actor, permission, target)) return;
  const nationwide = NATIONWIDE_FOR[permission]?.includes(actor.role) ?? false;
  if (target && !nationwide && !inScope(actor, target)) throw notFound();
  throw forbidden();
}

/** Row filter for lists: the part of the tree the actor's lists are limited to, or null for none visible. */
export interface ListScope {
  provinceCode?: string;
  communeCode?: string;
  unitId?: number;
  officialId?: string;
}
export function listScope(actor: Actor): ListScope | null {
  const scope = scopeOf(actor);
  switch (scope.level) {
    case 'nation':
      return {};
    case 'province':
      return { provinceCode: scope.provinceCode! };
    case 'commune':
      return { communeCode: scope.communeCode! };
    case 'unit':
      return { communeCode: scope.communeCode!, unitId: scope.unitId! };
    case 'self':
      return actor.officialId ? { communeCode: scope.communeCode!, officialId: actor.officialId } : null;
    default:
      return null;
  }
}

export function manageableRoles(actor: Actor): Role[] {
  return [...MANAGEABLE_ROLES[actor.role]];
}

/** May the actor create/edit/reset an account with this role at this place? */
export function canManageUser(actor: Actor, target: { role: Role } & Target): boolean {
  if (!can(actor, 'users.manage')) return false;
  if (!MANAGEABLE_ROLES[actor.role].includes(target.role)) return false;
  return inScope(actor, target);
}

/**
 * Library materials (SPEC §11): a national material (provinceCode null) is everyone's; a province's
 * material belongs to that province only. Nation-level users see and act on all of them.
 */
export function inLibraryScope(actor: Actor, materialProvinceCode: string | null): boolean {
  if (scopeOf(actor).level === 'nation') return true;
  return materialProvinceCode === null || materialProvinceCode === actor.provinceCode;
}

/** Published → anyone in scope with library.read; drafts → only those who may manage or review them. */
export function canSeeLibraryMaterial(actor: Actor, m: { provinceCode: string | null; status: string }): boolean {
  if (!can(actor, 'library.read') || !inLibraryScope(actor, m.provinceCode)) return false;
  if (m.status === 'published') return true;
  return canActOnLibraryMaterial(actor, 'library.manage', m.provinceCode) || canActOnLibraryMaterial(actor, 'library.review', m.provinceCode);
}

/** Managing or reviewing a material: the permission, and a national material only by nation-level users. */
export function canActOnLibraryMaterial(actor: Actor, permission: 'library.manage' | 'library.review', provinceCode: string | null): boolean {
  if (!can(actor, permission)) return false;
  if (actor.provinceCode === null) return provinceCode === null || scopeOf(actor).level === 'nation';
  return provinceCode === actor.provinceCode;
}

export function assertLibrary(actor: Actor, permission: 'library.manage' | 'library.review', m: { provinceCode: string | null; status: string }): void {
  if (!canSeeLibraryMaterial(actor, m)) throw notFound();
  if (!canActOnLibraryMaterial(actor, permission, m.provinceCode)) throw forbidden();
}
