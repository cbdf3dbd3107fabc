import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { expectNoHorizontalScroll, login, TUY_HOA } from './helpers.ts';

const SHOTS = '/tmp/shots-h2';
async function shot(page: Page, name: string) {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.waitForTimeout(350);
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

/** A tiny real PNG (1×1) as the scan of a certificate. */
const PNG_1x1 = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64');

test('360 px: học viên nộp báo cáo kết quả kèm bản chụp, trả lời khảo sát, nộp bài thu hoạch', async ({ page }) => {
  await login(page, `hocvien.${TUY_HOA}.1`);
  const main = page.locator('main');
  await expect(main.getByText('Báo cáo kết quả học tập').first()).toBeVisible();
  await expect(main.getByText('Phiếu khảo sát khóa học').first()).toBeVisible();
  await expect(main.getByText('Bài thu hoạch').first()).toBeVisible();
  await expectNoHorizontalScroll(page, 360);
  await shot(page, 'h2-01-home-tasks');

  // Self-report with a scan.
  const reportTask = main.locator('.ant-list-item').filter({ hasText: 'Báo cáo kết quả học tập' }).first();
  await reportTask.getByRole('button').click();
  await expect(page).toHaveURL(/\/bao-cao-ket-qua\/\d+$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Báo cáo kết quả học tập' })).toBeVisible();
  await page
    .getByLabel('Những điều bạn sẽ áp dụng vào công việc')
    .fill('Rà soát lại quy trình tiếp nhận hồ sơ tại bộ phận một cửa <script>alert(1)</script>');
  await page.locator('input[type=file]').setInputFiles({ name: 'giay-chung-nhan.png', mimeType: 'image/png', buffer: PNG_1x1 });
  await expect(page.getByText('giay-chung-nhan.png')).toBeVisible();
  await expectNoHorizontalScroll(page, 360);
  await shot(page, 'h2-02-self-report-form');
  await page.getByRole('button', { name: 'Gửi báo cáo' }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByText('Đã gửi báo cáo kết quả học tập.')).toBeVisible();

  // The survey of the same learner.
  const surveyTask = main.locator('.ant-list-item').filter({ hasText: 'Phiếu khảo sát khóa học' }).first();
  await surveyTask.getByRole('button', { name: 'Trả lời phiếu' }).click();
  await expect(page).toHaveURL(/\/khao-sat\/\d+$/);
  for (const [label, n] of [
    ['Chương trình, tài liệu', '4'],
    ['Giảng viên, báo cáo viên', '5'],
    ['Cơ sở vật chất', '3'],
    ['Công tác tổ chức lớp', '4'],
    ['Điều bản thân thu nhận được', '5'],
  ] as const) {
    await page.getByRole('radiogroup', { name: label }).getByText(n, { exact: true }).click();
  }
  await page.getByLabel('Ý kiến về giảng viên, báo cáo viên').fill('Ví dụ sát với công việc ở phường.');
  await expectNoHorizontalScroll(page, 360);
  await shot(page, 'h2-03-survey');
  await page.getByRole('button', { name: 'Gửi phiếu khảo sát' }).click();
  await expect(page).toHaveURL(/\/$/);

  // The essay of the HCMA class.
  const essayTask = main.locator('.ant-list-item').filter({ hasText: 'Bài thu hoạch' }).first();
  await essayTask.getByRole('button').click();
  await expect(page).toHaveURL(/\/bai-thu-hoach\/\d+$/);
  await page.getByLabel('Tiêu đề').fill('Xử lý tình huống đông người khiếu nại ở phường');
  const firstTopic = page.locator('.ant-checkbox-wrapper').first();
  if (await firstTopic.count()) await firstTopic.click();
  await page
    .getByLabel('Nội dung')
    .fill('Tình huống: nhiều hộ cùng phản ánh về lối đi chung. Đề xuất: lập tổ hòa giải có trưởng khu phố tham gia.');
  await expectNoHorizontalScroll(page, 360);
  await shot(page, 'h2-04-essay-form');
  await page.getByRole('button', { name: 'Nộp bài thu hoạch' }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByText('Đã nộp bài thu hoạch.')).toBeVisible();
  // Nothing of these three is left for the classes just done.
  await shot(page, 'h2-05-home-after');

  await page.getByRole('navigation', { name: 'Thanh điều hướng' }).getByRole('link', { name: 'Lớp của tôi' }).click();
  await expect(page).toHaveURL(/\/lop-cua-toi$/);
  await expect(main.getByText('Báo cáo: Chờ xác nhận').first()).toBeVisible();
  await expectNoHorizontalScroll(page, 360);
  await shot(page, 'h2-06-my-classes');

  await page.goto('/ho-so-hoc-tap');
  await expect(page.getByRole('heading', { level: 1, name: 'Hồ sơ học tập' })).toBeVisible();
  await expect(main.getByText('Các lớp đã học')).toBeVisible();
  await expectNoHorizontalScroll(page, 360);
  await shot(page, 'h2-07-learning-record');

  await page.getByRole('navigation', { name: 'Thanh điều hướng' }).getByRole('link', { name: 'Thông báo' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Thông báo/ })).toBeVisible();
  await expectNoHorizontalScroll(page, 360);
  await shot(page, 'h2-08-notifications');
});

test('360 px: học viên có cặp kèm cặp thấy trong hồ sơ học tập và ghi buổi gặp', async ({ page }) => {
  await login(page, `hocvien.${TUY_HOA}.2`);
  await page.goto('/ho-so-hoc-tap');
  const card = page.locator('.ant-card').filter({ hasText: 'Kèm cặp, hướng dẫn' }).first();
  await expect(card.getByText('Người kèm cặp:')).toBeVisible();
  await card.getByRole('button', { name: 'Ghi mục tiêu, buổi gặp' }).click();
  await card.getByLabel('Nội dung').fill('Cùng kiểm tra hai hồ sơ đo đạc, <b>ghi</b> lại lỗi thường gặp.');
  await card.getByRole('button', { name: 'Lưu' }).click();
  await expect(card.getByText('Cùng kiểm tra hai hồ sơ đo đạc, <b>ghi</b> lại lỗi thường gặp.')).toBeVisible();
  await expectNoHorizontalScroll(page, 360);
  await shot(page, 'h2-09-mentoring-record');
});

test('360 px: báo cáo bị trả lại hiện ý kiến; học viên sửa và nộp lại', async ({ page }) => {
  await login(page, 'hocvien.24133.1');
  const main = page.locator('main');
  const task = main.locator('.ant-list-item').filter({ hasText: 'Được trả lại' }).first();
  await expect(task.getByText(/Ý kiến: Điểm ghi trong báo cáo/)).toBeVisible();
  await task.getByRole('button', { name: 'Sửa và nộp lại' }).click();
  await expect(page.getByText('Báo cáo được trả lại để bổ sung')).toBeVisible();
  await expect(page.getByText('Trả lại để bổ sung', { exact: true })).toBeVisible();
  await page.locator('input[type=file]').setInputFiles({ name: 'giay-chung-nhan.png', mimeType: 'image/png', buffer: PNG_1x1 });
  await expectNoHorizontalScroll(page, 360);
  await shot(page, 'h2-17-returned-report');
  await page.getByRole('button', { name: 'Nộp lại báo cáo' }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(main.locator('.ant-list-item').filter({ hasText: 'Được trả lại' })).toHaveCount(0);
});
