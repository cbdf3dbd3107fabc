/**
 * Per-request context: who is calling (from the session cookie), CSRF double-submit check, and the
 * request metadata the audit log needs.
 */
import crypto from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Actor } from '../authz/policy.ts';
import type { AppDeps } from '../deps.ts';
import type { RequestMeta } from '../modules/audit/audit.service.ts';
import { resolveSession } from '../modules/auth/auth.service.ts';
import { AppError, badField, unauthenticated } from './errors.ts';

declare module 'fastify' {
  interface FastifyInstance {
    deps: AppDeps;
  }
  interface FastifyRequest {
    actor: Actor | null;
    mustChangePassword: boolean;
    sessionToken: string | null;
  }
}

export const SESSION_COOKIE = 'sid';
export const CSRF_COOKIE = 'csrf';
export const CSRF_HEADER = 'x-csrf-token';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Login is the one state-changing call made before a CSRF cookie can exist; it only accepts JSON, which a cross-site form cannot send. */
const CSRF_EXEMPT = new Set(['/api/auth/login']);
/** What a session on a temporary password may call. */
const PASSWORD_CHANGE_ALLOWED = new Set(['/api/auth/me', '/api/auth/change-password', '/api/auth/logout', '/api/health']);

function timingSafeEqualStr(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && crypto.timingSafeEqual(ab, bb);
}

export function requireActor(req: FastifyRequest): Actor {
  if (!req.actor) throw unauthenticated();
  return req.actor;
}

export function metaOf(req: FastifyRequest): RequestMeta & { userAgent: string | null } {
  return { ip: req.ip ?? null, requestId: req.id, userAgent: req.headers['user-agent'] ?? null, at: req.server.deps.clock.now() };
}

export function setCsrfCookie(reply: FastifyReply, secure: boolean): string {
  const token = crypto.randomBytes(24).toString('base64url');
  void reply.setCookie(CSRF_COOKIE, token, { path: '/', sameSite: 'strict', secure, httpOnly: false });
  return token;
}

/**
 * Path of the first string holding a NUL character (PostgreSQL text cannot store one), or null.
 * Walks only what JSON and query strings produce: plain objects, arrays and strings.
 */
export function findNulCharacter(value: unknown, path = '', depth = 0): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (depth > 32 || value === null || typeof value !== 'object') return null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findNulCharacter(value[i], path ? `${path}.${i}` : String(i), depth + 1);
      if (found !== null) return found;
    }
    return null;
  }
  // Plain objects only (query strings are parsed into objects whose prototype has a null prototype).
  const proto = Object.getPrototypeOf(value) as object | null;
  if (proto !== null && proto !== Object.prototype && Object.getPrototypeOf(proto) !== null) return null;
  for (const [k, v] of Object.entries(value)) {
    const found = findNulCharacter(v, path ? `${path}.${k}` : k, depth + 1);
    if (found !== null) return found;
  }
  return null;
}

async function contextPlugin(app: FastifyInstance): Promise<void> {
  app.decorateRequest('actor', null);
  app.decorateRequest('mustChangePassword', false);
  app.decorateRequest('sessionToken', null);

  app.addHook('onRequest', async (req) => {
    if (!req.url.startsWith('/api/')) return;
    const path = req.url.split('?')[0]!;
    if (!SAFE_METHODS.has(req.method) && !CSRF_EXEMPT.has(path)) {
      const cookie = req.cookies[CSRF_COOKIE];
      const header = req.headers[CSRF_HEADER];
      if (!cookie || typeof header !== 'string' || !timingSafeEqualStr(cookie, header)) {
        throw new AppError(
          403,
          'CSRF_INVALID',
          'Yêu cầu bị từ chối vì thiếu hoặc sai mã chống giả mạo (CSRF). Hãy tải lại trang rồi thử lại.',
        );
      }
    }
    const token = req.cookies[SESSION_COOKIE];
    if (token) {
      const resolved = await resolveSession(
        { db: app.deps.db, clock: app.deps.clock, sessionHours: app.deps.config.sessionHours },
        token,
      );
      if (resolved) {
        req.actor = resolved.actor;
        req.mustChangePassword = resolved.mustChangePassword;
        req.sessionToken = token;
        // A temporary (one-time) password only opens the door to choosing a real one.
        if (resolved.mustChangePassword && !PASSWORD_CHANGE_ALLOWED.has(path)) {
          throw new AppError(
            403,
            'PASSWORD_CHANGE_REQUIRED',
            'Bạn đang dùng mật khẩu tạm thời; hãy đổi mật khẩu trước khi tiếp tục.',
          );
        }
      }
    }
  });

  // Bad input gets a message naming the field, not a database error (SPEC §13).
  app.addHook('preValidation', async (req) => {
    if (!req.url.startsWith('/api/')) return;
    for (const part of [req.params, req.query, req.body]) {
      const field = findNulCharacter(part);
      if (field !== null) throw badField(field, 'chứa ký tự không hợp lệ (ký tự NUL)');
    }
  });
}

export const requestContext = fp(contextPlugin, { name: 'request-context', dependencies: ['@fastify/cookie'] });
