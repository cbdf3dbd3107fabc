/** Pure rules of the roster import: header matching, cell parsing, row checks, duplicates, matching, changes. */
import { describe, expect, it } from 'vitest';
import { allocateUsername, usernameBase } from './official-accounts.rules.ts';
import { COLUMNS, headerText } from './roster-columns.ts';
import {
  CCCD_ELSEWHERE,
  buildNameIndex,
  changedFields,
  cleanCellText,
  duplicatesInFile,
  excelSerialToIso,
  fieldOfHeader,
  isEmptyRow,
  looseKey,
  makeCodeLookup,
  matchHeaders,
  matchRows,
  mergedCellProblems,
  missingColumnsMessage,
  parseBoolCell,
  parseCccdCell,
  parseDateCell,
  parseDateText,
  parseRow,
  type ExistingOfficial,
  type HeaderMatch,
  type ParsedRow,
  type RowContext,
} from './roster-import.rules.ts';
import type { CellValue, RawRow } from './xlsx-reader.ts';

const s = (v: string): CellValue => ({ t: 's', v });
const n = (v: number, date = false): CellValue => ({ t: 'n', v, date });
const row = (r: number, values: (CellValue | string | undefined)[]): RawRow => ({ r, cells: values.map((v) => (typeof v === 'string' ? s(v) : v)) });
const NFD = (x: string) => x.normalize('NFD');

describe('text keys', () => {
  it('loose keys ignore case, diacritics (NFC or NFD), đ, spaces and punctuation', () => {
    expect(looseKey('Họ và tên *')).toBe('hovaten');
    expect(looseKey(NFD('HỌ  VÀ TÊN'))).toBe('hovaten');
    expect(looseKey('Đắk Lắk')).toBe('daklak');
    expect(looseKey('Văn hóa – Xã hội')).toBe(looseKey('Van hoa - Xa hoi'));
  });
  it('cleans text: NFC, invisible characters, collapsed spaces', () => {
    expect(cleanCellText(`  ${NFD('Nguyễn')}\u00a0 Văn\u200b  An \t`)).toBe('Nguyễn Văn An');
    expect(cleanCellText(NFD('Nguyễn')).normalize('NFC')).toBe(cleanCellText(NFD('Nguyễn')));
  });
});

describe('headers', () => {
  it('recognises each template header, with "*" and in any case, spacing or normal form', () => {
    for (const c of COLUMNS) {
      expect(fieldOfHeader(headerText(c))).toBe(c.key);
      expect(fieldOfHeader(c.header.toUpperCase())).toBe(c.key);
      expect(fieldOfHeader(`  ${NFD(c.header).replace(/ /g, '   ')} *`)).toBe(c.key);
      expect(fieldOfHeader(looseKey(c.header))).toBe(c.key);
    }
  });
  it('accepts common other names', () => {
    expect(fieldOfHeader('Ngày, tháng, năm sinh')).toBe('birthDate');
    expect(fieldOfHeader('CCCD')).toBe('cccd');
    expect(fieldOfHeader('Email')).toBe('email');
    expect(fieldOfHeader('SĐT')).toBe('phone');
    expect(fieldOfHeader('Loại')).toBe('officialType');
    expect(fieldOfHeader('Ghi chú')).toBeNull();
  });
  it('finds the header below title rows, maps columns, notes STT and ignored columns', () => {
    const rows = [row(1, ['DANH SÁCH CÁN BỘ, CÔNG CHỨC']), row(3, ['STT', 'HỌ VÀ TÊN', 'Ghi chú', 'ngay sinh', 'Giới tính *', 'Khối', 'Loại', 'Họ tên'])];
    const h = matchHeaders(rows)!;
    expect(h.headerRow).toBe(3);
    expect(h.headerIndex).toBe(1);
    expect(h.columns.get('fullName')).toBe(1);
    expect(h.columns.get('birthDate')).toBe(3);
    expect(h.rowNumberColumn).toBe(0);
    expect(h.ignored).toEqual(['Ghi chú', 'Họ tên (cột H, trùng cột trước)']);
    expect(h.missingRequired).toEqual([]);
  });
  it('lists missing required columns by name', () => {
    const h = matchHeaders([row(1, ['Họ và tên', 'Giới tính', 'Email'])])!;
    expect(h.missingRequired.map((c) => c.key)).toEqual(['birthDate', 'officialType', 'bloc']);
    const msg = missingColumnsMessage(h.missingRequired, 'Danh sách');
    expect(msg).toContain('"Ngày sinh", "Loại cán bộ, công chức", "Khối"');
    expect(msg).toContain('thiếu các cột bắt buộc');
  });
  it('is null when no row names two known columns', () => {
    expect(matchHeaders([row(1, ['a', 'b']), row(2, ['Họ và tên'])])).toBeNull();
    expect(matchHeaders([])).toBeNull();
  });
});

