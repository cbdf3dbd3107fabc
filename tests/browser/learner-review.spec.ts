import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { login, TUY_HOA } from './helpers.ts';

const SHOTS = '/tmp/shots-h2';
async function shot(page: Page, name: string) {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.waitForTimeout(350);
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

test('quản trị cấp xã xem báo cáo kết quả, trả lại một báo cáo kèm ý kiến; thấy danh sách quá hạn', async ({ page }) => {
  await login(page, `xa.${TUY_HOA}`);
  await page.goto('/bao-cao-ket-qua');
  await expect(page.getByRole('heading', { level: 1, name: 'Báo cáo kết quả học tập' })).toBeVisible();
  const rows = page.locator('.ant-table-tbody tr.ant-table-row');
  await expect(rows.first()).toBeVisible();
  await shot(page, 'h2-10-review-list');
  await rows.first().click();
  const drawer = page.getByRole('dialog');
  await expect(drawer.getByText('Sẽ áp dụng')).toBeVisible();
  await drawer.getByLabel('Ý kiến').fill('Thiếu bản chụp giấy chứng nhận, đề nghị bổ sung.');
  await shot(page, 'h2-11-review-drawer');
  await drawer.getByRole('button', { name: 'Trả lại để bổ sung' }).click();
  await expect(page.getByText('Đã trả lại báo cáo cho học viên.')).toBeVisible();
  await page.getByRole('tab', { name: /Quá hạn chưa nộp/ }).click();
  await expect(page.getByText('Báo cáo phải nộp trong 15 ngày')).toBeVisible();
  await shot(page, 'h2-12-overdue');

  await page.goto('/kem-cap');
  await expect(page.getByText('Người kèm cặp:').first()).toBeVisible();
  await shot(page, 'h2-13-mentoring-admin');
});

test('người đọc của tỉnh gắn nhãn bài thu hoạch và đánh dấu đề xuất', async ({ page }) => {
  await login(page, 'bantochuc.66');
  await page.goto('/bai-thu-hoach');
  await expect(page.getByRole('heading', { level: 1, name: 'Bài thu hoạch' })).toBeVisible();
  const rows = page.locator('.ant-table-tbody tr.ant-table-row');
  await expect(rows.first()).toBeVisible();
  await expect(page.getByRole('button', { name: 'Xuất đề xuất ra Excel' })).toBeVisible();
  await shot(page, 'h2-14-essays-list');
  await page.locator('.ant-segmented').getByText('Chưa đọc', { exact: true }).click();
  await rows.first().click();
  const drawer = page.getByRole('dialog');
  await expect(drawer.getByText(/nộp ngày/)).toBeVisible();
  await drawer.getByLabel('Nhãn').fill('Cải cách hành chính');
  await drawer.getByLabel('Nhãn').press('Enter');
  // Close the tag dropdown by clicking elsewhere in the drawer.
  await drawer.getByText(/nộp ngày/).click();
  await drawer.getByText('Có đề xuất, kiến nghị cần tổng hợp').click();
  await shot(page, 'h2-15-essay-drawer');
  await drawer.getByRole('button', { name: 'Lưu' }).click();
  await expect(page.getByText('Đã lưu.')).toBeVisible();
  await page.locator('.ant-segmented').getByText('Có đề xuất', { exact: true }).click();
  await expect(page.locator('.ant-table-tbody').getByText('Cải cách hành chính')).toBeVisible();
});

test('cơ sở đào tạo xem kết quả khảo sát tổng hợp của lớp đã kết thúc', async ({ page }) => {
  await login(page, 'truong.66');
  await page.goto('/khao-sat-lop');
  await expect(page.getByRole('heading', { level: 1, name: 'Khảo sát khóa học' })).toBeVisible();
  await page.getByRole('combobox', { name: 'Lớp' }).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: 'chuyên môn chuyên ngành' }).first().click();
  await expect(page.getByText('Ý kiến của học viên')).toBeVisible();
  await expect(page.getByText(/\d+ phiếu/).first()).toBeVisible();
  await shot(page, 'h2-16-survey-summary');
});
