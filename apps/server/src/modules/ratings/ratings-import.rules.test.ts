/** Unit tests of reading one row of the annual ratings workbook. */
import { describe, expect, it } from 'vitest';
import type { CellValue } from '../roster-import/xlsx-reader.ts';
import {
  changeKind,
  columnOfHeader,
  isUnfilled,
  mapHeader,
  parseRatingRow,
  parseScore,
  RATING_COLUMNS,
  sameName,
} from './ratings-import.rules.ts';

const s = (v: string): CellValue => ({ t: 's', v });
const n = (v: number): CellValue => ({ t: 'n', v, date: false });
const header = mapHeader(RATING_COLUMNS.map((c) => s(c.header))).columns;
const ID = '3f1c2a9e-6b1d-4c1e-9a55-0d1f2e3a4b5c';

describe('tiêu đề', () => {
  it('nhận tiêu đề của tệp mẫu và cách viết ngắn, không phân biệt dấu, hoa thường', () => {
    expect(columnOfHeader('SỐ CCCD hoặc mã hồ sơ')).toBe('key');
    expect(columnOfHeader('ho ten')).toBe('fullName');
    expect(columnOfHeader('Kỷ luật')).toBe('disciplined');
    expect(columnOfHeader('Cột lạ')).toBeNull();
    expect(mapHeader([s('CCCD'), s('Họ tên'), s('Năm')]).missing).toEqual(['generalScore', 'taskScore']);
  });
});

describe('một dòng', () => {
  it('dòng hợp lệ: điểm có dấu phẩy, CCCD mất số 0 đầu, mức do hệ thống tính', () => {
    const r = parseRatingRow(5, [n(66123456789), s('Nguyễn Văn A'), n(2025), s('27,5'), n(63), s('Không'), s(' ')], header, 2026);
    expect(r).toMatchObject({
      ok: true,
      value: {
        row: 5,
        key: { kind: 'cccd', value: '066123456789' },
        generalScore: 27.5,
        taskScore: 63,
        score: 90.5,
        level: 'HTXSNV',
        note: null,
      },
    });
    const d = parseRatingRow(6, [s(ID.toUpperCase()), s('B'), n(2025), n(30), n(70), s('Có')], header, 2026);
    expect(d).toMatchObject({ ok: true, value: { key: { kind: 'id', value: ID }, level: 'KHTNV', disciplined: true } });
  });
  it('mỗi lỗi nêu cột; năm chưa đến; điểm ngoài khoảng', () => {
    const r = parseRatingRow(7, [s('abc'), undefined, n(2027), n(31), s('x'), s('hmm')], header, 2026);
    expect(r.ok).toBe(false);
    const cols = !r.ok ? r.problems.map((p) => p.column) : [];
    expect(cols).toEqual(RATING_COLUMNS.slice(0, 6).map((c) => c.header));
    expect(!r.ok && r.problems.find((p) => p.column === 'Năm')!.message).toBe('Chưa đến năm 2027 nên chưa thể xếp loại.');
  });
  it('dòng của tệp mẫu chưa điền điểm thì bỏ qua; có kỷ luật hay ghi chú là đã điền', () => {
    expect(isUnfilled([s(ID), s('A'), n(2026)], header)).toBe(true);
    expect(isUnfilled([s(ID), s('A'), n(2026), undefined, undefined, s('Có')], header)).toBe(false);
    expect(isUnfilled([s(ID), s('A'), n(2026), n(20)], header)).toBe(false);
  });
  it('điểm: 0..tối đa, một chữ số thập phân', () => {
    expect(parseScore(n(30), 30)).toEqual({ ok: true, value: 30 });
    expect(parseScore(n(-1), 30).ok).toBe(false);
    expect(parseScore(n(12.25), 30).ok).toBe(false);
    expect(parseScore(s('12.5'), 30)).toEqual({ ok: true, value: 12.5 });
    expect(parseScore(s('mười'), 30).ok).toBe(false);
  });
  it('họ tên đối chiếu không phân biệt dấu, hoa thường, khoảng trắng', () => {
    expect(sameName('NGUYEN  VAN AN', 'Nguyễn Văn An')).toBe(true);
    expect(sameName('Nguyễn Văn Bình', 'Nguyễn Văn An')).toBe(false);
  });
  it('tạo / sửa / giữ nguyên', () => {
    const v = { generalScore: 20, taskScore: 50, disciplined: false, note: null };
    expect(changeKind(undefined, v)).toBe('created');
    expect(changeKind(v, { ...v })).toBe('unchanged');
    expect(changeKind(v, { ...v, note: 'x' })).toBe('updated');
  });
});
