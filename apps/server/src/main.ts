/**
 * `npm start`: opens the database (embedded PostgreSQL unless DATABASE_URL is set), runs migrations,
 * loads reference and demo data, serves the API and the web client. Ctrl-C stops everything in order:
 * HTTP server → background import worker and scheduled jobs → database pool → PostgreSQL (no stale postmaster.pid).
 */
import { loadConfig } from './config.ts';
import { createClock } from './clock.ts';
import { openDatabase } from './db/open.ts';
import { buildApp } from './app.ts';
import { seedReferenceData } from './seed/reference.ts';
import { seedDemoCertificates, seedDemoData } from './seed/demo.ts';
import { seedDemoReports } from './modules/reports/demo.ts';
import { seedDemoLibrary } from './modules/library/demo.ts';
import { ensureNationalAdmin } from './seed/admin.ts';
import { deleteExpiredSessions } from './modules/auth/auth.repository.ts';
import { startImportWorker } from './modules/roster-import/import-worker.ts';
import { startScheduler } from './modules/jobs/scheduler.ts';

const startedAt = performance.now();
const say = (msg: string) => process.stdout.write(`${JSON.stringify({ level: 'info', time: Date.now(), msg })}\n`);

async function main(): Promise<void> {
  const config = loadConfig();
  const clock = createClock(config.appToday, config.env);
  const database = await openDatabase(config, say);
  say(`Cơ sở dữ liệu sẵn sàng sau ${Math.round(performance.now() - startedAt)} ms`);

  const ref = await seedReferenceData(database.db);
  if (ref.seeded) say('Đã nạp 34 tỉnh, thành phố, 3.321 xã, phường, đặc khu và cơ sở đào tạo');
  if (config.seedDemo) {
    const demo = await seedDemoData(database.db, clock.today());
    if (demo.seeded) {
      const certificates = await seedDemoCertificates({ db: database.db, clock, config });
      say(`Đã tạo dữ liệu mẫu: ${demo.accounts} tài khoản (mật khẩu Demo@2026), ${certificates} giấy chứng nhận`);
    }
    // Demo reports (issue 6): needs the KPI engine; a failure here never stops the server.
    await seedDemoReports({ db: database.db, clock }).catch((e: unknown) => say(`Chưa tạo được báo cáo mẫu: ${e instanceof Error ? e.message : String(e)}`));
    // Demo library (issue 8): documents, a typical case with a quiz, a short video.
    const library = await seedDemoLibrary({ db: database.db, clock, config });
    if (library > 0) say(`Đã tạo ${library} học liệu mẫu`);
  } else if (config.env === 'production' && process.env.SEED_DEMO && process.env.SEED_DEMO !== '0' && process.env.SEED_DEMO !== 'false') {
    say('Bỏ qua dữ liệu mẫu: không được tạo dữ liệu mẫu khi NODE_ENV=production');
  }
  if (config.initialAdmin) {
    const created = await ensureNationalAdmin(database.db, config.initialAdmin.username, config.initialAdmin.password);
    if (created) say(`Đã tạo tài khoản quản trị đầu tiên ${config.initialAdmin.username}`);
  }

  const app = await buildApp({ db: database.db, clock, config });
  await app.listen({ port: config.port, host: config.host });
  say(`Sẵn sàng tại http://localhost:${config.port} sau ${Math.round(performance.now() - startedAt)} ms (hôm nay: ${clock.today()})`);

  const importWorker = startImportWorker({ db: database.db, clock, log: say });
  const scheduler = startScheduler({ db: database.db, clock, config, log: say });

  const sweep = setInterval(() => {
    deleteExpiredSessions(database.db, clock.now()).catch(() => {});
  }, 3600_000);
  sweep.unref();

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    say(`Nhận ${signal}, đang dừng…`);
    clearInterval(sweep);
    const force = setTimeout(() => process.exit(1), 15_000);
    force.unref();
    try {
      await app.close();
      await importWorker.stop();
      await scheduler.stop();
      await database.close();
      say('Đã dừng an toàn');
      process.exit(0);
    } catch (err) {
      process.stderr.write(`Lỗi khi dừng: ${String(err)}\n`);
      process.exit(1);
    }
  };
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(sig, () => void stop(sig));
}

main().catch((err: unknown) => {
  process.stderr.write(`Không khởi động được: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
