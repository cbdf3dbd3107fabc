import { expect, test } from '@playwright/test';
import { login, menuLabels, screenshot, TUY_HOA, TUY_HOA_NAME } from './helpers.ts';

const ADMIN_MENU = ['Tổng quan', 'Quản trị', 'Đơn vị hành chính', 'Tài khoản', 'Nhật ký hệ thống'];
const NOT_YET = ['Cán bộ, công chức', 'Nhu cầu bồi dưỡng', 'Kế hoạch', 'Lớp bồi dưỡng', 'Đánh giá', 'Học liệu số'];

test('quản trị Bộ Nội vụ: trình đơn quản trị và phạm vi toàn quốc', async ({ page }) => {
  await login(page, 'bonoivu');
  expect(await menuLabels(page)).toEqual(ADMIN_MENU);
  const header = page.locator('header');
  await expect(header).toContainText('Phạm Thị Thu Hằng');
  await expect(header).toContainText('Quản trị Bộ Nội vụ');
  await expect(header).toContainText('Toàn quốc');
  await expect(page.locator('main')).toContainText('Toàn quốc (Bộ Nội vụ)');
  // Shortcut cards to the three admin pages.
  for (const name of ['Đơn vị hành chính', 'Tài khoản', 'Nhật ký hệ thống']) {
    await expect(page.locator('main').getByRole('link', { name: new RegExp(name) })).toBeVisible();
  }
  for (const name of NOT_YET) await expect(page.getByRole('menuitem', { name })).toHaveCount(0);
  await screenshot(page, 'b-home-national-admin');
});

test('quản trị cấp xã: tên xã thật, chỉ thấy xã của mình', async ({ page }) => {
  await login(page, `xa.${TUY_HOA}`);
  await expect(page.locator('header')).toContainText(TUY_HOA_NAME);
  await expect(page.locator('header')).toContainText('Quản trị cấp xã');
  await expect(page.locator('main')).toContainText(TUY_HOA_NAME);
  await expect(page.locator('main')).toContainText('Đắk Lắk');
  await expect(page.locator('main')).not.toContainText('Toàn quốc');
  expect(await menuLabels(page)).toEqual(ADMIN_MENU);
  for (const name of NOT_YET) await expect(page.getByRole('menuitem', { name })).toHaveCount(0);
  await screenshot(page, 'b-home-commune-admin');

  // The units browser opens directly at its own commune; the national list is not offered.
  await page.getByRole('menuitem', { name: 'Đơn vị hành chính' }).click();
  await expect(page).toHaveURL(new RegExp(`/quan-tri/don-vi/xa/${TUY_HOA}$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(TUY_HOA_NAME);
  await expect(page.getByRole('navigation').getByRole('link', { name: 'Toàn quốc' })).toHaveCount(0);
  // A commune admin manages units but may not change the region type (province admins do).
  await expect(page.getByRole('button', { name: 'Thêm đơn vị' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Lưu loại vùng' })).toHaveCount(0);
});

test('người xem xét: không thấy Đơn vị hành chính, mở thẳng địa chỉ thì bị từ chối', async ({ page }) => {
  await login(page, 'bantochuc.66');
  expect(await menuLabels(page)).toEqual(['Tổng quan', 'Quản trị', 'Tài khoản', 'Nhật ký hệ thống']);
  await expect(page.locator('header')).toContainText('Người xem xét, thẩm định');
  await page.goto('/quan-tri/don-vi');
  await expect(page.getByText('Bạn không có quyền mở trang này')).toBeVisible();
  await screenshot(page, 'b-reviewer-forbidden');
});

test('thủ trưởng đơn vị: chỉ có Tổng quan, thấy tên đơn vị của mình', async ({ page }) => {
  await login(page, `donvi.${TUY_HOA}.1`);
  expect(await menuLabels(page)).toEqual(['Tổng quan']);
  await expect(page.locator('main')).toContainText('Văn phòng HĐND và UBND');
  await expect(page.getByRole('menuitem', { name: 'Quản trị' })).toHaveCount(0);
  await screenshot(page, 'b-home-unit-head');
});
