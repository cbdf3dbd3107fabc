/**
 * Nominations through the real API and PostgreSQL (SPEC §6): quyết định cử all-or-nothing, scope
 * refusals, retired officials, overlapping classes, decision dates, capacity and the waiting list,
 * cancellation with promotion, the unit head's approval, lists, suggestions from the needs register,
 * the continuity settings, and the audit entries.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  ClassDetail,
  ClassNominationsResponse,
  ContinuitySettings,
  EnrolmentChangeResponse,
  EnrolmentListResponse,
  NominateResponse,
  SuggestionsResponse,
} from '@app/shared';
import { createTestContext, type TestClient, type TestContext } from '../../../test/harness.ts';
import {
  addOfficial,
  defaultUnit,
  expectError,
  fieldsOf,
  insertProgramme,
  makeClass,
  ok,
  orgIdOf,
  loginAll,
  type AuditPage,
} from '../classes/test-support.ts';

let t: TestContext;
let national: TestClient;
let province: TestClient; // sonoivu.66
let org66: TestClient; // truong.66
let bmt: TestClient; // xa.24133
let eakar: TestClient; // xa.24373
let headKt: TestClient; // donvi.24133.2 — Phòng Kinh tế of Buôn Ma Thuột
let headVp: TestClient; // donvi.24133.1 — Văn phòng HĐND và UBND
let cmnv: number;
let unitKt: number;
let unitVp: number;
/** Officials of 24133 made for this file, all in service. */
const people: { id: string; fullName: string }[] = [];

beforeAll(async () => {
  t = await createTestContext({ today: '2026-11-23' });
  [national, province, org66, bmt, eakar, headKt, headVp] = await loginAll(t, [
    'bonoivu',
    'sonoivu.66',
    'truong.66',
    'xa.24133',
    'xa.24373',
    'donvi.24133.2',
    'donvi.24133.1',
  ] as const);
  cmnv = await insertProgramme(t.pool, {
    type: 'CMNV',
    code: 'T.CMNV.DD',
    name: 'Nghiệp vụ quản lý đất đai',
    fields: ['dat_dai', 'trat_tu_xay_dung'],
  });
  unitKt = await defaultUnit(t.pool, '24133', 'phong_kinh_te');
  unitVp = await defaultUnit(t.pool, '24133', 'van_phong_hdnd_ubnd');
  // People without a unit: the service-continuity guard has nothing to count for them (guard.test.ts covers it).
  for (let i = 0; i < 12; i++) people.push(await addOfficial(t.pool, { commune: '24133', unitId: null }));
});
afterAll(async () => {
  await t?.close();
});

const audit = (q: string) => ok<AuditPage>(national.get(`/api/audit?pageSize=200&${q}`));
let decisionSeq = 100;
const decision = (extra: Record<string, unknown>) => ({ decisionNo: `${decisionSeq++}/QĐ-UBND`, decisionDate: '2026-11-20', ...extra });

async function openClass(body: Record<string, unknown> = {}): Promise<ClassDetail> {
  const c = await makeClass(org66, { programmeId: cmnv, hostCommuneCode: '24133', scheduleType: 'ngoai_gio', ...body });
  return ok<ClassDetail>(org66.post(`/api/classes/${c.id}/status`, { status: 'open' }));
}
const nominate = (client: TestClient, classId: number, body: Record<string, unknown>) =>
  client.post(`/api/classes/${classId}/nominations`, decision(body));

