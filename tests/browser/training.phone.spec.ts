/** Training screens on a 360 px phone: the public verification page and the commune's lists. */
import { expect, test } from '@playwright/test';
import { BUON_DON, expectNoHorizontalScroll, login, screenshot } from './helpers.ts';

test('trang xác thực công khai trên điện thoại: số không có trong hệ thống, tra cứu số khác', async ({ page }) => {
  const missing = `TCT.66-2026-9${String(Date.now()).slice(-5)}`;
  await page.goto(`/xac-thuc/${missing}`);
  const verdict = page.getByRole('alert');
  await expect(verdict).toContainText('KHÔNG TÌM THẤY');
  await expect(verdict).toContainText(missing.replace(/-/g, '/'));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Xác thực giấy chứng nhận, chứng chỉ bồi dưỡng');
  await expect(page.getByRole('menu')).toHaveCount(0);
  await expectNoHorizontalScroll(page, 360);
  await screenshot(page, 'training-16-verify-missing-phone');

  // Looking up another number goes to its page (the slug form of the number).
  await page.getByLabel('Số giấy chứng nhận cần tra cứu').fill('HVCTQG/2026/000777');
  await page.getByRole('button', { name: 'Tra cứu' }).click();
  await expect(page).toHaveURL(/\/xac-thuc\/HVCTQG-2026-000777$/);
  await expect(page.getByRole('alert')).toContainText('HVCTQG/2026/000777');
});

test('quản trị xã trên điện thoại: Cử đi học và Danh sách lớp không tràn ngang', async ({ page }) => {
  await login(page, `xa.${BUON_DON}`);
  await page.getByRole('button', { name: 'Mở trình đơn' }).click();
  await page.getByRole('menuitem', { name: 'Cử đi học' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Cử đi học');
  await expect(page.getByRole('heading', { level: 2, name: 'Lớp đang nhận cử học' })).toBeVisible();
  await expect(page.getByText(/^Tổng số: \d+/).first()).toBeVisible();
  await expectNoHorizontalScroll(page, 360);
  await screenshot(page, 'training-17-nominate-phone');

  await page.getByRole('button', { name: 'Mở trình đơn' }).click();
  await page.getByRole('menuitem', { name: 'Danh sách lớp' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Lớp bồi dưỡng');
  await expect(page.getByRole('button', { name: 'Tạo lớp' })).toHaveCount(0);
  await expectNoHorizontalScroll(page, 360);
  await screenshot(page, 'training-18-classes-phone');
});
