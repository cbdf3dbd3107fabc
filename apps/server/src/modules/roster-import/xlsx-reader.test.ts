/** The defensive .xlsx reader: zip checks, parts of the workbook, cell kinds, merges, limits. */
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { makeXlsx } from './test-support.ts';
import { columnLetter, decodeRef, isDateFormat, readXlsxSheet, xlsxSignatureProblem, XlsxReadError } from './xlsx-reader.ts';

/** A zip built by hand (deflated entries) so tests can craft any workbook XML. */
function zip(entries: Record<string, string | Buffer>, opts: { store?: boolean } = {}): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(entries)) {
    const raw = Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8');
    const data = opts.store ? raw : zlib.deflateRawSync(raw);
    const nameBuf = Buffer.from(name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(opts.store ? 0 : 8, 8);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(raw.length, 22);
    local.writeUInt16LE(nameBuf.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(opts.store ? 0 : 8, 10);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(raw.length, 24);
    central.writeUInt16LE(nameBuf.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBuf, data);
    centrals.push(central, nameBuf);
    offset += 30 + nameBuf.length + data.length;
  }
  const cd = Buffer.concat(centrals);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(Object.keys(entries).length, 8);
  eocd.writeUInt16LE(Object.keys(entries).length, 10);
  eocd.writeUInt32LE(cd.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, eocd]);
}

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

