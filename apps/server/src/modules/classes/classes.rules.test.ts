import { describe, expect, it } from 'vitest';
import type { Actor } from '../../authz/policy.ts';
import {
  acceptsNominations,
  acceptsRecords,
  bridgePointProblem,
  classDatesProblem,
  classVisibilityOf,
  isEditable,
  makeClassCode,
  nextStatuses,
  servesCommune,
  sessionProblem,
  statusMoveProblem,
  type ServedFacts,
} from './classes.rules.ts';

const actor = (over: Partial<Actor>): Actor => ({
  id: 'u',
  username: 'u',
  fullName: 'Người dùng',
  role: 'official',
  provinceCode: null,
  communeCode: null,
  unitId: null,
  trainingOrgId: null,
  officialId: null,
  ...over,
});

describe('classVisibilityOf', () => {
  it.each([
    ['national admin: everything', actor({ role: 'national_admin' }), { kind: 'all' }],
    ['province admin: its province', actor({ role: 'province_admin', provinceCode: '66' }), { kind: 'province', provinceCode: '66' }],
    ['provincial reviewer: its province', actor({ role: 'reviewer', provinceCode: '66' }), { kind: 'province', provinceCode: '66' }],
    ['national reviewer (auditor): everything', actor({ role: 'reviewer' }), { kind: 'all' }],
    [
      'commune admin: its commune (any unit)',
      actor({ role: 'commune_admin', provinceCode: '66', communeCode: '24133' }),
      { kind: 'commune', communeCode: '24133', provinceCode: '66', unitId: null },
    ],
    [
      'unit head: its commune, learners of its unit',
      actor({ role: 'unit_head', provinceCode: '66', communeCode: '24133', unitId: 7 }),
      { kind: 'commune', communeCode: '24133', provinceCode: '66', unitId: 7 },
    ],
    [
      'training org: its own classes',
      actor({ role: 'training_org', provinceCode: '66', trainingOrgId: 3 }),
      { kind: 'organiser', organiserId: 3 },
    ],
    ['official: own classes', actor({ role: 'official', communeCode: '24133', officialId: 'o-1' }), { kind: 'self', officialId: 'o-1' }],
    ['official without a registry record: nothing', actor({ role: 'official', communeCode: '24133' }), { kind: 'none' }],
    ['province admin without a province: nothing', actor({ role: 'province_admin' }), { kind: 'none' }],
    ['training org account without an org: nothing', actor({ role: 'training_org' }), { kind: 'none' }],
  ])('%s', (_name, a, expected) => {
    expect(classVisibilityOf(a)).toEqual(expected);
  });
});

describe('servesCommune', () => {
  const cls = (over: Partial<ServedFacts>): ServedFacts => ({
    provinceCode: '66',
    mode: 'truc_tiep',
    communeCodes: [],
    bridgePoints: [],
    ...over,
  });
  it('a liên-xã class serves the communes of its list only', () => {
    const c = cls({ communeCodes: ['24373', '24235', '24211'] });
    expect(servesCommune(c, '24235', '66')).toBe(true);
    expect(servesCommune(c, '24133', '66')).toBe(false);
  });
  it('a class with no list serves its whole province (or the nation without a province)', () => {
    expect(servesCommune(cls({}), '24133', '66')).toBe(true);
    expect(servesCommune(cls({}), '00004', '01')).toBe(false);
    expect(servesCommune(cls({ provinceCode: null, mode: 'truc_tuyen' }), '00004', '01')).toBe(true);
  });
  it('online: a commune bridge point, or a provincial one for every commune of the province', () => {
    const online = cls({
      provinceCode: null,
      mode: 'truc_tuyen',
      bridgePoints: [
        { level: 'trung_uong', provinceCode: null, communeCode: null },
        { level: 'tinh', provinceCode: '66', communeCode: null },
        { level: 'xa', provinceCode: '01', communeCode: '00004' },
      ],
    });
    expect(servesCommune(online, '00004', '01')).toBe(true);
    expect(servesCommune(online, '24373', '66')).toBe(true);
    expect(servesCommune(online, '00007', '01')).toBe(false);
  });
  it('a provincial bridge point does not open an in-person class', () => {
    expect(
      servesCommune(
        cls({ communeCodes: ['24133'], bridgePoints: [{ level: 'tinh', provinceCode: '66', communeCode: null }] }),
        '24373',
        '66',
      ),
    ).toBe(false);
  });
});

