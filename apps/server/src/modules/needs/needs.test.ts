/**
 * Training-needs review through the real API and PostgreSQL (SPEC §4): every rule on officials made
 * with POST /api/officials, idempotent re-review that keeps decisions and drops stale proposals,
 * decisions with reasons and versions, manual needs, registers vs aggregations, scope refusals,
 * "Cần bồi dưỡng ngay", "Cảnh báo thiếu chuẩn VTVL" and the learner's own needs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import type {
  AuditItem,
  MyNeedsResponse,
  NeedItem,
  NeedsAggregationResponse,
  NeedsRegisterResponse,
  OfficialDetail,
  PositionItem,
  ReviewNeedsResponse,
  UrgentResponse,
  WarningsResponse,
} from '@app/shared';
import { createTestContext, type TestClient, type TestContext } from '../../../test/harness.ts';
import { compareVietnameseNames } from '../officials/officials.rules.ts';
import { reviewCommuneNeeds } from './needs.service.ts';

const TODAY = '2026-11-23';
const DEMO_COMMUNES = ['24133', '22015', '24373', '24235', '24211'];
const VIETNAMESE = /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/i;

let t: TestContext;
let national: TestClient; // bonoivu
let province: TestClient; // sonoivu.66
let reviewer: TestClient; // bantochuc.66
let ea: TestClient; // xa.24373 — Xã Ea Kar, nông thôn: where the rule officials live
let bmt: TestClient; // xa.24133 — Phường Buôn Ma Thuột
let unitHead: TestClient; // donvi.24373.1
let learner: TestClient; // hocvien.24373.1
const positions = new Map<string, PositionItem>();

interface ErrorBody {
  statusCode: number;
  code: string;
  message: string;
  fields?: { field: string; message: string }[];
}
function expectError(res: LightMyRequestResponse, status: number, code: string): ErrorBody {
  expect(res.statusCode, res.body).toBe(status);
  const body = res.json<ErrorBody>();
  expect(body).toMatchObject({ statusCode: status, code });
  expect(body.message).toMatch(VIETNAMESE);
  expect(body.message).not.toMatch(/at .*\.ts:\d+/);
  return body;
}
const fieldsOf = (res: LightMyRequestResponse) => (res.json<ErrorBody>().fields ?? []).map((f) => f.field);

async function ok<T>(res: Promise<LightMyRequestResponse>, status = 200): Promise<T> {
  const r = await res;
  expect(r.statusCode, r.body).toBe(status);
  return r.json<T>();
}

const review = (c: TestClient, commune: string, phase = 1) =>
  ok<ReviewNeedsResponse>(c.post(`/api/needs/review?commune=${commune}&phase=${phase}`));
const register = (c: TestClient, commune: string, phase = 1, extra = '') =>
  ok<NeedsRegisterResponse>(c.get(`/api/needs?scope=commune:${commune}&phase=${phase}${extra}`));
const needsOf = (reg: NeedsRegisterResponse, officialId: string) => reg.items.filter((n) => n.officialId === officialId);
const byType = (items: NeedItem[], type: string) => items.find((n) => n.programmeType === type);

let seq = 0;
async function createOfficial(client: TestClient, over: Record<string, unknown>): Promise<OfficialDetail> {
  seq++;
  return ok<OfficialDetail>(
    client.post('/api/officials', {
      fullName: `Nguyễn Văn Thử ${seq}`,
      birthDate: '1985-03-04',
      gender: 'nam',
      officialType: 'cong_chuc',
      isLeader: false,
      bloc: 'ubnd',
      positionId: positions.get('CV_TP')!.id,
      eduLevel: 'dai_hoc',
      studyField: 'luat',
      joinedAt: '2015-01-01',
      affectedByReorg: false,
      ...over,
    }),
    201,
  );
}

// Officials made for the rules (Xã Ea Kar, 24373), named so the urgent list's order is checkable.
const P: Record<string, OfficialDetail> = {};

beforeAll(async () => {
  t = await createTestContext({ today: TODAY });
  [national, province, reviewer, ea, bmt, unitHead, learner] = await Promise.all([
    t.loginAs('bonoivu'),
    t.loginAs('sonoivu.66'),
    t.loginAs('bantochuc.66'),
    t.loginAs('xa.24373'),
    t.loginAs('xa.24133'),
    t.loginAs('donvi.24373.1'),
    t.loginAs('hocvien.24373.1'),
  ]);
  for (const p of (await ok<{ items: PositionItem[] }>(ea.get('/api/positions'))).items) positions.set(p.code, p);
  // Chuyên viên tư pháp – hộ tịch requires a law degree: another field makes the person below standard.
  P.belowAffected = await createOfficial(ea, { fullName: 'Trần Thị Ánh', studyField: 'van_hoa_du_lich', affectedByReorg: true });
  P.belowAffected2 = await createOfficial(ea, { fullName: 'Lê Văn Ất', studyField: 'giao_duc', affectedByReorg: true });
  P.below = await createOfficial(ea, { fullName: 'Phạm Văn Bảo', studyField: 'kinh_te' });
  P.unknown = await createOfficial(ea, { fullName: 'Đỗ Thị Cúc', eduLevel: null, studyField: null });
  P.leaderCongChuc = await createOfficial(ea, {
    fullName: 'Vũ Minh Đạt',
    positionId: positions.get('CVP')!.id,
    isLeader: true,
    leaderTitle: 'Chánh Văn phòng HĐND và UBND',
    studyField: 'hanh_chinh',
  });
  P.canBo = await createOfficial(ea, {
    fullName: 'Hoàng Văn Em',
    officialType: 'can_bo',
    bloc: 'dang',
    positionId: null,
    eduLevel: null,
    studyField: null,
  });
  P.retired = await createOfficial(ea, { fullName: 'Bùi Văn Giàu', studyField: 'giao_duc', affectedByReorg: true });
  P.mover = await createOfficial(ea, { fullName: 'Ngô Thị Hiền' });
  expect(P.belowAffected.belowStandard && P.belowAffected2.belowStandard && P.below.belowStandard && P.retired.belowStandard).toBe(true);
  expect(P.unknown.meetsRequirement).toBeNull();
  expect(P.unknown.belowStandard).toBe(false);
  // Retired last week: no longer in service on TODAY (SPEC §9).
  await ok(
    ea.post(`/api/officials/${P.retired.id}/status`, {
      status: 'nghi_huu',
      fromDate: '2026-11-16',
      reason: 'Nghỉ hưu',
      version: P.retired.version,
    }),
  );
});
afterAll(() => t.close());

describe('the rules through the API (SPEC §4)', () => {
  let reg: NeedsRegisterResponse;
  beforeAll(async () => {
    const r = await review(ea, '24373');
    expect(r.created).toBeGreaterThan(0);
    expect(r.removed).toBe(0);
    reg = await register(ea, '24373');
  });

  it('rule 1: below standard and affected → CMCN priority 1; below standard → priority 2', () => {
    const a = byType(needsOf(reg, P.belowAffected!.id), 'CMCN')!;
    expect(a).toMatchObject({ source: 'rule1', status: 'proposed', priority: 1, field: null, version: 1, decidedBy: null });
    expect(a.reason).toMatch(/^Chưa đáp ứng yêu cầu chuyên môn của vị trí việc làm "Chuyên viên tư pháp – hộ tịch"/);
    expect(byType(needsOf(reg, P.below!.id), 'CMCN')).toMatchObject({ source: 'rule1', priority: 2 });
  });

  it('an unknown requirement is not below standard: no CMCN', () => {
    expect(byType(needsOf(reg, P.unknown!.id), 'CMCN')).toBeUndefined();
  });

  it('rule 2: a specialist công chức gets QLNN_CHUNG (priority 3), not QLNN_LANHDAO', () => {
    const mine = needsOf(reg, P.below!.id);
    expect(byType(mine, 'QLNN_CHUNG')).toMatchObject({ source: 'rule2', priority: 3 });
    expect(byType(mine, 'QLNN_LANHDAO')).toBeUndefined();
  });

  it('rule 3: a leader who is công chức gets QLNN_LANHDAO and not QLNN_CHUNG', () => {
    const mine = needsOf(reg, P.leaderCongChuc!.id);
    expect(byType(mine, 'QLNN_LANHDAO')).toMatchObject({ source: 'rule3', priority: 3 });
    expect(byType(mine, 'QLNN_LANHDAO')!.reason).toMatch(/Chánh Văn phòng HĐND và UBND/);
    expect(byType(mine, 'QLNN_CHUNG')).toBeUndefined();
  });

  it('a cán bộ who is not a leader gets neither QLNN programme, but still the per-phase courses', () => {
    const mine = needsOf(reg, P.canBo!.id);
    expect(mine.map((n) => n.programmeType).sort()).toEqual(['CMNV', 'KNBT']);
    expect(byType(mine, 'CMNV')!.field).toBe('cong_tac_dang'); // no position: the Party bloc's field
  });

  it('rule 4: CMNV in the position’s field and KNBT in a rural priority field (nông thôn)', () => {
    const mine = needsOf(reg, P.below!.id);
    expect(byType(mine, 'CMNV')).toMatchObject({ source: 'rule4', priority: 4, field: 'phap_luat' });
    expect(byType(mine, 'KNBT')).toMatchObject({ source: 'rule4', priority: 4, field: 'kinh_te_so_nong_nghiep' });
    expect(byType(mine, 'CAPNHAT')).toBeUndefined();
  });

  it('everyone in service gets a per-phase course; the retired get nothing', () => {
    const withCourse = new Set(reg.items.filter((n) => n.programmeType === 'CMNV').map((n) => n.officialId));
    expect(withCourse.size).toBe(reg.summary.officialsInService);
    expect(needsOf(reg, P.retired!.id)).toEqual([]);
    expect(reg.summary.officialsInService).toBe(reg.summary.officialsWithNeeds);
  });

  it('lists the most urgent first, with names, units and positions', () => {
    const priorities = reg.items.map((n) => n.priority);
    expect(priorities).toEqual([...priorities].sort((a, b) => a - b));
    expect(reg.items[0]).toMatchObject({ priority: 1, programmeType: 'CMCN' });
    const a = needsOf(reg, P.belowAffected!.id)[0]!;
    expect(a).toMatchObject({
      fullName: 'Trần Thị Ánh',
      positionName: 'Chuyên viên tư pháp – hộ tịch',
      communeCode: '24373',
      belowStandard: true,
      affectedByReorg: true,
    });
    expect(reg).toMatchObject({ level: 'commune', scope: 'commune:24373', phase: 1, asOf: TODAY, canManage: true, canReview: true });
    expect(reg.commune).toMatchObject({ code: '24373', regionType: 'nong_thon' });
  });

  it('the summary counts what the register lists', () => {
    const s = reg.summary;
    expect(s.total).toBe(reg.items.filter((n) => n.status !== 'dropped').length);
    expect(s.proposed).toBe(reg.items.filter((n) => n.status === 'proposed').length);
    expect(s.byProgrammeType.reduce((a, r) => a + r.total, 0)).toBe(s.total);
    expect(s.byPriority.reduce((a, r) => a + r.total, 0)).toBe(s.total);
    expect(s.byField.reduce((a, r) => a + r.total, 0)).toBe(reg.items.filter((n) => n.field !== null && n.status !== 'dropped').length);
    expect(reg.total).toBe(reg.items.length);
  });

  it('filters and pages the register items without changing the summary', async () => {
    const cmcn = await register(ea, '24373', 1, '&programmeType=CMCN');
    expect(cmcn.items.every((n) => n.programmeType === 'CMCN')).toBe(true);
    expect(cmcn.total).toBe(reg.summary.byProgrammeType.find((r) => r.programmeType === 'CMCN')!.total);
    expect(cmcn.summary).toEqual(reg.summary);
    const page = await register(ea, '24373', 1, '&pageSize=5&page=2');
    expect(page.items.map((n) => n.id)).toEqual(reg.items.slice(5, 10).map((n) => n.id));
    expect(page.total).toBe(reg.total);
    const found = await register(ea, '24373', 1, `&q=${encodeURIComponent('tran thi anh')}`);
    expect(new Set(found.items.map((n) => n.officialId))).toEqual(new Set([P.belowAffected!.id]));
    const p1 = await register(ea, '24373', 1, '&priority=1');
    expect(p1.items.length).toBeGreaterThanOrEqual(2);
    expect(p1.items.every((n) => n.priority === 1)).toBe(true);
  });

  it('phase 2 proposes CAPNHAT instead of CMNV', async () => {
    await review(ea, '24373', 2);
    const reg2 = await register(ea, '24373', 2);
    const mine = needsOf(reg2, P.below!.id);
    expect(byType(mine, 'CAPNHAT')).toMatchObject({ source: 'rule4', field: 'phap_luat', phase: 2 });
    expect(byType(mine, 'CMNV')).toBeUndefined();
    expect(byType(mine, 'KNBT')).toMatchObject({ phase: 2 });
    expect(byType(mine, 'CMCN')).toMatchObject({ priority: 2, phase: 2 });
    // Phases are separate registers.
    expect(needsOf(await register(ea, '24373', 1), P.below!.id).every((n) => n.phase === 1)).toBe(true);
  });
});

describe('re-review keeps decisions, drops stale proposals', () => {
  it('running the review twice creates nothing new', async () => {
    const before = await register(ea, '24373');
    const again = await review(ea, '24373');
    expect(again).toMatchObject({
      created: 0,
      removed: 0,
      updated: 0,
      unchanged: before.items.length,
      communeCode: '24373',
      phase: 1,
      asOf: TODAY,
    });
    expect(again.officials).toBe(before.summary.officialsInService);
    const after = await register(ea, '24373');
    expect(after.items.map((n) => [n.id, n.version])).toEqual(before.items.map((n) => [n.id, n.version]));
  });

  it('confirmed and dropped needs survive re-review untouched', async () => {
    const reg = await register(ea, '24373');
    const chung = byType(needsOf(reg, P.below!.id), 'QLNN_CHUNG')!;
    const knbt = byType(needsOf(reg, P.below!.id), 'KNBT')!;
    const confirmed = await ok<NeedItem>(ea.patch(`/api/needs/${chung.id}`, { status: 'confirmed', version: chung.version }));
    expect(confirmed).toMatchObject({ status: 'confirmed', decidedBy: 'xa.24373', version: chung.version + 1, decisionReason: null });
    expect(confirmed.decidedAt).not.toBeNull();
    const dropped = await ok<NeedItem>(
      ea.patch(`/api/needs/${knbt.id}`, { status: 'dropped', decisionReason: 'Đã học lớp tương đương năm 2025', version: knbt.version }),
    );
    expect(dropped).toMatchObject({ status: 'dropped', decisionReason: 'Đã học lớp tương đương năm 2025' });

    const r = await review(ea, '24373');
    expect(r).toMatchObject({ created: 0, removed: 0 });
    const after = needsOf(await register(ea, '24373'), P.below!.id);
    expect(byType(after, 'QLNN_CHUNG')).toEqual(confirmed);
    expect(byType(after, 'KNBT')).toMatchObject({ id: knbt.id, status: 'dropped', version: dropped.version });
    // Dropped needs stay listed (with their reason) but are not counted.
    const reg2 = await register(ea, '24373');
    expect(reg2.summary.dropped).toBe(1);
    expect(reg2.summary.total).toBe(reg2.items.length - 1);
  });

  it('a cleared below-standard flag removes the proposed CMCN need, not a confirmed one', async () => {
    const reg = await register(ea, '24373');
    const cmcnAffected = byType(needsOf(reg, P.belowAffected2!.id), 'CMCN')!;
    await ok(
      ea.patch(`/api/needs/${cmcnAffected.id}`, {
        status: 'confirmed',
        decisionReason: 'Cử học đợt 1/2027',
        version: cmcnAffected.version,
      }),
    );
    const cmcnBelow = byType(needsOf(reg, P.below!.id), 'CMCN')!;
    expect(cmcnBelow.status).toBe('proposed');
    for (const o of [P.below!, P.belowAffected2!]) {
      const cur = await ok<OfficialDetail>(ea.get(`/api/officials/${o.id}`));
      const upd = await ok<OfficialDetail>(
        ea.patch(`/api/officials/${o.id}`, {
          meetsRequirementOverride: true,
          meetsRequirementReason: 'Đã có bằng đại học luật văn bằng 2',
          version: cur.version,
        }),
      );
      expect(upd.belowStandard).toBe(false);
    }
    const r = await review(ea, '24373');
    expect(r.removed).toBe(1);
    expect(r.created).toBe(0);
    const after = await register(ea, '24373');
    expect(byType(needsOf(after, P.below!.id), 'CMCN')).toBeUndefined();
    expect(byType(needsOf(after, P.belowAffected2!.id), 'CMCN')).toMatchObject({ id: cmcnAffected.id, status: 'confirmed', priority: 1 });
    expect((await t.pool.query('select 1 from training_needs where id = $1', [cmcnBelow.id])).rowCount).toBe(0);
  });

  it('a proposal whose priority changes is refreshed in place', async () => {
    const reg = await register(ea, '24373');
    const cmcn = byType(needsOf(reg, P.belowAffected!.id), 'CMCN')!;
    const cur = await ok<OfficialDetail>(ea.get(`/api/officials/${P.belowAffected!.id}`));
    await ok(ea.patch(`/api/officials/${P.belowAffected!.id}`, { affectedByReorg: false, reason: 'Rà soát lại', version: cur.version }));
    const r = await review(ea, '24373');
    expect(r).toMatchObject({ created: 0, removed: 0, updated: 1 });
    const after = byType(needsOf(await register(ea, '24373'), P.belowAffected!.id), 'CMCN')!;
    expect(after).toMatchObject({ id: cmcn.id, priority: 2, version: cmcn.version + 1, status: 'proposed' });
    expect(after.reason).not.toMatch(/sắp xếp/);
    const back = await ok<OfficialDetail>(ea.get(`/api/officials/${P.belowAffected!.id}`));
    await ok(ea.patch(`/api/officials/${P.belowAffected!.id}`, { affectedByReorg: true, reason: 'Rà soát lại', version: back.version }));
    expect((await review(ea, '24373')).updated).toBe(1);
  });

  it('needs follow a person who moves: proposals leave the old commune, decisions move with the person', async () => {
    const reg = await register(ea, '24373');
    const chung = byType(needsOf(reg, P.mover!.id), 'QLNN_CHUNG')!;
    await ok(ea.patch(`/api/needs/${chung.id}`, { status: 'confirmed', version: chung.version }));
    const cur = await ok<OfficialDetail>(ea.get(`/api/officials/${P.mover!.id}`));
    await ok(
      province.post(`/api/officials/${P.mover!.id}/transfer`, {
        communeCode: '24235',
        fromDate: '2026-11-20',
        reason: 'Điều động',
        version: cur.version,
      }),
    );
    // Not in service in Ea Kar any more: gone from its register at once, proposals removed by the review.
    expect(needsOf(await register(ea, '24373'), P.mover!.id)).toEqual([]);
    const r = await review(ea, '24373');
    expect(r.removed).toBe(needsOf(reg, P.mover!.id).length - 1);
    const buonDon = await t.loginAs('xa.24235');
    await review(buonDon, '24235');
    const moved = needsOf(await register(buonDon, '24235'), P.mover!.id);
    expect(byType(moved, 'QLNN_CHUNG')).toMatchObject({ id: chung.id, status: 'confirmed', communeCode: '24235' });
    expect(byType(moved, 'KNBT')!.field).toBe('dan_van'); // miền núi DTTS priority
  });
});

describe('decisions (PATCH /api/needs/:id)', () => {
  let need: NeedItem;
  beforeAll(async () => {
    need = byType(needsOf(await register(ea, '24373'), P.leaderCongChuc!.id), 'KNBT')!;
  });

  it('dropping without a reason → 400 naming decisionReason', async () => {
    for (const decisionReason of [undefined, null, '', '   ']) {
      const res = await ea.patch(`/api/needs/${need.id}`, { status: 'dropped', decisionReason, version: need.version });
      expectError(res, 400, 'VALIDATION_ERROR');
      expect(fieldsOf(res)).toEqual(['decisionReason']);
    }
  });

  it('a stale version → 409 VERSION_CONFLICT', async () => {
    const first = await ok<NeedItem>(ea.patch(`/api/needs/${need.id}`, { status: 'confirmed', version: need.version }));
    const res = await ea.patch(`/api/needs/${need.id}`, { status: 'dropped', decisionReason: 'Không cần', version: need.version });
    expectError(res, 409, 'VERSION_CONFLICT');
    // The first decision stands; a decision can still be changed with the current version.
    const changed = await ok<NeedItem>(
      ea.patch(`/api/needs/${need.id}`, { status: 'dropped', decisionReason: 'Không cần', version: first.version }),
    );
    expect(changed).toMatchObject({ status: 'dropped', version: first.version + 1 });
  });

  it('bad input → 400 naming the field; unknown id → 404', async () => {
    expect(fieldsOf(await ea.patch(`/api/needs/${need.id}`, { status: 'proposed', version: 1 }))).toEqual(['status']);
    expect(fieldsOf(await ea.patch(`/api/needs/${need.id}`, { status: 'confirmed' }))).toEqual(['version']);
    expectError(await ea.patch('/api/needs/99999999', { status: 'confirmed', version: 1 }), 404, 'NOT_FOUND');
    expectError(await ea.patch('/api/needs/abc', { status: 'confirmed', version: 1 }), 400, 'VALIDATION_ERROR');
  });

  it('out of scope → 404; in scope without the permission → 403', async () => {
    expectError(await bmt.patch(`/api/needs/${need.id}`, { status: 'confirmed', version: 1 }), 404, 'NOT_FOUND');
    expectError(await reviewer.patch(`/api/needs/${need.id}`, { status: 'confirmed', version: 1 }), 403, 'FORBIDDEN');
    expectError(await province.patch(`/api/needs/${need.id}`, { status: 'confirmed', version: 1 }), 403, 'FORBIDDEN');
    // A unit head's scope is its own unit; this official has none, so for it the need does not exist.
    expectError(await unitHead.patch(`/api/needs/${need.id}`, { status: 'confirmed', version: 1 }), 404, 'NOT_FOUND');
  });

  it('every decision is audited with before and after', async () => {
    const audit = await ok<{ items: AuditItem[] }>(ea.get('/api/audit?entityType=training_need&pageSize=200'));
    const mine = audit.items.filter((a) => a.entityId === String(need.id));
    expect(mine.map((a) => a.action).sort()).toEqual(['need.confirm', 'need.drop']);
    const drop = mine.find((a) => a.action === 'need.drop')!;
    expect(drop).toMatchObject({ actorUsername: 'xa.24373', communeCode: '24373' });
    expect(drop.before).toMatchObject({ status: 'confirmed' });
    expect(drop.after).toMatchObject({ status: 'dropped', decisionReason: 'Không cần' });
    const reviews = await ok<{ items: AuditItem[] }>(ea.get('/api/audit?action=needs.review&pageSize=200'));
    expect(reviews.items.length).toBeGreaterThanOrEqual(5);
    expect(reviews.items.some((a) => (a.before as { removed?: unknown[] } | null)?.removed?.length)).toBe(true);
  });
});

describe('manual needs (POST /api/needs)', () => {
  it('adds a confirmed manual need; a duplicate → 409', async () => {
    const body = {
      officialId: P.unknown!.id,
      phase: 1,
      programmeType: 'KHAC',
      field: 'dao_duc_cong_vu',
      reason: 'Bồi dưỡng theo Nghị định 171/2025/NĐ-CP',
    };
    const created = await ok<NeedItem>(ea.post('/api/needs', body), 201);
    expect(created).toMatchObject({
      source: 'manual',
      status: 'confirmed',
      priority: 4,
      field: 'dao_duc_cong_vu',
      decidedBy: 'xa.24373',
      version: 1,
      fullName: 'Đỗ Thị Cúc',
    });
    expectError(await ea.post('/api/needs', body), 409, 'CONFLICT');
    // Same as a rule's proposal → 409 too, telling the admin to confirm that one instead.
    const proposedKey = byType(needsOf(await register(ea, '24373'), P.unknown!.id), 'QLNN_CHUNG')!;
    const dup = expectError(
      await ea.post('/api/needs', { officialId: P.unknown!.id, phase: 1, programmeType: 'QLNN_CHUNG', reason: 'x' }),
      409,
      'CONFLICT',
    );
    expect(proposedKey.status).toBe('proposed');
    expect(dup.message).toMatch(/Đề xuất/);
    // Manual needs survive re-review and are audited.
    await review(ea, '24373');
    expect(needsOf(await register(ea, '24373'), P.unknown!.id).find((n) => n.id === created.id)).toMatchObject({
      status: 'confirmed',
      source: 'manual',
    });
    const audit = await ok<{ items: AuditItem[] }>(ea.get('/api/audit?action=need.create'));
    expect(audit.items.some((a) => a.entityId === String(created.id))).toBe(true);
  });

  it('CMCN added by hand for an affected below-standard official gets priority 1', async () => {
    const o = await createOfficial(ea, { fullName: 'Mai Văn Khôi', studyField: 'giao_duc', affectedByReorg: true });
    const n = await ok<NeedItem>(ea.post('/api/needs', { officialId: o.id, phase: 2, programmeType: 'CMCN', reason: 'Cử học ngay' }), 201);
    expect(n).toMatchObject({ priority: 1, field: null, phase: 2 });
  });

  it('refuses bad input naming the field, other communes’ officials (404) and non-managers (403)', async () => {
    const base = { officialId: P.unknown!.id, phase: 1, programmeType: 'CMNV', field: 'dat_dai', reason: 'Theo đề nghị của đơn vị' };
    expect(fieldsOf(await ea.post('/api/needs', { ...base, officialId: 'abc' }))).toEqual(['officialId']);
    expect(fieldsOf(await ea.post('/api/needs', { ...base, phase: 3 }))).toEqual(['phase']);
    expect(fieldsOf(await ea.post('/api/needs', { ...base, programmeType: 'XYZ' }))).toEqual(['programmeType']);
    expect(fieldsOf(await ea.post('/api/needs', { ...base, field: 'bay_luon' }))).toEqual(['field']);
    expect(fieldsOf(await ea.post('/api/needs', { ...base, reason: '  ' }))).toEqual(['reason']);
    expectError(await bmt.post('/api/needs', base), 404, 'NOT_FOUND');
    expectError(await ea.post('/api/needs', { ...base, officialId: '00000000-0000-4000-8000-000000000000' }), 404, 'NOT_FOUND');
    expectError(await province.post('/api/needs', base), 403, 'FORBIDDEN');
    expectError(await reviewer.post('/api/needs', base), 403, 'FORBIDDEN');
    const retired = expectError(await ea.post('/api/needs', { ...base, officialId: P.retired!.id }), 400, 'VALIDATION_ERROR');
    expect(retired.fields?.map((f) => f.field)).toEqual(['officialId']);
  });
});

describe('registers add up (province and nation)', () => {
  let regs: NeedsRegisterResponse[];
  beforeAll(async () => {
    // The province admin may run the review for any commune of its province.
    for (const c of DEMO_COMMUNES) await review(province, c);
    regs = await Promise.all(DEMO_COMMUNES.map((c) => register(province, c)));
  });

  it('province totals equal the sum of its commune registers', async () => {
    const agg = await ok<NeedsAggregationResponse>(province.get('/api/needs?scope=province:66&phase=1'));
    expect(agg).toMatchObject({ level: 'province', scope: 'province:66', phase: 1, asOf: TODAY, name: 'Tỉnh Đắk Lắk' });
    const sum = (f: (r: NeedsRegisterResponse) => number) => regs.reduce((a, r) => a + f(r), 0);
    expect(agg.totals).toEqual({
      proposed: sum((r) => r.summary.proposed),
      confirmed: sum((r) => r.summary.confirmed),
      total: sum((r) => r.summary.total),
      dropped: sum((r) => r.summary.dropped),
      officialsInService: sum((r) => r.summary.officialsInService),
      officialsWithNeeds: sum((r) => r.summary.officialsWithNeeds),
    });
    expect(agg.totals.total).toBe(sum((r) => r.items.filter((n) => n.status !== 'dropped').length));
    for (const t of agg.byProgrammeType) {
      expect(t.total).toBe(sum((r) => r.summary.byProgrammeType.find((x) => x.programmeType === t.programmeType)!.total));
      expect(t.confirmed).toBe(sum((r) => r.items.filter((n) => n.programmeType === t.programmeType && n.status === 'confirmed').length));
    }
    for (const p of agg.byPriority)
      expect(p.total).toBe(sum((r) => r.items.filter((n) => n.priority === p.priority && n.status !== 'dropped').length));
    for (const f of agg.byField)
      expect(f.total).toBe(sum((r) => r.items.filter((n) => n.field === f.field && n.status !== 'dropped').length));
    // Children: every commune of the province; the demo ones carry exactly their register's numbers.
    expect(agg.children.length).toBeGreaterThan(50);
    for (const r of regs) {
      const child = agg.children.find((c) => c.code === r.commune.code)!;
      expect(child).toMatchObject({
        name: r.commune.name,
        total: r.summary.total,
        proposed: r.summary.proposed,
        confirmed: r.summary.confirmed,
      });
      expect(child.officialsInService).toBe(r.summary.officialsInService);
    }
    expect(agg.children.reduce((a, c) => a + c.total, 0)).toBe(agg.totals.total);
    expect(agg.children.filter((c) => !DEMO_COMMUNES.includes(c.code)).every((c) => c.total === 0)).toBe(true);
  });

  it('the nation’s row for the province equals the province totals; the reviewer reads the same numbers', async () => {
    const nation = await ok<NeedsAggregationResponse>(national.get('/api/needs?scope=nation&phase=1'));
    const prov = await ok<NeedsAggregationResponse>(province.get('/api/needs?scope=province:66&phase=1'));
    expect(nation.level).toBe('nation');
    expect(nation.children).toHaveLength(34);
    const row = nation.children.find((c) => c.code === '66')!;
    expect({ ...row, code: undefined, name: undefined }).toEqual({ ...prov.totals, code: undefined, name: undefined });
    expect(nation.totals.total).toBe(prov.totals.total); // only Đắk Lắk has reviewed
    expect(await ok(reviewer.get('/api/needs?scope=province:66&phase=1'))).toEqual(prov);
    // Without scope, each caller gets its own.
    expect((await ok<NeedsAggregationResponse>(province.get('/api/needs?phase=1'))).scope).toBe('province:66');
    expect((await ok<NeedsRegisterResponse>(bmt.get('/api/needs'))).scope).toBe('commune:24133');
    expect((await ok<NeedsAggregationResponse>(national.get('/api/needs'))).scope).toBe('nation');
  });

  it('a register read by the province equals the commune’s own', async () => {
    const own = await register(ea, '24373');
    const fromProvince = await register(province, '24373');
    expect({ ...fromProvince, canManage: undefined, canReview: undefined }).toEqual({ ...own, canManage: undefined, canReview: undefined });
    expect(fromProvince).toMatchObject({ canManage: false, canReview: true });
    expect(await register(reviewer, '24373')).toMatchObject({ canManage: false, canReview: false });
  });
});

describe('scope refusals', () => {
  it('a commune admin reads only its commune', async () => {
    expectError(await bmt.get('/api/needs?scope=commune:22015'), 403, 'FORBIDDEN');
    expectError(await bmt.get('/api/needs?scope=province:66'), 403, 'FORBIDDEN');
    expectError(await bmt.get('/api/needs?scope=nation'), 403, 'FORBIDDEN');
    expectError(await bmt.get('/api/needs/urgent?commune=22015'), 403, 'FORBIDDEN');
    expectError(await bmt.get('/api/needs/warnings?scope=commune:24373'), 403, 'FORBIDDEN');
    expect(fieldsOf(await bmt.get('/api/needs?scope=commune:22015'))).toEqual(['scope']);
  });

  it('a province admin reads its province and its communes only', async () => {
    expectError(await province.get('/api/needs?scope=province:01'), 403, 'FORBIDDEN');
    expectError(await province.get('/api/needs?scope=commune:00004'), 403, 'FORBIDDEN');
    expectError(await province.get('/api/needs?scope=nation'), 403, 'FORBIDDEN');
    expectError(await province.post('/api/needs/review?commune=00004&phase=1'), 403, 'FORBIDDEN');
    expectError(await reviewer.get('/api/needs?scope=province:01'), 403, 'FORBIDDEN');
  });

  it('bad scope strings → 400 naming scope', async () => {
    for (const s of ['bad', 'commune:2413', 'province:6', 'commune:24133x', 'xa:24133', 'nation:1', '']) {
      const res = await national.get(`/api/needs?scope=${encodeURIComponent(s)}`);
      expectError(res, 400, 'VALIDATION_ERROR');
      expect(fieldsOf(res)).toEqual(['scope']);
    }
    expect(fieldsOf(await national.get('/api/needs?scope=commune:99999'))).toEqual(['scope']);
    expect(fieldsOf(await national.get('/api/needs?scope=province:99'))).toEqual(['scope']);
    expect(fieldsOf(await national.get('/api/needs?scope=nation&phase=3'))).toEqual(['phase']);
    expect(fieldsOf(await national.get('/api/needs/warnings?scope=huyen:1'))).toEqual(['scope']);
  });

  it('only commune admins (and the province for its communes) run the review', async () => {
    expectError(await unitHead.post('/api/needs/review?commune=24373&phase=1'), 403, 'FORBIDDEN');
    expectError(await reviewer.post('/api/needs/review?commune=24373&phase=1'), 403, 'FORBIDDEN');
    expectError(await national.post('/api/needs/review?commune=24373&phase=1'), 403, 'FORBIDDEN');
    expectError(await learner.post('/api/needs/review?commune=24373&phase=1'), 403, 'FORBIDDEN');
    expectError(await bmt.post('/api/needs/review?commune=24373&phase=1'), 403, 'FORBIDDEN');
    expect(fieldsOf(await ea.post('/api/needs/review?commune=1&phase=1'))).toEqual(['commune']);
    expect(fieldsOf(await ea.post('/api/needs/review?commune=24373&phase=x'))).toEqual(['phase']);
    expectError(await t.client().get('/api/needs?scope=commune:24373'), 401, 'UNAUTHENTICATED');
  });

  it('unit heads and learners do not read registers', async () => {
    expectError(await unitHead.get('/api/needs?scope=commune:24373'), 403, 'FORBIDDEN');
    expectError(await learner.get('/api/needs?scope=commune:24373'), 403, 'FORBIDDEN');
    expectError(await learner.get('/api/needs'), 403, 'FORBIDDEN');
    expectError(await learner.get('/api/needs/urgent?commune=24373'), 403, 'FORBIDDEN');
    expectError(await learner.get('/api/needs/warnings'), 403, 'FORBIDDEN');
  });
});

describe('Cần bồi dưỡng ngay (GET /api/needs/urgent)', () => {
  it('lists below-standard officials, affected by the reorganisation first, then by Vietnamese name', async () => {
    const u = await ok<UrgentResponse>(ea.get('/api/needs/urgent?commune=24373'));
    expect(u).toMatchObject({ communeCode: '24373', communeName: 'Xã Ea Kar', phase: 1, asOf: TODAY });
    expect(u.total).toBe(u.items.length);
    const affected = u.items.filter((i) => i.affectedByReorg);
    expect(u.items.slice(0, affected.length)).toEqual(affected);
    for (const group of [affected, u.items.filter((i) => !i.affectedByReorg)]) {
      const names = group.map((i) => i.fullName);
      expect(names).toEqual([...names].sort(compareVietnameseNames));
    }
    const ids = u.items.map((i) => i.officialId);
    expect(ids).toContain(P.belowAffected!.id);
    expect(ids).not.toContain(P.below!.id); // flag cleared
    expect(ids).not.toContain(P.unknown!.id);
    expect(ids).not.toContain(P.retired!.id);
    const anh = u.items.find((i) => i.officialId === P.belowAffected!.id)!;
    expect(anh).toMatchObject({ affectedByReorg: true, belowStandardSince: TODAY, positionName: 'Chuyên viên tư pháp – hộ tịch' });
    expect(anh.need).toMatchObject({ status: 'proposed' });
    expect(anh.reason).toMatch(/sắp xếp/);
    // Everyone listed is below standard in the registry.
    const below = await ok<{ total: number }>(ea.get('/api/officials?commune=24373&belowStandard=true&status=dang_cong_tac&pageSize=1'));
    expect(u.total).toBe(below.total);
  });

  it('is read by the province and the reviewer, defaulting to the caller’s commune', async () => {
    const own = await ok<UrgentResponse>(ea.get('/api/needs/urgent'));
    expect(await ok<UrgentResponse>(province.get('/api/needs/urgent?commune=24373'))).toEqual(own);
    expect(await ok<UrgentResponse>(reviewer.get('/api/needs/urgent?commune=24373'))).toEqual(own);
    expect(fieldsOf(await province.get('/api/needs/urgent'))).toEqual(['commune']);
  });
});

describe('Cảnh báo thiếu chuẩn VTVL (GET /api/needs/warnings)', () => {
  it('commune: one warning per below-standard official not nominated, one per official without training in the phase', async () => {
    const w = await ok<WarningsResponse>(ea.get('/api/needs/warnings?scope=commune:24373'));
    const u = await ok<UrgentResponse>(ea.get('/api/needs/urgent?commune=24373'));
    const reg = await register(ea, '24373');
    expect(w).toMatchObject({ level: 'commune', scope: 'commune:24373', asOf: TODAY, phase: 1, children: [] });
    expect(w.counts.below_standard_not_nominated).toBe(u.total);
    expect(w.counts.no_training_in_phase).toBe(reg.summary.officialsInService);
    expect(w.counts.total).toBe(w.counts.below_standard_not_nominated + w.counts.no_training_in_phase);
    expect(w.total).toBe(w.counts.total);
    const kinds = w.items.map((i) => i.kind);
    expect(kinds).toEqual([...kinds].sort()); // below-standard ones first
    const anh = w.items.filter((i) => i.officialId === P.belowAffected!.id);
    expect(anh.map((i) => [i.kind, i.since])).toEqual([
      ['below_standard_not_nominated', TODAY],
      ['no_training_in_phase', '2026-01-01'],
    ]);
    expect(anh[0]).toMatchObject({ communeCode: '24373', communeName: 'Xã Ea Kar', fullName: 'Trần Thị Ánh' });
    expect(anh[0]!.message).toMatch(/Chưa đáp ứng yêu cầu chuyên môn/);
    expect(w.items.some((i) => i.officialId === P.retired!.id)).toBe(false);
    const onlyB = await ok<WarningsResponse>(ea.get('/api/needs/warnings?scope=commune:24373&kind=below_standard_not_nominated'));
    expect(onlyB.items.every((i) => i.kind === 'below_standard_not_nominated')).toBe(true);
    expect(onlyB.total).toBe(u.total);
    expect(onlyB.counts).toEqual(w.counts);
  });

  it('province: counts per commune add up, and the list is paged', async () => {
    const w = await ok<WarningsResponse>(province.get('/api/needs/warnings?scope=province:66&pageSize=10&page=2'));
    expect(w.level).toBe('province');
    expect(w.items).toHaveLength(10);
    expect(w).toMatchObject({ page: 2, pageSize: 10, total: w.counts.total });
    for (const k of ['total', 'below_standard_not_nominated', 'no_training_in_phase'] as const) {
      expect(w.children.reduce((a, c) => a + c[k], 0)).toBe(w.counts[k]);
    }
    const ea2 = await ok<WarningsResponse>(ea.get('/api/needs/warnings'));
    expect(w.children.find((c) => c.code === '24373')).toMatchObject({ name: 'Xã Ea Kar', ...ea2.counts });
    const all = await ok<WarningsResponse>(province.get('/api/needs/warnings?scope=province:66&pageSize=1000'));
    expect(all.items.slice(10, 20)).toEqual(w.items);
    expect(fieldsOf(await province.get('/api/needs/warnings?scope=province:66&kind=x'))).toEqual(['kind']);
  });

  it('outside 2026–2031 only the below-standard warnings remain', async () => {
    const later = await createTestContext({ today: '2032-02-01' });
    try {
      const c = await later.loginAs('xa.24373');
      const w = await ok<WarningsResponse>(c.get('/api/needs/warnings'));
      expect(w.phase).toBeNull();
      expect(w.counts.no_training_in_phase).toBe(0);
      expect(w.counts.below_standard_not_nominated).toBeGreaterThan(0);
    } finally {
      await later.close();
    }
  });
});

describe('the learner’s own needs (GET /api/needs/mine)', () => {
  it('shows the official’s needs that are not dropped, and nobody else’s', async () => {
    const mine = await ok<MyNeedsResponse>(learner.get('/api/needs/mine'));
    expect(mine.official).not.toBeNull();
    expect(mine.official!.communeCode).toBe('24373');
    const reg = needsOf(await register(ea, '24373'), mine.official!.id).filter((n) => n.status !== 'dropped');
    const phase1 = mine.items.filter((n) => n.phase === 1);
    expect(phase1.map((n) => n.id).sort()).toEqual(reg.map((n) => n.id).sort());
    expect(mine.items.every((n) => n.officialId === mine.official!.id)).toBe(true);
    expect(mine.items.some((n) => n.phase === 2)).toBe(true);
    expect((await ok<MyNeedsResponse>(learner.get('/api/needs/mine?phase=2'))).items.every((n) => n.phase === 2)).toBe(true);
    // Dropping one hides it from the learner.
    const one = reg.find((n) => n.programmeType === 'KNBT')!;
    await ok(ea.patch(`/api/needs/${one.id}`, { status: 'dropped', decisionReason: 'Đã học', version: one.version }));
    expect((await ok<MyNeedsResponse>(learner.get('/api/needs/mine'))).items.map((n) => n.id)).not.toContain(one.id);
  });

  it('an account without a registry record gets an empty page', async () => {
    expect(await ok<MyNeedsResponse>(ea.get('/api/needs/mine'))).toEqual({ official: null, items: [] });
  });
});

describe('reviewCommuneNeeds (for the demo seed)', () => {
  it('runs in the caller’s transaction, idempotently, and is audited', async () => {
    const first = await t.db.transaction((tx) => reviewCommuneNeeds(tx, '24211', 2, 'he-thong', TODAY));
    expect(first).toMatchObject({ communeCode: '24211', phase: 2, asOf: TODAY, removed: 0 });
    expect(first.created).toBeGreaterThan(first.officials);
    const second = await t.db.transaction((tx) => reviewCommuneNeeds(tx, '24211', 2, 'he-thong', TODAY));
    expect(second).toMatchObject({ created: 0, removed: 0, unchanged: first.created });
    const reg = await register(province, '24211', 2);
    expect(reg.summary.total).toBe(first.created);
    expect(reg.items.some((n) => n.programmeType === 'CAPNHAT')).toBe(true);
    expect(
      reg.items.filter((n) => n.programmeType === 'KNBT').every((n) => n.field === 'quoc_phong_an_ninh' || n.field === 'ung_pho_thien_tai'),
    ).toBe(true);
    const audit = await t.pool.query(`select actor_username, after from audit_log where action = 'needs.review' and entity_id = '24211:2'`);
    expect(audit.rows).toHaveLength(2);
    expect(audit.rows[0].actor_username).toBeNull();
    expect(audit.rows[0].after.by).toBe('he-thong');
  });

  it('rolls back with the caller’s transaction', async () => {
    await expect(
      t.db.transaction(async (tx) => {
        await reviewCommuneNeeds(tx, '22015', 2, 'he-thong', TODAY);
        throw new Error('rollback');
      }),
    ).rejects.toThrow('rollback');
    expect((await register(province, '22015', 2)).summary.total).toBe(0);
  });
});