describe('dates', () => {
  it('converts Excel serials (1900 system with its phantom 29/02/1900, and 1904)', () => {
    expect(excelSerialToIso(1)).toBe('1900-01-01');
    expect(excelSerialToIso(59)).toBe('1900-02-28');
    expect(excelSerialToIso(61)).toBe('1900-03-01');
    expect(excelSerialToIso(31121)).toBe('1985-03-15');
    expect(excelSerialToIso(31121.75)).toBe('1985-03-15');
    expect(excelSerialToIso(29659, true)).toBe('1985-03-15');
    expect(excelSerialToIso(0)).toBeNull();
    expect(excelSerialToIso(3_000_000)).toBeNull();
    expect(excelSerialToIso(Number.NaN)).toBeNull();
  });
  it.each([
    ['15/03/1985', '1985-03-15'],
    ['5/3/1985', '1985-03-05'],
    ['15-03-1985', '1985-03-15'],
    ['15.03.1985', '1985-03-15'],
    [' 15 / 03 / 1985 ', '1985-03-15'],
    ['1985-03-15', '1985-03-15'],
    ['15/03/1985 00:00:00', '1985-03-15'],
    ['1985-03-15T00:00:00Z', '1985-03-15'],
    ['29/02/2024', '2024-02-29'],
  ])('text %s is %s', (text, iso) => {
    expect(parseDateText(text)).toEqual({ ok: true, value: iso });
  });
  it.each([
    ['31/02/2026', 'không phải ngày có thật'],
    ['29/02/2023', 'không phải ngày có thật'],
    ['03/15/1985', 'tháng/ngày/năm'],
    ['15/03/85', 'năm phải đủ 4 chữ số'],
    ['1985', 'chỉ có năm'],
    ['mười lăm', 'không đúng định dạng'],
  ])('text %s is refused (%s)', (text, why) => {
    const r = parseDateText(text);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.message).toContain(why);
      expect(r.message).toContain('dd/mm/yyyy');
    }
  });
  it('reads date cells, serial numbers, ISO date cells; refuses a bare year and booleans', () => {
    expect(parseDateCell(n(31121, true), false)).toEqual({ ok: true, value: '1985-03-15' });
    expect(parseDateCell(n(31121), false)).toEqual({ ok: true, value: '1985-03-15' });
    expect(parseDateCell({ t: 'd', v: '1985-03-15T00:00:00Z' }, false)).toEqual({ ok: true, value: '1985-03-15' });
    expect(parseDateCell(n(1985), false).ok).toBe(false);
    expect(parseDateCell({ t: 'b', v: true }, false).ok).toBe(false);
    expect(parseDateCell(n(-5), false).ok).toBe(false);
  });
});

