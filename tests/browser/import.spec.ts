/**
 * "Nhập từ Excel" end to end (SPEC §3): a commune admin downloads the template, fills it with
 * exceljs, the dry run reports the bad rows in Vietnamese, the fixed file imports, and the list
 * finds the new people by a search without diacritics.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { expect, test, type Page } from '@playwright/test';
import { EA_KAR, login, screenshot } from './helpers.ts';

/** Screenshots from the top of the page (the sticky header would otherwise cover a scrolled page). */
async function shot(page: Page, name: string): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, name);
}

/** Fresh 12-digit CCCDs and birth days, so a re-run (a retry) on the same database creates new people again. */
const seed = String(Date.now()).slice(-7);
const cccd = (n: number) => `0661${seed}${n}`;
const day = String(1 + (Number(seed) % 27)).padStart(2, '0');
const year = 1975 + (Math.floor(Number(seed) / 27) % 20);
const BIRTH = { xuan: `${day}/03/${year}`, khoi: `${day}/02/${year + 1}`, yen: `${day}/11/${year + 2}` };

const PEOPLE = [
  {
    name: 'Nguyễn Thị Thanh Xuân',
    birth: new Date(Date.UTC(year, 2, Number(day))), // an Excel date cell
    gender: 'Nữ',
    type: 'Công chức',
    bloc: 'Khối UBND',
    cccd: cccd(1),
  },
  { name: 'Trần Văn Khởi', birth: `31/02/${year + 1}`, gender: 'Nam', type: 'Công chức', bloc: 'Khối UBND', cccd: cccd(2) },
  {
    name: 'H’Yên Byă',
    birth: BIRTH.yen,
    gender: 'Nữ',
    type: 'Cán bộ',
    bloc: 'Khối MTTQ và đoàn thể',
    cccd: `0661${seed}3`.slice(0, 11),
  },
];

/** Column number of a header in the "Danh sách" sheet ("Họ và tên *" matches "Họ và tên"). */
function columnOf(ws: ExcelJS.Worksheet, header: string): number {
  let found = 0;
  ws.getRow(1).eachCell((cell, col) => {
    if (
      String(cell.value ?? '')
        .replace(/\s*\*$/, '')
        .trim() === header
    )
      found = col;
  });
  expect(found, `cột "${header}" trong tệp mẫu`).toBeGreaterThan(0);
  return found;
}

async function fillRoster(template: string, out: string, people: typeof PEOPLE): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(template);
  const ws = wb.getWorksheet('Danh sách');
  if (!ws) throw new Error('Tệp mẫu không có trang "Danh sách"');
  // A real unit of the commune, from the template's own drop-down list.
  const lists = wb.getWorksheet('Danh mục');
  let unit = '';
  lists?.getRow(1).eachCell((cell, col) => {
    if (cell.value === 'Cơ quan, đơn vị') unit = String(lists.getCell(2, col).value ?? '');
  });
  const c = {
    name: columnOf(ws, 'Họ và tên'),
    birth: columnOf(ws, 'Ngày sinh'),
    gender: columnOf(ws, 'Giới tính'),
    cccd: columnOf(ws, 'Số CCCD'),
    type: columnOf(ws, 'Loại cán bộ, công chức'),
    bloc: columnOf(ws, 'Khối'),
    unit: columnOf(ws, 'Cơ quan, đơn vị'),
  };
  people.forEach((p, i) => {
    const row = ws.getRow(i + 2);
    row.getCell(1).value = i + 1;
    row.getCell(c.name).value = p.name;
    row.getCell(c.birth).value = p.birth;
    row.getCell(c.gender).value = p.gender;
    row.getCell(c.cccd).value = p.cccd;
    row.getCell(c.type).value = p.type;
    row.getCell(c.bloc).value = p.bloc;
    if (unit) row.getCell(c.unit).value = unit;
    row.commit();
  });
  await wb.xlsx.writeFile(out);
}

