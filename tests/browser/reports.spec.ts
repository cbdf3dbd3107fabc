/**
 * Reports and key tasks (SPEC §10): a commune writes and sends its annual report, the province returns
 * it with a comment, the commune corrects and sends it again, the province sees it in its board; the
 * key-task page with the "6 rõ" refusal, a new task and a progress update.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { EA_KAR, login, screenshot } from './helpers.ts';

const SHOTS = '/tmp/shots-h6';
async function shot(page: Page, name: string): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, `reports-${name}`);
  fs.mkdirSync(SHOTS, { recursive: true });
  fs.copyFileSync(path.resolve('test-results/screens', `reports-${name}.png`), path.join(SHOTS, `${name}.png`));
}

async function openOwnReport(page: Page): Promise<void> {
  await page.goto('/bao-cao?year=2026');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Báo cáo thực hiện Đề án');
  const create = page.getByRole('button', { name: 'Lập báo cáo năm 2026' });
  const link = page.getByRole('link', { name: /Báo cáo kết quả thực hiện Đề án.*Ea Kar/ });
  await expect(create.or(link).first()).toBeVisible();
  if (await create.isVisible()) await create.click();
  else await link.click();
  await expect(page).toHaveURL(/\/bao-cao\/\d+$/);
}

test('xã gửi báo cáo năm, tỉnh trả lại kèm ý kiến, xã sửa và gửi lại', async ({ page, browser }) => {
  test.setTimeout(180_000);
  const stamp = String(Date.now()).slice(-6);
  await login(page, `xa.${EA_KAR}`);
  await openOwnReport(page);
  const url = page.url();
  const results = page.getByLabel('Kết quả thực hiện');
  await results.fill(`Xã đã cử công chức đi học đúng kế hoạch (${stamp}). <b>không phải thẻ</b>`);
  await expect(page.getByText(/Đã lưu tự động lúc/)).toBeVisible({ timeout: 10_000 });
  await page.getByRole('tab', { name: 'Số liệu' }).click();
  await expect(page.getByText('Các chỉ tiêu của Đề án (Biểu 2)')).toBeVisible();
  await expect(page.getByRole('cell', { name: /^K1\./ })).toBeVisible();
  await shot(page, '1-commune-draft-numbers');
  await page.getByRole('tab', { name: 'Nội dung' }).click();
  await shot(page, '2-commune-draft');

  await page.getByRole('button', { name: 'Gửi báo cáo' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Gửi báo cáo' }).click();
  await expect(page.getByText('Đã gửi', { exact: true }).first()).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Số liệu (đã chốt)' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Gửi báo cáo' })).toHaveCount(0);
  await expect(page.getByText(`(${stamp}). <b>không phải thẻ</b>`)).toBeVisible();

  // the province returns it with a comment
  const ctx = await browser.newContext();
  const prov = await ctx.newPage();
  await login(prov, 'sonoivu.66');
  await prov.goto('/bao-cao?year=2026');
  await expect(prov.getByText(/Tình hình gửi báo cáo năm 2026 của cấp dưới/)).toBeVisible();
  await expect(prov.getByText(/Tổng hợp số liệu từ \d+ báo cáo đã gửi/)).toBeVisible();
  await shot(prov, '3-province-board');
  await prov.goto(url);
  await prov.getByRole('button', { name: 'Trả lại' }).click();
  await prov.getByLabel('Nội dung cần chỉnh sửa, bổ sung').fill(`Bổ sung kinh phí đã chi (${stamp})`);
  await prov.getByRole('dialog').getByRole('button', { name: 'Trả lại' }).click();
  await expect(prov.getByText('Bị trả lại', { exact: true }).first()).toBeVisible();
  await shot(prov, '4-province-returned');

  // the commune sees the comment, corrects and sends again
  await page.reload();
  await expect(page.getByText(`Bổ sung kinh phí đã chi (${stamp})`)).toBeVisible();
  await page.getByLabel('Đề xuất, kiến nghị').fill('Đề nghị tỉnh bổ sung kinh phí cho điểm cầu xã.');
  await expect(page.getByText(/Đã lưu tự động lúc/)).toBeVisible({ timeout: 10_000 });
  await shot(page, '5-commune-returned');
  await page.getByRole('button', { name: 'Gửi lại báo cáo' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Gửi lại' }).click();
  await expect(page.getByText('Đã gửi', { exact: true }).first()).toBeVisible();
  await page.getByRole('tab', { name: 'Lịch sử' }).click();
  await expect(page.getByText('Cấp trên trả lại')).toBeVisible();
  await shot(page, '6-commune-resubmitted-history');

  // the province accepts; the file builds with a progress bar
  await prov.reload();
  await prov.getByRole('button', { name: 'Tiếp nhận' }).click();
  await expect(prov.getByText(/Đã được .* tiếp nhận/)).toBeVisible();
  await prov.getByRole('tab', { name: 'Văn bản, tệp' }).click();
  const download = prov.waitForEvent('download');
  await prov.getByRole('button', { name: 'Tải văn bản (.docx)' }).click();
  expect((await download).suggestedFilename()).toMatch(/\.docx$/);
  await expect(prov.getByText(/Đã lập xong/)).toBeVisible();
  await shot(prov, '7-province-accepted-file');
  await ctx.close();
});

test('nhiệm vụ trọng tâm: thiếu "6 rõ" bị từ chối, thêm nhiệm vụ, cập nhật tiến độ', async ({ page }) => {
  test.setTimeout(120_000);
  const stamp = String(Date.now()).slice(-6);
  await login(page, 'sonoivu.66');
  await page.getByRole('menuitem', { name: 'Nhiệm vụ trọng tâm' }).click();
  await expect(page).toHaveURL(/\/nhiem-vu-trong-tam$/);
  await expect(page.getByText('Phụ lục QĐ 700').first()).toBeVisible();
  await expect(page.getByText('Quá hạn').first()).toBeVisible();
  await shot(page, '8-key-tasks');

  await page.getByRole('button', { name: 'Thêm nhiệm vụ' }).click();
  const drawer = page.locator('.ant-drawer');
  await drawer.getByLabel(/Tên nhiệm vụ/).fill(`Kiểm tra việc cử đi học tại các xã (${stamp})`);
  await drawer.getByRole('button', { name: 'Lưu' }).click();
  await expect(drawer.getByRole('alert')).toContainText('rõ người');
  await expect(drawer.getByRole('alert')).toContainText('rõ thẩm quyền');
  await shot(page, '9-key-task-six-clear');
  await drawer.getByLabel(/Người phụ trách/).fill('Phó Giám đốc Sở Nội vụ');
  await drawer.getByLabel(/Cơ quan chủ trì/).fill('Sở Nội vụ');
  await drawer.getByLabel(/Kết quả, sản phẩm/).fill('Biên bản kiểm tra tại 10 xã');
  await drawer.getByLabel(/Thời hạn hoàn thành/).fill('20/12/2026');
  await drawer.getByLabel(/Thời hạn hoàn thành/).press('Enter');
  await drawer.getByLabel(/Cấp có thẩm quyền/).fill('Chủ tịch UBND tỉnh');
  await drawer.getByRole('button', { name: 'Lưu' }).click();
  await expect(page.getByText('Đã lưu nhiệm vụ')).toBeVisible();
  const row = page.locator('tr', { hasText: `(${stamp})` });
  await row.getByRole('button', { name: 'Cập nhật tiến độ' }).click();
  await page.getByRole('dialog').getByRole('combobox', { name: 'Trạng thái', exact: true }).click();
  await page.locator('.ant-select-dropdown:visible').getByTitle('Đang thực hiện').click();
  await page.getByLabel('Tiến độ (%)').fill('30');
  await page.getByLabel('Ghi chú kết quả').fill('Đã kiểm tra 3 xã');
  await page.getByRole('dialog').getByRole('button', { name: 'Lưu' }).click();
  await expect(row.getByText('Đang thực hiện')).toBeVisible();
  await row.getByRole('button', { name: 'Lịch sử' }).click();
  await expect(page.getByRole('dialog')).toContainText('Đã kiểm tra 3 xã');
  await shot(page, '10-key-task-history');
});
