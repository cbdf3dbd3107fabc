/** Account management by scope (issue 2 §4): who may create and manage which accounts. */
import crypto from 'node:crypto';
import { ROLE_LABELS, type Role, type UserItem } from '@app/shared';
import type { Db } from '../../db/client.ts';
import type { Clock } from '../../clock.ts';
import { assertCan, canManageUser, inScope, listScope, manageableRoles, type Actor } from '../../authz/policy.ts';
import { AppError, badField, conflict, forbidden, notFound, versionConflict } from '../../http/errors.ts';
import { recordChange, type RequestMeta } from '../audit/audit.service.ts';
import { clearAttempts, deleteUserSessions, findLocks, setPassword } from '../auth/auth.repository.ts';
import { makeTemporaryPassword } from '../auth/auth.rules.ts';
import { hashPassword } from '../auth/passwords.ts';
import { findCommune, findProvince, findTrainingOrg, findUnit } from '../units/units.repository.ts';
import * as repo from './users.repository.ts';
import { forbiddenPlacement, requiredPlacement, type Placement } from './users.rules.ts';

export interface UsersDeps {
  db: Db;
  clock: Clock;
}

type Row = NonNullable<Awaited<ReturnType<typeof repo.findUserWithNames>>>;

function toItem(actor: Actor, r: Row): UserItem {
  const u = r.user;
  return {
    id: u.id,
    username: u.username,
    fullName: u.fullName,
    email: u.email,
    phone: u.phone,
    role: u.role,
    provinceCode: u.provinceCode,
    provinceName: r.provinceName,
    communeCode: u.communeCode,
    communeName: r.communeName,
    unitId: u.unitId,
    unitName: r.unitName,
    trainingOrgId: u.trainingOrgId,
    trainingOrgName: r.trainingOrgName,
    active: u.active,
    lockedUntil: null,
    lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
    createdAt: u.createdAt.toISOString(),
    version: u.version,
    canManage: u.id !== actor.id && canManageUser(actor, u),
  };
}

/** Public view of a user row for the audit log (no password hash). */
function auditView(u: repo.UserRow) {
  const { passwordHash: _omit, ...rest } = u;
  return rest;
}

export async function listUsers(db: Db, clock: Clock, actor: Actor, f: repo.UserFilter) {
  assertCan(actor, 'users.read');
  const scope = listScope(actor);
  if (!scope) return { items: [], total: 0 };
  if (scope.provinceCode && f.provinceCode && f.provinceCode !== scope.provinceCode) return { items: [], total: 0 };
  if (scope.communeCode && f.communeCode && f.communeCode !== scope.communeCode) return { items: [], total: 0 };
  const { rows, total } = await repo.listUsers(db, { ...f, ...scope });
  const locks = await findLocks(db, rows.map((r) => r.user.username), clock.now());
  return {
    items: rows.map((r) => ({ ...toItem(actor, r), lockedUntil: locks.get(r.user.username)?.toISOString() ?? null })),
    total,
  };
}

/** A user record the actor may see, or 404. */
async function visibleUser(db: Db, actor: Actor, id: string): Promise<Row> {
  assertCan(actor, 'users.read');
  const row = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id) ? await repo.findUserWithNames(db, id) : undefined;
  const scope = listScope(actor);
  if (!row || !scope) throw notFound();
  if (scope.provinceCode && row.user.provinceCode !== scope.provinceCode) throw notFound();
  if (scope.communeCode && row.user.communeCode !== scope.communeCode) throw notFound();
  return row;
}

async function managedUser(db: Db, actor: Actor, id: string): Promise<Row> {
  const row = await visibleUser(db, actor, id);
  if (row.user.id === actor.id || !canManageUser(actor, row.user)) {
    throw forbidden('Bạn không có quyền quản lý tài khoản này.');
  }
  return row;
}

