/**
 * "Cán bộ, công chức": URL-synced filters, the record page, an edit that meets someone else's save
 * (409 → "Tải lại"), and an override of "đáp ứng yêu cầu chuyên môn" that shows in the flag history.
 */
import ExcelJS from 'exceljs';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { login, screenshot, TUY_HOA } from './helpers.ts';

/** Screenshots from the top of the page (the sticky header would otherwise cover a scrolled page). */
async function shot(page: Page, name: string): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, name);
}

/** Picks an option of an antd Select; retried, since a click can land while the drop-down is still moving. */
async function choose(page: Page, combobox: string, option: string, urlPart: RegExp): Promise<void> {
  await expect(async () => {
    const dropdown = page.locator('.ant-select-dropdown:visible');
    if ((await dropdown.count()) === 0) await page.getByRole('combobox', { name: combobox }).click();
    await dropdown.getByTitle(option, { exact: true }).click({ timeout: 2000 });
    await expect(page).toHaveURL(urlPart, { timeout: 1500 });
  }).toPass({ timeout: 15_000 });
}

/** Picks an option in a Select inside `within` and checks the select shows it (retried like `choose`). */
async function pickIn(page: Page, within: Locator, combobox: string, option: string): Promise<void> {
  const select = within
    .getByRole('combobox', { name: combobox })
    .locator('xpath=ancestor::div[contains(concat(" ", normalize-space(@class), " "), " ant-select ")][1]');
  await expect(async () => {
    const dropdown = page.locator('.ant-select-dropdown:visible');
    if ((await dropdown.count()) === 0) await within.getByRole('combobox', { name: combobox }).click();
    await dropdown.getByTitle(option, { exact: true }).click({ timeout: 2000 });
    await expect(select).toContainText(option, { timeout: 1500 });
  }).toPass({ timeout: 15_000 });
}

/** The CSRF token the page would send (cookie `csrf`), for writing through the API as "someone else". */
async function csrf(page: Page): Promise<string> {
  const cookie = (await page.context().cookies()).find((c) => c.name === 'csrf');
  if (!cookie) throw new Error('Không có cookie csrf');
  return cookie.value;
}