describe('nominating', () => {
  it('nominates officials of the commune with the decision, and audits each', async () => {
    const c = await openClass();
    const out = await ok<NominateResponse>(
      nominate(bmt, c.id, { officialIds: [people[0]!.id, people[1]!.id], decisionNo: '15/QĐ-UBND' }),
      201,
    );
    expect(out.items.map((i) => [i.officialId, i.status, i.decisionNo, i.decisionDate])).toEqual([
      [people[0]!.id, 'nominated', '15/QĐ-UBND', '2026-11-20'],
      [people[1]!.id, 'nominated', '15/QĐ-UBND', '2026-11-20'],
    ]);
    expect(out.items[0]).toMatchObject({
      communeCode: '24133',
      classCode: c.code,
      programmeType: 'CMNV',
      classEndDate: c.endDate,
      nominatedBy: 'xa.24133',
      canCancel: true,
    });
    expect(out.counts).toMatchObject({ enrolled: 2, nominated: 2, waitlisted: 0 });
    expect(out.guard).toMatchObject({ applies: false, ok: true, overridden: false });
    const a = await audit('action=enrolment.nominate');
    const mine = a.items.filter((i) => out.items.some((x) => String(x.id) === i.entityId));
    expect(mine).toHaveLength(2);
    expect(mine[0]!.after).toMatchObject({ classId: c.id, decisionNo: '15/QĐ-UBND', status: 'nominated' });
    expect(mine[0]!.communeCode).toBe('24133');
  });

  it('over capacity goes to the waiting list in order; cancelling a seat promotes the first in line', async () => {
    const c = await openClass({ capacity: 2 });
    const out = await ok<NominateResponse>(nominate(bmt, c.id, { officialIds: people.slice(2, 6).map((p) => p.id) }), 201);
    expect(out.items.map((i) => [i.status, i.waitlistPosition])).toEqual([
      ['nominated', null],
      ['nominated', null],
      ['waitlisted', 1],
      ['waitlisted', 2],
    ]);
    const more = await ok<NominateResponse>(nominate(bmt, c.id, { officialIds: [people[6]!.id] }), 201);
    expect(more.items[0]).toMatchObject({ status: 'waitlisted', waitlistPosition: 3 });
    expect(more.counts).toMatchObject({ enrolled: 2, waitlisted: 3 });

    const missingReason = expectError(await bmt.post(`/api/enrolments/${out.items[0]!.id}/cancel`, {}), 400, 'VALIDATION_ERROR');
    expect(missingReason.fields?.[0]?.field).toBe('reason');
    const res = await ok<EnrolmentChangeResponse>(
      bmt.post(`/api/enrolments/${out.items[0]!.id}/cancel`, { reason: 'Bận tiếp công dân theo lịch' }),
    );
    expect(res.enrolment).toMatchObject({ status: 'cancelled', cancelReason: 'Bận tiếp công dân theo lịch', waitlistPosition: null });
    expect(res.promoted).toMatchObject({ officialId: people[4]!.id, status: 'nominated', waitlistPosition: null });
    const list = await ok<ClassNominationsResponse>(org66.get(`/api/classes/${c.id}/nominations`));
    const waiting = list.items.filter((i) => i.status === 'waitlisted').map((i) => [i.officialId, i.waitlistPosition]);
    expect(waiting).toEqual([
      [people[5]!.id, 1],
      [people[6]!.id, 2],
    ]);
    expect(list.counts).toMatchObject({ enrolled: 2, waitlisted: 2, cancelled: 1 });
    // Leaving the waiting list renumbers it; nobody is promoted.
    const left = await ok<EnrolmentChangeResponse>(
      bmt.post(`/api/enrolments/${list.items.find((i) => i.officialId === people[5]!.id)!.id}/cancel`, { reason: 'Không tham gia' }),
    );
    expect(left.promoted).toBeNull();
    const after = await ok<ClassNominationsResponse>(org66.get(`/api/classes/${c.id}/nominations`));
    expect(after.items.find((i) => i.officialId === people[6]!.id)).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
    expectError(await bmt.post(`/api/enrolments/${out.items[0]!.id}/cancel`, { reason: 'Lần nữa' }), 409, 'CONFLICT');
    const a = await audit('action=enrolment.promote');
    expect(a.items.find((i) => i.entityId === String(res.promoted!.id))?.after).toMatchObject({ status: 'nominated', classId: c.id });

    // A larger class takes people from the waiting list at once.
    const d = await ok<ClassDetail>(org66.get(`/api/classes/${c.id}`));
    const bigger = await ok<ClassDetail>(org66.patch(`/api/classes/${c.id}`, { capacity: 3, version: d.version }));
    expect(bigger.counts).toMatchObject({ enrolled: 3, waitlisted: 0 });
    expectError(await org66.patch(`/api/classes/${c.id}`, { capacity: 1, version: bigger.version }), 400, 'VALIDATION_ERROR');
  });

  it('refuses a retired official naming it, and saves nobody of the request', async () => {
    const c = await openClass();
    const retired = await addOfficial(t.pool, { commune: '24133', unitId: null, status: 'nghi_huu' });
    const res = await nominate(bmt, c.id, { officialIds: [people[7]!.id, retired.id] });
    const body = expectError(res, 400, 'VALIDATION_ERROR');
    expect(fieldsOf(res)).toEqual(['officialIds.1']);
    expect(body.message).toContain(retired.fullName);
    expect(body.message).toMatch(/Nghỉ hưu/);
    const n = await t.pool.query('select count(*)::int as n from enrolments where class_id = $1', [c.id]);
    expect(n.rows[0].n).toBe(0);
  });

  it("another commune's official is not found (404); a duplicate in the list is refused", async () => {
    const c = await openClass();
    const other = await addOfficial(t.pool, { commune: '22015', unitId: null });
    const res = await nominate(bmt, c.id, { officialIds: [people[8]!.id, other.id] });
    expectError(res, 404, 'NOT_FOUND');
    expect(fieldsOf(res)).toEqual(['officialIds.1']);
    const dup = await nominate(bmt, c.id, { officialIds: [people[8]!.id, people[8]!.id] });
    expectError(dup, 400, 'VALIDATION_ERROR');
    expect(fieldsOf(dup)).toEqual(['officialIds.1']);
    expectError(await nominate(bmt, c.id, { officialIds: ['not-a-uuid'] }), 400, 'VALIDATION_ERROR');
    expectError(await nominate(bmt, c.id, { officialIds: [] }), 400, 'VALIDATION_ERROR');
  });

  it('a class that does not serve the commune: 403 when visible, 404 when not', async () => {
    const c = await openClass();
    const eaPerson = await addOfficial(t.pool, { commune: '24373', unitId: null });
    const res = expectError(await nominate(eakar, c.id, { officialIds: [eaPerson.id] }), 403, 'FORBIDDEN');
    expect(res.message).toMatch(/không nhận học viên của xã bạn/);
    const hanoi = await makeClass(national, {
      programmeId: cmnv,
      organiserId: await orgIdOf(t.pool, 'TCT.01'),
      provinceCode: '01',
      scheduleType: 'ngoai_gio',
    });
    await ok(national.post(`/api/classes/${hanoi.id}/status`, { status: 'open' }));
    expectError(await nominate(bmt, hanoi.id, { officialIds: [people[8]!.id] }), 404, 'NOT_FOUND');
    // Only commune admins nominate.
    expectError(await nominate(headKt, c.id, { officialIds: [people[8]!.id] }), 403, 'FORBIDDEN');
    expectError(await nominate(province, c.id, { officialIds: [people[8]!.id] }), 403, 'FORBIDDEN');
  });

  it('only into open classes, and the decision is dated by today and by the end of the class', async () => {
    const planned = await makeClass(org66, { programmeId: cmnv, hostCommuneCode: '24133', scheduleType: 'ngoai_gio' });
    const closed = expectError(await nominate(bmt, planned.id, { officialIds: [people[8]!.id] }), 409, 'CONFLICT');
    expect(closed.message).toMatch(/Đang nhận cử học/);
    const c = await openClass();
    const future = await nominate(bmt, c.id, { officialIds: [people[8]!.id], decisionDate: '2026-11-24' });
    expect(expectError(future, 400, 'VALIDATION_ERROR').message).toMatch(/Ngày quyết định cử.*23\/11\/2026/);
    expect(fieldsOf(future)).toEqual(['decisionDate']);
    const ended = await openClass({ startDate: '2026-11-16', endDate: '2026-11-20' });
    const late = await nominate(bmt, ended.id, { officialIds: [people[8]!.id], decisionDate: '2026-11-21' });
    expect(expectError(late, 400, 'VALIDATION_ERROR').message).toMatch(/bế giảng của lớp \(20\/11\/2026\)/);
  });

  it('refuses a person already in the class or in a class whose dates overlap, naming the person', async () => {
    const a = await openClass({ startDate: '2026-12-14', endDate: '2026-12-16' });
    const b = await openClass({ startDate: '2026-12-16', endDate: '2026-12-18' });
    const c = await openClass({ startDate: '2026-12-21', endDate: '2026-12-22' });
    await ok(nominate(bmt, a.id, { officialIds: [people[9]!.id] }), 201);
    const again = await nominate(bmt, a.id, { officialIds: [people[9]!.id] });
    expectError(again, 409, 'CONFLICT');
    const overlap = await nominate(bmt, b.id, { officialIds: [people[10]!.id, people[9]!.id] });
    const body = expectError(overlap, 409, 'CONFLICT');
    expect(fieldsOf(overlap)).toEqual(['officialIds.1']);
    expect(body.message).toContain(people[9]!.fullName);
    expect(body.message).toContain(a.code);
    expect(body.message).toMatch(/14\/12\/2026 – 16\/12\/2026/);
    await ok(nominate(bmt, c.id, { officialIds: [people[9]!.id] }), 201);
    // A cancelled class does not block anybody.
    await ok(org66.post(`/api/classes/${a.id}/status`, { status: 'cancelled' }));
    await ok(nominate(bmt, b.id, { officialIds: [people[9]!.id] }), 201);
    const gone = await ok<ClassNominationsResponse>(org66.get(`/api/classes/${a.id}/nominations`));
    expect(gone.items.map((i) => [i.status, i.cancelReason])).toEqual([['cancelled', 'Lớp bị hủy']]);
  });
});

