/**
 * Annual ratings from Excel end to end: a commune admin downloads the template from the ratings
 * screen, fills three officials' scores (exceljs, as a person would in Excel), uploads it, checks,
 * imports and sees the summary; a wrong score shows the row-error table and saves nothing.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { expect, test } from '@playwright/test';
import { login, screenshot } from './helpers.ts';

async function fillTemplate(src: string, dest: string, scores: [number | string, number][]): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(src);
  const ws = wb.getWorksheet('Xếp loại')!;
  const names: string[] = [];
  scores.forEach(([general, task], i) => {
    const row = ws.getRow(i + 2);
    row.getCell(4).value = general;
    row.getCell(5).value = task;
    row.getCell(6).value = 'Không';
    names.push(String(row.getCell(2).value));
    row.commit();
  });
  await wb.xlsx.writeFile(dest);
  return names;
}

test('xã tải tệp mẫu xếp loại, điền 3 người, kiểm tra rồi nhập; thấy kết quả và bảng lỗi khi điểm sai', async ({ page }) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ratings-import-'));
  await login(page, 'xa.24133');
  await page.goto('/xep-loai');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Xếp loại chất lượng hằng năm');
  await expect(page.getByText('Nhập xếp loại từ Excel')).toBeVisible();
  // 2024: a year the demo has no ratings for, so the template is the commune's list with no scores.
  await page.getByLabel('Năm xếp loại').click();
  await page.getByTitle('Năm 2024').click();

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /Tải tệp mẫu năm 2024/ }).click()]);
  expect(download.suggestedFilename()).toBe('xep-loai-2024-24133.xlsx');
  const template = path.join(dir, 'mau.xlsx');
  await download.saveAs(template);

  // A wrong score first: the error table names the row and the column, nothing is saved.
  const bad = path.join(dir, 'xep-loai-sai.xlsx');
  await fillTemplate(template, bad, [
    [28, 64],
    [35, 50],
    [20, 40],
  ]);
  const status = page.locator('.ant-card').getByRole('status');
  await page.locator('input[type=file]').setInputFiles(bad);
  await page.getByRole('button', { name: 'Kiểm tra tệp' }).click();
  await expect(status).toContainText('Tệp có 1 lỗi; chưa lưu dòng nào');
  const errors = page.locator('.ant-card .ant-table-tbody tr.ant-table-row');
  await expect(errors).toHaveCount(1);
  await expect(errors.first()).toContainText('3');
  await expect(errors.first()).toContainText('Điểm tiêu chí chung (tối đa 30)');
  await expect(errors.first()).toContainText('Điểm 35 nằm ngoài khoảng 0 đến 30.');
  await screenshot(page, 'ratings-import-1-errors');

  // Fixed: three rows filled, the rest of the template left empty (skipped).
  const good = path.join(dir, 'xep-loai.xlsx');
  const names = await fillTemplate(template, good, [
    [28, 64],
    ['25,5', 50],
    [20, 40],
  ]);
  await page.locator('input[type=file]').setInputFiles(good);
  await page.getByRole('button', { name: 'Kiểm tra tệp' }).click();
  await expect(status).toContainText('Kiểm tra xong, không có lỗi (chưa lưu)');
  await expect(status).toContainText('3 xếp loại mới');
  await page.getByRole('button', { name: 'Nhập xếp loại' }).click();
  await expect(status).toContainText('Đã nhập');
  await expect(status).toContainText('3 xếp loại mới, 0 sửa, 0 giữ nguyên');
  await expect(status).toContainText('dòng chưa điền điểm (bỏ qua)');

  // The table of the year now lists the three, with the level the server computed.
  const table = page.locator('.ant-table-tbody').last();
  const first = table.locator('tr.ant-table-row', { hasText: names[0]! });
  await expect(first).toContainText('HTXSNV');
  await expect(table.locator('tr.ant-table-row', { hasText: names[1]! })).toContainText('HTTNV');
  await expect(table.locator('tr.ant-table-row', { hasText: names[2]! })).toContainText('HTNV');
  await screenshot(page, 'ratings-import-2-summary');
  fs.rmSync(dir, { recursive: true, force: true });
});
