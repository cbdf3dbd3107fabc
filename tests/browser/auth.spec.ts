import { expect, test } from '@playwright/test';
import { fillLogin, login, screenshot } from './helpers.ts';

test('sai mật khẩu: báo lỗi bằng tiếng Việt, vẫn ở trang đăng nhập', async ({ page }) => {
  // A dedicated account: five wrong passwords would lock it for 15 minutes.
  await fillLogin(page, 'truong.66', 'SaiMatKhau123');
  const alert = page.getByRole('alert');
  await expect(alert).toBeVisible();
  await expect(alert).toContainText('không đúng');
  await expect(page).toHaveURL(/\/dang-nhap/);
  await expect(page.getByRole('heading', { name: /Phần mềm đánh giá và quản lý chất lượng bồi dưỡng/ })).toBeVisible();
  await expect(page.getByText('Đề án theo Quyết định 700/QĐ-TTg')).toBeVisible();
  await expect(page).toHaveTitle('Bồi dưỡng CBCC cấp xã');
  await screenshot(page, 'a-login-wrong-password');
});

test('đăng xuất: về trang đăng nhập và /api/auth/me trả 401', async ({ page }) => {
  await login(page, 'bonoivu');
  expect((await page.request.get('/api/auth/me')).status()).toBe(200);
  await page.getByRole('button', { name: 'Đăng xuất' }).click();
  await expect(page).toHaveURL(/\/dang-nhap$/);
  await expect(page.getByLabel('Tên đăng nhập')).toBeVisible();
  const me = await page.request.get('/api/auth/me');
  expect(me.status()).toBe(401);
  // A protected page now sends the visitor back to the login page.
  await page.goto('/quan-tri/tai-khoan');
  await expect(page).toHaveURL(/\/dang-nhap\?next=%2Fquan-tri%2Ftai-khoan$/);
  await screenshot(page, 'e-after-logout');
});