export interface CreateUserInput {
  username: string;
  fullName: string;
  role: Role;
  password?: string | undefined;
  email?: string | null | undefined;
  phone?: string | null | undefined;
  provinceCode?: string | null | undefined;
  communeCode?: string | null | undefined;
  unitId?: number | null | undefined;
  trainingOrgId?: number | null | undefined;
}

/** Resolve where the new account sits, filling what follows from the creator's own scope. */
async function resolvePlacement(db: Db, actor: Actor, input: CreateUserInput): Promise<Placement> {
  const p: Placement = {
    provinceCode: input.provinceCode ?? null,
    communeCode: input.communeCode ?? null,
    unitId: input.unitId ?? null,
    trainingOrgId: input.trainingOrgId ?? null,
  };
  const role = input.role;
  // A province admin creates inside its province; a commune admin inside its commune.
  if (actor.role === 'province_admin' && role === 'reviewer') p.provinceCode ??= actor.provinceCode;
  if (actor.role === 'commune_admin' && !p.communeCode) p.communeCode = actor.communeCode;
  for (const f of forbiddenPlacement(role)) {
    if (p[f] !== null) throw badField(f, `không dùng cho tài khoản vai trò "${ROLE_LABELS[role]}"`);
  }
  for (const f of requiredPlacement(role)) {
    if (p[f] === null) throw badField(f, `bắt buộc với tài khoản vai trò "${ROLE_LABELS[role]}"`);
  }
  if (p.unitId !== null) {
    const unit = await findUnit(db, p.unitId);
    // One answer for "no such unit" and "another commune's unit", so unit ids of other communes do not leak.
    if (!unit || unit.validTo || (p.communeCode && p.communeCode !== unit.communeCode)) {
      throw badField('unitId', 'đơn vị không thuộc xã đã chọn hoặc đã ngừng hiệu lực');
    }
    p.communeCode = unit.communeCode;
  }
  if (p.communeCode !== null) {
    const commune = await findCommune(db, p.communeCode);
    if (!commune) throw badField('communeCode', `không có xã, phường mã ${p.communeCode}`);
    if (p.provinceCode && p.provinceCode !== commune.provinceCode) throw badField('communeCode', 'xã không thuộc tỉnh đã chọn');
    p.provinceCode = commune.provinceCode;
  }
  if (p.trainingOrgId !== null) {
    const org = await findTrainingOrg(db, p.trainingOrgId);
    if (!org || !org.active) throw badField('trainingOrgId', 'cơ sở đào tạo không tồn tại hoặc đã ngừng hoạt động');
    p.provinceCode = org.provinceCode;
  }
  if (p.provinceCode !== null && !(await findProvince(db, p.provinceCode))) {
    throw badField('provinceCode', `không có tỉnh, thành phố mã ${p.provinceCode}`);
  }
  return p;
}

export async function createUser(deps: UsersDeps, actor: Actor, input: CreateUserInput, meta: RequestMeta) {
  assertCan(actor, 'users.manage');
  if (!manageableRoles(actor).includes(input.role)) {
    throw new AppError(403, 'FORBIDDEN', `Bạn không được tạo tài khoản vai trò "${ROLE_LABELS[input.role]}".`, [
      { field: 'role', message: 'Vai trò ngoài phạm vi quản lý của bạn' },
    ]);
  }
  const placement = await resolvePlacement(deps.db, actor, input);
  if (!canManageUser(actor, { role: input.role, ...placement }) || !inScope(actor, placement)) {
    throw forbidden('Đơn vị của tài khoản nằm ngoài phạm vi quản lý của bạn.');
  }
  const temporaryPassword = input.password ? undefined : makeTemporaryPassword((n) => crypto.randomBytes(n));
  const passwordHash = await hashPassword(input.password ?? temporaryPassword!);
  const now = deps.clock.now();
  const id = await deps.db.transaction(async (tx) => {
    if (await repo.usernameExists(tx, input.username)) throw conflict(`Tên đăng nhập "${input.username}" đã có người dùng.`, 'username');
    const row = await repo.insertUser(tx, {
      username: input.username,
      fullName: input.fullName.normalize('NFC'),
      email: input.email ?? null,
      phone: input.phone ?? null,
      role: input.role,
      ...placement,
      passwordHash,
      mustChangePassword: true,
      createdAt: now,
      updatedAt: now,
    });
    await recordChange(tx, actor, meta, {
      action: 'user.create',
      entityType: 'user',
      entityId: row.id,
      provinceCode: row.provinceCode,
      communeCode: row.communeCode,
      after: auditView(row),
    });
    return row.id;
  });
  const row = (await repo.findUserWithNames(deps.db, id))!;
  return temporaryPassword ? { user: toItem(actor, row), temporaryPassword } : { user: toItem(actor, row) };
}

