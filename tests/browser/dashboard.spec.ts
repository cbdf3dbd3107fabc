/**
 * Dashboard (SPEC §9): national map and drill-down nation → Đắk Lắk → a commune → the people behind
 * a number; a province admin lands on the province, a commune admin on the commune; the warnings page.
 */
import fs from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { expectNoHorizontalScroll, login } from './helpers.ts';

const SHOTS = process.env.SHOTS_DIR ?? 'test-results/screens';

async function shot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForTimeout(400);
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

async function openDashboard(page: Page): Promise<void> {
  await page.getByRole('menuitem', { name: 'Chỉ tiêu, bản đồ' }).click();
  await expect(page).toHaveURL(/\/tong-quan/);
  await expect(page.getByTestId('kpi-K1')).toBeVisible({ timeout: 30_000 });
}

test('toàn quốc: bản đồ, xuống tỉnh, xuống xã, danh sách người sau một con số', async ({ page }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  await login(page, 'bonoivu');
  await openDashboard(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Chỉ tiêu bồi dưỡng – Toàn quốc');
  await expect(page.getByTestId('province-map')).toHaveAttribute('data-ready', 'true', { timeout: 30_000 });
  await expect(page.getByTestId('trend-chart')).toHaveAttribute('data-ready', 'true');
  await expect(page.getByText('Hoàng Sa (thành phố Đà Nẵng)', { exact: false })).toBeVisible();
  // numbers in Vietnamese format and the date dd/mm/yyyy
  await expect(page.getByText(/Số liệu tính đến ngày \d{2}\/\d{2}\/\d{4}/)).toBeVisible();
  await shot(page, 'dashboard-1-nation');
  await page.getByTestId('province-map').screenshot({ path: `${SHOTS}/dashboard-1b-map.png` });

  await page.getByRole('link', { name: 'Đắk Lắk', exact: false }).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Đắk Lắk');
  await expect(page.getByRole('columnheader', { name: 'Xã, phường' })).toBeVisible();
  await shot(page, 'dashboard-2-province');

  await page
    .getByRole('link', { name: /Ea Kar/ })
    .first()
    .click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Ea Kar');
  await expect(page.getByRole('columnheader', { name: 'Cơ quan, đơn vị' })).toBeVisible();
  const k1 = page.getByTestId('kpi-K3');
  const denominator = k1.getByRole('button').nth(1);
  await denominator.click();
  const drawer = page.getByRole('dialog');
  await expect(drawer).toBeVisible();
  await expect(drawer.getByText(/\d+ dòng/)).toBeVisible({ timeout: 15_000 });
  await shot(page, 'dashboard-3-people');
  // the whole list (every page) as .xlsx: as many data rows as the drawer's count
  const shown = Number((await drawer.getByText(/\d+ dòng/).innerText()).match(/([\d.]+) dòng/)![1]!.replace(/\./g, ''));
  expect(shown).toBeGreaterThan(0);
  const [download] = await Promise.all([page.waitForEvent('download'), drawer.getByTestId('people-export').click()]);
  expect(download.suggestedFilename()).toMatch(/^danh-sach-K3-denominator-commune-\d+-\d{4}-\d{2}-\d{2}\.xlsx$/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(await download.path());
  const ws = wb.getWorksheet('Danh sách')!;
  expect(ws.getRow(4).getCell(2).value).toBe('Họ và tên');
  let rows = 0;
  ws.eachRow((r, n) => {
    if (n >= 5 && typeof r.getCell(1).value === 'number') rows++;
  });
  expect(rows).toBe(shown);
  const person = drawer.locator('a[href^="/can-bo/"]').first();
  if ((await person.count()) > 0) {
    await person.click();
    await expect(page).toHaveURL(/\/can-bo\/[0-9a-f-]+$/);
  }

  // warnings of a province picked by a national reader
  await page.goto('/canh-bao?scope=province:66');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Cảnh báo cần xử lý');
  await expect(page.getByText('Xã, phường chậm tiến độ').first()).toBeVisible({ timeout: 30_000 });
  await shot(page, 'warnings-2-province');
});

test('tỉnh mở vào tỉnh của mình, xã mở vào xã của mình; trang cảnh báo', async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1366, height: 900 });
  await login(page, 'sonoivu.66');
  await expect(page.getByText(/Chỉ tiêu bồi dưỡng đến ngày \d{2}\/\d{2}\/\d{4}/)).toBeVisible();
  await expect(page.getByRole('link', { name: /\d+ cảnh báo/ })).toBeVisible({ timeout: 30_000 });
  await shot(page, 'home-province');
  await openDashboard(page);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Đắk Lắk');
  await expect(page.getByTestId('province-map')).toHaveCount(0);

  await page.context().clearCookies();
  await login(page, 'xa.24133');
  await openDashboard(page);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Chỉ tiêu bồi dưỡng –');
  await expect(page.getByRole('columnheader', { name: 'Cơ quan, đơn vị' })).toBeVisible();
  await expect(page.getByTestId('trend-chart')).toHaveAttribute('data-ready', 'true', { timeout: 30_000 });
  await shot(page, 'dashboard-4-commune');
  // on a phone the people drawer takes the screen's width, with its export button
  await page.setViewportSize({ width: 360, height: 740 });
  // the page itself fits a phone (the phase switch used to push it to 407 px)
  await expect(page.getByText('Giai đoạn 1', { exact: true })).toBeVisible();
  await expectNoHorizontalScroll(page, 360);
  await page.getByTestId('kpi-K3').getByRole('button').nth(1).click();
  const phoneDrawer = page.locator('.ant-drawer-content-wrapper');
  await expect(page.getByRole('dialog').getByText(/\d+ dòng/)).toBeVisible({ timeout: 15_000 });
  await expect(page.getByRole('dialog').getByTestId('people-export')).toBeVisible();
  expect((await phoneDrawer.boundingBox())!.width).toBeLessThanOrEqual(360.5); // sub-pixel layout: 360.00001 happens
  await shot(page, 'dashboard-5-people-phone');
  await page
    .getByRole('dialog')
    .getByRole('button', { name: /Close|Đóng/ })
    .first()
    .click();
  await page.setViewportSize({ width: 1366, height: 900 });

  await page.getByRole('menuitem', { name: /Cảnh báo$/ }).click();
  await expect(page).toHaveURL(/\/canh-bao$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Cảnh báo cần xử lý');
  await expect(page.getByText('Lớp sắp khai giảng còn thiếu học viên').first()).toBeVisible();
  await shot(page, 'warnings-1-commune');
});
