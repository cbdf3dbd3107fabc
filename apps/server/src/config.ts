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
  /** Where library files live (issue 8): local disk by default, S3-compatible storage when LIBRARY_S3_ENDPOINT is set. */
  libraryStorage: LibraryStorageSettings;
}

export type LibraryStorageSettings =
  | { kind: 'local'; dir: string }
  | {
      kind: 's3';
      endpoint: string;
      bucket: string;
      region: string;
      accessKeyId: string;
      secretAccessKey: string;
      forcePathStyle: boolean;
    };

/**
 * The library's storage from LIBRARY_* variables. A half-configured S3 refuses (naming the variable, in Vietnamese and
 * English) rather than silently writing to local disk. The secret is never part of an error message.
 */
export function libraryStorageSettings(env: NodeJS.ProcessEnv, dataDir: string): LibraryStorageSettings {
  const s3Vars = ['LIBRARY_S3_BUCKET', 'LIBRARY_S3_ACCESS_KEY_ID', 'LIBRARY_S3_SECRET_ACCESS_KEY'] as const;
  const refuse = (name: string, vi: string, en: string) => new Error(`${name}: ${vi} / ${en}`);
  const endpoint = env.LIBRARY_S3_ENDPOINT?.trim();
  if (!endpoint) {
    const stray = [...s3Vars, 'LIBRARY_S3_REGION', 'LIBRARY_S3_FORCE_PATH_STYLE'].find((v) => env[v]);
    if (stray) {
      throw refuse(
        'LIBRARY_S3_ENDPOINT',
        `chưa đặt địa chỉ máy chủ S3 trong khi đã đặt ${stray}`,
        `not set although ${stray} is; set it or remove the LIBRARY_S3_* variables`,
      );
    }
    return { kind: 'local', dir: path.resolve(env.LIBRARY_STORAGE_DIR || path.join(dataDir, 'library')) };
  }
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    url = new URL('invalid:');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw refuse('LIBRARY_S3_ENDPOINT', 'phải là địa chỉ http(s)://…', 'must be an http(s):// URL');
  }
  if (url.username || url.password) {
    throw refuse('LIBRARY_S3_ENDPOINT', 'không được chứa tên đăng nhập/mật khẩu', 'must not contain credentials');
  }
  for (const v of s3Vars) {
    if (!env[v]?.trim()) throw refuse(v, 'chưa đặt (bắt buộc khi dùng LIBRARY_S3_ENDPOINT)', 'is required with LIBRARY_S3_ENDPOINT');
  }
  const bucket = env.LIBRARY_S3_BUCKET!.trim();
  if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket)) {
    throw refuse('LIBRARY_S3_BUCKET', 'tên bucket không hợp lệ (3–63 ký tự a-z, 0-9, dấu chấm, gạch ngang)', 'is not a valid bucket name');
  }
  return {
    kind: 's3',
    endpoint: url.toString().replace(/\/$/, ''),
    bucket,
    region: env.LIBRARY_S3_REGION?.trim() || 'us-east-1',
    accessKeyId: env.LIBRARY_S3_ACCESS_KEY_ID!.trim(),
    secretAccessKey: env.LIBRARY_S3_SECRET_ACCESS_KEY!,
    forcePathStyle: bool(env.LIBRARY_S3_FORCE_PATH_STYLE, true),
  };
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
  const dataDir = path.resolve(env.DATA_DIR ?? path.join(repoRoot, 'data'));
  return {
    env: nodeEnv,
    port,
    host: env.HOST ?? '0.0.0.0',
    dataDir,
    databaseUrl: env.DATABASE_URL || undefined,
    seedDemo: nodeEnv !== 'production' && bool(env.SEED_DEMO, true),
    appToday: env.APP_TODAY || undefined,
    cookieSecure: bool(env.COOKIE_SECURE, nodeEnv === 'production'),
    logLevel: env.LOG_LEVEL ?? (nodeEnv === 'test' ? 'warn' : 'info'),
    webDistDir: path.resolve(env.WEB_DIST_DIR ?? path.join(repoRoot, 'apps/web/dist')),
    sessionHours: Number(env.SESSION_HOURS ?? 12),
    smtpUrl: env.SMTP_URL || undefined,
    mailFrom: env.MAIL_FROM ?? 'Phần mềm bồi dưỡng CBCC cấp xã <no-reply@localhost>',
    libraryStorage: libraryStorageSettings(env, dataDir),
    publicUrl: (env.PUBLIC_BASE_URL ?? `http://localhost:${port}`).replace(/\/$/, ''),
    initialAdmin:
      env.INITIAL_ADMIN_USERNAME && env.INITIAL_ADMIN_PASSWORD
        ? { username: env.INITIAL_ADMIN_USERNAME, password: env.INITIAL_ADMIN_PASSWORD }
        : undefined,
  };
}
