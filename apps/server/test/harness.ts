/**
 * Test harness: a fresh database cloned from the seeded template for each test file, the real
 * Fastify app on top of it (requests go through `app.inject`, the full HTTP stack without a socket),
 * and a client that keeps cookies and sends the CSRF header like the browser does.
 */
import crypto from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
// The names `inject` may read are declared (ProvidedContext) next to where they are provided.
import type {} from './global-setup.ts';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../src/app.ts';
import { createClock, type Clock } from '../src/clock.ts';
import { loadConfig } from '../src/config.ts';
import { createDb, createPool, type Db } from '../src/db/client.ts';
import { DEMO_PASSWORD } from '../src/seed/demo.ts';

export interface TestContext {
  app: FastifyInstance;
  db: Db;
  pool: pg.Pool;
  clock: Clock;
  client: () => TestClient;
  /** A client already logged in as a (demo or test-made) user. */
  /** `changePassword`: when the account is on a temporary password, choose a real one (as the web client forces). */
  loginAs: (username: string, password?: string, opts?: { changePassword?: boolean }) => Promise<TestClient>;
  close: () => Promise<void>;
}

async function adminQuery(sql: string): Promise<void> {
  const c = new pg.Client({ connectionString: inject('pgAdminUrl') });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

export async function createTestContext(opts: { today?: string; rateLimitPerMinute?: number } = {}): Promise<TestContext> {
  const name = `t_${crypto.randomBytes(6).toString('hex')}`;
  for (let attempt = 0; ; attempt++) {
    try {
      await adminQuery(`create database ${name} template ${inject('templateDb')}`);
      break;
    } catch (err) {
      if (attempt >= 20) throw err;
      await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
    }
  }
  const url = new URL(inject('pgAdminUrl'));
  url.pathname = `/${name}`;
  const pool = createPool(url.toString(), 5);
  const db = createDb(pool);
  const config = { ...loadConfig({ NODE_ENV: 'test', DATA_DIR: '/nonexistent', WEB_DIST_DIR: '/nonexistent' }), logLevel: 'silent' };
  const clock = createClock(opts.today ?? '2026-11-23', 'test');
  const app = await buildApp({ db, clock, config }, { logger: false, rateLimitPerMinute: opts.rateLimitPerMinute ?? 100_000 });
  await app.ready();
  const client = () => new TestClient(app);
  return {
    app,
    db,
    pool,
    clock,
    client,
    loginAs: async (username, password = DEMO_PASSWORD, opts = {}) => {
      const c = client();
      const res = await c.post('/api/auth/login', { username, password });
      if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
      if (opts.changePassword && res.json<{ mustChangePassword: boolean }>().mustChangePassword) {
        const ch = await c.post('/api/auth/change-password', { currentPassword: password, newPassword: `Moi${password}9` });
        if (ch.statusCode !== 200) throw new Error(`change password ${username} failed: ${ch.statusCode} ${ch.body}`);
      }
      return c;
    },
    close: async () => {
      await app.close();
      await pool.end();
      await adminQuery(`drop database if exists ${name} with (force)`);
    },
  };
}

export class TestClient {
  readonly cookies = new Map<string, string>();
  /** Send the CSRF header on state-changing requests (a browser page does). */
  sendCsrf = true;

  constructor(private readonly app: FastifyInstance) {}

  async request(
    method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
    url: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<LightMyRequestResponse> {
    const h: Record<string, string> = { ...headers };
    if (this.cookies.size) h.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (method !== 'GET' && this.sendCsrf && this.cookies.has('csrf')) h['x-csrf-token'] = this.cookies.get('csrf')!;
    let payload: string | undefined;
    if (body !== undefined) {
      payload = typeof body === 'string' ? body : JSON.stringify(body);
      h['content-type'] ??= 'application/json';
    }
    const res = await this.app.inject({ method, url, headers: h, payload });
    for (const c of res.cookies) {
      if (c.value === '' || c.maxAge === 0 || (c.expires && c.maxAge === undefined && c.expires.getTime() < Date.now()))
        this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    return res;
  }

  get(url: string) {
    return this.request('GET', url);
  }
  post(url: string, body?: unknown, headers?: Record<string, string>) {
    return this.request('POST', url, body, headers);
  }
  patch(url: string, body?: unknown) {
    return this.request('PATCH', url, body);
  }
}

/** Unique names so parallel tests never collide (STYLE.md §11). */
export function uniqueName(prefix: string): string {
  return `${prefix}.${crypto.randomBytes(4).toString('hex')}`;
}