describe('CCCD, yes/no, coded values', () => {
  it('keeps 12-digit CCCDs, puts back a lost leading 0, strips spaces and a leading quote', () => {
    expect(parseCccdCell(s('066085001234'))).toEqual({ ok: true, value: '066085001234' });
    expect(parseCccdCell(n(66085001234))).toEqual({ ok: true, value: '066085001234' });
    expect(parseCccdCell(n(166085001234))).toEqual({ ok: true, value: '166085001234' });
    expect(parseCccdCell(s(" 066 085 001 234"))).toEqual({ ok: true, value: '066085001234' });
    expect(parseCccdCell(s("'066085001234"))).toEqual({ ok: true, value: '066085001234' });
  });
  it('refuses CCCDs of the wrong length or with letters, saying how many digits there are', () => {
    const short = parseCccdCell(s('12345'));
    expect(short.ok === false && short.message).toContain('đúng 12 chữ số (đang có 5)');
    const num = parseCccdCell(n(12345));
    expect(num.ok === false && num.message).toContain('đang có 5');
    expect(parseCccdCell(s('06608500123A')).ok).toBe(false);
    expect(parseCccdCell(n(1.5)).ok).toBe(false);
  });
  it('reads yes/no in many spellings', () => {
    for (const v of ['Có', 'có', 'CÓ', NFD('Có'), 'co', 'x', 'X', '1', 'TRUE', '✓']) expect(parseBoolCell(s(v))).toEqual({ ok: true, value: true });
    for (const v of ['Không', 'khong', 'KHÔNG', 'k', '0', 'false', '']) expect(parseBoolCell(s(v))).toEqual({ ok: true, value: false });
    expect(parseBoolCell(undefined)).toEqual({ ok: true, value: false });
    expect(parseBoolCell({ t: 'b', v: true })).toEqual({ ok: true, value: true });
    expect(parseBoolCell(n(1))).toEqual({ ok: true, value: true });
    expect(parseBoolCell(s('có lẽ')).ok).toBe(false);
  });
  it('matches coded values by label, code or alias in any case, with or without diacritics', () => {
    const gender = makeCodeLookup({ nam: 'Nam', nu: 'Nữ' }, { nu: ['F'] });
    for (const v of ['nu', 'Nữ', 'NỮ', NFD('Nữ'), ' nữ ', 'F']) expect(gender(v)).toBe('nu');
    expect(gender('NAM')).toBe('nam');
    expect(gender('Nư')).toBe('nu'); // diacritic-insensitive fallback
    expect(gender('khác')).toBeNull();
    const bloc = COLUMNS.find((c) => c.key === 'bloc')!;
    if (bloc.type.kind !== 'code') throw new Error('bloc is coded');
    const b = makeCodeLookup(bloc.type.labels, bloc.type.aliases);
    expect(b('khoi ubnd')).toBe('ubnd');
    expect(b('UBND')).toBe('ubnd');
    expect(b('Khối MTTQ và đoàn thể')).toBe('mttq');
    expect(b('mttq')).toBe('mttq');
    expect(b('HĐND')).toBe('hdnd');
  });
  it('finds names exactly first, then tolerantly, and reports homonyms', () => {
    const idx = buildNameIndex([
      { id: 1, name: 'Phòng Kinh tế' },
      { id: 2, name: 'Phòng Văn hóa – Xã hội' },
      { id: 3, name: 'Ban Dân vận' },
      { id: 4, name: 'Bàn Dân vận' },
    ]);
    expect(idx.find('phòng kinh tế')).toEqual({ item: { id: 1, name: 'Phòng Kinh tế' } });
    expect(idx.find('PHONG VAN HOA - XA HOI')).toEqual({ item: { id: 2, name: 'Phòng Văn hóa – Xã hội' } });
    expect(idx.find('Ban Dân vận')).toEqual({ item: { id: 3, name: 'Ban Dân vận' } });
    expect(idx.find('ban dan van')).toMatchObject({ ambiguous: [{ id: 3 }, { id: 4 }] });
    expect(idx.find('Phòng Nội vụ')).toBeNull();
  });
});

// ---------------------------------------------------------------- rows

const HEADERS = COLUMNS.map(headerText);
const header = matchHeaders([row(1, ['STT', ...HEADERS])])!;
const ctx: RowContext = {
  today: '2026-11-23',
  date1904: false,
  units: buildNameIndex([{ id: 10, name: 'Văn phòng HĐND và UBND' }]),
  positions: buildNameIndex([{ id: 20, name: 'Chuyên viên tư pháp – hộ tịch' }]),
};

/** A data row in template order (after the STT column), by field key. */
function dataRow(r: number, fields: Partial<Record<(typeof COLUMNS)[number]['key'], CellValue | string>>): RawRow {
  const base: Record<string, CellValue | string> = { fullName: 'Nguyễn Văn An', birthDate: '15/03/1985', gender: 'Nam', officialType: 'Công chức', bloc: 'Khối UBND' };
  const all = { ...base, ...fields };
  return row(r, [s(String(r - 1)), ...COLUMNS.map((c) => all[c.key])]);
}

function errorsOf(raw: RawRow) {
  return parseRow(raw, header, ctx).errors;
}

