/** Pure parsing of single cells: text keys, dates, CCCD, yes/no, coded values, unit and position names. */
import { describe, expect, it } from 'vitest';
import { COLUMNS } from './roster-columns.ts';
import {
  buildNameIndex,
  cleanCellText,
  excelSerialToIso,
  looseKey,
  makeCodeLookup,
  parseBoolCell,
  parseCccdCell,
  parseDateCell,
  parseDateText,
} from './roster-cells.rules.ts';
import type { CellValue } from './xlsx-reader.ts';

const s = (v: string): CellValue => ({ t: 's', v });
const n = (v: number, date = false): CellValue => ({ t: 'n', v, date });
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
    expect(parseCccdCell(s(' 066 085 001 234'))).toEqual({ ok: true, value: '066085001234' });
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
    for (const v of ['Có', 'có', 'CÓ', NFD('Có'), 'co', 'x', 'X', '1', 'TRUE', '✓'])
      expect(parseBoolCell(s(v))).toEqual({ ok: true, value: true });
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