test('quản trị cấp xã nhập danh sách từ Excel: tải mẫu, kiểm tra thử báo lỗi, sửa, nhập, tìm không dấu', async ({ page }) => {
  test.setTimeout(120_000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'boiduong-import-'));
  await login(page, `xa.${EA_KAR}`);
  await page.getByRole('menuitem', { name: 'Nhập từ Excel' }).click();
  await expect(page).toHaveURL(/\/can-bo\/nhap-excel$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Nhập danh sách cán bộ, công chức từ Excel');
  await expect(page.getByText('Bước 1 — Tải tệp mẫu')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Nhập chính thức' })).toBeDisabled();
  await shot(page, 'import-1-start');

  // Step 1: the template is a real .xlsx with the "Danh sách" sheet and Vietnamese headers.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Tải tệp mẫu (.xlsx)' }).click()]);
  expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
  const template = path.join(dir, 'mau.xlsx');
  await download.saveAs(template);
  const check = new ExcelJS.Workbook();
  await check.xlsx.readFile(template);
  const sheet = check.getWorksheet('Danh sách');
  expect(sheet, 'trang "Danh sách"').toBeTruthy();
  expect(String(sheet?.getCell('B1').value)).toContain('Họ và tên');

  // Step 2: a file with an impossible date (row 3) and an 11-digit CCCD (row 4).
  const bad = path.join(dir, 'danh-sach-loi.xlsx');
  await fillRoster(template, bad, PEOPLE);
  const upload = page.waitForRequest((r) => r.url().includes('/api/officials/import') && r.method() === 'POST');
  await page.locator('input[type=file]').setInputFiles(bad);
  const req = await upload;
  expect(new URL(req.url()).searchParams.get('dryRun')).toBe('true');
  expect(req.headers()['x-csrf-token'], 'tiêu đề CSRF khi tải tệp lên').toBeTruthy();

  await expect(page.getByText('Tệp có 2 lỗi ở 2 dòng — chưa có gì được lưu.')).toBeVisible();
  const errors = page.locator('.import-errors .ant-table-tbody tr.ant-table-row');
  await expect(errors).toHaveCount(2);
  const dateRow = errors.filter({ hasText: 'Ngày sinh' });
  await expect(dateRow.locator('td').first()).toHaveText('3');
  await expect(dateRow).toContainText(`"31/02/${year + 1}" không phải ngày có thật`);
  const cccdRow = errors.filter({ hasText: 'Số CCCD' });
  await expect(cccdRow.locator('td').first()).toHaveText('4');
  await expect(cccdRow).toContainText('phải gồm đúng 12 chữ số (đang có 11)');
  await expect(page.getByRole('button', { name: 'Nhập chính thức' })).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Tải danh sách lỗi' })).toBeVisible();
  await shot(page, 'import-2-dry-run-errors');

  // The problems can be saved as a file Excel opens (tab-separated UTF-16 with a byte-order mark).
  const [errFile] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Tải danh sách lỗi' }).click()]);
  const errText = fs.readFileSync(await errFile.path()).toString('utf16le');
  expect(errText).toContain('Dòng\tCột\tLỗi');
  expect(errText).toContain(`31/02/${year + 1}`);

  // Fix both rows: the dry run is clean and says what will happen.
  const fixed = path.join(dir, 'danh-sach-da-sua.xlsx');
  await fillRoster(template, fixed, [PEOPLE[0]!, { ...PEOPLE[1]!, birth: BIRTH.khoi }, { ...PEOPLE[2]!, cccd: cccd(3) }]);
  await page.locator('input[type=file]').setInputFiles(fixed);
  await expect(page.getByText('Tệp hợp lệ (3 dòng): sẽ thêm 3 người, cập nhật 0 người.')).toBeVisible();
  await expect(page.locator('.import-errors')).toHaveCount(0);
  await expect(page.getByText('danh-sach-da-sua.xlsx')).toBeVisible();
  const importButton = page.getByRole('button', { name: 'Nhập chính thức' });
  await expect(importButton).toBeEnabled();
  await shot(page, 'import-3-dry-run-clean');

  // Step 3: the real import, then the list.
  await importButton.click();
  await expect(page.getByText('Đã nhập danh sách')).toBeVisible();
  await expect(page.getByText('Đã nhập xong 3 dòng: thêm 3 người, cập nhật 0 người.')).toBeVisible();
  await shot(page, 'import-4-done');
  await page.getByRole('button', { name: 'Xem danh sách cán bộ, công chức' }).click();
  await expect(page).toHaveURL(/\/can-bo$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Danh sách cán bộ, công chức');

  const search = page.getByPlaceholder('Tìm theo họ tên (không cần dấu) hoặc số CCCD');
  await search.fill('nguyen thi thanh xuan');
  await expect(page).toHaveURL(/q=nguyen\+thi\+thanh\+xuan/);
  const rows = page.locator('.ant-table-tbody tr.ant-table-row');
  await expect(rows.filter({ hasText: 'Nguyễn Thị Thanh Xuân' }).filter({ hasText: BIRTH.xuan })).toHaveCount(1);
  await shot(page, 'import-5-list-search');

  await search.fill('tran van khoi');
  await expect(rows.filter({ hasText: 'Trần Văn Khởi' }).filter({ hasText: BIRTH.khoi })).toHaveCount(1);
  await search.fill('yen bya');
  await expect(rows.filter({ hasText: 'H’Yên Byă' }).filter({ hasText: BIRTH.yen })).toHaveCount(1);
  fs.rmSync(dir, { recursive: true, force: true });
});
