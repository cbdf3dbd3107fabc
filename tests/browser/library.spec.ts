import { expect, test } from '@playwright/test';
import { login } from './helpers.ts';
import {
  askAssistant,
  askUnanswerable,
  editDraftTitle,
  openDocument,
  playSeekResume,
  searchLibrary,
  shot,
  takeQuiz,
} from './library-steps.ts';

test('học viên: tìm không dấu, mở tài liệu, xem video tua và xem tiếp, làm trắc nghiệm, hỏi trợ lý', async ({ page }) => {
  await login(page, 'hocvien.24133.1');
  await page.goto('/hoc-lieu');
  await expect(page.getByRole('heading', { name: 'Học liệu số dùng chung' })).toBeVisible();
  await shot(page, 'desktop-library-home');
  await openDocument(page);
  await shot(page, 'desktop-document');
  await searchLibrary(page, 'tranh chap dat dai');
  await shot(page, 'desktop-search');
  await playSeekResume(page);
  await shot(page, 'desktop-video-resumed');
  await takeQuiz(page);
  await shot(page, 'desktop-quiz');
  await askAssistant(page);
  await shot(page, 'desktop-assistant');
  await askUnanswerable(page);
  await shot(page, 'desktop-assistant-no-answer');
  // the learning record counts the self-study
  await page.goto('/ho-so-hoc-tap');
  await expect(page.locator('main')).toContainText('Tình huống: tranh chấp ranh giới');
  await shot(page, 'desktop-learning-record');
});

test('người duyệt: trang quản lý học liệu', async ({ page }) => {
  await login(page, 'bonoivu');
  await page.goto('/quan-ly-hoc-lieu');
  await expect(page.getByRole('heading', { name: 'Quản lý học liệu' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Quy chế mẫu về bồi dưỡng cán bộ, công chức cấp xã' })).toBeVisible();
  await page.getByRole('button', { name: 'Thêm học liệu' }).click();
  const dialog = page.getByRole('dialog', { name: 'Thêm học liệu' });
  await dialog.getByLabel('Tiêu đề').fill('<b>Tài liệu thử</b> về tiếp công dân');
  await dialog.getByLabel('Nội dung (nếu không tải tệp)').fill('Điều 1. Lịch tiếp công dân\n1. Xã tiếp công dân vào thứ Năm hằng tuần.');
  await dialog.getByRole('button', { name: 'Tạo bản nháp' }).click();
  const row = page.getByRole('row', { name: /<b>Tài liệu thử<\/b> về tiếp công dân/ });
  await expect(row).toContainText('Bản nháp');
  await row.getByRole('button', { name: 'Duyệt' }).click();
  await expect(row).toContainText('Đã duyệt nội dung');
  await row.getByRole('button', { name: 'Công bố' }).click();
  await expect(row).toContainText('Đã công bố');
  await shot(page, 'desktop-manage');
  await searchLibrary(page, 'tiep cong dan thu nam');
  await expect(page.getByTestId('library-result').first()).toContainText('<b>Tài liệu thử</b>');
  await shot(page, 'desktop-search-html-title');
});

test('quản lý: mở bản nháp, sửa tiêu đề, lưu; thấy tiêu đề mới và mục mới trong lịch sử phiên bản', async ({ page }) => {
  await login(page, 'sonoivu.66');
  await editDraftTitle(page, 'Tài liệu nháp về một cửa', 'Tài liệu nháp về bộ phận một cửa cấp xã', 'desktop-edit-material');
  // the material page shows the same history, with Vietnamese labels
  await page.getByRole('link', { name: 'Tài liệu nháp về bộ phận một cửa cấp xã' }).click();
  await expect(page.getByTestId('material-title')).toHaveText('Tài liệu nháp về bộ phận một cửa cấp xã');
  await expect(page.locator('main')).toContainText('phiên bản 2 · Sửa thông tin');
});