describe('the unit head approves the nominations of its own staff', () => {
  let kt1: { id: string; fullName: string };
  let kt2: { id: string; fullName: string };
  let vp1: { id: string; fullName: string };
  let c: ClassDetail;
  beforeAll(async () => {
    kt1 = await addOfficial(t.pool, { commune: '24133', unitId: unitKt });
    kt2 = await addOfficial(t.pool, { commune: '24133', unitId: unitKt });
    vp1 = await addOfficial(t.pool, { commune: '24133', unitId: unitVp });
    c = await openClass({ requiresUnitHeadApproval: true, capacity: 3, startDate: '2027-01-04', endDate: '2027-01-05' });
  });

  it('nominations wait for the head of the person’s unit', async () => {
    const out = await ok<NominateResponse>(nominate(bmt, c.id, { officialIds: [kt1.id, kt2.id, vp1.id, people[11]!.id] }), 201);
    // The person without a unit has no head to ask; the fourth is over capacity.
    expect(out.items.map((i) => i.status)).toEqual(['pending_approval', 'pending_approval', 'pending_approval', 'waitlisted']);
    const mine = await ok<EnrolmentListResponse>(headKt.get('/api/enrolments?status=pending_approval'));
    expect(mine.items.map((i) => i.officialId).sort()).toEqual([kt1.id, kt2.id].sort());
    expect(mine.items.every((i) => i.canApprove)).toBe(true);
    const vp = await ok<EnrolmentListResponse>(headVp.get('/api/enrolments?status=pending_approval'));
    expect(vp.items.map((i) => i.officialId)).toEqual([vp1.id]);

    const e1 = out.items[0]!;
    expectError(await headVp.post(`/api/enrolments/${e1.id}/approve`, {}), 404, 'NOT_FOUND');
    expectError(await bmt.post(`/api/enrolments/${e1.id}/approve`, {}), 403, 'FORBIDDEN');
    expectError(await headKt.post(`/api/enrolments/${e1.id}/approve`, { version: e1.version + 5 }), 409, 'VERSION_CONFLICT');
    // No body at all is fine too.
    const approved = await ok<EnrolmentChangeResponse>(headKt.post(`/api/enrolments/${e1.id}/approve`));
    expect(approved.enrolment).toMatchObject({ status: 'nominated', approvedBy: 'donvi.24133.2' });
    expectError(await headKt.post(`/api/enrolments/${e1.id}/approve`, {}), 409, 'CONFLICT');

    const rejected = await ok<EnrolmentChangeResponse>(
      headKt.post(`/api/enrolments/${out.items[1]!.id}/reject`, { reason: 'Đang phụ trách dự án, không bố trí được' }),
    );
    expect(rejected.enrolment).toMatchObject({
      status: 'cancelled',
      cancelReason: 'Thủ trưởng đơn vị không duyệt: Đang phụ trách dự án, không bố trí được',
    });
    // The freed seat goes to the first waiting person (no unit: no approval needed).
    expect(rejected.promoted).toMatchObject({ officialId: people[11]!.id, status: 'nominated' });
    const a = await audit('action=enrolment.reject');
    expect(a.items.find((i) => i.entityId === String(out.items[1]!.id))?.actorUsername).toBe('donvi.24133.2');
  });

  it('the province can require approval for every class', async () => {
    const settings = await ok<ContinuitySettings>(province.get('/api/continuity-settings/66'));
    await ok(province.request('PUT', '/api/continuity-settings/66', { ...settings, requireUnitHeadApproval: true }));
    const plain = await openClass({ startDate: '2027-01-11', endDate: '2027-01-12' });
    const kt3 = await addOfficial(t.pool, { commune: '24133', unitId: unitKt });
    const out = await ok<NominateResponse>(nominate(bmt, plain.id, { officialIds: [kt3.id] }), 201);
    expect(out.items[0]!.status).toBe('pending_approval');
    const now = await ok<ContinuitySettings>(province.get('/api/continuity-settings/66'));
    await ok(province.request('PUT', '/api/continuity-settings/66', { ...now, requireUnitHeadApproval: false }));
  });
});