test('danh sách lọc theo URL, hồ sơ, sửa gặp xung đột phiên bản, điều chỉnh đáp ứng yêu cầu có lý do', async ({ page }) => {
  test.setTimeout(90_000);
  const stamp = String(Date.now()).slice(-6);
  await login(page, `xa.${TUY_HOA}`);
  // Home: the commune admin's numbers lead to the people behind them.
  const homeCard = page.locator('.ant-card').filter({ hasText: 'Chưa đạt chuẩn VTVL' });
  await expect(homeCard.locator('.ant-statistic-content')).toHaveText(/^\d+$/);
  await expect(page.locator('.ant-card').filter({ hasText: 'Cần bồi dưỡng ngay' }).first()).toBeVisible();
  await shot(page, 'officials-0-home');
  await page.getByRole('menuitem', { name: /(^| )Danh sách$/ }).click();
  await expect(page).toHaveURL(/\/can-bo$/);
  const rows = page.locator('.ant-table-tbody tr.ant-table-row');
  await expect(rows.first()).toBeVisible();
  const allTotal = Number((await page.getByText(/^Tổng số: [\d.]+$/).innerText()).replace(/\D/g, ''));
  expect(allTotal).toBeGreaterThan(10);

  // Filters go to the URL and narrow the server-side list.
  await choose(page, 'Lọc theo đạt chuẩn vị trí việc làm', 'Chưa đạt chuẩn', /belowStandard=true/);
  await choose(page, 'Lọc theo trạng thái', 'Đang công tác', /status=dang_cong_tac/);
  await expect(page.getByText(/^Tổng số: [\d.]+$/)).not.toHaveText(`Tổng số: ${allTotal}`);
  const belowTotal = Number((await page.getByText(/^Tổng số: [\d.]+$/).innerText()).replace(/\D/g, ''));
  expect(belowTotal).toBeGreaterThan(0);
  expect(belowTotal).toBeLessThan(allTotal);
  for (const text of await rows.allInnerTexts()) expect(text).toContain('Chưa đạt chuẩn');
  // A reload keeps the filters (they live in the URL).
  await page.reload();
  await expect(page.getByText(`Tổng số: ${belowTotal}`)).toBeVisible();
  await expect(
    page
      .getByRole('combobox', { name: 'Lọc theo trạng thái' })
      .locator('xpath=ancestor::div[contains(concat(" ", normalize-space(@class), " "), " ant-select ")][1]'),
  ).toContainText('Đang công tác');
  await shot(page, 'officials-1-list-filtered');

  // "Xuất Excel" downloads the filtered list.
  const [exported, exportRequest] = await Promise.all([
    page.waitForEvent('download'),
    page.waitForRequest((r) => r.url().includes('/api/officials/export.xlsx')),
    page.getByRole('button', { name: /Xuất Excel$/ }).click(),
  ]);
  expect(exported.suggestedFilename()).toMatch(/\.xlsx$/);
  expect(exportRequest.url()).toContain('belowStandard=true');
  expect(exportRequest.url()).toContain('status=dang_cong_tac');
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(await exported.path());
  const sheet = book.getWorksheet('Danh sách');
  expect(sheet?.actualRowCount, 'số dòng của tệp xuất = tiêu đề + số người đang lọc').toBe(belowTotal + 1);

  // The record page.
  const link = rows.first().getByRole('link');
  const name = (await link.innerText()).trim();
  await link.click();
  await expect(page).toHaveURL(/\/can-bo\/[0-9a-f-]{36}$/);
  const id = page.url().split('/').pop()!;
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
  await expect(page.getByText('Lịch sử công tác')).toBeVisible();
  const flags = page.locator('.ant-card').filter({ hasText: 'Lịch sử cờ chưa đạt chuẩn / chịu tác động sắp xếp' });
  await expect(
    flags.locator('tr.ant-table-row').filter({ hasText: 'Chưa đạt chuẩn VTVL' }).filter({ hasText: 'Đang áp dụng' }),
  ).toHaveCount(1);
  await expect(page.getByRole('button', { name: 'Xem dữ liệu nhạy cảm' })).toBeVisible();
  await expect(page.getByText('Mỗi lần xem được ghi vào nhật ký hệ thống', { exact: false })).toBeVisible();
  await shot(page, 'officials-2-detail');

  // Edit in a drawer; someone else saves the same record first (through the API, same version),
  // also marking the person as affected by the reorganisation — a flag later saves must keep.
  await page.getByRole('button', { name: /(^| )Sửa$/ }).click();
  const drawer = page.getByRole('dialog', { name: `Sửa hồ sơ ${name}` });
  await expect(drawer).toBeVisible();
  const before = await (await page.request.get(`/api/officials/${id}`)).json();
  const other = await page.request.patch(`/api/officials/${id}`, {
    headers: { 'x-csrf-token': await csrf(page) },
    data: { version: before.version, foreignLanguage: `Tiếng Anh B2 (${stamp})`, isLeader: before.isLeader, affectedByReorg: true },
  });
  expect(other.status()).toBe(200);

  await drawer.getByLabel('Ngoại ngữ').fill('Tiếng Pháp A2');
  // Closing with unsaved changes asks first.
  await drawer.getByRole('button', { name: 'Hủy' }).click();
  const ask = page.getByRole('dialog', { name: 'Bỏ các thay đổi chưa lưu?' });
  await expect(ask).toBeVisible();
  await ask.getByRole('button', { name: 'Tiếp tục sửa' }).click();
  await expect(drawer).toBeVisible();

  await drawer.getByRole('button', { name: 'Lưu' }).click();
  const conflict = drawer.getByRole('alert');
  await expect(conflict).toContainText(/Bản ghi đã được người khác sửa lúc \d{2}:\d{2}/);
  await expect(conflict.getByRole('button', { name: 'Tải lại' })).toBeVisible();
  await shot(page, 'officials-3-conflict');
  await conflict.getByRole('button', { name: 'Tải lại' }).click();
  await expect(drawer.getByLabel('Ngoại ngữ')).toHaveValue(`Tiếng Anh B2 (${stamp})`);
  await expect(drawer.getByRole('alert')).toHaveCount(0);
  await drawer.getByLabel('Ngoại ngữ').fill(`Tiếng Pháp A2 (${stamp})`);
  await drawer.getByRole('button', { name: 'Lưu' }).click();
  await expect(page.getByText('Đã lưu hồ sơ.')).toBeVisible();
  await expect(drawer).toBeHidden();
  await expect(page.locator('.ant-descriptions').filter({ hasText: 'Ngoại ngữ' })).toContainText(`Tiếng Pháp A2 (${stamp})`);

  // Override "đáp ứng yêu cầu chuyên môn": a reason is required, and the flag history records it.
  await page.getByRole('button', { name: 'Điều chỉnh đáp ứng yêu cầu chuyên môn' }).click();
  const modal = page.getByRole('dialog', { name: 'Điều chỉnh “đáp ứng yêu cầu chuyên môn của vị trí việc làm”' });
  await modal.getByLabel('Đáp ứng yêu cầu (đạt chuẩn)').check();
  await modal.getByRole('button', { name: 'Lưu' }).click();
  await expect(modal.getByText('Vui lòng ghi lý do điều chỉnh')).toBeVisible();
  const reason = `Có bằng Cử nhân Luật tương đương, kiểm thử ${stamp}`;
  await modal.getByLabel('Lý do').fill(reason);
  await modal.getByRole('button', { name: 'Lưu' }).click();
  await expect(modal).toBeHidden();
  await expect(page.getByText('Đã điều chỉnh thủ công', { exact: false })).toBeVisible();
  const line = flags.locator('tr.ant-table-row').filter({ hasText: reason });
  await expect(line).toHaveCount(1);
  await expect(line).toContainText('Chưa đạt chuẩn VTVL');
  await expect(line).toContainText(`xa.${TUY_HOA}`);
  await expect(line).not.toContainText('Đang áp dụng');
  await expect(page.locator('main').getByText('Đạt chuẩn', { exact: true }).first()).toBeVisible();
  await shot(page, 'officials-4-flag-history');
  // Editing one field and overriding the requirement left the other flags alone.
  const after = await (await page.request.get(`/api/officials/${id}`)).json();
  expect(after.affectedByReorg, 'cờ "chịu tác động sắp xếp" giữ nguyên').toBe(true);
  expect(after.isLeader, 'lãnh đạo, quản lý giữ nguyên').toBe(before.isLeader);
  await expect(
    flags.locator('tr.ant-table-row').filter({ hasText: 'Chịu tác động sắp xếp' }).filter({ hasText: 'Đang áp dụng' }),
  ).toHaveCount(1);

  // Sensitive data only on request.
  await page.getByRole('button', { name: 'Xem dữ liệu nhạy cảm' }).click();
  await expect(page.locator('.ant-card').filter({ hasText: 'Dữ liệu nhạy cảm' })).toContainText('Dân tộc');
  await expect(page.getByRole('button', { name: 'Ẩn' })).toBeVisible();
});