describe('rows', () => {
  it('parses a complete row into stored values', () => {
    const { parsed, errors } = parseRow(
      dataRow(2, {
        fullName: `  ${NFD('Trần  Thị  Bình')} `,
        birthDate: n(31121, true),
        gender: 'nu',
        cccd: n(66185001234),
        isLeader: 'x',
        bloc: 'ubnd',
        unitId: 'van phong hdnd va ubnd',
        positionId: 'Chuyên viên tư pháp - hộ tịch',
        eduLevel: 'dai hoc',
        studyField: 'Luật',
        politicalTheory: 'TRUNG CẤP',
        stateMgmtLevel: 'CV',
        joinedAt: '01/08/2010',
        affectedByReorg: 'Có',
        email: 'tt.binh@daklak.gov.vn',
        phone: n(912345678),
      }),
      header,
      ctx,
    );
    expect(errors).toEqual([]);
    expect(parsed.valid).toBe(true);
    expect(parsed.values).toEqual({
      fullName: 'Trần Thị Bình',
      birthDate: '1985-03-15',
      gender: 'nu',
      cccd: '066185001234',
      officialType: 'cong_chuc',
      isLeader: true,
      leaderTitle: null,
      bloc: 'ubnd',
      unitId: 10,
      positionId: 20,
      eduLevel: 'dai_hoc',
      studyField: 'luat',
      studyFieldName: null,
      politicalTheory: 'trung_cap',
      stateMgmtLevel: 'chuyen_vien',
      itLevel: null,
      foreignLanguage: null,
      joinedAt: '2010-08-01',
      affectedByReorg: true,
      email: 'tt.binh@daklak.gov.vn',
      phone: '0912345678',
    });
  });

  it.each([
    ['a missing required value', { fullName: '' }, 'Họ và tên', 'Thiếu họ và tên'],
    ['a missing coded value', { gender: '' }, 'Giới tính', 'chọn một giá trị trong danh sách'],
    ['a wrong code', { gender: 'Khác' }, 'Giới tính', '"Khác" không có trong danh sách; chọn một trong: Nam; Nữ'],
    ['a wrong bloc', { bloc: 'Khối Tòa án' }, 'Khối', 'không có trong danh sách'],
    ['an impossible date', { birthDate: '31/02/1990' }, 'Ngày sinh', 'không phải ngày có thật'],
    ['a birth date under 18', { birthDate: '01/01/2015' }, 'Ngày sinh', 'chưa đủ 18 tuổi'],
    ['a birth date over 75', { birthDate: '01/01/1940' }, 'Ngày sinh', 'trên 75 tuổi'],
    ['a CCCD of 11 characters typed as text', { cccd: '66085001234' }, 'Số CCCD', 'đúng 12 chữ số (đang có 11)'],
    ['a formula', { gender: { t: 'f', formula: 'IF(A2="x","Nam","Nữ")', cached: 'Nam' } }, 'Giới tính', 'Dán đặc biệt → Giá trị'],
    ['an error value', { eduLevel: { t: 'e', v: '#N/A' } }, 'Trình độ chuyên môn', 'lỗi #N/A'],
    ['a unit of another commune', { unitId: 'Phòng Nội vụ' }, 'Cơ quan, đơn vị', 'Không có cơ quan, đơn vị "Phòng Nội vụ" ở xã này'],
    ['a position not usable here', { positionId: 'Giám đốc Sở' }, 'Vị trí việc làm', 'không dùng được ở xã này'],
    ['digits in a name', { fullName: 'Nguyễn Văn 2' }, 'Họ và tên', 'có chữ số'],
    ['a one-word name', { fullName: 'An' }, 'Họ và tên', 'ít nhất hai từ'],
    ['a bad email', { email: 'an@' }, 'Thư điện tử', 'không phải địa chỉ thư điện tử'],
    ['a bad phone', { phone: '09-abc' }, 'Điện thoại', 'không phải số điện thoại'],
    ['a yes/no typo', { affectedByReorg: 'chưa rõ' }, 'Chịu tác động sắp xếp', 'chọn Có hoặc Không'],
    ['a joining date before age 15', { joinedAt: '01/01/1995' }, 'Ngày vào cơ quan', 'đủ 15 tuổi'],
    ['a joining date far in the future', { joinedAt: '01/01/2030' }, 'Ngày vào cơ quan', 'tương lai'],
    ['a too long title', { leaderTitle: 'x'.repeat(121) }, 'Chức vụ', 'Dài quá 120 ký tự'],
  ])('reports %s at its row and column', (_what, fields, column, message) => {
    const errors = errorsOf(dataRow(7, fields as Record<string, CellValue | string>));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ row: 7, column });
    expect(errors[0]!.message).toContain(message);
    expect(errors[0]!.message).toMatch(/[.!?…]$/);
  });

  it('reports every problem of a row, not only the first', () => {
    expect(errorsOf(dataRow(3, { fullName: '', gender: 'x', birthDate: 'hôm qua' })).map((e) => e.column)).toEqual(['Họ và tên', 'Ngày sinh', 'Giới tính']);
  });

  it('treats a row with only its STT filled as empty', () => {
    expect(isEmptyRow(row(9, [s('8')]), header)).toBe(true);
    expect(isEmptyRow(row(9, [s('8'), s('   ')]), header)).toBe(true);
    expect(isEmptyRow(dataRow(9, {}), header)).toBe(false);
  });

  it('reports a merged range in the data once, and not its covered cells again', () => {
    const h = header;
    const genderCol = h.columns.get('gender')!;
    const merges = [
      { ref: 'A1:V1', top: 1, bottom: 1, left: 0, right: 21 }, // a title over the header: fine
      { ref: 'D5:D6', top: 5, bottom: 6, left: genderCol, right: genderCol },
      { ref: 'X5:Y9', top: 5, bottom: 9, left: 23, right: 24 }, // outside known columns: fine
    ];
    const { errors, covered } = mergedCellProblems(merges, h);
    expect(errors).toEqual([{ row: 5, column: 'Giới tính', message: expect.stringContaining('D5:D6 đang được gộp') }]);
    expect(covered.get(6)).toEqual(new Set([genderCol]));
    const { errors: rowErrors } = parseRow(dataRow(6, { gender: '' }), h, ctx, covered.get(6));
    expect(rowErrors).toEqual([]);
  });
});

