/** Annual ratings (commune) and the effect analysis (province) on the desktop. */
import { expect, test } from '@playwright/test';
import { login, screenshot } from './helpers.ts';

test('xã ghi xếp loại năm; cảnh báo tỷ lệ HTXSNV; tỉnh xem phân tích tác động', async ({ page }) => {
  await login(page, 'xa.24133');
  await page.goto('/xep-loai');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Xếp loại chất lượng hằng năm');
  const rows = page.locator('.ant-table-tbody tr.ant-table-row');
  await expect(rows.first()).toBeVisible();
  await screenshot(page, 'evaluations-10-ratings');

  // Edit the first row to 29 + 66 = 95 → HTXSNV, computed by the server.
  const name = (await rows.first().locator('td').first().innerText()).trim();
  await rows.first().getByRole('button', { name: 'Sửa' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Tiêu chí chung (0–30)').fill('29');
  await dialog.getByLabel('Kết quả nhiệm vụ (0–70)').fill('66');
  await expect(dialog).toContainText('Tổng điểm: 95');
  await dialog.getByRole('button', { name: 'Lưu' }).click();
  await expect(page.getByText(`Đã lưu: ${name} — HTXSNV`)).toBeVisible();
  await screenshot(page, 'evaluations-11-ratings-saved');

  await page.context().clearCookies();
  await login(page, 'sonoivu.66');
  await page.goto('/phan-tich-tac-dong');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Phân tích tác động của bồi dưỡng');
  await expect(page.locator('.ant-table-tbody tr.ant-table-row').first()).toBeVisible();
  await screenshot(page, 'evaluations-12-effects');
  await page.getByText('Theo cơ sở đào tạo').click();
  await expect(page.getByRole('columnheader', { name: 'Cơ sở đào tạo' })).toBeVisible();
  await screenshot(page, 'evaluations-13-effects-by-org');
});
