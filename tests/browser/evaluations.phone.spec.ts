/** Post-training evaluation on a 360 px phone: a unit head assesses a staff member whose window is open. */
import { expect, test, type PlaywrightWorkerArgs } from '@playwright/test';
import { DEMO_PASSWORD, expectNoHorizontalScroll, login, pickOption, screenshot } from './helpers.ts';

const HEADS = ['24133', '22015', '24373', '24235', '24211'].flatMap((c) => [1, 2, 3, 4].map((n) => `donvi.${c}.${n}`));

/** The first demo unit head with an overdue evaluation in their unit (asked through the API). */
async function headWithOverdue(playwright: PlaywrightWorkerArgs['playwright'], baseURL: string): Promise<string> {
  for (const username of HEADS) {
    const request = await playwright.request.newContext({ baseURL });
    const res = await request.post('/api/auth/login', { data: { username, password: DEMO_PASSWORD } });
    const list = res.ok() ? ((await (await request.get('/api/evaluations?status=qua_han')).json()) as { items?: unknown[] }) : {};
    await request.dispose();
    if (list.items?.length) return username;
  }
  throw new Error('Không có thủ trưởng đơn vị nào có người quá hạn đánh giá trong dữ liệu mẫu');
}

test('thủ trưởng đơn vị đánh giá hiệu quả sau bồi dưỡng của một công chức trên điện thoại', async ({ page, playwright, baseURL }) => {
  const head = await headWithOverdue(playwright, baseURL!);

  await login(page, head);
  await page.goto('/danh-gia-sau-boi-duong');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Đánh giá hiệu quả sau bồi dưỡng');
  const firstCard = page
    .locator('.ant-card')
    .filter({ has: page.getByText('Quá hạn đánh giá') })
    .first();
  await expect(firstCard).toBeVisible();
  const name = (await firstCard.locator('strong').first().innerText()).trim();
  await expectNoHorizontalScroll(page, 360);
  await screenshot(page, 'evaluations-01-list-phone');

  await firstCard.getByRole('button', { name: 'Đánh giá', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Thủ trưởng đơn vị đánh giá');
  await expect(page.getByText(name).first()).toBeVisible();
  const save = page.getByRole('button', { name: /tiêu chí chưa chấm|Lưu đánh giá/ });
  await expect(save).toBeDisabled();
  for (let n = 1; n <= 8; n++) {
    await page
      .getByRole('radiogroup', { name: `Điểm tiêu chí ${n}` })
      .getByText(n === 3 ? '3' : '4', { exact: true })
      .click();
  }
  await page.getByLabel('Minh chứng tiêu chí 1').fill('<script>alert(1)</script> Áp dụng quy trình mới khi tiếp nhận hồ sơ.');
  await expectNoHorizontalScroll(page, 360);
  await screenshot(page, 'evaluations-02-form-phone');
  await page.getByRole('button', { name: 'Lưu đánh giá' }).click();

  await expect(page).toHaveURL(/\/danh-gia-sau-boi-duong$/);
  await pickOption(page, 'Tình trạng', 'Đã đánh giá');
  const done = page.locator('.ant-card').filter({ hasText: name }).filter({ hasText: 'Đã đánh giá' }).first();
  await expect(done).toContainText(/Hiệu quả|Rất hiệu quả|Ít hiệu quả/);
  await expectNoHorizontalScroll(page, 360);
  await screenshot(page, 'evaluations-03-done-phone');
  // The evidence with <script> comes back as plain text.
  await done.getByRole('button', { name: 'Xem các ý kiến đánh giá' }).click();
  await expect(
    page.getByRole('dialog').getByText('<script>alert(1)</script> Áp dụng quy trình mới khi tiếp nhận hồ sơ.', { exact: false }),
  ).toBeVisible();
  await screenshot(page, 'evaluations-03b-detail-phone');
  await page
    .getByRole('dialog')
    .getByRole('button', { name: /Close|Đóng/ })
    .click();

  // A learner's own page (contract 5) shows the evaluations without horizontal scrolling.
  await page.context().clearCookies();
  await login(page, 'hocvien.24133.1');
  await page.goto('/danh-gia-cua-toi');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Đánh giá sau khóa học');
  await expectNoHorizontalScroll(page, 360);
  await screenshot(page, 'evaluations-04-mine-phone');
});
