/** Helpers of the roster-import tests and benchmarks: real .xlsx files made with exceljs, multipart uploads. */
import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import type { TestClient, TestContext } from '../../../test/harness.ts';
import { COLUMNS, headerText } from './roster-columns.ts';

export type CellInput = string | number | boolean | Date | null | undefined | { formula: string; result?: string | number };

export interface SheetSpec {
  name?: string;
  rows: CellInput[][];
  merges?: string[];
  /** number formats by 1-based column */
  numFmt?: Record<number, string>;
}

/** A real .xlsx with the given sheets (first one active). */
export async function makeXlsx(sheets: SheetSpec[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name ?? 'Danh sách');
    s.rows.forEach((row, i) => {
      row.forEach((v, j) => {
        if (v === undefined || v === null) return;
        const cell = ws.getCell(i + 1, j + 1);
        cell.value = v as ExcelJS.CellValue;
        if (v instanceof Date) cell.numFmt = 'dd/mm/yyyy';
        const fmt = s.numFmt?.[j + 1];
        if (fmt) cell.numFmt = fmt;
      });
    });
    for (const m of s.merges ?? []) ws.mergeCells(m);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Template headers (with "*"), as the first row of a sheet. */
export const TEMPLATE_HEADERS = COLUMNS.map(headerText);

export interface Person {
  fullName: string;
  birthDate: string | Date | number;
  gender?: string;
  cccd?: string | number | null;
  officialType?: string;
  isLeader?: string;
  leaderTitle?: string;
  bloc?: string;
  unitId?: string;
  positionId?: string;
  eduLevel?: string;
  studyField?: string;
  studyFieldName?: string;
  politicalTheory?: string;
  stateMgmtLevel?: string;
  itLevel?: string;
  foreignLanguage?: string;
  joinedAt?: string | Date;
  affectedByReorg?: string;
  email?: string;
  phone?: string | number;
}

const DEFAULTS: Partial<Person> = { gender: 'Nam', officialType: 'Công chức', bloc: 'Khối UBND' };

/** Rows in template column order for these people (defaults fill the other required columns). */
export function personRows(people: Person[], headers: string[] = TEMPLATE_HEADERS): CellInput[][] {
  return [
    headers,
    ...people.map((p) => {
      const full = { ...DEFAULTS, ...p } as Record<string, CellInput>;
      return COLUMNS.map((c) => full[c.key] ?? null);
    }),
  ];
}

export async function rosterXlsx(people: Person[], extra: Partial<SheetSpec> = {}): Promise<Buffer> {
  return makeXlsx([{ rows: personRows(people), ...extra }]);
}

/** POST a file as multipart/form-data field "file" with the client's cookies and CSRF header. */
export async function upload(
  t: TestContext,
  client: TestClient,
  url: string,
  file: Buffer,
  fileName = 'danh-sach.xlsx',
  field = 'file',
): Promise<LightMyRequestResponse> {
  const boundary = `----vitest${Math.random().toString(16).slice(2)}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${fileName}"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const headers: Record<string, string> = { 'content-type': `multipart/form-data; boundary=${boundary}` };
  if (client.cookies.size) headers.cookie = [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  if (client.cookies.has('csrf')) headers['x-csrf-token'] = client.cookies.get('csrf')!;
  return t.app.inject({ method: 'POST', url, headers, payload: Buffer.concat([head, file, tail]) });
}

/** A downloaded .xlsx read back with exceljs. */
export async function readWorkbook(body: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as unknown as ArrayBuffer);
  return wb;
}

/** Values of a sheet as plain rows (1-based rows and columns kept as 0-based arrays). */
export function sheetRows(ws: ExcelJS.Worksheet): unknown[][] {
  const out: unknown[][] = [];
  ws.eachRow({ includeEmpty: true }, (row, n) => {
    const values = row.values as unknown[];
    out[n - 1] = values.slice(1);
  });
  return out;
}

/** A large roster written with exceljs' streaming writer (fast enough for 50,000 rows in a test). */
export async function bigRosterXlsx(count: number, person: (i: number) => Person): Promise<Buffer> {
  const { PassThrough } = await import('node:stream');
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise<void>((resolve) => stream.on('end', resolve));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: false, useSharedStrings: false });
  const ws = wb.addWorksheet('Danh sách');
  const [header, ...rows] = personRows(Array.from({ length: count }, (_, i) => person(i)));
  ws.addRow(header!).commit();
  for (const r of rows) ws.addRow(r as ExcelJS.CellValue[]).commit();
  ws.commit();
  await wb.commit();
  await ended;
  return Buffer.concat(chunks);
}
