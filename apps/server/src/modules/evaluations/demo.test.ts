/**
 * The demo evaluations and ratings (seedDemoEvaluations) on the demo classes: evaluations done for some
 * of the May classes and overdue for the rest, the August class due and not evaluated, scores
 * consistent with the stored answers, 2025 and 2026 ratings with levels by the rule; idempotent.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EvaluationListResponse } from '@app/shared';
import { createTestContext, type TestContext } from '../../../test/harness.ts';
import { seedDemoTraining } from '../classes/demo.ts';
import { insertProgramme, ok } from '../classes/test-support.ts';
import { ratingLevel } from '../ratings/ratings.rules.ts';
import { seedDemoEvaluations } from './demo.ts';
import { DEFAULT_EVALUATION_CONFIG, evaluationScore } from './evaluations.rules.ts';

const CATALOGUE = [
  ['BNV.CMCN.1', 'CMCN'],
  ['HVCTQG.KNBT.XLTH', 'KNBT'],
  ['BNV.CMNV.DAT_DAI', 'CMNV'],
  ['BNV.KNBT.CDS', 'KNBT'],
  ['BNV.CMNV.TTHC', 'CMNV'],
  ['BNV.KNBT.GTHC', 'KNBT'],
  ['BNV.CMNV.TCNS', 'CMNV'],
  ['BNV.QLNN_CHUNG.1', 'QLNN_CHUNG'],
] as const;

let t: TestContext;
let first: Awaited<ReturnType<typeof seedDemoEvaluations>>;
const q = async <T extends Record<string, unknown>>(text: string, params: unknown[] = []) => (await t.pool.query<T>(text, params)).rows;

beforeAll(async () => {
  t = await createTestContext({ today: '2026-11-23' });
  for (const [code, type] of CATALOGUE) {
    if (!(await q('select 1 from programmes where code = $1', [code])).length)
      await insertProgramme(t.pool, { code, type, requiresEssay: code.startsWith('HVCTQG') });
  }
  await t.db.transaction((tx) => seedDemoTraining(tx));
  first = await t.db.transaction((tx) => seedDemoEvaluations(tx, '2026-11-23'));
});
afterAll(async () => {
  await t?.close();
});

describe('demo evaluations and ratings', () => {
  it('seeds once', async () => {
    expect(first.seeded).toBe(true);
    expect(first.evaluations).toBeGreaterThan(5);
    const again = await t.db.transaction((tx) => seedDemoEvaluations(tx, '2026-11-23'));
    expect(again.seeded).toBe(false);
  });
  it('evaluations only after the window opened, scores match the stored answers', async () => {
    const rows = await q<{ opens_on: string; evaluated_on: string; score: string; id: number }>(
      `select id, to_char(opens_on,'YYYY-MM-DD') as opens_on, to_char(evaluated_on,'YYYY-MM-DD') as evaluated_on, score::text from post_training_evaluations`,
    );
    for (const r of rows) {
      expect(r.evaluated_on >= r.opens_on && r.evaluated_on <= '2026-11-23').toBe(true);
      const rs = await q<{ source: string; criteria: Record<string, { score: number }>; satisfaction: string | null }>(
        `select source, criteria, satisfaction::text from evaluation_responses where evaluation_id = $1`,
        [r.id],
      );
      const s = evaluationScore(
        {
          unitHead: rs.find((x) => x.source === 'unit_head')?.criteria ?? null,
          self: rs.find((x) => x.source === 'self')?.criteria ?? null,
          citizen: rs.find((x) => x.source === 'citizen')?.satisfaction
            ? Number(rs.find((x) => x.source === 'citizen')!.satisfaction)
            : null,
        },
        DEFAULT_EVALUATION_CONFIG,
      );
      expect(s).toBe(Number(r.score));
    }
  });
  it('the commune list shows done, overdue and due', async () => {
    const bmt = await t.loginAs('xa.24133');
    const list = await ok<EvaluationListResponse>(bmt.get('/api/evaluations'));
    const statuses = new Set(list.items.map((i) => i.status));
    expect(statuses.has('da_danh_gia')).toBe(true);
    expect(statuses.has('qua_han')).toBe(true);
    const august = await q<{ n: number }>(`select count(*)::int as n from post_training_evaluations where class_end_date >= '2026-08-01'`);
    expect(august[0]!.n).toBe(0);
  });
  it('ratings for 2025 and 2026 with levels by the rule', async () => {
    const rows = await q<{ score: string; level: string; disciplined: boolean; year: number }>(
      `select score::text, level, disciplined, year from annual_ratings`,
    );
    expect(rows.filter((r) => r.year === 2025).length).toBe(rows.filter((r) => r.year === 2026).length);
    for (const r of rows) expect(r.level).toBe(ratingLevel(Number(r.score), r.disciplined));
  });
});
