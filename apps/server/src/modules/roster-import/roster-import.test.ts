/**
 * Excel template and import through the real server and PostgreSQL (SPEC §3, §13): template
 * contents, dry run, real import, re-import, every kind of bad row and bad file, scope.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import type { OfficialDetail, OfficialListItem, RosterImportResult } from '@app/shared';
import { createTestContext, type TestClient, type TestContext } from '../../../test/harness.ts';
import { COLUMNS, headerText } from './roster-columns.ts';
import { CCCD_ELSEWHERE } from './roster-matching.rules.ts';
import {
  bigRosterXlsx,
  makeXlsx,
  personRows,
  readWorkbook,
  rosterXlsx,
  sheetRows,
  upload,
  type CellInput,
  type Person,
} from './test-support.ts';

let t: TestContext;
let admin: TestClient; // xa.24133
let unitHead: TestClient; // donvi.24133.1
let official: TestClient; // hocvien.24133.1
let province: TestClient; // sonoivu.66

const VIETNAMESE = /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/i;
const IMPORT = '/api/officials/import?commune=24133';

async function count(commune = '24133'): Promise<number> {
  return (await t.pool.query<{ n: number }>('select count(*)::int as n from officials where commune_code = $1', [commune])).rows[0]!.n;
}

function importResult(res: LightMyRequestResponse): RosterImportResult {
  expect(res.statusCode, res.body).toBe(200);
  return res.json<RosterImportResult>();
}

function fileError(res: LightMyRequestResponse, status = 400): string {
  expect(res.statusCode, res.body).toBe(status);
  const body = res.json<{ message: string; code: string }>();
  expect(body.message).toMatch(VIETNAMESE);
  return body.message;
}

async function list(client: TestClient, query: string): Promise<OfficialListItem[]> {
  const res = await client.get(`/api/officials?pageSize=500&${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ items: OfficialListItem[] }>().items;
}

let seq = 0;
/** A CCCD nobody has (the demo roster uses 0 66 …; these start 0 01). */
function freshCccd(): string {
  seq++;
  return `001${String(seq).padStart(9, '0')}`;
}

beforeAll(async () => {
  t = await createTestContext();
  [admin, unitHead, official, province] = await Promise.all([
    t.loginAs('xa.24133'),
    t.loginAs('donvi.24133.1'),
    t.loginAs('hocvien.24133.1'),
    t.loginAs('sonoivu.66'),
  ]);
});
afterAll(() => t.close());

