/** Steps shared by the library browser tests (desktop and 360 px). Screenshots go to /tmp/shots-h1. */
import fs from 'node:fs';
import path from 'node:path';
import { expect, type Page } from '@playwright/test';

const SHOTS = process.env.LIBRARY_SHOTS_DIR ?? '/tmp/shots-h1';

export async function shot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.waitForTimeout(350);
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

export async function searchLibrary(page: Page, q: string): Promise<void> {
  await page.goto('/hoc-lieu');
  await page.getByRole('searchbox', { name: 'Tìm học liệu' }).fill(q);
  await page.getByRole('button', { name: /Tìm/ }).last().click();
  await expect(page.getByText(/Tìm thấy \d+ học liệu/)).toBeVisible();
}

export async function openDocument(page: Page): Promise<void> {
  await searchLibrary(page, 'hoa giai tranh chap dat dai');
  const first = page.getByTestId('library-result').first();
  await expect(first.locator('mark').first()).toBeVisible();
  await page.getByRole('link', { name: 'Hướng dẫn mẫu về hòa giải tranh chấp đất đai tại cấp xã' }).click();
  await expect(page.getByTestId('material-title')).toHaveText('Hướng dẫn mẫu về hòa giải tranh chấp đất đai tại cấp xã');
  await expect(page.getByTestId('material-sections')).toContainText('Điều 2. Thời hạn hòa giải, khoản 2');
  await expect(page.getByTestId('material-sections')).toContainText('không quá 30 ngày');
}

export async function takeQuiz(page: Page): Promise<void> {
  await searchLibrary(page, 'tinh huong ranh gioi thua dat');
  await page.getByRole('link', { name: /Tình huống: tranh chấp ranh giới/ }).click();
  const quiz = page.getByTestId('quiz');
  await expect(quiz).toBeVisible();
  await quiz.getByText('Không quá 30 ngày').click();
  await quiz.getByText('Công chức địa chính', { exact: true }).click();
  await quiz.getByText('Coi như hòa giải không thành').click();
  await quiz.getByRole('button', { name: 'Nộp bài' }).click();
  await expect(page.getByTestId('quiz-score')).toContainText('2/3 câu đúng (67 điểm)');
  await expect(quiz).toContainText('Chủ tịch hoặc Phó Chủ tịch Ủy ban nhân dân cấp xã chủ trì');
}

export async function askAssistant(page: Page): Promise<void> {
  await page.goto('/tro-ly');
  await page.getByRole('textbox', { name: 'Câu hỏi' }).fill('Hòa giải tranh chấp đất đai ở xã phải xong trong bao lâu?');
  await page.getByRole('button', { name: 'Hỏi trợ lý' }).click();
  const answer = page.getByTestId('assistant-answer');
  await expect(answer).toContainText('không quá 30 ngày');
  await expect(page.getByTestId('assistant-citation').first()).toContainText('Điều 2. Thời hạn hòa giải, khoản 1');
}

export async function askUnanswerable(page: Page): Promise<void> {
  await page.getByRole('textbox', { name: 'Câu hỏi' }).fill('Giá vé máy bay đi Hà Nội tháng sau là bao nhiêu?');
  await page.getByRole('button', { name: 'Hỏi trợ lý' }).click();
  await expect(page.getByTestId('assistant-no-answer')).toContainText('Thư viện chưa có văn bản trả lời câu hỏi này.');
}

