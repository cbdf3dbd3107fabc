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
import { AppError, unauthenticated } from './errors.ts';

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
  return { ip: req.ip ?? null, requestId: req.id, userAgent: req.headers['user-agent'] ?? null };
}

export function setCsrfCookie(reply: FastifyReply, secure: boolean): string {
  const token = crypto.randomBytes(24).toString('base64url');
  void reply.setCookie(CSRF_COOKIE, token, { path: '/', sameSite: 'strict', secure, httpOnly: false });
  return token;
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
      }
    }
  });
}

export const requestContext = fp(contextPlugin, { name: 'request-context', dependencies: ['@fastify/cookie'] });