function workbook(sheets: { name: string; xml: string; hidden?: boolean }[], extra: Record<string, string> = {}, date1904 = false): Buffer {
  const entries: Record<string, string> = {
    '[Content_Types].xml': '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    'xl/workbook.xml': `<?xml version="1.0" encoding="UTF-8"?><x:workbook xmlns:x="${NS}" xmlns:r="${R}">${date1904 ? '<x:workbookPr date1904="1"/>' : ''}<x:sheets>${sheets
      .map((s, i) => `<x:sheet name="${s.name}" sheetId="${i + 1}" r:id="rId${i + 1}"${s.hidden ? ' state="hidden"' : ''}/>`)
      .join('')}</x:sheets></x:workbook>`,
    'xl/_rels/workbook.xml.rels': `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets
      .map((_, i) => `<Relationship Id="rId${i + 1}" Type="${R}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`)
      .join(
        '',
      )}<Relationship Id="rS" Type="${R}/sharedStrings" Target="/xl/sharedStrings.xml"/><Relationship Id="rT" Type="${R}/styles" Target="styles.xml"/></Relationships>`,
    ...extra,
  };
  sheets.forEach(
    (s, i) =>
      (entries[`xl/worksheets/sheet${i + 1}.xml`] = `<x:worksheet xmlns:x="${NS}"><x:sheetData>${s.xml}</x:sheetData></x:worksheet>`),
  );
  return zip(entries);
}

const read = (buf: Buffer, maxRows = 100) => readXlsxSheet(buf, { maxRows, preferSheet: 'Danh sách' });

function problemOf(fn: () => unknown): { problem: string; message: string } {
  try {
    fn();
  } catch (err) {
    if (err instanceof XlsxReadError) return { problem: err.problem, message: err.message };
    throw err;
  }
  throw new Error('no error');
}

describe('is it an .xlsx at all?', () => {
  it('refuses random bytes, text, an empty file', () => {
    for (const b of [Buffer.from('xin chào'), Buffer.alloc(0), Buffer.from([1, 2, 3, 4, 5, 6, 7, 8])]) {
      expect(xlsxSignatureProblem(b)?.message).toMatch(/^Tệp không phải định dạng Excel \.xlsx/);
    }
  });
  it('explains an old .xls (or a password-protected file)', () => {
    const ole = Buffer.from('d0cf11e0a1b11ae1' + '00'.repeat(504), 'hex');
    const p = problemOf(() => read(ole));
    expect(p.problem).toBe('old_xls');
    expect(p.message).toContain('tệp Excel cũ (.xls)');
  });
  it('refuses a zip that is not a workbook (e.g. a .docx)', () => {
    expect(problemOf(() => read(zip({ 'word/document.xml': '<w/>' }))).problem).toBe('not_xlsx');
  });
  it('calls a truncated file corrupt, never crashes', async () => {
    const good = await makeXlsx([{ rows: [['Họ và tên', 'Ngày sinh']] }]);
    for (const cut of [10, 100, good.length / 2, good.length - 30]) {
      const p = problemOf(() => read(good.subarray(0, Math.floor(cut))));
      expect(['corrupt', 'not_xlsx']).toContain(p.problem);
      expect(p.message).toMatch(/Tệp/);
    }
  });
  it('calls malformed XML corrupt', () => {
    expect(problemOf(() => read(workbook([{ name: 'Danh sách', xml: '<x:row><x:c>' }]))).problem).toBe('corrupt');
  });
  it('refuses a part that inflates beyond the limit (zip bomb)', () => {
    const bomb = workbook([
      { name: 'Danh sách', xml: `<x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>${'a'.repeat(2_000_000)}</x:t></x:is></x:c></x:row>` },
    ]);
    const p = problemOf(() => readXlsxSheet(bomb, { maxRows: 10, maxPartBytes: 1_000_000 }));
    expect(p.problem).toBe('too_large');
  });
});

describe('cells', () => {
  const styles = `<styleSheet xmlns="${NS}"><numFmts count="2"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/><numFmt numFmtId="165" formatCode="#,##0"/></numFmts>
    <cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>
    <cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="14"/></cellXfs></styleSheet>`;
  const strings = `<sst xmlns="${NS}"><si><t>Họ và tên</t></si><si><r><t>Nguyễn </t></r><r><rPr><b/></rPr><t>Văn An</t></r><rPh><t>PHONETIC</t></rPh></si><si><t xml:space="preserve"> </t></si></sst>`;
  const sheet = `
    <x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="C1" t="s"><x:v>1</x:v></x:c></x:row>
    <x:row r="2" spans="1:9" s="1" customFormat="1"/>
    <x:row r="3"><x:c r="A3" t="inlineStr"><x:is><x:t>inline &amp; rõ</x:t></x:is></x:c><x:c r="B3" s="1"><x:v>31121</x:v></x:c><x:c r="C3" s="2"><x:v>31121</x:v></x:c>
      <x:c r="D3" s="3"><x:v>31121.5</x:v></x:c><x:c r="E3" t="b"><x:v>1</x:v></x:c><x:c r="F3" t="e"><x:v>#N/A</x:v></x:c>
      <x:c r="G3" t="str"><x:f>CONCAT(A3,"x")</x:f><x:v>inline &amp; rõx</x:v></x:c><x:c r="H3"><x:f t="shared" si="0"/><x:v>7</x:v></x:c><x:c r="I3" t="d"><x:v>1985-03-15T00:00:00Z</x:v></x:c>
      <x:c r="J3" t="s"><x:v>2</x:v></x:c><x:c r="K3" s="2"/></x:row>
    <x:row><x:c><x:v>1</x:v></x:c><x:c><x:v>2</x:v></x:c></x:row>
  </x:sheetData><x:mergeCells count="1"><x:mergeCell ref="B5:C7"/></x:mergeCells><x:sheetData>`;
  const sheetData = read(workbook([{ name: 'Danh sách', xml: sheet }], { 'xl/sharedStrings.xml': strings, 'xl/styles.xml': styles }));

  it('reads shared, rich and inline strings (not phonetic runs), numbers, dates, booleans, errors, formulas', () => {
    const [r1, r3, r4] = sheetData.rows;
    expect(r1!.cells[0]).toEqual({ t: 's', v: 'Họ và tên' });
    expect(r1!.cells[2]).toEqual({ t: 's', v: 'Nguyễn Văn An' });
    expect(r3!.r).toBe(3);
    expect(r3!.cells.slice(0, 10)).toEqual([
      { t: 's', v: 'inline & rõ' },
      { t: 'n', v: 31121, date: true },
      { t: 'n', v: 31121, date: false },
      { t: 'n', v: 31121.5, date: true },
      { t: 'b', v: true },
      { t: 'e', v: '#N/A' },
      { t: 'f', formula: 'CONCAT(A3,"x")', cached: 'inline & rõx' },
      { t: 'f', formula: '', cached: '7' },
      { t: 'd', v: '1985-03-15T00:00:00Z' },
      { t: 's', v: ' ' },
    ]);
    expect(r3!.cells[10]).toBeUndefined();
    expect(r4).toEqual({
      r: 4,
      cells: [
        { t: 'n', v: 1, date: false },
        { t: 'n', v: 2, date: false },
      ],
    });
  });
  it('skips empty formatted rows and reads merged ranges', () => {
    expect(sheetData.rows.map((r) => r.r)).toEqual([1, 3, 4]);
    expect(sheetData.merges).toEqual([{ ref: 'B5:C7', top: 5, bottom: 7, left: 1, right: 2 }]);
  });
  it('knows the 1904 date system', () => {
    expect(read(workbook([{ name: 'Danh sách', xml: '' }], {}, true)).date1904).toBe(true);
    expect(sheetData.date1904).toBe(false);
  });
});

describe('which sheet', () => {
  const one = (text: string) => `<x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>${text}</x:t></x:is></x:c></x:row>`;
  it('prefers "Danh sách" whatever its case or accents, else the first visible sheet', () => {
    const a = read(
      workbook([
        { name: 'Hướng dẫn', xml: one('h') },
        { name: 'DANH SACH', xml: one('d') },
      ]),
    );
    expect(a.name).toBe('DANH SACH');
    expect(a.sheetNames).toEqual(['Hướng dẫn', 'DANH SACH']);
    const b = read(
      workbook([
        { name: 'Ẩn', xml: one('x'), hidden: true },
        { name: 'Sheet1', xml: one('s') },
      ]),
    );
    expect(b.name).toBe('Sheet1');
  });
  it('stops early when a sheet has too many rows', () => {
    const rows = Array.from({ length: 200 }, (_, i) => `<x:row r="${i + 1}"><x:c r="A${i + 1}"><x:v>${i}</x:v></x:c></x:row>`).join('');
    const p = problemOf(() => read(workbook([{ name: 'Danh sách', xml: rows }]), 50));
    expect(p.problem).toBe('too_many_rows');
    expect(p.message).toContain('hơn 50 dòng dữ liệu');
    expect(read(workbook([{ name: 'Danh sách', xml: rows }]), 190).rows).toHaveLength(200); // a few rows of slack for titles
  });
  it('a workbook without sheets', () => {
    expect(problemOf(() => read(workbook([]))).problem).toBe('no_sheet');
  });
});

describe('small helpers', () => {
  it('date formats', () => {
    for (const f of ['dd/mm/yyyy', 'd-mmm-yy', 'yyyy-mm-dd', '[$-42A]dd/mm/yyyy', 'm/d/yy h:mm']) expect(isDateFormat(f)).toBe(true);
    for (const f of ['General', '0.00', '#,##0', '@', '"ngày"0', '[Red]0.00', 'mm:ss']) expect(isDateFormat(f)).toBe(false);
  });
  it('cell references', () => {
    expect(decodeRef('A1')).toEqual({ col: 0, row: 1 });
    expect(decodeRef('$AB$12')).toEqual({ col: 27, row: 12 });
    expect(decodeRef('1A')).toBeNull();
    expect([0, 25, 26, 701, 702].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'ZZ', 'AAA']);
  });
});