describe('duplicates inside the file', () => {
  const p = (r: number, values: ParsedRow['values']): ParsedRow => ({ row: r, values, valid: true });
  it('same CCCD twice', () => {
    const e = duplicatesInFile([p(2, { cccd: '066085001234', fullName: 'A B', birthDate: '1980-01-01' }), p(5, { cccd: '066085001234', fullName: 'C D', birthDate: '1981-01-01' })]);
    expect(e).toEqual([{ row: 5, column: 'Số CCCD', message: expect.stringContaining('trùng với dòng 2') }]);
  });
  it('same name and birth date, unless two different CCCDs tell them apart', () => {
    const e = duplicatesInFile([p(2, { fullName: 'Lê Văn Tám', birthDate: '1980-01-01' }), p(3, { fullName: 'LÊ VĂN TÁM', birthDate: '1980-01-01', cccd: '066080000001' })]);
    expect(e).toEqual([{ row: 3, column: 'Họ và tên', message: expect.stringContaining('Trùng họ tên và ngày sinh với dòng 2') }]);
    expect(
      duplicatesInFile([p(2, { fullName: 'Lê Văn Tám', birthDate: '1980-01-01', cccd: '066080000001' }), p(3, { fullName: 'Lê Văn Tám', birthDate: '1980-01-01', cccd: '066080000002' })]),
    ).toEqual([]);
  });
});