describe('lists', () => {
  it('the commune sees its nominations; a class list shows each viewer its part', async () => {
    const c = await openClass({ startDate: '2027-02-01', endDate: '2027-02-02', communeCodes: ['24373'] });
    const eaPerson = await addOfficial(t.pool, { commune: '24373', unitId: null });
    await ok(nominate(eakar, c.id, { officialIds: [eaPerson.id] }), 201);
    const mine = await addOfficial(t.pool, { commune: '24133', unitId: null });
    await ok(nominate(bmt, c.id, { officialIds: [mine.id] }), 201);
    const orgView = await ok<ClassNominationsResponse>(org66.get(`/api/classes/${c.id}/nominations`));
    expect(orgView.items.map((i) => i.communeCode).sort()).toEqual(['24133', '24373']);
    const bmtView = await ok<ClassNominationsResponse>(bmt.get(`/api/classes/${c.id}/nominations`));
    expect(bmtView.items.map((i) => i.officialId)).toEqual([mine.id]);
    expect(bmtView.counts.enrolled).toBe(2);
    const list = await ok<EnrolmentListResponse>(eakar.get(`/api/enrolments?classId=${c.id}`));
    expect(list.items.map((i) => i.officialId)).toEqual([eaPerson.id]);
    expectError(await bmt.get('/api/enrolments?commune=24373'), 403, 'FORBIDDEN');
    const prov = await ok<EnrolmentListResponse>(province.get(`/api/enrolments?commune=24373&classId=${c.id}`));
    expect(prov.total).toBe(1);
    const orgList = await ok<EnrolmentListResponse>(org66.get(`/api/enrolments?classId=${c.id}`));
    expect(orgList.total).toBe(2);
    const hcma = await t.loginAs('truong.hvctqg');
    expect((await ok<EnrolmentListResponse>(hcma.get(`/api/enrolments?classId=${c.id}`))).total).toBe(0);
    expectError(await hcma.get(`/api/classes/${c.id}/nominations`), 404, 'NOT_FOUND');
  });
});

