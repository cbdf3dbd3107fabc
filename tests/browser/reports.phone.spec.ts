/**
 * Reports (SPEC §10) on a phone, 360 × 740: the list with the board of who submitted, the province's own
 * report (every tab), a commune's submitted report with the workflow buttons and the return dialog —
 * nowhere may the page scroll sideways. Reads only (the desktop reports spec does the workflow).
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { expectNoHorizontalScroll, login } from './helpers.ts';

const SHOTS = process.env.SHOTS_DIR ?? '/tmp/shots-h5';
async function shot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.waitForTimeout(350);
  await page.screenshot({ path: path.join(SHOTS, `reports-phone-${name}.png`), fullPage: true });
}

async function tabs(page: Page, prefix: string): Promise<void> {
  for (const name of [/^Số liệu/, /^Văn bản, tệp$/, /^Lịch sử$/, /^Nội dung$/]) {
    await page.getByRole('tab', { name }).click();
    await expect(page.getByRole('tab', { name })).toHaveAttribute('aria-selected', 'true');
    await page.waitForTimeout(300);
    await expectNoHorizontalScroll(page, 360);
    await shot(
      page,
      `${prefix}-${String(name)
        .replace(/[^a-zA-Zà-ỹ]+/g, '-')
        .replace(/^-|-$/g, '')}`,
    );
  }
}

test('360 px: danh sách báo cáo, bảng tình hình gửi, báo cáo của tỉnh và của xã không cuộn ngang', async ({ page }) => {
  test.setTimeout(120_000);
  await login(page, 'sonoivu.66');
  await page.goto('/bao-cao?year=2026');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Báo cáo thực hiện Đề án');
  await expect(page.getByText(/Tình hình gửi báo cáo năm 2026 của cấp dưới/)).toBeVisible({ timeout: 20_000 });
  await expect(page.getByText(/Tổng hợp số liệu từ \d+ báo cáo đã gửi/)).toBeVisible();
  await expectNoHorizontalScroll(page, 360);
  await shot(page, '1-list-board');

  // the province's own report (draft in the demo): every tab
  const own = page.getByRole('link', { name: /Báo cáo kết quả thực hiện Đề án.*Đắk Lắk/ }).first();
  const create = page.getByRole('button', { name: 'Lập báo cáo năm 2026' });
  await expect(own.or(create).first()).toBeVisible();
  if (await create.isVisible()) await create.click();
  else await own.click();
  await expect(page).toHaveURL(/\/bao-cao\/\d+$/);
  await expect(page.getByRole('tab', { name: 'Nội dung' })).toBeVisible();
  await expectNoHorizontalScroll(page, 360);
  await shot(page, '2-province-report');
  await tabs(page, '3-province');

  // a commune's submitted report: the workflow buttons and the return dialog
  const list = (await (await page.request.get('/api/reports?year=2026')).json()) as {
    items: { id: number; status: string; scopeKey: string }[];
  };
  const sent = list.items.find((r) => r.status === 'submitted' && r.scopeKey.endsWith('24133'));
  expect(sent, 'báo cáo đã gửi của Buôn Ma Thuột (dữ liệu mẫu)').toBeDefined();
  await page.goto(`/bao-cao/${sent!.id}`);
  await expect(page.getByRole('button', { name: 'Tiếp nhận' })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole('button', { name: 'Trả lại' })).toBeVisible();
  await expectNoHorizontalScroll(page, 360);
  await shot(page, '4-commune-sent');
  await tabs(page, '5-commune');
  await page.getByRole('button', { name: 'Trả lại' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByLabel('Nội dung cần chỉnh sửa, bổ sung')).toBeVisible();
  await expectNoHorizontalScroll(page, 360);
  await shot(page, '6-return-dialog');
  await dialog
    .getByRole('button', { name: /Hủy|Đóng/ })
    .first()
    .click();
  await expect(dialog).toBeHidden();
});
