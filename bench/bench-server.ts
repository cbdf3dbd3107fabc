/**
 * The real app as a separate process for load benchmarks (so the load generator does not share its
 * event loop): `DATABASE_URL=… tsx bench/bench-server.ts --today 2026-11-23` prints `PORT <n>` on
 * stderr when listening; SIGTERM stops it.
 * It runs as production does: the production log level (LOG_LEVEL, default `info`, i.e. the access
 * log of every request) written as JSON lines to stdout — the bench sends stdout to a file, as
 * journald or a log file would take it in production. Only the clock is the test clock (--today).
 */
import { parseArgs } from 'node:util';
import { buildApp } from '../apps/server/src/app.ts';
import { createClock } from '../apps/server/src/clock.ts';
import { loadConfig } from '../apps/server/src/config.ts';
import { createDb, createPool } from '../apps/server/src/db/client.ts';

const { values } = parseArgs({ options: { today: { type: 'string', default: '2026-11-23' } } });
const url = process.env.DATABASE_URL;
if (!url) throw new Error('DATABASE_URL is required');
const pool = createPool(url, Number(process.env.DB_POOL_MAX ?? 20));
const db = createDb(pool);
const config = { ...loadConfig({ ...process.env, NODE_ENV: 'test' }), logLevel: process.env.LOG_LEVEL ?? 'info' };
const app = await buildApp({ db, clock: createClock(values.today, 'test'), config }, { rateLimitPerMinute: 10_000_000 });
await app.listen({ port: 0, host: '127.0.0.1' });
const addr = app.server.address();
console.error(`PORT ${typeof addr === 'object' && addr ? addr.port : 0}`);
const stop = async () => {
  await app.close();
  await pool.end();
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
