import { expect, test } from '@playwright/test';
import { EA_KAR, login, pickOption, screenshot, TUY_HOA, TUY_HOA_NAME } from './helpers.ts';

test('Bộ Nội vụ duyệt đơn vị: 34 tỉnh → Đắk Lắk → tìm không dấu → xã và các đơn vị mặc định', async ({ page }) => {
  await login(page, 'bonoivu');
  await page.getByRole('menuitem', { name: 'Đơn vị hành chính' }).click();
  await expect(page).toHaveURL(/\/quan-tri\/don-vi$/);
  const rows = page.locator('.ant-table-tbody tr.ant-table-row');
  await expect(rows).toHaveCount(34);
  await expect(page.getByText('Tổng số: 34')).toBeVisible();
  await screenshot(page, 'c-provinces');

  await page.getByRole('link', { name: 'Đắk Lắk', exact: true }).click();
  await expect(page).toHaveURL(/\/quan-tri\/don-vi\/tinh\/66$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Đắk Lắk');
  await expect(page.getByText('Tổng số: 102')).toBeVisible();

  // The server folds diacritics: "tuy hoa" finds "Tuy Hoà".
  await page.getByPlaceholder('Tìm xã, phường…').fill('tuy hoa');
  await expect(page).toHaveURL(/q=tuy\+hoa/);
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(TUY_HOA_NAME);
  await expect(rows.first()).toContainText('Phường');
  await expect(rows.first()).toContainText('Đô thị');
  await screenshot(page, 'c-communes-search');

  await rows.first().getByRole('link').click();
  await expect(page).toHaveURL(new RegExp(`/quan-tri/don-vi/xa/${TUY_HOA}$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(TUY_HOA_NAME);
  const units = page.locator('.ant-card').filter({ hasText: 'Cơ quan, đơn vị trong xã' });
  for (const name of ['Đảng ủy', 'Văn phòng HĐND và UBND', 'Trung tâm phục vụ hành chính công']) {
    await expect(units.getByRole('cell', { name, exact: true })).toBeVisible();
  }
  await expect(units.getByText('Mặc định').first()).toBeVisible();
  // Breadcrumb Toàn quốc › Đắk Lắk › Tuy Hoà, and the back button returns to the search.
  const crumbs = page.locator('.ant-breadcrumb');
  await expect(crumbs.getByRole('link', { name: 'Toàn quốc' })).toBeVisible();
  await expect(crumbs.getByRole('link', { name: /Đắk Lắk/ })).toBeVisible();
  await screenshot(page, 'c-commune-detail');
  await page.goBack();
  await expect(page).toHaveURL(/\/tinh\/66\?q=tuy\+hoa$/);
  await expect(page.getByPlaceholder('Tìm xã, phường…')).toHaveValue('tuy hoa');
});

test('Sở Nội vụ đổi loại vùng của một xã và thấy đã lưu', async ({ page }) => {
  await login(page, 'sonoivu.66');
  await page.getByRole('menuitem', { name: 'Đơn vị hành chính' }).click();
  // A province admin starts at its own province.
  await expect(page).toHaveURL(/\/quan-tri\/don-vi\/tinh\/66$/);
  await page.getByPlaceholder('Tìm xã, phường…').fill('Ea Kar');
  const row = page.locator('.ant-table-tbody tr.ant-table-row').filter({ hasText: EA_KAR });
  await expect(row).toContainText('Nông thôn');
  await row.getByRole('link', { name: 'Ea Kar' }).click();
  await expect(page).toHaveURL(new RegExp(`/xa/${EA_KAR}$`));

  await pickOption(page, 'Loại vùng', 'Miền núi, vùng đồng bào dân tộc thiểu số');
  await pickOption(page, /Khu vực/, 'Khu vực I');
  await page.getByRole('button', { name: 'Lưu loại vùng' }).click();
  await expect(page.getByText('Đã lưu loại vùng của xã.')).toBeVisible();

  // Saved on the server: a fresh load shows the new values.
  await page.reload();
  const details = page.locator('.ant-descriptions');
  await expect(details).toContainText('Miền núi, vùng đồng bào dân tộc thiểu số');
  await expect(details).toContainText('Khu vực I');
  await screenshot(page, 'c-region-type-saved');
  await page.goBack();
  await page.goto('/quan-tri/don-vi/tinh/66?q=ea%20kar');
  await expect(page.locator('.ant-table-tbody tr.ant-table-row').filter({ hasText: EA_KAR })).toContainText('Miền núi');
});

test('số xã, phường, đặc khu của Đắk Lắk (102) hiện trên bảng tỉnh và trang Tổng quan của Sở Nội vụ', async ({ page }) => {
  // The province list's communeCount must agree with the province's own commune list (102 for Đắk Lắk).
  await login(page, 'bonoivu');
  await page.goto('/quan-tri/don-vi');
  const dakLak = page.locator('.ant-table-tbody tr.ant-table-row').filter({ hasText: 'Đắk Lắk' });
  await expect(dakLak.getByRole('cell').last()).toHaveText('102');
  await page.getByRole('button', { name: 'Đăng xuất' }).click();
  await expect(page).toHaveURL(/\/dang-nhap$/);

  await login(page, 'sonoivu.66');
  const card = page.locator('.ant-card').filter({ hasText: 'Số xã, phường, đặc khu của Đắk Lắk' });
  await expect(card.locator('.ant-statistic-content')).toHaveText('102');
  await screenshot(page, 'c-home-province-admin');
});
