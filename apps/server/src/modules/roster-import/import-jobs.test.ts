/** Background imports: 202 {jobId}, progress, same result as the synchronous import, who may read a job, orphans. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RosterImportJobStatus, RosterImportResult } from '@app/shared';
import { createTestContext, type TestClient, type TestContext } from '../../../test/harness.ts';
import { startImportWorker, type ImportWorker } from './import-worker.ts';
import { makeXlsx, rosterXlsx, upload, type Person } from './test-support.ts';

let t: TestContext;
let worker: ImportWorker;
let admin: TestClient; // xa.24133
let otherCommune: TestClient; // xa.22015
let province: TestClient; // sonoivu.66
let reviewer: TestClient; // bantochuc.66

const people: Person[] = Array.from({ length: 120 }, (_, i) => ({
  fullName: `Hoàng Văn Nền ${['An', 'Bình', 'Cường', 'Dũng', 'Em', 'Giang'][i % 6]} ${'ABCDEFGHIKLMNOPQRSTU'[Math.floor(i / 6)]}`,
  birthDate: `${(i % 27) + 1}/${(i % 12) + 1}/1985`,
  cccd: `002085${String(i).padStart(6, '0')}`,
}));

async function count(): Promise<number> {
  return (await t.pool.query<{ n: number }>(`select count(*)::int as n from officials where commune_code = '24133'`)).rows[0]!.n;
}

async function waitFor(client: TestClient, jobId: string): Promise<RosterImportJobStatus> {
  const seen: number[] = [];
  for (let i = 0; i < 300; i++) {
    const res = await client.get(`/api/officials/import-jobs/${jobId}`);
    expect(res.statusCode, res.body).toBe(200);
    const s = res.json<RosterImportJobStatus>();
    seen.push(s.progress);
    if (s.status === 'done' || s.status === 'failed') {
      expect(seen).toEqual([...seen].sort((a, b) => a - b)); // progress never goes back
      return s;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('job did not finish');
}

beforeAll(async () => {
  t = await createTestContext();
  worker = startImportWorker({ db: t.db, clock: t.clock, pollMs: 100 });
  [admin, otherCommune, province, reviewer] = await Promise.all([
    t.loginAs('xa.24133'),
    t.loginAs('xa.22015'),
    t.loginAs('sonoivu.66'),
    t.loginAs('bantochuc.66'),
  ]);
});
afterAll(async () => {
  await worker.stop();
  await t.close();
});

describe('background import', () => {
  it('a dry run as a job gives the same answer as the synchronous dry run', async () => {
    const file = await rosterXlsx(people);
    const sync = await upload(t, admin, '/api/officials/import?commune=24133&dryRun=true', file);
    expect(sync.statusCode).toBe(200);
    const accepted = await upload(t, admin, '/api/officials/import?commune=24133&dryRun=true&async=true', file);
    expect(accepted.statusCode, accepted.body).toBe(202);
    const { jobId } = accepted.json<{ jobId: string }>();
    expect(jobId).toMatch(/^[0-9a-f-]{36}$/);
    const done = await waitFor(admin, jobId);
    expect(done).toMatchObject({
      status: 'done',
      progress: 100,
      totalRows: 120,
      dryRun: true,
      communeCode: '24133',
      fileName: 'danh-sach.xlsx',
    });
    expect(done.result).toEqual(sync.json<RosterImportResult>());
  });

  it('a real import as a job: 202, progress to 100, people saved, file dropped', async () => {
    const before = await count();
    const accepted = await upload(t, admin, '/api/officials/import?commune=24133&async=true', await rosterXlsx(people));
    expect(accepted.statusCode, accepted.body).toBe(202);
    const { jobId } = accepted.json<{ jobId: string }>();
    const done = await waitFor(admin, jobId);
    expect(done.status).toBe('done');
    expect(done.result).toMatchObject({ ok: true, dryRun: false, created: 120, updated: 0, unchanged: 0, totalRows: 120, errors: [] });
    expect(await count()).toBe(before + 120);
    const row = (await t.pool.query(`select file, finished_at from import_jobs where id = $1`, [jobId])).rows[0];
    expect(row.file).toBeNull();
    expect(row.finished_at).not.toBeNull();
    const audit = await t.pool.query(`select count(*)::int as n from audit_log where action = 'official.create' and after->>'jobId' = $1`, [
      jobId,
    ]);
    expect(audit.rows[0].n).toBe(120);

    // The same file again, in the background: idempotent.
    const again = await upload(t, admin, '/api/officials/import?commune=24133&async=true', await rosterXlsx(people));
    expect((await waitFor(admin, again.json<{ jobId: string }>().jobId)).result).toMatchObject({ ok: true, created: 0, unchanged: 120 });
  });

  it('a file with bad rows ends done with ok=false and saves nothing; a file problem ends failed with its message', async () => {
    const before = await count();
    const bad = await upload(
      t,
      admin,
      '/api/officials/import?commune=24133&async=true',
      await rosterXlsx([{ fullName: 'Lạc Văn Sai', birthDate: '32/01/1990' }]),
    );
    const s = await waitFor(admin, bad.json<{ jobId: string }>().jobId);
    expect(s).toMatchObject({ status: 'done', result: { ok: false, created: 0, errors: [{ row: 2, column: 'Ngày sinh' }] } });
    const noColumns = await upload(
      t,
      admin,
      '/api/officials/import?commune=24133&async=true',
      await makeXlsx([
        {
          rows: [
            ['Họ và tên', 'Email'],
            ['A B', ''],
          ],
        },
      ]),
    );
    const f = await waitFor(admin, noColumns.json<{ jobId: string }>().jobId);
    expect(f.status).toBe('failed');
    expect(f.error?.message).toContain('thiếu các cột bắt buộc');
    expect(f.result).toBeUndefined();
    expect(await count()).toBe(before);
  });

  it('a file that is not an .xlsx is refused at upload, before any job', async () => {
    const res = await upload(t, admin, '/api/officials/import?commune=24133&async=true', Buffer.from('không phải excel'));
    expect(res.statusCode).toBe(400);
    expect(res.json<{ message: string }>().message).toMatch(/^Tệp không phải định dạng Excel \.xlsx/);
  });

  it('only its creator or an admin of its commune may read a job', async () => {
    const accepted = await upload(
      t,
      admin,
      '/api/officials/import?commune=24133&dryRun=true&async=true',
      await rosterXlsx(people.slice(0, 2)),
    );
    const { jobId } = accepted.json<{ jobId: string }>();
    await waitFor(admin, jobId);
    expect((await province.get(`/api/officials/import-jobs/${jobId}`)).statusCode).toBe(200);
    expect((await otherCommune.get(`/api/officials/import-jobs/${jobId}`)).statusCode).toBe(404);
    expect((await reviewer.get(`/api/officials/import-jobs/${jobId}`)).statusCode).toBe(404);
    expect((await admin.get('/api/officials/import-jobs/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    expect((await admin.get('/api/officials/import-jobs/khong-phai-id')).statusCode).toBe(404);
  });

  it('lists the caller’s recent jobs, newest first, without results', async () => {
    const res = await admin.get('/api/officials/import-jobs');
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json<{ items: RosterImportJobStatus[] }>().items;
    expect(items.length).toBeGreaterThanOrEqual(5);
    expect(items.map((j) => j.createdAt)).toEqual([...items.map((j) => j.createdAt)].sort().reverse());
    expect(items[0]).not.toHaveProperty('result');
    expect((await otherCommune.get('/api/officials/import-jobs')).json<{ items: unknown[] }>().items).toEqual([]);
    expect((await reviewer.get('/api/officials/import-jobs')).statusCode).toBe(403);
  });

  it('a running job whose worker died is marked failed by the next poll; the queue is shared through the database', async () => {
    const userId = (await t.pool.query(`select id from users where username = 'xa.24133'`)).rows[0].id;
    const orphan = (
      await t.pool.query(
        `insert into import_jobs (kind, province_code, commune_code, created_by, dry_run, status, file) values ('officials_roster', '66', '24133', $1, true, 'running', '\\x00') returning id`,
        [userId],
      )
    ).rows[0].id;
    const s = await waitFor(admin, orphan);
    expect(s).toMatchObject({ status: 'failed', error: { code: 'INTERRUPTED' } });
    expect(s.error!.message).toContain('tải tệp lên lại');
  });
});