test('360 px: danh sách cán bộ thành thẻ; các trang mới không làm trang cuộn ngang', async ({ browser }) => {
  test.setTimeout(90_000);
  const ctx = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
  const page = await ctx.newPage();
  const noSideScroll = async (what: string) => {
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width, `${what}: trang rộng ${width}px`).toBeLessThanOrEqual(360);
  };
  await login(page, `xa.${TUY_HOA}`);
  await page.goto('/can-bo?belowStandard=true');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Danh sách cán bộ, công chức');
  const cards = page.locator('main .ant-card');
  await expect(cards.first()).toBeVisible();
  await expect(cards.first()).toContainText('Chưa đạt chuẩn');
  await expect(page.locator('.ant-table')).toHaveCount(0);
  // Filters fold behind one button on phones.
  await expect(page.getByRole('combobox', { name: 'Lọc theo khối' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Bộ lọc (1)' }).click();
  await expect(page.getByRole('combobox', { name: 'Lọc theo khối' })).toBeVisible();
  await noSideScroll('Danh sách');
  await shot(page, 'officials-5-phone');

  await cards.first().getByRole('link').click();
  await expect(page.getByText('Lịch sử công tác')).toBeVisible();
  await noSideScroll('Hồ sơ');
  await shot(page, 'officials-6-detail-phone');

  const pages: Array<[string, string, string]> = [
    ['/can-bo/nhap-excel', 'Nhập danh sách cán bộ, công chức từ Excel', 'import-6-phone'],
    ['/vi-tri-viec-lam', 'Vị trí việc làm', 'positions-2-phone'],
    ['/nhu-cau', 'Rà soát nhu cầu bồi dưỡng', 'needs-7-phone'],
    ['/nhu-cau/can-boi-duong-ngay', 'Cần bồi dưỡng ngay', 'needs-8-urgent-phone'],
    ['/nhu-cau/canh-bao', 'Cảnh báo thiếu chuẩn vị trí việc làm', 'needs-9-warnings-phone'],
  ];
  for (const [url, title, name] of pages) {
    await page.goto(url);
    await expect(page.getByRole('heading', { level: 1 })).toContainText(title);
    await expect(page.locator('.ant-skeleton, .ant-spin-spinning')).toHaveCount(0);
    await noSideScroll(title);
    await shot(page, name);
  }
  await ctx.close();
});

test('vị trí việc làm: xã thêm vị trí của mình, yêu cầu hiện bằng nhãn; vị trí trung ương không sửa được', async ({ page }) => {
  const name = `Công chức kiểm thử ${String(Date.now()).slice(-6)}`;
  await login(page, `xa.${TUY_HOA}`);
  await page.getByRole('menuitem', { name: 'Vị trí việc làm' }).click();
  await expect(page).toHaveURL(/\/vi-tri-viec-lam$/);
  const rows = page.locator('.ant-table-tbody tr.ant-table-row');
  const national = rows.filter({ hasText: 'Trung ương' }).first();
  await expect(national).toBeVisible();
  await expect(national.getByRole('button', { name: /^Sửa / })).toHaveCount(0);

  await page.getByRole('button', { name: 'Thêm vị trí' }).click();
  const drawer = page.getByRole('dialog', { name: 'Thêm vị trí việc làm' });
  await drawer.getByLabel('Tên vị trí việc làm').fill(name);
  await pickIn(page, drawer, 'Trình độ chuyên môn tối thiểu', 'Đại học');
  await pickIn(page, drawer, 'Chuyên ngành phù hợp', 'Luật');
  await drawer.getByLabel('Tên vị trí việc làm').click(); // closes the multi-select's list
  await drawer.getByRole('button', { name: 'Lưu' }).click();
  await expect(page.getByText(`Đã thêm vị trí “${name}”.`)).toBeVisible();
  await page.getByPlaceholder('Tìm theo tên vị trí').fill(name);
  const mine = rows.filter({ hasText: name });
  await expect(mine).toHaveCount(1);
  await expect(mine).toContainText('Cấp xã');
  await expect(mine).toContainText('Đại học');
  await expect(mine).toContainText('Luật');
  await expect(mine.getByRole('button', { name: `Sửa ${name}` })).toBeVisible();
  await page.getByPlaceholder('Tìm theo tên vị trí').fill('');
  await shot(page, 'positions-1-list');
});

test('học viên mở hồ sơ của chính mình, chỉ xem; hồ sơ người khác không mở được', async ({ browser, page }) => {
  // Someone else's record id, read as the commune admin.
  await login(page, `xa.${TUY_HOA}`);
  const list = await (await page.request.get('/api/officials?pageSize=5')).json();
  const ctx = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
  const learner = await ctx.newPage();
  await login(learner, `hocvien.${TUY_HOA}.1`);
  // The learner home links the record twice (a card and a shortcut); both open the same page.
  await learner
    .getByRole('link', { name: /Hồ sơ của tôi/ })
    .first()
    .click();
  await expect(learner).toHaveURL(/\/can-bo\/[0-9a-f-]{36}$/);
  await expect(learner.getByRole('heading', { level: 1 })).toContainText('Hồ sơ của tôi — ');
  await expect(learner.getByText('Lịch sử công tác')).toBeVisible();
  await expect(learner.getByRole('button', { name: /Sửa|Đổi trạng thái|Điều chỉnh/ })).toHaveCount(0);
  await expect(learner.getByRole('button', { name: 'Xem dữ liệu nhạy cảm' })).toHaveCount(0);
  const width = await learner.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(360);
  await shot(learner, 'officials-7-my-record-phone');
  const mine = learner.url().split('/').pop();
  const other = (list.items as Array<{ id: string }>).find((o) => o.id !== mine);
  await learner.goto(`/can-bo/${other!.id}`);
  await expect(learner.getByText('Không tìm thấy hồ sơ')).toBeVisible();
  await ctx.close();
});
