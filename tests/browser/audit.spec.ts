import { expect, test } from '@playwright/test';
import { APP_TODAY, login, pickOption, screenshot } from './helpers.ts';

const BUON_MA_THUOT = '24133'; // Phường Buôn Ma Thuột, region type "Đô thị" in the demo data

/**
 * dd/mm/yyyy of the server's day. Audit times come from the app clock: with APP_TODAY pinned (playwright.config.ts)
 * that is the pinned date at the real time of day — not today's real date, which differs after 17:00 UTC.
 */
function todayVi(): { vi: string; iso: string } {
  const iso = APP_TODAY;
  const [y, m, d] = iso.split('-');
  return { vi: `${d}/${m}/${y}`, iso };
}

test('nhật ký: thay đổi loại vùng được ghi lại, lọc theo đối tượng và ngày, xem trước/sau', async ({ page }) => {
  await login(page, 'bonoivu');
  await page.goto(`/quan-tri/don-vi/xa/${BUON_MA_THUOT}`);
  await pickOption(page, 'Loại vùng', 'Nông thôn');
  await page.getByRole('button', { name: 'Lưu loại vùng' }).click();
  await expect(page.getByText('Đã lưu loại vùng của xã.')).toBeVisible();

  await page.getByRole('menuitem', { name: 'Nhật ký hệ thống' }).click();
  await expect(page).toHaveURL(/\/quan-tri\/nhat-ky$/);
  await expect(page.getByText(/^Tổng số: \d+/)).toBeVisible();
  await pickOption(page, 'Lọc theo loại đối tượng', 'Xã, phường, đặc khu');
  await expect(page).toHaveURL(/entityType=commune/);

  const { vi, iso } = todayVi();
  await page.getByPlaceholder('Từ ngày').click();
  await page.getByPlaceholder('Từ ngày').fill(vi);
  await page.getByPlaceholder('Từ ngày').press('Enter');
  await page.getByPlaceholder('Đến ngày').fill(vi);
  await page.getByPlaceholder('Đến ngày').press('Enter');
  await expect(page).toHaveURL(new RegExp(`from=${iso}&to=${iso}`));

  const rows = page.locator('.ant-table-tbody tr.ant-table-row');
  const first = rows.first();
  await expect(first).toContainText('Sửa loại vùng, khu vực của xã');
  await expect(first).toContainText('bonoivu');
  await expect(first).toContainText(BUON_MA_THUOT);
  await expect(first).toContainText(/\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);

  await first.locator('.ant-table-row-expand-icon').click();
  const diff = page.locator('.ant-table-expanded-row').first();
  const changed = diff.locator('tr').filter({ hasText: 'Loại vùng' });
  await expect(changed).toContainText('Đã đổi');
  await expect(changed).toContainText('Đô thị');
  await expect(changed).toContainText('Nông thôn');
  await screenshot(page, 'g-audit-diff');

  // A day with no entries: the empty state says what to do.
  await page.goto('/quan-tri/nhat-ky?from=2031-12-30&to=2031-12-31');
  await expect(page.getByText('Không có mục nhật ký nào khớp điều kiện lọc')).toBeVisible();
  await expect(page.getByText('Tổng số: 0')).toBeVisible();
});
