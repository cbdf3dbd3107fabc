/** Pure rules of who is who: duplicates inside the file, matching registered people, changed fields. */
import { describe, expect, it } from 'vitest';
import type { ParsedRow } from './roster-import.rules.ts';
import { CCCD_ELSEWHERE, changedFields, duplicatesInFile, matchRows, type ExistingOfficial } from './roster-matching.rules.ts';

describe('duplicates inside the file', () => {
  const p = (r: number, values: ParsedRow['values']): ParsedRow => ({ row: r, values, valid: true });
  it('same CCCD twice', () => {
    const e = duplicatesInFile([
      p(2, { cccd: '066085001234', fullName: 'A B', birthDate: '1980-01-01' }),
      p(5, { cccd: '066085001234', fullName: 'C D', birthDate: '1981-01-01' }),
    ]);
    expect(e).toEqual([{ row: 5, column: 'Số CCCD', message: expect.stringContaining('trùng với dòng 2') }]);
  });
  it('same name and birth date, unless two different CCCDs tell them apart', () => {
    const e = duplicatesInFile([
      p(2, { fullName: 'Lê Văn Tám', birthDate: '1980-01-01' }),
      p(3, { fullName: 'LÊ VĂN TÁM', birthDate: '1980-01-01', cccd: '066080000001' }),
    ]);
    expect(e).toEqual([{ row: 3, column: 'Họ và tên', message: expect.stringContaining('Trùng họ tên và ngày sinh với dòng 2') }]);
    expect(
      duplicatesInFile([
        p(2, { fullName: 'Lê Văn Tám', birthDate: '1980-01-01', cccd: '066080000001' }),
        p(3, { fullName: 'Lê Văn Tám', birthDate: '1980-01-01', cccd: '066080000002' }),
      ]),
    ).toEqual([]);
  });
});

describe('matching people already registered', () => {
  const p = (r: number, values: ParsedRow['values']): ParsedRow => ({ row: r, values, valid: true });
  const here: ExistingOfficial = {
    id: 'a',
    communeCode: '24133',
    fullName: 'Nguyễn Văn An',
    birthDate: '1985-03-15',
    cccd: '066085000001',
  };
  const noCccd: ExistingOfficial = { id: 'b', communeCode: '24133', fullName: 'Trần Thị Bình', birthDate: '1990-01-02', cccd: null };
  const elsewhere: ExistingOfficial = {
    id: 'c',
    communeCode: '22015',
    fullName: 'Lê Văn C',
    birthDate: '1980-05-05',
    cccd: '066080000009',
  };
  const byCccd = new Map([here, elsewhere].map((o) => [o.cccd!, o]));

  it('by CCCD, else by name and birth date; new people are created', () => {
    const { matches, errors } = matchRows(
      [
        p(2, { cccd: '066085000001', fullName: 'Tên Khác', birthDate: '1985-03-15' }),
        p(3, { fullName: 'trần thị bình', birthDate: '1990-01-02' }),
        p(4, { fullName: 'Người Mới', birthDate: '1990-01-02' }),
      ],
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
    const { matches } = matchRows([p(2, { cccd: '066085000002', fullName: 'Nguyễn Văn An', birthDate: '1985-03-15' })], '24133', byCccd, [
      here,
    ]);
    expect(matches).toEqual([{ row: 2, kind: 'create' }]);
  });
  it('asks for a CCCD when two registered people share name and birth date', () => {
    const twin = { ...noCccd, id: 'b2' };
    const { errors } = matchRows([p(2, { fullName: 'Trần Thị Bình', birthDate: '1990-01-02' })], '24133', byCccd, [noCccd, twin]);
    expect(errors[0]).toMatchObject({ row: 2, column: 'Họ và tên', message: expect.stringContaining('ghi số CCCD') });
  });
  it('two rows pointing at one registered person', () => {
    const { errors } = matchRows(
      [
        p(2, { cccd: '066085000001', fullName: 'A B', birthDate: '1985-03-15' }),
        p(4, { fullName: 'Nguyễn Văn An', birthDate: '1985-03-15' }),
      ],
      '24133',
      byCccd,
      [here],
    );
    expect(errors).toEqual([{ row: 4, column: 'Họ và tên', message: expect.stringContaining('dòng 2 cùng là một người') }]);
  });
});

describe('changes of a matched person', () => {
  const current = { fullName: 'Nguyễn Văn An', email: 'a@x.vn', cccd: '066085000001', unitId: 3, isLeader: false } as Record<
    string,
    unknown
  > as Parameters<typeof changedFields>[0];
  it('only columns present in the file, only values that differ', () => {
    const present = new Set(['fullName', 'email', 'isLeader'] as const);
    expect(changedFields(current, { fullName: 'Nguyễn Văn An', email: 'b@x.vn', isLeader: false, unitId: 9 }, present)).toEqual({
      email: 'b@x.vn',
    });
    expect(changedFields(current, { fullName: 'Nguyễn Văn An', email: 'a@x.vn', isLeader: false }, present)).toEqual({});
  });
  it('an empty cell clears an optional field, but never a registered CCCD', () => {
    const present = new Set(['email', 'cccd'] as const);
    expect(changedFields(current, { email: null, cccd: null }, present)).toEqual({ email: null });
  });
});