describe('suggestions from the needs register', () => {
  it('lists matching confirmed/proposed needs, most urgent first, without those already nominated', async () => {
    const c = await openClass({ startDate: '2027-03-01', endDate: '2027-03-03' });
    const make = (fullName: string) => addOfficial(t.pool, { commune: '24133', unitId: unitKt, fullName });
    const [a, b, d, e, f] = await Promise.all([
      make('Lê Văn Đạt'),
      make('Phạm Thị Yến'),
      make('Võ Minh Châu'),
      make('Hoàng Văn Bảo'),
      make('Ngô Thị Ánh'),
    ]);
    const need = (o: { id: string }, type: string, field: string, status: string, priority: number) =>
      t.pool.query(
        `insert into training_needs (official_id, province_code, commune_code, phase, programme_type, field, source, status, priority, reason)
         values ($1, '66', '24133', 1, $2, $3, 'manual', $4, $5, 'Bồi dưỡng theo vị trí việc làm')`,
        [o.id, type, field, status, priority],
      );
    await need(a, 'CMNV', 'dat_dai', 'proposed', 4);
    await need(b, 'CMNV', 'trat_tu_xay_dung', 'confirmed', 2);
    await need(d, 'CMNV', 'chuyen_doi_so', 'confirmed', 1); // field the programme does not teach
    await need(e, 'KNBT', '', 'confirmed', 1); // another programme type
    await need(f, 'CMNV', 'dat_dai', 'dropped', 1);
    const nominated = await addOfficial(t.pool, { commune: '24133', unitId: null });
    await need(nominated, 'CMNV', 'dat_dai', 'confirmed', 1);
    await ok(nominate(bmt, c.id, { officialIds: [nominated.id] }), 201);

    const s = await ok<SuggestionsResponse>(bmt.get(`/api/classes/${c.id}/suggestions`));
    expect(s).toMatchObject({ communeCode: '24133', phase: 1 });
    // The demo register of the commune has needs of its own; look at this test's people.
    const ours = new Set([a, b, d, e, f, nominated].map((o) => o.id));
    const priorities = s.items.map((i) => i.priority);
    expect(priorities).toEqual([...priorities].sort((x, y) => x - y));
    expect(s.items.filter((i) => ours.has(i.officialId)).map((i) => [i.fullName, i.priority, i.needStatus, i.field])).toEqual([
      ['Phạm Thị Yến', 2, 'confirmed', 'trat_tu_xay_dung'],
      ['Lê Văn Đạt', 4, 'proposed', 'dat_dai'],
    ]);
    expect(s.items[0]).toMatchObject({ unitId: unitKt, busy: false });
    const prov = await ok<SuggestionsResponse>(province.get(`/api/classes/${c.id}/suggestions?commune=24133`));
    expect(prov.items.map((i) => i.officialId)).toEqual(s.items.map((i) => i.officialId));
    expect(s.items.map((i) => i.officialId)).not.toContain(nominated.id);
    // Someone already in an overlapping class is still suggested, marked busy.
    const overlapping = await openClass({ startDate: '2027-03-02', endDate: '2027-03-04' });
    await ok(nominate(bmt, overlapping.id, { officialIds: [a.id] }), 201);
    const again = await ok<SuggestionsResponse>(bmt.get(`/api/classes/${c.id}/suggestions`));
    expect(again.items.find((i) => i.officialId === a.id)?.busy).toBe(true);
    expect(again.items.find((i) => i.officialId === b.id)?.busy).toBe(false);
    expectError(await bmt.get(`/api/classes/${c.id}/suggestions?commune=24373`), 403, 'FORBIDDEN');
    expectError(await province.get(`/api/classes/${c.id}/suggestions`), 400, 'VALIDATION_ERROR');
  });
});