describe('template', () => {
  it('has the data sheet with Vietnamese headers, drop-downs to a hidden list sheet, and instructions', async () => {
    const res = await admin.get('/api/officials/template.xlsx');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toContain('attachment');
    const wb = await readWorkbook(res.rawPayload);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Danh sách', 'Hướng dẫn', 'Danh mục']);
    const [data, help, lists] = wb.worksheets as [(typeof wb.worksheets)[0], (typeof wb.worksheets)[0], (typeof wb.worksheets)[0]];
    expect(lists.state).toBe('hidden');
    expect(sheetRows(data)[0]).toEqual(['STT', ...COLUMNS.map(headerText)]);
    expect(sheetRows(data)[0]).toContain('Họ và tên *');
    expect(data.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(data.getColumn(3).numFmt).toBe('dd/mm/yyyy'); // Ngày sinh
    expect(data.getColumn(5).numFmt).toBe('@'); // Số CCCD kept as text
    const dv = (data as unknown as { dataValidations: { model: Record<string, { type: string; formulae: string[] }> } }).dataValidations
      .model;
    const colOf = (key: string) => String.fromCharCode(65 + 1 + COLUMNS.findIndex((c) => c.key === key));
    for (const key of [
      'gender',
      'officialType',
      'isLeader',
      'bloc',
      'eduLevel',
      'studyField',
      'politicalTheory',
      'stateMgmtLevel',
      'affectedByReorg',
      'unitId',
      'positionId',
    ]) {
      const v = dv[`${colOf(key)}2`];
      expect(v, key).toMatchObject({ type: 'list' });
      expect(v!.formulae[0]).toMatch(/^'Danh mục'!\$[A-Z]+\$2:\$[A-Z]+\$\d+$/);
      expect(dv[`${colOf(key)}20001`], `${key} reaches row 20001`).toBeDefined();
    }
    const listValues = sheetRows(lists);
    const header = listValues[0] as string[];
    const column = (name: string) =>
      listValues
        .slice(1)
        .map((r) => r[header.indexOf(name)])
        .filter(Boolean);
    expect(column('Giới tính')).toEqual(['Nam', 'Nữ']);
    expect(column('Loại')).toEqual(['Cán bộ', 'Công chức']);
    expect(column('Cơ quan, đơn vị')).toContain('Phòng Kinh tế, Hạ tầng và Đô thị');
    expect(column('Vị trí việc làm')).toContain('Chuyên viên tư pháp – hộ tịch');
    const helpText = sheetRows(help).flat().join('\n');
    expect(helpText).toContain('Dòng mẫu');
    expect(helpText).toContain('Nguyễn Thị Minh Anh');
    expect(helpText).toContain('dd/mm/yyyy');
  });

  it('is per commune: others must name it, and only inside their scope with officials.manage', async () => {
    expect(fileError(await province.get('/api/officials/template.xlsx'))).toContain('Xã');
    expect((await province.get('/api/officials/template.xlsx?commune=24133')).statusCode).toBe(200);
    expect((await admin.get('/api/officials/template.xlsx?commune=22015')).statusCode).toBe(404);
    expect((await unitHead.get('/api/officials/template.xlsx')).statusCode).toBe(403);
    expect((await t.client().get('/api/officials/template.xlsx?commune=24133')).statusCode).toBe(401);
  });
});

describe('a good file', () => {
  const cccdA = freshCccd();
  const people: Person[] = [
    {
      fullName: 'Nguyễn Thị Hồng Nhung',
      birthDate: new Date(Date.UTC(1988, 4, 20)), // an Excel date cell
      gender: 'Nữ',
      cccd: cccdA,
      unitId: 'Văn phòng HĐND và UBND',
      positionId: 'Chuyên viên tư pháp – hộ tịch',
      eduLevel: 'Đại học',
      studyField: 'Luật',
      email: 'nhung.nth@daklak.gov.vn',
      phone: '0912000111',
      joinedAt: '01/09/2012',
    },
    {
      fullName: 'Phạm Quốc Khánh'.normalize('NFD'),
      birthDate: '07/11/1979',
      gender: 'nam',
      officialType: 'cán bộ',
      bloc: 'Khối Đảng',
      isLeader: 'Có',
      leaderTitle: 'Phó Bí thư Đảng ủy',
      affectedByReorg: 'Có',
    },
    { fullName: 'Y Wal Ktla', birthDate: '3/2/1991', eduLevel: 'Trung cấp', positionId: 'Chuyên viên tư pháp – hộ tịch' },
  ];

  it('dry run lists nothing wrong and saves nothing', async () => {
    const before = await count();
    const r = importResult(await upload(t, admin, `${IMPORT}&dryRun=true`, await rosterXlsx(people)));
    expect(r).toMatchObject({
      ok: true,
      dryRun: true,
      created: 3,
      updated: 0,
      unchanged: 0,
      totalRows: 3,
      errors: [],
      sheetName: 'Danh sách',
    });
    expect(await count()).toBe(before);
  });

  it('imports; the list shows the people, found without diacritics; history, flags and audit are written', async () => {
    const before = await count();
    const r = importResult(await upload(t, admin, `${IMPORT}&dryRun=false`, await rosterXlsx(people)));
    expect(r).toMatchObject({ ok: true, dryRun: false, created: 3, updated: 0, unchanged: 0, errors: [] });
    expect(await count()).toBe(before + 3);

    const found = await list(admin, `commune=24133&q=${encodeURIComponent('nguyen thi hong nhung')}`);
    expect(found.map((o) => o.fullName)).toEqual(['Nguyễn Thị Hồng Nhung']);
    const khanh = (await list(admin, 'commune=24133&q=pham%20quoc%20khanh'))[0]!;
    expect(khanh.fullName).toBe('Phạm Quốc Khánh'); // stored NFC
    expect(khanh).toMatchObject({ officialType: 'can_bo', bloc: 'dang', isLeader: true, affectedByReorg: true });

    const nhung = (await admin.get(`/api/officials/${found[0]!.id}`)).json<OfficialDetail>();
    expect(nhung).toMatchObject({
      birthDate: '1988-05-20',
      gender: 'nu',
      cccd: cccdA,
      unitName: 'Văn phòng HĐND và UBND',
      joinedAt: '2012-09-01',
      meetsRequirement: true,
      belowStandard: false,
    });
    expect(nhung.assignments).toHaveLength(1);
    expect(nhung.assignments[0]).toMatchObject({ fromDate: '2012-09-01', toDate: null, reason: 'Nhập từ tệp Excel' });
    expect(nhung.statusHistory[0]).toMatchObject({ status: 'dang_cong_tac', fromDate: '2012-09-01' });

    // Trung cấp for a position that needs Đại học: below standard, with an open flag period.
    const wal = (await list(admin, 'commune=24133&q=y%20wal%20ktla'))[0]!;
    const walDetail = (await admin.get(`/api/officials/${wal.id}`)).json<OfficialDetail>();
    expect(walDetail.belowStandard).toBe(true);
    expect(walDetail.flags).toEqual([expect.objectContaining({ flag: 'below_standard', fromDate: t.clock.today(), toDate: null })]);
    expect((await admin.get(`/api/officials/${khanh.id}`)).json<OfficialDetail>().flags).toEqual([
      expect.objectContaining({ flag: 'affected_by_reorg', toDate: null }),
    ]);

    const audit = await t.pool.query<{ action: string; n: number }>(
      `select action, count(*)::int as n from audit_log where actor_username = 'xa.24133' and action in ('official.create', 'official.import') and after->>'source' = 'excel' group by action order by action`,
    );
    expect(audit.rows).toEqual([
      { action: 'official.create', n: 3 },
      { action: 'official.import', n: 1 },
    ]);
  });

  it('importing the same file again creates nothing and reports everyone unchanged', async () => {
    const before = await count();
    const r = importResult(await upload(t, admin, IMPORT, await rosterXlsx(people)));
    expect(r).toMatchObject({ ok: true, created: 0, updated: 0, unchanged: 3, totalRows: 3 });
    expect(await count()).toBe(before);
  });

  it('re-import updates matched people (by CCCD, else name + birth date), only what changed, with history', async () => {
    const [nhungBefore] = await list(admin, 'commune=24133&q=nguyen%20thi%20hong%20nhung');
    const changed: Person[] = [
      { ...people[0]!, fullName: 'Nguyễn Thị Hồng Nhung', unitId: 'Phòng Văn hóa – Xã hội', email: 'nhung.moi@daklak.gov.vn' }, // matched by CCCD
      { ...people[1]!, cccd: freshCccd() }, // no CCCD registered: matched by name + birth date, CCCD added
      people[2]!,
    ];
    const before = await count();
    const r = importResult(await upload(t, admin, IMPORT, await rosterXlsx(changed)));
    expect(r).toMatchObject({ ok: true, created: 0, updated: 2, unchanged: 1 });
    expect(await count()).toBe(before);
    const nhung = (await admin.get(`/api/officials/${nhungBefore!.id}`)).json<OfficialDetail>();
    expect(nhung).toMatchObject({
      email: 'nhung.moi@daklak.gov.vn',
      unitName: 'Phòng Văn hóa – Xã hội',
      version: nhungBefore!.version + 1,
    });
    expect(nhung.assignments.map((a) => [a.unitName, a.toDate])).toEqual([
      ['Phòng Văn hóa – Xã hội', null],
      ['Văn phòng HĐND và UBND', expect.any(String)],
    ]);
    const khanh = (await list(admin, 'commune=24133&q=pham%20quoc%20khanh'))[0]!;
    expect(khanh.cccd).toBe(changed[1]!.cccd);
    const upd = await t.pool.query(`select before, after from audit_log where action = 'official.update' and entity_id = $1`, [
      nhungBefore!.id,
    ]);
    expect(upd.rows[0].before).toMatchObject({ email: 'nhung.nth@daklak.gov.vn' });
    expect(upd.rows[0].after).toMatchObject({ email: 'nhung.moi@daklak.gov.vn', source: 'excel' });
  });
});

describe('tolerant reading', () => {
  it('accepts NFD text, headers in any case/spacing/order with a title row, STT and extra columns, serial dates, lost leading zeros', async () => {
    const cols = [
      'STT',
      '  HỌ  VÀ TÊN ',
      'ghi chú',
      'ngay sinh',
      'GIỚI TÍNH*',
      'khối',
      'loai can bo, cong chuc',
      'so cccd',
      'Điện thoại',
      'Ngày vào cơ quan',
    ].map((h) => h.normalize('NFD'));
    const rows: CellInput[][] = [
      ['DANH SÁCH CÁN BỘ, CÔNG CHỨC PHƯỜNG BUÔN MA THUỘT'],
      [],
      cols,
      [
        1,
        'Lê   Thị  Thu  Hà'.normalize('NFD'),
        'ghi chú bất kỳ',
        32874,
        'nu',
        'ubnd',
        'cong chuc',
        Number(`66${String(1_000_000_000 + ++seq).slice(1)}`),
        912333444,
        '15/06/2015',
      ],
      [2],
      [3, ' Đoàn  Văn  Hậu ', '', '20-10-1985', 'NAM', 'KHỐI MTTQ VÀ ĐOÀN THỂ', 'CÁN BỘ', '', '', ''],
    ];
    const r = importResult(await upload(t, admin, IMPORT, await makeXlsx([{ name: 'Sheet1', rows }])));
    expect(r.errors).toEqual([]);
    expect(r).toMatchObject({ ok: true, created: 2, totalRows: 2, sheetName: 'Sheet1', ignoredColumns: ['ghi chú'] });
    const ha = (await list(admin, 'commune=24133&q=le%20thi%20thu%20ha'))[0]!;
    const detail = (await admin.get(`/api/officials/${ha.id}`)).json<OfficialDetail>();
    expect(detail).toMatchObject({
      fullName: 'Lê Thị Thu Hà',
      birthDate: '1990-01-01',
      gender: 'nu',
      bloc: 'ubnd',
      phone: '0912333444',
      joinedAt: '2015-06-15',
    });
    expect(detail.cccd).toMatch(/^066\d{9}$/);
    expect((await list(admin, 'commune=24133&q=doan%20van%20hau'))[0]).toMatchObject({
      fullName: 'Đoàn Văn Hậu',
      birthDate: '1985-10-20',
      bloc: 'mttq',
      officialType: 'can_bo',
    });
  });

  it('reads the first sheet when there is no "Danh sách" sheet', async () => {
    const r = importResult(
      await upload(
        t,
        admin,
        `${IMPORT}&dryRun=true`,
        await makeXlsx([
          { name: 'Nhân sự', rows: personRows([{ fullName: 'Võ Minh Tâm', birthDate: '01/01/1990' }]) },
          { name: 'Khác', rows: [['x']] },
        ]),
      ),
    );
    expect(r).toMatchObject({ ok: true, sheetName: 'Nhân sự', created: 1 });
  });
});

describe('bad rows: every problem listed with row, column and a Vietnamese reason; nothing saved', () => {
  let r: RosterImportResult;
  let before: number;
  const dup = freshCccd();
  const ok = (fullName: string, extra: Partial<Person> = {}): Person => ({ fullName, birthDate: '01/01/1990', ...extra });

  beforeAll(async () => {
    const elsewhere = (
      await t.pool.query<{ cccd: string }>(`select cccd from officials where commune_code = '22015' and cccd is not null limit 1`)
    ).rows[0]!.cccd;
    await t.pool.query(
      `insert into positions (code, name, level, province_code, commune_code) values ('X22015', 'Cán bộ chỉ của Tuy Hòa', 'commune', '66', '22015')`,
    );
    const people: Person[] = [
      ok('Đinh Văn Một', { cccd: dup }), // row 2
      ok('', {}), // 3: required
      ok('Mai Thị Ba', { gender: 'Nư ông' }), // 4: wrong code
      ok('Lý Văn Bốn', { birthDate: '31/02/1990' }), // 5: impossible date
      ok('Hồ Văn Năm', { birthDate: '01/01/2015' }), // 6: under 18
      ok('Đỗ Văn Sáu', { cccd: '12345' }), // 7: CCCD length
      ok('Ngô Văn Bảy', { cccd: dup }), // 8: CCCD twice in the file
      ok('Đinh Văn Một'), // 9: same name + birth date as row 2
      ok('Trương Văn Chín', { cccd: elsewhere }), // 10: CCCD of another commune
      ok('Lương Văn Mười', { unitId: 'Phòng Nội vụ' }), // 11: unit not in the commune
      ok('Dương Văn Mười Một', { positionId: 'Cán bộ chỉ của Tuy Hòa' }), // 12: position of another commune
      ok('Bùi Văn Mười Hai', { bloc: 'Khối Tòa án' }), // 13: wrong bloc
      ok('Vũ Văn Mười Ba'), // 14: formula (set below)
      ok('Phan Văn Mười Bốn', { gender: '' }), // 15: merged with 16 in "Giới tính"
      ok('Phan Văn Mười Lăm', { gender: '' }), // 16
    ];
    const rows = personRows(people);
    const genderCol = COLUMNS.findIndex((c) => c.key === 'gender');
    rows[13]![genderCol] = { formula: 'IF(1=1,"Nam","Nữ")', result: 'Nam' };
    rows[14]![genderCol] = 'Nam';
    const letter = String.fromCharCode(65 + genderCol);
    before = await count();
    r = importResult(await upload(t, admin, IMPORT, await makeXlsx([{ rows, merges: [`${letter}15:${letter}16`] }])));
  });

  const find = (row: number, column: string) => r.errors.find((e) => e.row === row && e.column === column);
  it('nothing is saved and the answer says so', async () => {
    expect(r).toMatchObject({ ok: false, dryRun: false, created: 0, updated: 0, unchanged: 0 });
    expect(await count()).toBe(before);
    for (const e of r.errors) expect(e.message).toMatch(VIETNAMESE);
    expect(r.errorCount).toBe(r.errors.length);
  });
  it('required field', () => expect(find(3, 'Họ và tên')?.message).toContain('Thiếu họ và tên'));
  it('wrong code', () => expect(find(4, 'Giới tính')?.message).toContain('"Nư ông" không có trong danh sách; chọn một trong: Nam; Nữ'));
  it('impossible date', () => expect(find(5, 'Ngày sinh')?.message).toContain('"31/02/1990" không phải ngày có thật'));
  it('implausible birth date', () => expect(find(6, 'Ngày sinh')?.message).toContain('chưa đủ 18 tuổi'));
  it('CCCD not 12 digits', () => expect(find(7, 'Số CCCD')?.message).toContain('phải gồm đúng 12 chữ số'));
  it('CCCD twice in the file', () => expect(find(8, 'Số CCCD')?.message).toContain('trùng với dòng 2 trong tệp'));
  it('same name and birth date twice in the file', () =>
    expect(find(9, 'Họ và tên')?.message).toContain('Trùng họ tên và ngày sinh với dòng 2'));
  it('CCCD of someone in another commune, without saying who', () => expect(find(10, 'Số CCCD')?.message).toBe(CCCD_ELSEWHERE));
  it('unit not in the commune', () =>
    expect(find(11, 'Cơ quan, đơn vị')?.message).toContain('Không có cơ quan, đơn vị "Phòng Nội vụ" ở xã này'));
  it('position not usable in the commune', () => expect(find(12, 'Vị trí việc làm')?.message).toContain('không dùng được ở xã này'));
  it('wrong bloc', () => expect(find(13, 'Khối')?.message).toContain('không có trong danh sách'));
  it('formula cell', () => expect(find(14, 'Giới tính')?.message).toMatch(/công thức.*Dán đặc biệt → Giá trị/));
  it('merged cells, once for the range', () => {
    expect(find(15, 'Giới tính')?.message).toMatch(/đang được gộp \(merge\).*bỏ gộp ô/);
    expect(find(16, 'Giới tính')).toBeUndefined();
  });
  it('rows are in order and valid rows are not reported', () => {
    expect(r.errors.map((e) => e.row)).toEqual([...r.errors.map((e) => e.row)].sort((a, b) => a - b));
    expect(r.errors.some((e) => e.row === 2)).toBe(false);
  });
});

describe('all or nothing', () => {
  it('49 good rows and 1 bad row: nothing saved; the dry run tells what would happen', async () => {
    const people: Person[] = Array.from({ length: 50 }, (_, i) => ({
      fullName: `Trần Văn Số ${['Một', 'Hai', 'Ba', 'Bốn', 'Năm'][i % 5]} ${'ABCDEFGHIJ'[Math.floor(i / 5)]}`,
      birthDate: `${(i % 28) + 1}/0${(i % 9) + 1}/1980`,
    }));
    people[37] = { ...people[37]!, birthDate: '30/02/1980' };
    const file = await rosterXlsx(people);
    const before = await count();
    const real = importResult(await upload(t, admin, `${IMPORT}&dryRun=false`, file));
    expect(real).toMatchObject({ ok: false, created: 0, updated: 0, totalRows: 50 });
    expect(real.errors).toEqual([{ row: 39, column: 'Ngày sinh', message: expect.stringContaining('không phải ngày có thật') }]);
    expect(await count()).toBe(before);
    const dry = importResult(await upload(t, admin, `${IMPORT}&dryRun=true`, file));
    expect(dry).toMatchObject({ ok: false, dryRun: true, created: 49 });
  });
});

describe('bad files: a clear Vietnamese message, never a 500', () => {
  it('an .xls renamed .xlsx', async () => {
    const xls = Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(2000)]);
    expect(fileError(await upload(t, admin, IMPORT, xls, 'cu.xlsx'))).toMatch(/^Tệp không phải định dạng Excel \.xlsx/);
  });
  it('random bytes', async () => {
    const bytes = Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 7919) % 256));
    expect(fileError(await upload(t, admin, IMPORT, bytes))).toMatch(/^Tệp không phải định dạng Excel \.xlsx/);
    expect(fileError(await upload(t, admin, IMPORT, Buffer.alloc(0)))).toMatch(/^Tệp không phải định dạng Excel \.xlsx/);
  });
  it('a damaged .xlsx', async () => {
    const good = await rosterXlsx([{ fullName: 'Nguyễn Văn A', birthDate: '01/01/1990' }]);
    expect(fileError(await upload(t, admin, IMPORT, good.subarray(0, good.length - 100)))).toMatch(/hỏng|không phải định dạng/);
  });
  it('an empty sheet', async () => {
    expect(fileError(await upload(t, admin, IMPORT, await makeXlsx([{ rows: [] }])))).toContain('không có dữ liệu');
  });
  it('a header without data rows', async () => {
    expect(fileError(await upload(t, admin, IMPORT, await rosterXlsx([])))).toContain('chưa có dòng dữ liệu nào');
  });
  it('no header row', async () => {
    expect(
      fileError(
        await upload(
          t,
          admin,
          IMPORT,
          await makeXlsx([
            {
              rows: [
                ['a', 'b'],
                ['c', 'd'],
              ],
            },
          ]),
        ),
      ),
    ).toContain('Không tìm thấy dòng tiêu đề');
  });
  it('missing required columns, named in one message', async () => {
    const rows = [
      ['Họ và tên', 'Giới tính', 'Email'],
      ['Nguyễn Văn A', 'Nam', ''],
    ];
    const msg = fileError(await upload(t, admin, IMPORT, await makeXlsx([{ rows }])));
    expect(msg).toContain('"Ngày sinh", "Loại cán bộ, công chức", "Khối"');
  });
  it('20,001 rows are refused up front; 20,000 would be read', async () => {
    const person = (i: number): Person => ({ fullName: `Nguyễn Văn Thử ${i}`, birthDate: '01/01/1990' });
    const file = await bigRosterXlsx(20_001, person);
    const msg = fileError(await upload(t, admin, `${IMPORT}&dryRun=true`, file));
    expect(msg).toContain('hơn 20.000 dòng');
  });
  it('50,000 rows are refused quickly', async () => {
    const file = await bigRosterXlsx(50_000, (i) => ({ fullName: `Lê Văn ${i}`, birthDate: '01/01/1990' }));
    const t0 = performance.now();
    expect(fileError(await upload(t, admin, IMPORT, file))).toContain('hơn 20.000 dòng');
    expect(performance.now() - t0).toBeLessThan(15_000);
  }, 60_000);
  it('a file over 10 MB is 413', async () => {
    const big = Buffer.concat([Buffer.from('504b0304', 'hex'), Buffer.alloc(11 * 1024 * 1024)]);
    const msg = fileError(await upload(t, admin, IMPORT, big), 413);
    expect(msg).toContain('10 MB');
  });
  it('no file, or not multipart', async () => {
    const res = await upload(t, admin, IMPORT, Buffer.from('x'), 'a.xlsx', 'other');
    // a file under another field name is still the uploaded file: it is read and refused as not an .xlsx
    expect(res.statusCode).toBe(400);
    expect(fileError(await admin.post(IMPORT, { file: 'abc' }), 415)).toContain('multipart/form-data');
    const raw = (body: string, boundary = 'b0undary') =>
      t.app.inject({
        method: 'POST',
        url: IMPORT,
        headers: {
          'content-type': `multipart/form-data; boundary=${boundary}`,
          cookie: [...admin.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
          'x-csrf-token': admin.cookies.get('csrf')!,
        },
        payload: body,
      });
    // only a text field, no file
    expect(
      fileError(await raw('--b0undary\r\nContent-Disposition: form-data; name="ghichu"\r\n\r\nxin chao\r\n--b0undary--\r\n')),
    ).toContain('chưa chọn tệp');
    // a body cut in the middle of the file
    expect(
      fileError(await raw('--b0undary\r\nContent-Disposition: form-data; name="file"; filename="a.xlsx"\r\n\r\nPK\u0003\u0004abc')),
    ).toMatch(/Tệp/);
  });
});