describe('matching people already registered', () => {
  const p = (r: number, values: ParsedRow['values']): ParsedRow => ({ row: r, values, valid: true });
  const here: ExistingOfficial = { id: 'a', communeCode: '24133', fullName: 'Nguyễn Văn An', birthDate: '1985-03-15', cccd: '066085000001' };
  const noCccd: ExistingOfficial = { id: 'b', communeCode: '24133', fullName: 'Trần Thị Bình', birthDate: '1990-01-02', cccd: null };
  const elsewhere: ExistingOfficial = { id: 'c', communeCode: '22015', fullName: 'Lê Văn C', birthDate: '1980-05-05', cccd: '066080000009' };
  const byCccd = new Map([here, elsewhere].map((o) => [o.cccd!, o]));

  it('by CCCD, else by name and birth date; new people are created', () => {
    const { matches, errors } = matchRows(
      [p(2, { cccd: '066085000001', fullName: 'Tên Khác', birthDate: '1985-03-15' }), p(3, { fullName: 'trần thị bình', birthDate: '1990-01-02' }), p(4, { fullName: 'Người Mới', birthDate: '1990-01-02' })],
      '24133',
      byCccd,
      [here, noCccd],
    );
    expect(errors).toEqual([]);
    expect(matches).toEqual([
      { row: 2, kind: 'update', officialId: 'a' },
      { row: 3, kind: 'update', officialId: 'b' },
      { row: 4, kind: 'create' },
    ]);
  });
  it('refuses a CCCD registered in another commune without saying whose', () => {
    const { errors } = matchRows([p(2, { cccd: '066080000009', fullName: 'X Y', birthDate: '1980-05-05' })], '24133', byCccd, [here]);
    expect(errors).toEqual([{ row: 2, column: 'Số CCCD', message: CCCD_ELSEWHERE }]);
    expect(CCCD_ELSEWHERE).not.toContain('Lê Văn C');
  });
  it('a registered person with a different CCCD is somebody else', () => {
    const { matches } = matchRows([p(2, { cccd: '066085000002', fullName: 'Nguyễn Văn An', birthDate: '1985-03-15' })], '24133', byCccd, [here]);
    expect(matches).toEqual([{ row: 2, kind: 'create' }]);
  });
  it('asks for a CCCD when two registered people share name and birth date', () => {
    const twin = { ...noCccd, id: 'b2' };
    const { errors } = matchRows([p(2, { fullName: 'Trần Thị Bình', birthDate: '1990-01-02' })], '24133', byCccd, [noCccd, twin]);
    expect(errors[0]).toMatchObject({ row: 2, column: 'Họ và tên', message: expect.stringContaining('ghi số CCCD') });
  });
  it('two rows pointing at one registered person', () => {
    const { errors } = matchRows([p(2, { cccd: '066085000001', fullName: 'A B', birthDate: '1985-03-15' }), p(4, { fullName: 'Nguyễn Văn An', birthDate: '1985-03-15' })], '24133', byCccd, [here]);
    expect(errors).toEqual([{ row: 4, column: 'Họ và tên', message: expect.stringContaining('dòng 2 cùng là một người') }]);
  });
});

describe('changes of a matched person', () => {
  const current = { fullName: 'Nguyễn Văn An', email: 'a@x.vn', cccd: '066085000001', unitId: 3, isLeader: false } as Record<string, unknown> as Parameters<typeof changedFields>[0];
  it('only columns present in the file, only values that differ', () => {
    const present = new Set(['fullName', 'email', 'isLeader'] as const);
    expect(changedFields(current, { fullName: 'Nguyễn Văn An', email: 'b@x.vn', isLeader: false, unitId: 9 }, present)).toEqual({ email: 'b@x.vn' });
    expect(changedFields(current, { fullName: 'Nguyễn Văn An', email: 'a@x.vn', isLeader: false }, present)).toEqual({});
  });
  it('an empty cell clears an optional field, but never a registered CCCD', () => {
    const present = new Set(['email', 'cccd'] as const);
    expect(changedFields(current, { email: null, cccd: null }, present)).toEqual({ email: null });
  });
});

describe('usernames of officials', () => {
  it('given name + initials, no diacritics, commune suffix, numbered when taken', () => {
    expect(usernameBase('Nguyễn Văn An')).toBe('annv');
    expect(usernameBase(NFD('Đặng Thị Ánh'))).toBe('anhdt');
    expect(usernameBase('H’Linh Niê')).toBe('nieh');
    expect(usernameBase('  ')).toBe('canbo');
    const taken = new Set(['annv.24133']);
    expect(allocateUsername('annv', '24133', taken)).toBe('annv2.24133');
    expect(allocateUsername('annv', '24133', taken)).toBe('annv3.24133');
    expect(allocateUsername('annv', '22015', taken)).toBe('annv.22015');
    for (const u of taken) expect(u).toMatch(/^[a-z0-9][a-z0-9._-]{2,63}$/);
  });
});

// Type-level guard: the header match used above really has every template column.
const _full: HeaderMatch = header;
void _full;
