/** Login, logout, the current user, password change. */
import crypto from 'node:crypto';
import type { MeResponse } from '@app/shared';
import type { Db } from '../../db/client.ts';
import type { Clock } from '../../clock.ts';
import { AppError, badField } from '../../http/errors.ts';
import { manageableRoles, permissionsOf, scopeOf, type Actor } from '../../authz/policy.ts';
import { recordChange, type RequestMeta } from '../audit/audit.service.ts';
import * as repo from './auth.repository.ts';
import { afterFailure, lockedMessage, lockRemainingSeconds, normaliseUsername, shouldTouch } from './auth.rules.ts';
import { dummyPasswordHash, hashPassword, verifyPassword } from './passwords.ts';

export interface AuthDeps {
  db: Db;
  clock: Clock;
  sessionHours: number;
}

export function hashToken(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex');
}

export function actorFromUser(u: repo.UserRow): Actor {
  return {
    id: u.id,
    username: u.username,
    fullName: u.fullName,
    role: u.role,
    provinceCode: u.provinceCode,
    communeCode: u.communeCode,
    unitId: u.unitId,
    trainingOrgId: u.trainingOrgId,
    officialId: u.officialId,
  };
}

const invalidCredentials = () =>
  new AppError(401, 'INVALID_CREDENTIALS', 'Tên đăng nhập hoặc mật khẩu không đúng.', [
    { field: 'password', message: 'Tên đăng nhập hoặc mật khẩu không đúng.' },
  ]);

export async function login(
  deps: AuthDeps,
  input: { username: string; password: string },
  meta: RequestMeta & { userAgent: string | null },
): Promise<{ token: string; actor: Actor; expiresAt: Date; mustChangePassword: boolean }> {
  const { db, clock } = deps;
  const username = normaliseUsername(input.username);
  const now = clock.now();
  const attempts = await repo.getAttempts(db, username);
  const wait = lockRemainingSeconds(attempts, now);
  if (wait > 0) throw new AppError(429, 'ACCOUNT_LOCKED', lockedMessage(wait), undefined, { 'retry-after': String(wait) });

  const user = await repo.findUserByUsername(db, username);
  const ok = user ? await verifyPassword(user.passwordHash, input.password) : (await verifyPassword(await dummyPasswordHash(), input.password), false);
  if (!ok || !user) {
    const next = afterFailure(attempts, now);
    await db.transaction(async (tx) => {
      await repo.saveAttempts(tx, username, next);
      await recordChange(tx, null, meta, {
        action: 'auth.login_failed',
        entityType: 'user',
        entityId: user?.id ?? null,
        provinceCode: user?.provinceCode ?? null,
        communeCode: user?.communeCode ?? null,
        after: { username, failures: next.failures, locked: next.lockedUntil !== null },
      });
    });
    const lockWait = lockRemainingSeconds(next, now);
    if (lockWait > 0) throw new AppError(429, 'ACCOUNT_LOCKED', lockedMessage(lockWait), undefined, { 'retry-after': String(lockWait) });
    throw invalidCredentials();
  }
  if (!user.active) {
    throw new AppError(403, 'ACCOUNT_DISABLED', 'Tài khoản đã bị khóa. Vui lòng liên hệ quản trị viên đơn vị.');
  }
  const token = crypto.randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + deps.sessionHours * 3600_000);
  const actor = actorFromUser(user);
  await db.transaction(async (tx) => {
    await repo.clearAttempts(tx, username);
    await repo.insertSession(tx, {
      id: hashToken(token),
      userId: user.id,
      createdAt: now,
      lastSeenAt: now,
      expiresAt,
      ip: meta.ip,
      userAgent: meta.userAgent?.slice(0, 300) ?? null,
    });
    await repo.setLastLogin(tx, user.id, now);
    await recordChange(tx, actor, meta, {
      action: 'auth.login',
      entityType: 'user',
      entityId: user.id,
      provinceCode: user.provinceCode,
      communeCode: user.communeCode,
    });
  });
  return { token, actor, expiresAt, mustChangePassword: user.mustChangePassword };
}

/** The actor behind a session cookie, or null. Slides the expiry at most every few minutes. */
export async function resolveSession(deps: AuthDeps, token: string): Promise<{ actor: Actor; mustChangePassword: boolean } | null> {
  if (!token || token.length > 100) return null;
  const now = deps.clock.now();
  const tokenHash = hashToken(token);
  const row = await repo.findLiveSession(deps.db, tokenHash, now);
  if (!row || !row.user.active) return null;
  if (shouldTouch(row.session.lastSeenAt, now)) {
    await repo.touchSession(deps.db, tokenHash, now, new Date(now.getTime() + deps.sessionHours * 3600_000));
  }
  return { actor: actorFromUser(row.user), mustChangePassword: row.user.mustChangePassword };
}

export async function logout(deps: AuthDeps, token: string, actor: Actor, meta: RequestMeta): Promise<void> {
  await deps.db.transaction(async (tx) => {
    await repo.deleteSession(tx, hashToken(token));
    await recordChange(tx, actor, meta, {
      action: 'auth.logout',
      entityType: 'user',
      entityId: actor.id,
      communeCode: actor.communeCode,
    });
  });
}

export async function me(deps: AuthDeps, actor: Actor, mustChangePassword: boolean): Promise<MeResponse> {
  const names = await repo.scopeNames(deps.db, actor);
  return {
    id: actor.id,
    username: actor.username,
    fullName: actor.fullName,
    role: actor.role,
    scope: scopeOf(actor),
    scopeNames: names,
    permissions: permissionsOf(actor),
    manageableRoles: manageableRoles(actor),
    mustChangePassword,
  };
}

export async function changePassword(
  deps: AuthDeps,
  actor: Actor,
  token: string,
  input: { currentPassword: string; newPassword: string },
  meta: RequestMeta,
): Promise<void> {
  const user = await repo.findUserById(deps.db, actor.id);
  if (!user || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw badField('currentPassword', 'mật khẩu hiện tại không đúng');
  }
  if (input.currentPassword === input.newPassword) throw badField('newPassword', 'mật khẩu mới phải khác mật khẩu hiện tại');
  const newHash = await hashPassword(input.newPassword);
  await deps.db.transaction(async (tx) => {
    await repo.setPassword(tx, actor.id, newHash, false, deps.clock.now());
    // Other devices logged in with the old password are signed out.
    await repo.deleteUserSessions(tx, actor.id, hashToken(token));
    await recordChange(tx, actor, meta, {
      action: 'auth.change_password',
      entityType: 'user',
      entityId: actor.id,
      communeCode: actor.communeCode,
    });
  });
}
