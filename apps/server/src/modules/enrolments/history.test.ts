/**
 * The training history the needs module reads (`trainingHistoryOf` in needs.repository.ts, filled
 * from enrolments and classes): completed vs nominated, phases, as-of dates, cancelled and failed
 * enrolments; and its effect on the needs review through the API.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NeedsRegisterResponse, ProgrammeType } from '@app/shared';
import { createTestContext, type TestContext } from '../../../test/harness.ts';
import { trainingHistoryOf } from '../needs/needs.repository.ts';
import { addOfficial, insertProgramme, ok, orgIdOf } from '../classes/test-support.ts';

let t: TestContext;
let org: number;
const programmes = new Map<ProgrammeType, number>();

beforeAll(async () => {
  t = await createTestContext({ today: '2026-11-23' });
  org = await orgIdOf(t.pool, 'TCT.66');
  for (const type of ['CMCN', 'CMNV', 'KNBT'] as const) programmes.set(type, await insertProgramme(t.pool, { type }));
});
afterAll(async () => {
  await t?.close();
});

let seq = 0;
async function classOf(type: ProgrammeType, startDate: string, endDate: string): Promise<number> {
  seq++;
  const r = await t.pool.query<{ id: number }>(
    `insert into classes (code, name, programme_id, programme_type, organiser_id, province_code, mode, schedule_type, start_date, end_date, capacity, status)
     values ($1, $2, $3, $4, $5, '66', 'truc_tiep', 'ngoai_gio', $6, $7, 50, 'finished') returning id`,
    [`H.${seq}`, `Lớp lịch sử ${seq}`, programmes.get(type), type, org, startDate, endDate],
  );
  return r.rows[0]!.id;
}
async function enrol(
  classId: number,
  officialId: string,
  e: { decisionDate: string; status?: string; result?: 'completed' | 'failed' | null },
): Promise<void> {
  await t.pool.query(
    `insert into enrolments (class_id, official_id, province_code, commune_code, unit_id, programme_type, class_end_date, decision_no, decision_date, status, result)
     select k.id, o.id, o.province_code, o.commune_code, o.unit_id, k.programme_type, k.end_date, '1/QĐ-UBND', $3, $4, $5
     from classes k, officials o where k.id = $1 and o.id = $2`,
    [classId, officialId, e.decisionDate, e.status ?? 'nominated', e.result ?? null],
  );
}

describe('trainingHistoryOf', () => {
  it('reads completions, nominations, the phase and the as-of date from enrolments', async () => {
    const p = await Promise.all(Array.from({ length: 8 }, () => addOfficial(t.pool, { commune: '24133', unitId: null })));
    const [a, b, c, d, e, f, g, h] = p.map((x) => x.id) as [string, string, string, string, string, string, string, string];
    const cmcn = await classOf('CMCN', '2026-03-02', '2026-05-29');
    const knbt = await classOf('KNBT', '2026-08-20', '2026-08-21');
    const cmnvFuture = await classOf('CMNV', '2026-12-15', '2026-12-17');
    const cmnvOld = await classOf('CMNV', '2025-12-10', '2025-12-12');
    await enrol(cmcn, a, { decisionDate: '2026-02-20', result: 'completed' });
    await enrol(knbt, b, { decisionDate: '2026-08-10', result: 'completed' });
    await enrol(cmnvFuture, c, { decisionDate: '2026-11-20' });
    await enrol(knbt, d, { decisionDate: '2026-08-10', status: 'cancelled' });
    await enrol(knbt, e, { decisionDate: '2026-08-10', result: 'failed' });
    await enrol(cmnvFuture, f, { decisionDate: '2026-11-25' });
    await enrol(cmnvOld, g, { decisionDate: '2025-12-01', result: 'completed' });

    const hist = await trainingHistoryOf(t.db, [a, b, c, d, e, f, g, h], 1, '2026-11-23');
    const view = (id: string) => {
      const x = hist.get(id)!;
      return {
        completed: [...x.completedProgrammes].sort(),
        nominated: [...x.nominatedProgrammes].sort(),
        professional: x.completedProfessionalInPhase,
        trained: x.trainedInPhase,
      };
    };
    expect(view(a)).toEqual({ completed: ['CMCN'], nominated: ['CMCN'], professional: false, trained: true });
    expect(view(b)).toEqual({ completed: ['KNBT'], nominated: ['KNBT'], professional: true, trained: true });
    expect(view(c)).toEqual({ completed: [], nominated: ['CMNV'], professional: false, trained: true });
    expect(view(d)).toEqual({ completed: [], nominated: [], professional: false, trained: false });
    expect(view(e)).toEqual({ completed: [], nominated: ['KNBT'], professional: false, trained: true });
    expect(view(f)).toEqual({ completed: [], nominated: [], professional: false, trained: false });
    expect(view(g)).toEqual({ completed: ['CMNV'], nominated: ['CMNV'], professional: false, trained: false });
    expect(view(h)).toEqual({ completed: [], nominated: [], professional: false, trained: false });

    // As of a date before the KNBT class ended, it was not completed yet.
    const earlier = await trainingHistoryOf(t.db, [b], 1, '2026-08-15');
    expect([...earlier.get(b)!.completedProgrammes]).toEqual([]);
    expect(earlier.get(b)!.completedProfessionalInPhase).toBe(false);
    // Phase 2 sees none of the 2026 classes as its own.
    const later = await trainingHistoryOf(t.db, [b], 2, '2029-06-01');
    expect(later.get(b)).toMatchObject({ completedProfessionalInPhase: false, trainedInPhase: false });
    expect((await trainingHistoryOf(t.db, [], 1, '2026-11-23')).size).toBe(0);
  });

  it('a completed CMCN class stops the review from proposing CMCN again (needs API)', async () => {
    const bmt = await t.loginAs('xa.24133');
    const unit = (
      await t.pool.query<{ id: number }>(`select id from units where commune_code = '24133' and kind = 'phong_kinh_te' and is_default`)
    ).rows[0]!.id;
    const trained = await addOfficial(t.pool, { commune: '24133', unitId: unit, belowStandard: true });
    const untrained = await addOfficial(t.pool, { commune: '24133', unitId: unit, belowStandard: true });
    await t.pool.query(`update officials set meets_requirement_computed = false where id = any($1::uuid[])`, [[trained.id, untrained.id]]);
    await enrol(await classOf('CMCN', '2026-03-02', '2026-05-29'), trained.id, { decisionDate: '2026-02-20', result: 'completed' });
    await ok(bmt.post('/api/needs/review?commune=24133&phase=1'));
    const reg = await ok<NeedsRegisterResponse>(bmt.get('/api/needs?scope=commune:24133&phase=1'));
    const cmcnOf = (id: string) => reg.items.filter((n) => n.officialId === id && n.programmeType === 'CMCN');
    expect(cmcnOf(untrained.id)).toHaveLength(1);
    expect(cmcnOf(trained.id)).toHaveLength(0);
  });
});