describe('OpenAPI', () => {
  it('documents the nomination and class endpoints', async () => {
    const doc = await ok<{ paths: Record<string, unknown> }>(t.client().get('/api/openapi.json'));
    for (const p of [
      '/api/classes',
      '/api/classes/{id}/nominations',
      '/api/enrolments/{id}/approve',
      '/api/continuity-settings/{provinceCode}',
      '/api/classes/{id}/results-import',
    ]) {
      expect(Object.keys(doc.paths)).toContain(p);
    }
  });
});

describe('continuity settings', () => {
  it('defaults, saved with versions by the province admin, audited; others cannot', async () => {
    const d = await ok<ContinuitySettings>(national.get('/api/continuity-settings/01'));
    expect(d).toMatchObject({
      provinceCode: '01',
      maxSharePct: 30,
      serviceCentreMinStaff: 2,
      requireUnitHeadApproval: false,
      isDefault: true,
      version: 0,
    });
    expect(d.provinceName).toMatch(/Hà Nội/);
    const saved = await ok<ContinuitySettings>(
      national.request('PUT', '/api/continuity-settings/01', {
        maxSharePct: 25,
        serviceCentreMinStaff: 3,
        requireUnitHeadApproval: false,
        version: 0,
      }),
    );
    expect(saved).toMatchObject({ maxSharePct: 25, serviceCentreMinStaff: 3, isDefault: false, version: 1 });
    expectError(
      await national.request('PUT', '/api/continuity-settings/01', {
        maxSharePct: 20,
        serviceCentreMinStaff: 3,
        requireUnitHeadApproval: false,
        version: 0,
      }),
      409,
      'VERSION_CONFLICT',
    );
    const bad = await national.request('PUT', '/api/continuity-settings/01', {
      maxSharePct: 120,
      serviceCentreMinStaff: 3,
      requireUnitHeadApproval: false,
      version: 1,
    });
    expect(expectError(bad, 400, 'VALIDATION_ERROR').message).toMatch(/Tỷ lệ người được vắng tối đa/);
    expectError(await province.get('/api/continuity-settings/01'), 404, 'NOT_FOUND');
    expectError(await bmt.get('/api/continuity-settings/66'), 404, 'NOT_FOUND');
    expectError(await national.get('/api/continuity-settings/99'), 404, 'NOT_FOUND');
    const a = await audit('action=continuity_settings.update');
    const entry = a.items.find((i) => i.entityId === '01')!;
    expect(entry.before).toEqual({ maxSharePct: 30, serviceCentreMinStaff: 2, requireUnitHeadApproval: false });
    expect(entry.after).toEqual({ maxSharePct: 25, serviceCentreMinStaff: 3, requireUnitHeadApproval: false });
  });
});
