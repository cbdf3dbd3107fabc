import { expect, test } from '@playwright/test';
import { expectNoHorizontalScroll, login } from './helpers.ts';
import { askAssistant, editDraftTitle, openDocument, playSeekResume, shot, takeQuiz } from './library-steps.ts';

test('360 px: học viên tìm, mở tài liệu, xem video, làm trắc nghiệm, hỏi trợ lý', async ({ page }) => {
  await login(page, 'hocvien.24133.2');
  await page.goto('/hoc-lieu');
  await expectNoHorizontalScroll(page, 360);
  await shot(page, 'phone-library-home');
  await openDocument(page);
  await expectNoHorizontalScroll(page, 360);
  await shot(page, 'phone-document');
  await playSeekResume(page);
  await expectNoHorizontalScroll(page, 360);
  await shot(page, 'phone-video');
  await takeQuiz(page);
  await expectNoHorizontalScroll(page, 360);
  await shot(page, 'phone-quiz');
  await askAssistant(page);
  await expectNoHorizontalScroll(page, 360);
  await shot(page, 'phone-assistant');
  await expect(page.getByRole('navigation', { name: 'Thanh điều hướng' }).getByRole('link', { name: 'Trợ lý' })).toHaveClass(/active/);
});

test('360 px: sửa học liệu trong ngăn kéo', async ({ page }) => {
  await login(page, 'bonoivu');
  await editDraftTitle(page, 'Bản nháp thử trên điện thoại', 'Bản nháp đã sửa trên điện thoại', 'phone-edit-material');
  await expectNoHorizontalScroll(page, 360);
});
