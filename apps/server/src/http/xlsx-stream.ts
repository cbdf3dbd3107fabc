/**
 * A large .xlsx written row by row with exceljs' streaming writer and collected as bytes for a download
 * (~100 bytes a row). `write` adds and commits its worksheets and returns the number of data rows.
 */
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';

export async function streamedWorkbook(
  write: (wb: ExcelJS.stream.xlsx.WorkbookWriter) => Promise<number>,
): Promise<{ buffer: Buffer; rows: number }> {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    stream.on('end', resolve);
    stream.on('error', reject);
  });
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  const rows = await write(wb);
  await wb.commit();
  await done;
  return { buffer: Buffer.concat(chunks), rows };
}
