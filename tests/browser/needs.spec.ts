/**
 * "Nhu cầu bồi dưỡng" (SPEC §4): a commune admin runs the review, confirms one proposal and drops
 * another with a reason; the province admin sees the commune's row in the aggregation and drills down.
 */
import { expect, test, type Page } from '@playwright/test';
import { login, screenshot } from './helpers.ts';

const EA_SUP = '24211'; // Xã Ea Súp (Đắk Lắk), used by no other browser test

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

const num = (s: string) => Number(s.replace(/\D/g, ''));

test('xã rà soát nhu cầu, xác nhận một, bỏ một có lý do; tỉnh thấy dòng của xã trong tổng hợp', async ({ page, browser }) => {
  test.setTimeout(120_000);
  const stamp = String(Date.now()).slice(-6);
  await login(page, `xa.${EA_SUP}`);
  await page.getByRole('menuitem', { name: 'Rà soát nhu cầu' }).click();
  await expect(page).toHaveURL(/\/nhu-cau$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Rà soát nhu cầu bồi dưỡng — Xã Ea Súp');
  await expect(
    page
      .getByRole('combobox', { name: 'Giai đoạn' })
      .locator('xpath=ancestor::div[contains(concat(" ", normalize-space(@class), " "), " ant-select ")][1]'),
  ).toContainText('Giai đoạn 1 (2026–2028)');
  await shot(page, 'needs-1-before-review');

  // Run the review: the rules propose needs for the officials in service.
  const review = page.waitForResponse((r) => r.url().includes('/api/needs/review') && r.request().method() === 'POST');
  await page.getByRole('button', { name: 'Chạy rà soát' }).click();
  expect((await review).status()).toBe(200);
  const done = page.getByRole('status').filter({ hasText: 'Đã rà soát' });
  await expect(done).toContainText(/Đã rà soát \d+ cán bộ, công chức đang công tác: thêm \d+ nhu cầu mới/);
  const rows = page.locator('.ant-table-tbody tr.ant-table-row');
  await expect(rows.first()).toBeVisible();
  await expect(page.getByText('Theo chương trình bồi dưỡng')).toBeVisible();
  await expect(page.getByRole('button', { name: /Chuyên môn, nghiệp vụ/ }).first()).toBeVisible();

  // Proposals are the rows offering both decisions.
  const proposals = rows
    .filter({ has: page.getByRole('button', { name: /^Xác nhận nhu cầu của / }) })
    .filter({ has: page.getByRole('button', { name: /^Bỏ nhu cầu của / }) });
  await expect(proposals.first()).toContainText('Đề xuất');

  // Confirm one proposal.
  const toConfirm = proposals.first();
  const confirmKey = await toConfirm.getAttribute('data-row-key');
  const confirmed = page.locator(`tr[data-row-key="${confirmKey}"]`);
  await toConfirm.getByRole('button', { name: /^Xác nhận nhu cầu của / }).click();
  await expect(page.getByText(/^Đã xác nhận nhu cầu của /)).toBeVisible();
  await expect(confirmed).toContainText('Đã xác nhận');
  await expect(confirmed).toContainText(`xa.${EA_SUP}`);
  await expect(confirmed.getByRole('button', { name: /^Xác nhận nhu cầu của / })).toHaveCount(0);

  // Drop another: a reason is required.
  const toDrop = proposals.first();
  const dropKey = await toDrop.getAttribute('data-row-key');
  expect(dropKey).not.toBe(confirmKey);
  const dropped = page.locator(`tr[data-row-key="${dropKey}"]`);
  await dropped.getByRole('button', { name: /^Bỏ nhu cầu của / }).click();
  const modal = page.getByRole('dialog', { name: 'Bỏ nhu cầu bồi dưỡng' });
  await modal.getByRole('button', { name: 'Bỏ nhu cầu' }).click();
  await expect(modal.getByText('Vui lòng ghi lý do bỏ nhu cầu này')).toBeVisible();
  const reason = `Đã có văn bằng tương đương (kiểm thử ${stamp})`;
  await modal.getByLabel('Lý do bỏ').fill(reason);
  await modal.getByRole('button', { name: 'Bỏ nhu cầu' }).click();
  await expect(modal).toBeHidden();
  await expect(dropped).toContainText('Đã loại');
  await expect(dropped).toContainText(`Lý do: ${reason}`);
  const droppedCard = page.locator('.ant-card').filter({ hasText: /^Đã loại/ });
  const droppedCount = num(await droppedCard.locator('.ant-statistic-content').innerText());
  expect(droppedCount).toBeGreaterThanOrEqual(1);
  await shot(page, 'needs-2-register-decided');

  // Filter by status (URL-synced, server-side).
  await choose(page, 'Lọc theo trạng thái', 'Đã loại', /status=dropped/);
  await expect(page.getByText(`Tổng số: ${droppedCount}`, { exact: true })).toBeVisible();
  await expect(rows).toHaveCount(droppedCount);
  await expect(rows.filter({ hasText: reason })).toHaveCount(1);
  for (const t of await rows.allInnerTexts()) expect(t).toContain('Đã loại');

  // The urgent list and the warnings of the same commune.
  await page.getByRole('menuitem', { name: 'Cần bồi dưỡng ngay' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Cần bồi dưỡng ngay — Xã Ea Súp');
  await expect(page.getByText(/^Tổng số: \d+/)).toBeVisible();
  await shot(page, 'needs-3-urgent');
  await page.getByRole('menuitem', { name: 'Cảnh báo thiếu chuẩn' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Cảnh báo thiếu chuẩn vị trí việc làm');
  await expect(page.getByText('Tất cả cảnh báo')).toBeVisible();
  await shot(page, 'needs-4-warnings');

  // The province admin: aggregation with one row per commune, the commune's decisions counted.
  const ctx = await browser.newContext();
  const province = await ctx.newPage();
  await login(province, 'sonoivu.66');
  await province.getByRole('menuitem', { name: 'Rà soát nhu cầu' }).click();
  await expect(province.getByRole('heading', { level: 1 })).toContainText('Đắk Lắk');
  await expect(province.getByRole('button', { name: 'Chạy rà soát' })).toHaveCount(0);
  const communeRow = province
    .locator('.ant-table-tbody tr.ant-table-row')
    .filter({ has: province.getByRole('link', { name: 'Xã Ea Súp', exact: true }) });
  await expect(communeRow).toHaveCount(1);
  const cells = await communeRow.locator('td').allInnerTexts();
  // Columns: name, in service, with needs, proposed, confirmed, total, dropped.
  expect(num(cells[1]!)).toBeGreaterThan(0);
  expect(num(cells[4]!)).toBeGreaterThanOrEqual(1);
  expect(num(cells[6]!)).toBeGreaterThanOrEqual(1);
  await shot(province, 'needs-5-province-aggregation');

  await communeRow.getByRole('link', { name: 'Xã Ea Súp' }).click();
  await expect(province).toHaveURL(new RegExp(`scope=commune%3A${EA_SUP}|scope=commune:${EA_SUP}`));
  await expect(province.getByRole('heading', { level: 1 })).toContainText('Xã Ea Súp');
  await expect(province.getByRole('navigation').getByRole('link', { name: 'Tỉnh Đắk Lắk' })).toBeVisible();
  await expect(province.locator('.ant-table-tbody tr.ant-table-row').filter({ hasText: reason })).toHaveCount(1);
  // The province reads the register; deciding stays with the commune.
  await expect(province.getByRole('button', { name: /^Bỏ nhu cầu của / })).toHaveCount(0);
  await shot(province, 'needs-6-province-drilldown');
  await ctx.close();
});
