import { expect, test } from '@playwright/test';
import { expectNoHorizontalScroll, login, screenshot, TUY_HOA, TUY_HOA_NAME } from './helpers.ts';

test('360 px: học viên đăng nhập, thấy thanh điều hướng dưới, không cuộn ngang', async ({ page }) => {
  await page.goto('/dang-nhap');
  await expect(page.getByRole('button', { name: 'Đăng nhập' })).toBeVisible();
  await expectNoHorizontalScroll(page, 360);
  await screenshot(page, 'f-login-phone');

  await login(page, `hocvien.${TUY_HOA}.1`);
  const bar = page.getByRole('navigation', { name: 'Thanh điều hướng' });
  await expect(bar).toBeVisible();
  const tabs = await bar.getByRole('link').allInnerTexts();
  expect(tabs.map((t) => t.trim())).toEqual(['Trang của tôi', 'Lớp của tôi', 'Học liệu', 'Trợ lý', 'Thông báo']);
  await expect(bar.getByRole('link', { name: 'Trang của tôi' })).toHaveClass(/active/);
  // The bar sits at the bottom of the viewport.
  const box = await bar.boundingBox();
  expect(box && Math.round(box.y + box.height)).toBe(740);
  await expect(page.locator('main')).toContainText('Việc cần làm');
  await expect(page.locator('main')).toContainText(TUY_HOA_NAME);
  await expect(page.getByRole('menu')).toHaveCount(0);
  await expectNoHorizontalScroll(page, 360);
  await screenshot(page, 'f-learner-home-phone');

  await bar.getByRole('link', { name: 'Lớp của tôi' }).click();
  await expect(page).toHaveURL(/\/lop-cua-toi$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Lớp của tôi' })).toBeVisible();
  await expectNoHorizontalScroll(page, 360);
  await screenshot(page, 'f-learner-classes-phone');
});

test('360 px: quản trị cấp xã mở trình đơn bằng nút ba gạch, bảng không làm trang cuộn ngang', async ({ page }) => {
  await login(page, `xa.${TUY_HOA}`);
  await expect(page.getByRole('menu')).toHaveCount(0);
  await expectNoHorizontalScroll(page, 360);
  await screenshot(page, 'f-commune-admin-home-phone');
  await page.getByRole('button', { name: 'Mở trình đơn' }).click();
  const drawer = page.getByRole('dialog', { name: 'Trình đơn' });
  await expect(drawer.getByRole('menuitem', { name: 'Tài khoản' })).toBeVisible();
  await screenshot(page, 'f-commune-admin-drawer-phone');
  await drawer.getByRole('menuitem', { name: 'Tài khoản' }).click();
  await expect(page).toHaveURL(/\/quan-tri\/tai-khoan$/);
  await expect(page.locator('.ant-table-tbody tr.ant-table-row').first()).toBeVisible();
  await expectNoHorizontalScroll(page, 360);
  await screenshot(page, 'f-commune-admin-users-phone');
});
