/** Pure rules of reading a sheet: header matching, row parsing with every kind of problem, merged cells. */
import { describe, expect, it } from 'vitest';
import { COLUMNS, headerText } from './roster-columns.ts';
import { buildNameIndex, looseKey } from './roster-cells.rules.ts';
import {
  fieldOfHeader,
  isEmptyRow,
  matchHeaders,
  mergedCellProblems,
  missingColumnsMessage,
  parseRow,
  type RowContext,
} from './roster-import.rules.ts';
import type { CellValue, RawRow } from './xlsx-reader.ts';

const s = (v: string): CellValue => ({ t: 's', v });
const n = (v: number, date = false): CellValue => ({ t: 'n', v, date });
const row = (r: number, values: (CellValue | string | undefined)[]): RawRow => ({
  r,
  cells: values.map((v) => (typeof v === 'string' ? s(v) : v)),
});
const NFD = (x: string) => x.normalize('NFD');

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
    const rows = [
      row(1, ['DANH SÁCH CÁN BỘ, CÔNG CHỨC']),
      row(3, ['STT', 'HỌ VÀ TÊN', 'Ghi chú', 'ngay sinh', 'Giới tính *', 'Khối', 'Loại', 'Họ tên']),
    ];
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
  const base: Record<string, CellValue | string> = {
    fullName: 'Nguyễn Văn An',
    birthDate: '15/03/1985',
    gender: 'Nam',
    officialType: 'Công chức',
    bloc: 'Khối UBND',
  };
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
    expect(errorsOf(dataRow(3, { fullName: '', gender: 'x', birthDate: 'hôm qua' })).map((e) => e.column)).toEqual([
      'Họ và tên',
      'Ngày sinh',
      'Giới tính',
    ]);
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
