/** All configuration comes from the environment, read once here. */
import path from 'node:path';

export interface AppConfig {
  env: 'production' | 'development' | 'test';
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  seedDemo: boolean;
  appToday: string | undefined;
  cookieSecure: boolean;
  logLevel: string;
  webDistDir: string;
  sessionHours: number;
  initialAdmin: { username: string; password: string } | undefined;
  /** SMTP server for e-mail copies of notifications, e.g. smtp://user:pass@mail.example.gov.vn:587; none → in-app only. */
  smtpUrl: string | undefined;
  mailFrom: string;
  /** Public address of the app, used for links in e-mails. */
  publicUrl: string;
}

function bool(v: string | undefined, dflt: boolean): boolean {
  if (v === undefined || v === '') return dflt;
  return ['1', 'true', 'yes', 'on'].includes(v.toLowerCase());
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const nodeEnv = env.NODE_ENV === 'production' ? 'production' : env.NODE_ENV === 'test' ? 'test' : 'development';
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port <= 0 || port > 65535) throw new Error(`PORT không hợp lệ: ${env.PORT}`);
  const repoRoot = path.resolve(import.meta.dirname, '../../..');
  return {
    env: nodeEnv,
    port,
    host: env.HOST ?? '0.0.0.0',
    dataDir: path.resolve(env.DATA_DIR ?? path.join(repoRoot, 'data')),
    databaseUrl: env.DATABASE_URL || undefined,
    seedDemo: nodeEnv !== 'production' && bool(env.SEED_DEMO, true),
    appToday: env.APP_TODAY || undefined,
    cookieSecure: bool(env.COOKIE_SECURE, nodeEnv === 'production'),
    logLevel: env.LOG_LEVEL ?? (nodeEnv === 'test' ? 'warn' : 'info'),
    webDistDir: path.resolve(env.WEB_DIST_DIR ?? path.join(repoRoot, 'apps/web/dist')),
    sessionHours: Number(env.SESSION_HOURS ?? 12),
    smtpUrl: env.SMTP_URL || undefined,
    mailFrom: env.MAIL_FROM ?? 'Phần mềm bồi dưỡng CBCC cấp xã <no-reply@localhost>',
    publicUrl: (env.PUBLIC_BASE_URL ?? `http://localhost:${port}`).replace(/\/$/, ''),
    initialAdmin:
      env.INITIAL_ADMIN_USERNAME && env.INITIAL_ADMIN_PASSWORD
        ? { username: env.INITIAL_ADMIN_USERNAME, password: env.INITIAL_ADMIN_PASSWORD }
        : undefined,
  };
}