/** Plays the demo video, seeks to 6 s, leaves, comes back: the player resumes there. */
export async function playSeekResume(page: Page): Promise<void> {
  await searchLibrary(page, 'mo phong tiep nhan ho so');
  await page.getByRole('link', { name: /Video mô phỏng/ }).click();
  const video = page.getByTestId('library-video');
  await expect(video).toBeVisible();
  await video.evaluate(async (v: HTMLVideoElement) => {
    v.muted = true;
    if (v.readyState < 1) await new Promise((r) => v.addEventListener('loadedmetadata', r, { once: true }));
    await v.play().catch(() => undefined);
  });
  const saved = page.waitForResponse(
    (r) =>
      r.url().includes('/progress') && r.request().method() === 'POST' && (r.request().postData() ?? '').includes('"positionSeconds":6'),
  );
  await video.evaluate(async (v: HTMLVideoElement) => {
    v.pause();
    v.currentTime = 6;
    await new Promise((r) => v.addEventListener('seeked', r, { once: true }));
  });
  await saved;
  await page.reload();
  await expect(page.getByTestId('resume-note')).toContainText('giây thứ 6');
  const resumed = await page.getByTestId('library-video').evaluate(async (v: HTMLVideoElement) => {
    if (v.readyState < 1) await new Promise((r) => v.addEventListener('loadedmetadata', r, { once: true }));
    await new Promise((r) => setTimeout(r, 300));
    return v.currentTime;
  });
  expect(resumed).toBeGreaterThanOrEqual(5.9);
}

/** Creates a draft on /quan-ly-hoc-lieu, opens its edit form, renames it, saves: the new title and a version entry. */
export async function editDraftTitle(page: Page, title: string, newTitle: string, shotName?: string): Promise<void> {
  await page.goto('/quan-ly-hoc-lieu');
  await page.getByRole('button', { name: 'Thêm học liệu' }).click();
  const dialog = page.getByRole('dialog', { name: 'Thêm học liệu' });
  await dialog.getByLabel('Tiêu đề').fill(title);
  await dialog.getByLabel('Nội dung (nếu không tải tệp)').fill('Điều 1. Phạm vi\n1. Áp dụng cho công chức cấp xã.');
  await dialog.getByRole('button', { name: 'Tạo bản nháp' }).click();
  const row = page.getByRole('row', { name: new RegExp(title) });
  await expect(row).toContainText('Bản nháp');
  await row.getByRole('button', { name: 'Sửa' }).click();
  const drawer = page.getByRole('dialog', { name: `Sửa học liệu: ${title}` });
  const titleBox = drawer.getByLabel('Tiêu đề');
  await expect(titleBox).toHaveValue(title);
  await expect(drawer.getByLabel('Nội dung')).toHaveValue(/Áp dụng cho công chức cấp xã/);
  // the form's own check, in Vietnamese, before anything is sent
  await titleBox.fill('ab');
  await drawer.getByRole('button', { name: 'Lưu thay đổi' }).last().click();
  await expect(drawer.getByText('Tiêu đề cần ít nhất 3 ký tự')).toBeVisible();
  await titleBox.fill(newTitle);
  await drawer.getByLabel('Ghi chú thay đổi (ghi vào lịch sử phiên bản)').fill('Sửa tiêu đề theo góp ý');
  await drawer.getByRole('button', { name: 'Lưu thay đổi' }).last().click();
  await expect(page.getByText('Đã lưu thay đổi; học liệu trở về bản nháp chờ duyệt lại')).toBeVisible();
  const renamed = page.getByRole('dialog', { name: `Sửa học liệu: ${newTitle}` });
  await expect(renamed).toBeVisible();
  await expect(renamed.getByLabel('Tiêu đề')).toHaveValue(newTitle);
  await expect(renamed.getByTestId('edit-version')).toContainText('Phiên bản 2');
  const history = renamed.getByTestId('edit-history');
  await expect(history).toContainText('Phiên bản 2 · Sửa thông tin');
  await expect(history).toContainText('Sửa tiêu đề theo góp ý');
  await expect(history).toContainText('Phiên bản 1 · Tạo mới');
  if (shotName) {
    // the drawer is fixed: viewport pictures of its top and of its history, not a full page of the list behind
    await page.waitForTimeout(350);
    fs.mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SHOTS, `${shotName}.png`) });
    await history.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SHOTS, `${shotName}-history.png`) });
  }
  await page
    .getByRole('button', { name: 'Close' })
    .or(page.getByRole('button', { name: 'Đóng' }))
    .first()
    .click();
  await expect(page.getByRole('row', { name: new RegExp(newTitle) })).toContainText('Bản nháp');
}
