import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { CSRF_COOKIE, SESSION_COOKIE, metaOf, requireActor, setCsrfCookie } from '../../http/context.ts';
import { ChangePasswordRequest, LoginRequest, MeResponse, OkResponse } from './auth.schema.ts';
import * as service from './auth.service.ts';

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  const deps = () => ({ db: app.deps.db, clock: app.deps.clock, sessionHours: app.deps.config.sessionHours });
  const secure = app.deps.config.cookieSecure;

  app.post(
    '/api/auth/login',
    {
      schema: { tags: ['Xác thực'], summary: 'Đăng nhập', body: LoginRequest, response: { 200: MeResponse } },
      config: { rateLimit: { max: 60, timeWindow: '1 minute' } },
    },
    async (req, reply) => {
      const { token, actor, expiresAt, mustChangePassword } = await service.login(deps(), req.body, metaOf(req));
      // Max-Age, not Expires: the browser counts it from its own clock. With APP_TODAY pinned (demo, tests) the
      // app clock can be a day behind the real one, and an absolute Expires would already be in the past.
      const maxAge = Math.max(0, Math.round((expiresAt.getTime() - app.deps.clock.now().getTime()) / 1000));
      void reply.setCookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure, maxAge });
      setCsrfCookie(reply, secure);
      return service.me(deps(), actor, mustChangePassword);
    },
  );

  app.post(
    '/api/auth/logout',
    { schema: { tags: ['Xác thực'], summary: 'Đăng xuất', response: { 200: OkResponse } } },
    async (req, reply) => {
      if (req.actor && req.sessionToken) await service.logout(deps(), req.sessionToken, req.actor, metaOf(req));
      void reply.clearCookie(SESSION_COOKIE, { path: '/' });
      void reply.clearCookie(CSRF_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  );

  app.get(
    '/api/auth/me',
    { schema: { tags: ['Xác thực'], summary: 'Người dùng hiện tại, phạm vi và quyền', response: { 200: MeResponse } } },
    async (req, reply) => {
      const actor = requireActor(req);
      if (!req.cookies[CSRF_COOKIE]) setCsrfCookie(reply, secure);
      return service.me(deps(), actor, req.mustChangePassword);
    },
  );

  app.post(
    '/api/auth/change-password',
    { schema: { tags: ['Xác thực'], summary: 'Đổi mật khẩu', body: ChangePasswordRequest, response: { 200: OkResponse } } },
    async (req) => {
      const actor = requireActor(req);
      await service.changePassword(deps(), actor, req.sessionToken!, req.body, metaOf(req));
      return { ok: true as const };
    },
  );
};