export interface UpdateUserInput {
  fullName?: string | undefined;
  email?: string | null | undefined;
  phone?: string | null | undefined;
  active?: boolean | undefined;
  unitId?: number | null | undefined;
  version: number;
}

export async function updateUser(deps: UsersDeps, actor: Actor, id: string, input: UpdateUserInput, meta: RequestMeta) {
  const before = (await managedUser(deps.db, actor, id)).user;
  const patch: Parameters<typeof repo.updateUser>[3] = { updatedAt: deps.clock.now() };
  if (input.fullName !== undefined) patch.fullName = input.fullName.normalize('NFC');
  if (input.email !== undefined) patch.email = input.email;
  if (input.phone !== undefined) patch.phone = input.phone;
  if (input.active !== undefined) patch.active = input.active;
  if (input.unitId !== undefined) {
    if (before.role === 'unit_head' && input.unitId === null) throw badField('unitId', 'thủ trưởng đơn vị phải gắn với một đơn vị');
    if (input.unitId !== null) {
      const unit = await findUnit(deps.db, input.unitId);
      if (!unit || unit.communeCode !== before.communeCode || unit.validTo) throw badField('unitId', 'đơn vị không thuộc xã của tài khoản');
    }
    patch.unitId = input.unitId;
  }
  await deps.db.transaction(async (tx) => {
    const after = await repo.updateUser(tx, id, input.version, patch);
    if (!after) throw versionConflict();
    if (input.active === false) await deleteUserSessions(tx, id);
    await recordChange(tx, actor, meta, {
      action: input.active === false ? 'user.disable' : 'user.update',
      entityType: 'user',
      entityId: id,
      provinceCode: before.provinceCode,
      communeCode: before.communeCode,
      before: auditView(before),
      after: auditView(after),
    });
  });
  return toItem(actor, (await repo.findUserWithNames(deps.db, id))!);
}

export async function resetPassword(deps: UsersDeps, actor: Actor, id: string, meta: RequestMeta) {
  const target = (await managedUser(deps.db, actor, id)).user;
  const temporaryPassword = makeTemporaryPassword((n) => crypto.randomBytes(n));
  const passwordHash = await hashPassword(temporaryPassword);
  await deps.db.transaction(async (tx) => {
    await setPassword(tx, id, passwordHash, true, deps.clock.now());
    await deleteUserSessions(tx, id);
    await clearAttempts(tx, target.username);
    await recordChange(tx, actor, meta, {
      action: 'user.reset_password',
      entityType: 'user',
      entityId: id,
      provinceCode: target.provinceCode,
      communeCode: target.communeCode,
    });
  });
  return { temporaryPassword };
}

export async function unlockUser(deps: UsersDeps, actor: Actor, id: string, meta: RequestMeta) {
  const target = (await managedUser(deps.db, actor, id)).user;
  await deps.db.transaction(async (tx) => {
    await clearAttempts(tx, target.username);
    await recordChange(tx, actor, meta, {
      action: 'user.unlock',
      entityType: 'user',
      entityId: id,
      provinceCode: target.provinceCode,
      communeCode: target.communeCode,
    });
  });
  return { ok: true as const };
}
