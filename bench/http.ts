/** Starts the real app on a loopback port for benchmarks and logs users in (cookies + CSRF like a browser). */
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../apps/server/src/app.ts';
import { createClock } from '../apps/server/src/clock.ts';
import { loadConfig } from '../apps/server/src/config.ts';
import type { OpenDatabase } from '../apps/server/src/db/open.ts';
import { DEMO_PASSWORD } from '../apps/server/src/seed/demo.ts';

export interface BenchServer {
  app: FastifyInstance;
  base: string;
  close: () => Promise<void>;
}

export async function startBenchServer(database: OpenDatabase, today = '2026-11-23'): Promise<BenchServer> {
  const config = { ...loadConfig({ ...process.env, NODE_ENV: 'test' }), logLevel: 'warn' };
  const app = await buildApp(
    { db: database.db, clock: createClock(today, 'test'), config },
    { logger: false, rateLimitPerMinute: 10_000_000 },
  );
  await app.listen({ port: 0, host: '127.0.0.1' });
  const addr = app.server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  return { app, base: `http://127.0.0.1:${port}`, close: () => app.close() };
}

export interface Session {
  cookie: string;
  csrf: string;
}

export async function login(base: string, username: string, password = DEMO_PASSWORD): Promise<Session> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!res.ok) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  const cookies = res.headers.getSetCookie().map((c) => c.split(';')[0]!);
  const csrf = cookies.find((c) => c.startsWith('csrf='))!.slice(5);
  return { cookie: cookies.join('; '), csrf };
}

/** Wall-clock milliseconds of one GET (body read fully). */
export async function timedGet(base: string, s: Session, url: string): Promise<number> {
  const t = performance.now();
  const res = await fetch(base + url, { headers: { cookie: s.cookie } });
  await res.arrayBuffer();
  if (!res.ok) throw new Error(`${url}: ${res.status}`);
  return performance.now() - t;
}
