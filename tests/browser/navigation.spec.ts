import { expect, test } from '@playwright/test';
import { login, menuLabels, screenshot, TUY_HOA, TUY_HOA_NAME } from './helpers.ts';

// Menus as they stand (layout/navigation.tsx); update when a feature adds entries.
const OFFICIALS = ['Cán bộ, công chức', 'Danh sách', 'Nhập từ Excel', 'Vị trí việc làm'];
const NEEDS = ['Nhu cầu bồi dưỡng', 'Rà soát nhu cầu', 'Cần bồi dưỡng ngay', 'Cảnh báo thiếu chuẩn'];
const TRAINING = ['Kế hoạch', 'Chương trình', 'Lớp bồi dưỡng', 'Danh sách lớp', 'Chứng chỉ', 'Giảng viên'];
const ADMIN = ['Quản trị', 'Đơn vị hành chính', 'Tài khoản', 'Nhật ký hệ thống'];
const DASHBOARD = ['Tổng quan', 'Chỉ tiêu, bản đồ', 'Cảnh báo'];
const AFTER = 'Sau khóa học';
const REPORTS = ['Báo cáo, nhiệm vụ', 'Báo cáo Đề án', 'Nhiệm vụ trọng tâm'];
const LIBRARY = ['Học liệu số', 'Thư viện học liệu', 'Trợ lý tra cứu'];
const NATIONAL_MENU = [
  ...DASHBOARD,
  ...OFFICIALS,
  ...NEEDS,
  ...TRAINING,
  ...[AFTER, 'Báo cáo kết quả học tập', 'Bài thu hoạch', 'Khảo sát khóa học', 'Kèm cặp, hướng dẫn'],
  ...['Đánh giá sau bồi dưỡng', 'Xếp loại hằng năm', 'Phân tích tác động'],
  ...REPORTS,
  ...LIBRARY,
  'Quản lý học liệu',
  ...ADMIN,
];
const COMMUNE_MENU = [
  ...DASHBOARD,
  ...OFFICIALS,
  ...NEEDS,
  ...TRAINING.slice(0, 4),
  'Cử đi học',
  ...TRAINING.slice(4),
  ...[AFTER, 'Báo cáo kết quả học tập', 'Kèm cặp, hướng dẫn', 'Đánh giá sau bồi dưỡng', 'Xếp loại hằng năm'],
  ...REPORTS,
  ...LIBRARY,
  ...ADMIN,
];
/** Learner-only pages never appear in a staff menu. */
const NOT_STAFF = ['Lớp của tôi', 'Trang của tôi'];

test('quản trị Bộ Nội vụ: trình đơn quản trị và phạm vi toàn quốc', async ({ page }) => {
  await login(page, 'bonoivu');
  expect(await menuLabels(page)).toEqual(NATIONAL_MENU);
  const header = page.locator('header');
  await expect(header).toContainText('Phạm Thị Thu Hằng');
  await expect(header).toContainText('Quản trị Bộ Nội vụ');
  await expect(header).toContainText('Toàn quốc');
  await expect(page.locator('main')).toContainText('Toàn quốc (Bộ Nội vụ)');
  // Shortcut cards to the three admin pages.
  for (const name of ['Đơn vị hành chính', 'Tài khoản', 'Nhật ký hệ thống']) {
    await expect(page.locator('main').getByRole('link', { name: new RegExp(name) })).toBeVisible();
  }
  for (const name of NOT_STAFF) await expect(page.getByRole('menuitem', { name })).toHaveCount(0);
  await screenshot(page, 'b-home-national-admin');
});

test('quản trị cấp xã: tên xã thật, chỉ thấy xã của mình', async ({ page }) => {
  await login(page, `xa.${TUY_HOA}`);
  await expect(page.locator('header')).toContainText(TUY_HOA_NAME);
  await expect(page.locator('header')).toContainText('Quản trị cấp xã');
  await expect(page.locator('main')).toContainText(TUY_HOA_NAME);
  await expect(page.locator('main')).toContainText('Đắk Lắk');
  await expect(page.locator('main')).not.toContainText('Toàn quốc');
  expect(await menuLabels(page)).toEqual(COMMUNE_MENU);
  for (const name of NOT_STAFF) await expect(page.getByRole('menuitem', { name })).toHaveCount(0);
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
  expect(await menuLabels(page)).toEqual([
    ...DASHBOARD,
    'Cán bộ, công chức',
    'Danh sách',
    'Vị trí việc làm',
    ...NEEDS,
    ...TRAINING,
    ...[AFTER, 'Bài thu hoạch', 'Khảo sát khóa học', 'Đánh giá sau bồi dưỡng', 'Xếp loại hằng năm', 'Phân tích tác động'],
    ...REPORTS,
    ...LIBRARY,
    'Quản lý học liệu',
    'Quản trị',
    'Tài khoản',
    'Nhật ký hệ thống',
  ]);
  await expect(page.locator('header')).toContainText('Người xem xét, thẩm định');
  await page.goto('/quan-tri/don-vi');
  await expect(page.getByText('Bạn không có quyền mở trang này')).toBeVisible();
  await screenshot(page, 'b-reviewer-forbidden');
});

test('thủ trưởng đơn vị: chỉ những mục của thủ trưởng, thấy tên đơn vị của mình', async ({ page }) => {
  await login(page, `donvi.${TUY_HOA}.1`);
  expect(await menuLabels(page)).toEqual([
    ...DASHBOARD,
    'Cán bộ, công chức',
    'Danh sách',
    'Lớp bồi dưỡng',
    'Danh sách lớp',
    'Phê duyệt cử đi học',
    'Chứng chỉ',
    ...[AFTER, 'Báo cáo kết quả học tập', 'Kèm cặp, hướng dẫn', 'Đánh giá sau bồi dưỡng', 'Xếp loại hằng năm'],
    ...LIBRARY,
  ]);
  await expect(page.locator('main')).toContainText('Văn phòng HĐND và UBND');
  await expect(page.getByRole('menuitem', { name: 'Quản trị' })).toHaveCount(0);
  await screenshot(page, 'b-home-unit-head');
});
