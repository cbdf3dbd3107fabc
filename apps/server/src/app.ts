/** Builds the HTTP application: plugins, security headers, error handling, every module's routes. */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from './deps.ts';
import { requestContext } from './http/context.ts';
import { errorHandler, notFoundHandler } from './http/errors.ts';
import { auditRoutes } from './modules/audit/audit.routes.ts';
import { authRoutes } from './modules/auth/auth.routes.ts';
import { healthRoutes } from './modules/health/health.routes.ts';
import { unitsRoutes } from './modules/units/units.routes.ts';
import { usersRoutes } from './modules/users/users.routes.ts';
import { officialsRoutes } from './modules/officials/officials.routes.ts';
import { positionsRoutes } from './modules/positions/positions.routes.ts';
import { rosterImportRoutes } from './modules/roster-import/roster-import.routes.ts';
import { needsRoutes } from './modules/needs/needs.routes.ts';
import { classesRoutes } from './modules/classes/classes.routes.ts';
import { enrolmentsRoutes } from './modules/enrolments/enrolments.routes.ts';
import { certificatesRoutes } from './modules/certificates/certificates.routes.ts';
import { programmesRoutes } from './modules/programmes/programmes.routes.ts';
import { plansRoutes } from './modules/plans/plans.routes.ts';
import { instructorsRoutes } from './modules/instructors/instructors.routes.ts';
import { learnerRoutes } from './modules/learner/learner.routes.ts';
import { selfReportsRoutes } from './modules/self-reports/self-reports.routes.ts';
import { surveysRoutes } from './modules/surveys/surveys.routes.ts';
import { essaysRoutes } from './modules/essays/essays.routes.ts';
import { mentoringRoutes } from './modules/mentoring/mentoring.routes.ts';
import { notificationsRoutes } from './modules/notifications/notifications.routes.ts';
import { reportsRoutes } from './modules/reports/reports.routes.ts';
import { keyTasksRoutes } from './modules/key-tasks/key-tasks.routes.ts';
import { evaluationsRoutes } from './modules/evaluations/evaluations.routes.ts';
import { ratingsRoutes } from './modules/ratings/ratings.routes.ts';
import { effectsRoutes } from './modules/effects/effects.routes.ts';
import { libraryRoutes } from './modules/library/library.routes.ts';
import { kpisRoutes } from './modules/kpis/kpis.routes.ts';
import { dashboardRoutes } from './modules/dashboard/dashboard.routes.ts';
import { warningsRoutes } from './modules/warnings/warnings.routes.ts';

z.config(z.locales.vi());

export interface BuildOptions {
  logger?: boolean;
  /** Requests per minute per client IP across the API (several users often share one office IP). */
  rateLimitPerMinute?: number;
}

export async function buildApp(deps: AppDeps, opts: BuildOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger:
      opts.logger === false
        ? false
        : { level: deps.config.logLevel, redact: ['req.headers.cookie', 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]'] },
    bodyLimit: 1024 * 1024,
    // Long path parameters reach our handlers (and get a Vietnamese 4xx) instead of Fastify's English 414.
    routerOptions: { maxParamLength: 500 },
    trustProxy: process.env.TRUST_PROXY === '1',
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w-]{8,64}$/.test(given) ? given : crypto.randomUUID();
    },
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  app.decorate('deps', deps);
  app.addHook('onSend', async (req, reply) => {
    void reply.header('x-request-id', req.id);
    if (req.url.startsWith('/api/')) void reply.header('cache-control', 'no-store');
  });

  await app.register(cookie);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    crossOriginEmbedderPolicy: false,
    hsts: deps.config.cookieSecure,
    // CSP frame-ancestors 'none' is the rule; the legacy header says the same for old browsers.
    frameguard: { action: 'deny' },
  });
  await app.register(rateLimit, {
    global: true,
    max: opts.rateLimitPerMinute ?? Number(process.env.RATE_LIMIT_PER_MINUTE ?? 3000),
    timeWindow: '1 minute',
    allowList: (req) => !req.url.startsWith('/api/'),
    errorResponseBuilder: (req, ctx) => ({
      statusCode: 429,
      code: 'RATE_LIMITED',
      message: `Bạn gửi quá nhiều yêu cầu; vui lòng thử lại sau ${Math.ceil(ctx.ttl / 1000)} giây.`,
      requestId: req.id,
    }),
  });
  await app.register(requestContext);

  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'API Phần mềm đánh giá và quản lý chất lượng bồi dưỡng CBCC cấp xã',
        description: 'Mọi yêu cầu thay đổi dữ liệu cần cookie phiên `sid` và tiêu đề `x-csrf-token` bằng giá trị cookie `csrf`.',
        version: '0.1.0',
      },
    },
    transform: jsonSchemaTransform,
  });
  app.get('/api/openapi.json', { schema: { hide: true } }, () => app.swagger());
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  await app.register(healthRoutes);
  await app.register(authRoutes);
  await app.register(unitsRoutes);
  await app.register(usersRoutes);
  await app.register(auditRoutes);
  await app.register(officialsRoutes);
  await app.register(positionsRoutes);
  await app.register(rosterImportRoutes);
  await app.register(needsRoutes);
  await app.register(classesRoutes);
  await app.register(enrolmentsRoutes);
  await app.register(certificatesRoutes);
  await app.register(programmesRoutes);
  await app.register(plansRoutes);
  await app.register(instructorsRoutes);
  await app.register(learnerRoutes);
  await app.register(selfReportsRoutes);
  await app.register(surveysRoutes);
  await app.register(essaysRoutes);
  await app.register(mentoringRoutes);
  await app.register(notificationsRoutes);
  await app.register(reportsRoutes);
  await app.register(keyTasksRoutes);
  await app.register(evaluationsRoutes);
  await app.register(ratingsRoutes);
  await app.register(effectsRoutes);
  await app.register(libraryRoutes);
  await app.register(kpisRoutes);
  await app.register(dashboardRoutes);
  await app.register(warningsRoutes);

  await registerWebClient(app, deps.config.webDistDir);
  return app;
}

/** Serves the built web client; unknown non-API paths get index.html so client-side routes work. */
async function registerWebClient(app: FastifyInstance, distDir: string): Promise<void> {
  const index = path.join(distDir, 'index.html');
  if (!fs.existsSync(index)) {
    app.log.warn(`Chưa có bản dựng giao diện tại ${distDir}; chạy npm run build.`);
    app.setNotFoundHandler(notFoundHandler);
    return;
  }
  await app.register(fastifyStatic, { root: distDir, prefix: '/', index: false, maxAge: 0 });
  const html = fs.readFileSync(index);
  app.get('/', (_req, reply) => reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(html));
  app.setNotFoundHandler((req, reply) => {
    if (req.method === 'GET' && !req.url.startsWith('/api/') && !req.url.startsWith('/assets/')) {
      return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(html);
    }
    notFoundHandler(req, reply);
  });
}
