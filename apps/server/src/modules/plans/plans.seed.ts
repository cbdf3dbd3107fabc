/**
 * Demo plans (SPEC §0, §5): the national phase plans, Đắk Lắk's 2026–2028 plan (168 classes,
 * 16,947 attendances, seed 001) and 2029–2031 plan (103 / 10,342), Đắk Lắk's 2026 plan and Xã Ea
 * Kar's 2026 plan under it. Per-type splits and document numbers are invented for the demo.
 * Idempotent: a plan whose place and period already have a plan is left alone.
 */
import type { PlanLevel, PlanTarget, ProgrammeType } from '@app/shared';
import type { DbOrTx } from '../../db/client.ts';
import { findSameSlot, insertPlan, replaceTargets } from './plans.repository.ts';
import { normaliseTargets } from './plans.rules.ts';

type Split = Partial<Record<ProgrammeType, [classes: number, attendances: number]>>;

interface DemoPlan {
  key: string;
  parent: string | null;
  level: PlanLevel;
  provinceCode: string | null;
  communeCode: string | null;
  phase: 1 | 2;
  year: number | null;
  title: string;
  documentNo: string;
  documentDate: string;
  split: Split;
}

export const DEMO_PLANS: readonly DemoPlan[] = [
  {
    key: 'national-1',
    parent: null,
    level: 'national',
    provinceCode: null,
    communeCode: null,
    phase: 1,
    year: null,
    title: 'Kế hoạch triển khai Quyết định số 700/QĐ-TTg về bồi dưỡng cán bộ, công chức cấp xã giai đoạn 2026–2028',
    documentNo: '112/KH-BNV',
    documentDate: '2026-05-20',
    split: {
      CMCN: [400, 20_000],
      QLNN_LANHDAO: [500, 35_000],
      QLNN_CHUNG: [1_000, 90_000],
      CMNV: [2_000, 240_000],
      KNBT: [1_200, 144_000],
      KHAC: [300, 21_000],
    },
  },
  {
    key: 'national-2',
    parent: null,
    level: 'national',
    provinceCode: null,
    communeCode: null,
    phase: 2,
    year: null,
    title: 'Kế hoạch triển khai Quyết định số 700/QĐ-TTg về bồi dưỡng cán bộ, công chức cấp xã giai đoạn 2029–2031',
    documentNo: '113/KH-BNV',
    documentDate: '2026-05-20',
    split: {
      CMCN: [150, 7_500],
      QLNN_LANHDAO: [300, 21_000],
      QLNN_CHUNG: [600, 54_000],
      CAPNHAT: [1_800, 216_000],
      KNBT: [900, 99_000],
      KHAC: [200, 14_000],
    },
  },
  {
    // 168 classes, 16,947 attendances (seed 001).
    key: 'dak-lak-1',
    parent: 'national-1',
    level: 'province',
    provinceCode: '66',
    communeCode: null,
    phase: 1,
    year: null,
    title: 'Kế hoạch bồi dưỡng cán bộ, công chức cấp xã tỉnh Đắk Lắk giai đoạn 2026–2028',
    documentNo: '186/KH-UBND',
    documentDate: '2026-06-15',
    split: { CMCN: [12, 600], QLNN_LANHDAO: [16, 1_120], QLNN_CHUNG: [30, 2_700], CMNV: [60, 7_200], KNBT: [40, 4_800], KHAC: [10, 527] },
  },
  {
    // 103 classes, 10,342 attendances (seed 001).
    key: 'dak-lak-2',
    parent: 'national-2',
    level: 'province',
    provinceCode: '66',
    communeCode: null,
    phase: 2,
    year: null,
    title: 'Kế hoạch bồi dưỡng cán bộ, công chức cấp xã tỉnh Đắk Lắk giai đoạn 2029–2031',
    documentNo: '187/KH-UBND',
    documentDate: '2026-06-15',
    split: { CMCN: [5, 250], QLNN_LANHDAO: [8, 560], QLNN_CHUNG: [15, 1_350], CAPNHAT: [45, 5_400], KNBT: [25, 2_500], KHAC: [5, 282] },
  },
  {
    key: 'dak-lak-2026',
    parent: 'dak-lak-1',
    level: 'province',
    provinceCode: '66',
    communeCode: null,
    phase: 1,
    year: 2026,
    title: 'Kế hoạch bồi dưỡng cán bộ, công chức cấp xã tỉnh Đắk Lắk năm 2026',
    documentNo: '201/KH-UBND',
    documentDate: '2026-07-01',
    split: { CMCN: [4, 200], QLNN_LANHDAO: [5, 350], QLNN_CHUNG: [10, 900], CMNV: [18, 2_160], KNBT: [10, 1_200], KHAC: [3, 190] },
  },
  {
    key: 'ea-kar-2026',
    parent: 'dak-lak-2026',
    level: 'commune',
    provinceCode: '66',
    communeCode: '24373',
    phase: 1,
    year: 2026,
    title: 'Kế hoạch bồi dưỡng cán bộ, công chức Xã Ea Kar năm 2026',
    documentNo: '45/KH-UBND',
    documentDate: '2026-07-20',
    split: { CMCN: [0, 4], QLNN_LANHDAO: [0, 4], QLNN_CHUNG: [0, 12], CMNV: [2, 60], KNBT: [1, 40] },
  },
];

function targetsOf(split: Split): PlanTarget[] {
  const rows = Object.entries(split).map(([programmeType, [classes, attendances]]) => ({
    programmeType: programmeType as ProgrammeType,
    classes,
    attendances,
  }));
  const r = normaliseTargets(rows);
  if ('issue' in r) throw new Error(`Kế hoạch mẫu sai chỉ tiêu: ${r.issue.message}`);
  return r.targets;
}

/** Inserts the demo plans that are missing; returns the id of each demo plan by its key. */
export async function seedDemoPlans(tx: DbOrTx): Promise<Record<string, number>> {
  const ids: Record<string, number> = {};
  for (const d of DEMO_PLANS) {
    const slot = { level: d.level, provinceCode: d.provinceCode, communeCode: d.communeCode, phase: d.phase, year: d.year };
    const existing = await findSameSlot(tx, slot);
    if (existing) {
      ids[d.key] = existing.id;
      continue;
    }
    const row = await insertPlan(tx, {
      ...slot,
      title: d.title,
      parentId: d.parent ? (ids[d.parent] ?? null) : null,
      documentNo: d.documentNo,
      documentDate: d.documentDate,
      createdBy: null,
    });
    await replaceTargets(tx, row.id, targetsOf(d.split));
    ids[d.key] = row.id;
  }
  return ids;
}