describe('scope', () => {
  const file = () => rosterXlsx([{ fullName: 'Hà Văn Phạm Vi', birthDate: '01/01/1990' }]);
  it('a commune admin cannot import into another commune', async () => {
    const before = await count('22015');
    expect((await upload(t, admin, '/api/officials/import?commune=22015', await file())).statusCode).toBe(404);
    expect(await count('22015')).toBe(before);
  });
  it('unit heads and officials cannot import', async () => {
    expect((await upload(t, unitHead, IMPORT, await file())).statusCode).toBe(403);
    expect((await upload(t, official, IMPORT, await file())).statusCode).toBe(403);
    expect((await upload(t, unitHead, '/api/officials/import', await file())).statusCode).toBe(403);
  });
  it('a province admin imports into a commune of its province, naming it', async () => {
    expect(fileError(await upload(t, province, '/api/officials/import?dryRun=true', await file()))).toContain('Xã');
    expect(importResult(await upload(t, province, '/api/officials/import?commune=24133&dryRun=true', await file()))).toMatchObject({
      ok: true,
      created: 1,
    });
  });
  it('not logged in: refused (CSRF first, then 401)', async () => {
    const before = await count();
    expect([401, 403]).toContain((await upload(t, t.client(), IMPORT, await file())).statusCode);
    expect(await count()).toBe(before);
  });
});

describe('API description', () => {
  it('documents the Excel endpoints in OpenAPI', async () => {
    const res = await admin.get('/api/openapi.json');
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    const paths = Object.keys(res.json<{ paths: Record<string, unknown> }>().paths);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/api/officials/template.xlsx',
        '/api/officials/import',
        '/api/officials/import-jobs/{id}',
        '/api/officials/export.xlsx',
        '/api/officials/accounts',
      ]),
    );
  });
});