describe('status moves', () => {
  const f = { today: '2026-11-23', startDate: '2026-11-20', endDate: '2026-11-23', learnersWithoutResult: 0 };
  it('follow CLASS_STATUS_FLOW', () => {
    expect(statusMoveProblem('planned', 'open', f)).toBeNull();
    expect(statusMoveProblem('planned', 'running', f)).toBe(
      'Không thể chuyển lớp từ "Dự kiến" sang "Đang học"; chỉ có thể chuyển sang "Đang nhận cử học", "Đã hủy".',
    );
    expect(statusMoveProblem('closed', 'open', f)).toMatch(/không thay đổi được nữa/);
    expect(statusMoveProblem('open', 'open', f)).toBe('Lớp đã ở trạng thái "Đang nhận cử học".');
    expect(statusMoveProblem('running', 'cancelled', f)).not.toBeNull();
    expect(statusMoveProblem('finished', 'running', f)).toBeNull();
  });
  it('running from the start date, finished from the end date', () => {
    expect(statusMoveProblem('open', 'running', { ...f, today: '2026-11-19' })).toMatch(/Chưa đến ngày khai giảng \(20\/11\/2026\)/);
    expect(statusMoveProblem('open', 'running', f)).toBeNull();
    expect(statusMoveProblem('running', 'finished', { ...f, today: '2026-11-22' })).toMatch(/23\/11\/2026/);
    expect(statusMoveProblem('running', 'finished', f)).toBeNull();
  });
  it('closed only when every learner has a result', () => {
    expect(statusMoveProblem('finished', 'closed', { ...f, learnersWithoutResult: 3 })).toMatch(/Còn 3 học viên chưa có kết quả/);
    expect(statusMoveProblem('finished', 'closed', f)).toBeNull();
  });
  it('nextStatuses lists only the moves allowed now', () => {
    expect(nextStatuses('open', { ...f, today: '2026-11-19' })).toEqual(['planned', 'cancelled']);
    expect(nextStatuses('open', f)).toEqual(['running', 'planned', 'cancelled']);
    expect(nextStatuses('closed', f)).toEqual([]);
  });
  it('what each status allows', () => {
    const all = ['planned', 'open', 'running', 'finished', 'closed', 'cancelled'] as const;
    expect(all.map(isEditable)).toEqual([true, true, true, true, false, false]);
    expect(all.map(acceptsNominations)).toEqual([false, true, false, false, false, false]);
    expect(all.map(acceptsRecords)).toEqual([false, false, true, true, false, false]);
  });
});

describe('dates', () => {
  it('a class ends on or after its start, and keeps its sessions inside', () => {
    expect(classDatesProblem('2026-12-07', '2026-12-07', [])).toBeNull();
    expect(classDatesProblem('2026-12-07', '2026-12-06', [])).toEqual({
      field: 'endDate',
      message: 'phải từ ngày khai giảng (07/12/2026) trở đi, đang là 06/12/2026',
    });
    expect(classDatesProblem('2026-12-08', '2026-12-09', ['2026-12-07'])?.field).toBe('startDate');
    expect(classDatesProblem('2026-12-07', '2026-12-08', ['2026-12-09'])).toMatchObject({
      field: 'endDate',
      message: expect.stringMatching(/09\/12\/2026/),
    });
  });
  it('a session lies inside the class and ends after it starts', () => {
    const c = { startDate: '2026-12-07', endDate: '2026-12-09' };
    expect(sessionProblem({ date: '2026-12-07', startTime: '07:30', endTime: '11:00' }, c)).toBeNull();
    expect(sessionProblem({ date: '2026-12-06', startTime: '07:30', endTime: '11:00' }, c)?.message).toMatch(/trước ngày khai giảng/);
    expect(sessionProblem({ date: '2026-12-10', startTime: '07:30', endTime: '11:00' }, c)?.message).toMatch(/sau ngày bế giảng/);
    expect(sessionProblem({ date: '2026-12-08', startTime: '11:00', endTime: '11:00' }, c)?.field).toBe('endTime');
  });
});

describe('bridge points', () => {
  it('only online or blended classes; each level names its place', () => {
    expect(bridgePointProblem('truc_tiep', { level: 'xa', communeCode: '24133' })?.field).toBe('mode');
    expect(bridgePointProblem('truc_tuyen', { level: 'trung_uong' })?.field).toBe('name');
    expect(bridgePointProblem('truc_tuyen', { level: 'trung_uong', name: 'Học viện', provinceCode: '66' })?.field).toBe('provinceCode');
    expect(bridgePointProblem('ket_hop', { level: 'trung_uong', name: 'Học viện' })).toBeNull();
    expect(bridgePointProblem('truc_tuyen', { level: 'tinh' })?.field).toBe('provinceCode');
    expect(bridgePointProblem('truc_tuyen', { level: 'tinh', provinceCode: '66', communeCode: '24133' })?.field).toBe('communeCode');
    expect(bridgePointProblem('truc_tuyen', { level: 'tinh', provinceCode: '66' })).toBeNull();
    expect(bridgePointProblem('truc_tuyen', { level: 'xa' })?.field).toBe('communeCode');
    expect(bridgePointProblem('truc_tuyen', { level: 'xa', communeCode: '24133' })).toBeNull();
  });
});

it('makes class codes L<year>.<organiser>.<number>', () => {
  expect(makeClassCode('2026-05-23', 'HVCTQG', 7)).toBe('L2026.HVCTQG.007');
  expect(makeClassCode('2027-01-04', 'TCT.66', 123)).toBe('L2027.TCT.66.123');
});
