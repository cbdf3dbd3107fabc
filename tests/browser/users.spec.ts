import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD, login, pickOption, screenshot, BUON_DON } from './helpers.ts';

test('quản trị cấp xã tạo tài khoản học viên, thấy mật khẩu tạm thời; học viên phải đổi mật khẩu', async ({ page, browser }) => {
  const username = `hocvien.moi${Date.now() % 1_000_000}`;
  await login(page, `xa.${BUON_DON}`);
  await page.getByRole('menuitem', { name: 'Tài khoản' }).click();
  await expect(page).toHaveURL(/\/quan-tri\/tai-khoan$/);
  await expect(page.getByText(/^Tổng số: \d+/)).toBeVisible();
  await expect(page.locator('.ant-table-tbody tr.ant-table-row').first()).toBeVisible();
  await screenshot(page, 'd-users-list');

  await page.getByRole('button', { name: 'Tạo tài khoản' }).click();
  const drawer = page.getByRole('dialog', { name: 'Tạo tài khoản' });
  await expect(drawer).toBeVisible();
  await pickOption(page, 'Vai trò', 'Cán bộ, công chức (học viên)', drawer);
  await pickOption(page, 'Cơ quan, đơn vị công tác', 'Văn phòng HĐND và UBND', drawer);
  await drawer.getByLabel('Tên đăng nhập').fill(username);
  await drawer.getByLabel('Họ và tên').fill('Nguyễn Thị Hồng Nhung');
  await drawer.getByLabel('Số điện thoại').fill('0912 345 678');
  await screenshot(page, 'd-create-user-form');
  await drawer.getByRole('button', { name: 'Tạo tài khoản' }).click();

  const dialog = page.getByRole('dialog', { name: 'Đã tạo tài khoản' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText(username);
  await expect(dialog).toContainText('Người dùng phải đổi mật khẩu ở lần đăng nhập đầu tiên');
  await expect(dialog.getByRole('button', { name: 'Sao chép' })).toBeVisible();
  const temporaryPassword = (await dialog.getByTestId('temporary-password').innerText()).trim();
  expect(temporaryPassword.length).toBeGreaterThanOrEqual(8);
  await screenshot(page, 'd-temporary-password');
  await dialog.getByRole('button', { name: 'Tôi đã ghi lại mật khẩu' }).click();

  await page.getByPlaceholder('Tìm theo tên đăng nhập, họ tên…').fill(username);
  const row = page.locator('.ant-table-tbody tr.ant-table-row').filter({ hasText: username });
  await expect(row).toContainText('Nguyễn Thị Hồng Nhung');
  await expect(row).toContainText('Cán bộ, công chức (học viên)');
  await expect(row).toContainText('Buôn Đôn');
  await expect(row).toContainText('Hoạt động');
  await expect(page.getByText('Tổng số: 1')).toBeVisible();

  // The new learner logs in with the temporary password and must change it first.
  const learner = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
  const lp = await learner.newPage();
  await lp.goto('/dang-nhap');
  await lp.getByLabel('Tên đăng nhập').fill(username);
  await lp.getByLabel('Mật khẩu', { exact: true }).fill(temporaryPassword);
  await lp.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(lp).toHaveURL(/\/doi-mat-khau$/);
  await expect(lp.getByText('Bạn cần đổi mật khẩu trước khi sử dụng phần mềm')).toBeVisible();
  await lp.getByLabel('Mật khẩu hiện tại').fill(temporaryPassword);
  await lp.getByLabel('Mật khẩu mới', { exact: true }).fill('ngan');
  await lp.getByLabel('Nhập lại mật khẩu mới').fill('ngan');
  await lp.getByRole('button', { name: 'Lưu mật khẩu mới' }).click();
  await expect(lp.getByText(/^Phải có ít nhất 8 ký tự$/)).toBeVisible();
  await lp.getByLabel('Mật khẩu mới', { exact: true }).fill(`Hoc${DEMO_PASSWORD}x9`);
  await lp.getByLabel('Nhập lại mật khẩu mới').fill(`Hoc${DEMO_PASSWORD}x9`);
  await screenshot(lp, 'd-first-login-change-password');
  await lp.getByRole('button', { name: 'Lưu mật khẩu mới' }).click();
  await expect(lp).toHaveURL(/\/$/);
  await expect(lp.getByText('Đã đổi mật khẩu thành công.')).toBeVisible();
  await expect(lp.getByRole('navigation', { name: 'Thanh điều hướng' })).toBeVisible();
  await learner.close();
});
