/**
 * Lớp bồi dưỡng end to end (SPEC §5–§6): the province opens a class in office hours; a commune
 * nominates two people of a small unit, the service-continuity guard explains the shortfall and the
 * commune overrides with a reason; the unit head approves; the training organisation records
 * attendance and scores, finishes the class, computes results and issues certificates; anyone
 * (logged out, on a phone) verifies a certificate; the PDF downloads; revoking shows on the page.
 */
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { expect, test, type Browser, type Locator, type Page } from '@playwright/test';
import { BUON_DON, expectNoHorizontalScroll, login, screenshot } from './helpers.ts';
import { chooseOption, confirmDialog, fillDate, isoToVi } from './training-helpers.ts';

const CENTRE = 'Trung tâm phục vụ hành chính công';

/**
 * Two consecutive working days (Mon–Tue or Wed–Thu) of 2026 before the demo's today (23/11/2026),
 * outside the demo classes that take Buôn Đôn's people (Mar–May, 19–21/08, from 19/11), and
 * different on every run, so a rerun does not find the same people already in a class then.
 */
function classDates(): { start: string; end: string } {
  const mondays: number[] = [];
  for (let t = Date.UTC(2026, 0, 5); t <= Date.UTC(2026, 10, 9); t += 7 * 86_400_000) {
    const iso = new Date(t).toISOString().slice(0, 10);
    if ((iso >= '2026-03-01' && iso <= '2026-05-31') || (iso >= '2026-08-15' && iso <= '2026-08-23')) continue;
    mondays.push(t);
  }
  const monday = mondays[Math.floor(Math.random() * mondays.length)]!;
  const first = new Date(monday + (Math.random() < 0.5 ? 0 : 2) * 86_400_000);
  const second = new Date(first.getTime() + 86_400_000);
  return { start: first.toISOString().slice(0, 10), end: second.toISOString().slice(0, 10) };
}

async function newUser(browser: Browser, username: string): Promise<Page> {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await login(page, username);
  return page;
}

/** A screenshot of the page's state: toasts (which fade anyway) are hidden so they do not cover it. */
async function shot(page: Page, name: string): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  const style = await page.addStyleTag({ content: '.ant-message { display: none !important; }' });
  await screenshot(page, name);
  await style.evaluate((el) => (el as Element).remove());
}

const rowsOf = (scope: Page | Locator) => scope.locator('.ant-table-tbody tr.ant-table-row');

test('lớp bồi dưỡng: tạo lớp, cử học có cảnh báo thiếu người và vẫn cử, duyệt, điểm danh, kết quả, chứng chỉ, xác thực, thu hồi', async ({ page, browser }) => {
  test.setTimeout(240_000);
  const stamp = String(Date.now()).slice(-6);
  const { start, end } = classDates();
  const className = `Lớp kiểm thử thủ tục hành chính ${stamp}`;

  // ---- 1. The province admin creates an in-office-hours class for Buôn Đôn, with sessions.
  await login(page, 'sonoivu.66');
  await page.getByRole('menuitem', { name: 'Danh sách lớp' }).click();
  await expect(page).toHaveURL(/\/lop-boi-duong$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Lớp bồi dưỡng');
  await page.getByRole('button', { name: 'Tạo lớp' }).click();
  const drawer = page.getByRole('dialog', { name: 'Tạo lớp bồi dưỡng' });
  await drawer.getByLabel('Tên lớp').fill(className);
  await drawer.getByLabel('Số học viên tối đa').fill('30');
  await chooseOption(page, drawer, 'Chương trình', 'TTHC', /^BNV\.CMNV\.TTHC — /);
  await chooseOption(page, drawer, 'Cơ sở tổ chức lớp', 'Đắk Lắk', 'Trường Chính trị tỉnh Đắk Lắk');
  await chooseOption(page, drawer, 'Xã đăng cai', 'Buôn Đôn', 'Xã Buôn Đôn');
  await fillDate(drawer.getByPlaceholder('Khai giảng'), isoToVi(start));
  await fillDate(drawer.getByPlaceholder('Bế giảng'), isoToVi(end));
  await expect(drawer.getByRole('combobox', { name: 'Thời gian học' }).locator('xpath=ancestor::div[contains(@class,"ant-select")][1]')).toContainText(
    'Trong giờ hành chính',
  );
  await drawer.getByRole('switch', { name: 'Cần thủ trưởng đơn vị duyệt cử học' }).click();
  await drawer.getByLabel('Dự kiến — Ngân sách địa phương').fill('24500000');
  await shot(page, 'training-01-create-class');
  await drawer.getByRole('button', { name: 'Lưu' }).click();
  await expect(page).toHaveURL(/\/lop-boi-duong\/\d+$/);
  const classUrl = new URL(page.url()).pathname;
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(className);
  await expect(page.locator('main')).toContainText('Dự kiến');
  await expect(page.locator('main')).toContainText(`${isoToVi(start)} – ${isoToVi(end)}`);
  await expect(page.locator('main')).toContainText('24.500.000 đ');
  await expect(page.locator('main')).toContainText('Xã Buôn Đôn');
  await shot(page, 'training-01b-class-info');

  const tabs = page.getByRole('tablist').first();
  await tabs.getByRole('tab', { name: /^Buổi học/ }).click();
  for (const [date, topic] of [
    [start, 'Quy trình tiếp nhận hồ sơ'],
    [end, 'Thực hành trên Cổng dịch vụ công'],
  ] as const) {
    await page.getByRole('button', { name: 'Thêm buổi học' }).click();
    const modal = page.getByRole('dialog', { name: 'Thêm buổi học' });
    await fillDate(modal.getByLabel('Ngày học'), isoToVi(date));
    await modal.getByLabel('Chuyên đề').fill(topic);
    await modal.getByLabel('Địa điểm').fill('Hội trường UBND xã Buôn Đôn');
    await chooseOption(page, modal, 'Giảng viên, báo cáo viên', 'Mai Hương', /^Võ Thị Mai Hương/);
    await modal.getByRole('button', { name: 'Lưu' }).click();
    await expect(modal).toBeHidden();
    await expect(rowsOf(page).filter({ hasText: topic })).toContainText(isoToVi(date));
  }
  await expect(tabs.getByRole('tab', { name: 'Buổi học (2)' })).toBeVisible();
  await shot(page, 'training-02-sessions');

  await page.getByRole('button', { name: 'Mở nhận cử học' }).click();
  await confirmDialog(page, 'Mở nhận cử học');
  await expect(page.getByText('Lớp đã chuyển sang "Đang nhận cử học".')).toBeVisible();
  await expect(page.locator('main .ant-tag').filter({ hasText: 'Đang nhận cử học' }).first()).toBeVisible();

  // ---- 2. The commune admin nominates two people of the service centre (4 staff): the guard fires.
  const commune = await newUser(browser, `xa.${BUON_DON}`);
  await commune.getByRole('menuitem', { name: 'Cử đi học' }).click();
  await expect(commune.getByRole('heading', { level: 1 })).toContainText('Cử đi học');
  await rowsOf(commune).filter({ hasText: className }).getByRole('link', { name: 'Cử người' }).click();
  await expect(commune).toHaveURL(/tab=cu-di-hoc/);
  await expect(commune.getByText('Cử cán bộ, công chức của xã đi học', { exact: true })).toBeVisible();
  await commune.getByRole('tab', { name: 'Chọn từ danh sách cán bộ' }).click();
  const picker = commune.getByRole('tabpanel', { name: 'Chọn từ danh sách cán bộ' });
  await chooseOption(commune, picker, 'Lọc theo đơn vị', 'Trung tâm', CENTRE);
  await expect(rowsOf(picker).first()).toContainText(CENTRE);
  await expect(rowsOf(picker)).not.toHaveCount(0);
  const picked: string[] = [];
  for (let i = 0; i < 2; i++) {
    const row = rowsOf(picker).nth(i);
    picked.push((await row.locator('td').nth(1).innerText()).trim());
    await row.getByRole('checkbox').check();
  }
  await expect(commune.getByText('Đã chọn 2 người')).toBeVisible();
  const decisionNo = `${stamp}/QĐ-UBND`;
  await commune.getByLabel('Số quyết định cử').fill(decisionNo);
  await commune.getByRole('button', { name: 'Cử 2 người đi học' }).click();
  const guard = commune.getByRole('alert').filter({ hasText: 'sẽ làm đơn vị thiếu người làm việc' });
  await expect(guard).toBeVisible();
  await expect(guard).toContainText(new RegExp(`${CENTRE} chỉ còn \\d+/\\d+ người`));
  await expect(guard).toContainText(`2 ngày: ${isoToVi(start)}, ${isoToVi(end)}`);
  await expect(guard.getByRole('button', { name: 'Vẫn cử' })).toBeVisible();
  await shot(commune, 'training-03-guard-warning');

  // Without a reason the override is refused on the spot; with one it goes through.
  await guard.getByRole('button', { name: 'Vẫn cử' }).click();
  await expect(guard.getByText('Ghi rõ lý do vẫn cử (ít nhất 5 ký tự)')).toBeVisible();
  const reason = `Chuẩn bị vận hành phần mềm một cửa mới (${stamp})`;
  await guard.getByLabel('Vẫn cử, lý do').fill(reason);
  await guard.getByRole('button', { name: 'Vẫn cử' }).click();
  await expect(commune.getByRole('status').filter({ hasText: '2 người chờ thủ trưởng đơn vị duyệt' })).toBeVisible();
  const list = rowsOf(commune).filter({ hasText: decisionNo });
  await expect(list).toHaveCount(2);
  for (const name of picked) {
    const row = list.filter({ hasText: name });
    await expect(row).toContainText('Chờ thủ trưởng đơn vị duyệt');
    await expect(row).toContainText(`Vẫn cử khi đơn vị thiếu người: ${reason}`);
  }
  await shot(commune, 'training-04-nominated');
  await commune.getByRole('menuitem', { name: 'Cử đi học' }).click();
  const mine = rowsOf(commune).filter({ hasText: decisionNo });
  await expect(mine).toHaveCount(2);
  await expect(mine.first()).toContainText(className);
  await shot(commune, 'training-04b-commune-nominations');

  // ---- 3. The head of the service centre approves both.
  const head = await newUser(browser, `donvi.${BUON_DON}.4`);
  await head.getByRole('menuitem', { name: 'Phê duyệt cử đi học' }).click();
  await expect(head.getByRole('heading', { level: 1 })).toContainText('Phê duyệt cử đi học');
  const pending = rowsOf(head).filter({ hasText: className });
  await expect(pending).toHaveCount(2);
  await expect(pending.first()).toContainText(reason);
  await shot(head, 'training-05-unit-head-approvals');
  for (const name of picked) {
    await head.getByRole('button', { name: `Duyệt ${name}`, exact: true }).click();
    await expect(head.getByText(`Đã duyệt cử ${name} đi học.`)).toBeVisible();
  }
  await expect(pending).toHaveCount(0);

  // ---- 4. The training organisation starts the class, records attendance and scores.
  const org = await newUser(browser, 'truong.66');
  await org.getByRole('menuitem', { name: 'Danh sách lớp' }).click();
  await org.getByLabel('Tìm lớp').fill(stamp);
  await org.getByRole('link', { name: className }).click();
  await expect(org).toHaveURL(new RegExp(`${classUrl}$`));
  await org.getByRole('button', { name: 'Bắt đầu học' }).click();
  await confirmDialog(org, 'Bắt đầu học');
  await expect(org.getByText('Lớp đã chuyển sang "Đang học".')).toBeVisible();
  await org.getByRole('tab', { name: 'Điểm danh và kết quả' }).click();
  for (const date of [start, end]) {
    await chooseOption(org, org.locator('main'), 'Buổi học cần điểm danh', '', new RegExp(`^${isoToVi(date)}`));
    await org.getByRole('button', { name: 'Tất cả có mặt' }).click();
    for (const name of picked) await expect(org.getByRole('radiogroup', { name: `Điểm danh ${name}` }).getByRole('radio', { name: 'Có mặt' })).toBeChecked();
    await expect(org.getByRole('combobox', { name: 'Buổi học cần điểm danh' }).locator('xpath=ancestor::div[contains(@class,"ant-select")][1]')).toContainText(isoToVi(date));
    await expect(org.getByText('Đã lưu điểm danh 0/2 học viên của buổi này.')).toBeVisible();
    await org.getByRole('button', { name: 'Lưu điểm danh' }).click();
    await expect(org.getByText('Đã lưu điểm danh 2/2 học viên của buổi này.')).toBeVisible();
  }
  // One learner is marked "Vắng có phép" for the second session and back: the grid takes each choice.
  await org.getByRole('radiogroup', { name: `Điểm danh ${picked[0]}` }).getByText('Vắng có phép').click();
  await expect(org.getByRole('radiogroup', { name: `Điểm danh ${picked[0]}` }).getByRole('radio', { name: 'Vắng có phép' })).toBeChecked();
  await org.getByRole('radiogroup', { name: `Điểm danh ${picked[0]}` }).getByText('Có mặt').click();
  await shot(org, 'training-06-attendance');

  await org.getByRole('tab', { name: 'Điểm', exact: true }).click();
  await org.getByLabel(`Điểm bài 1 của ${picked[0]}`).fill('8');
  await org.getByLabel(`Điểm bài 1 của ${picked[1]}`).fill('7,5');
  await org.getByRole('button', { name: 'Lưu điểm' }).click();
  await expect(org.getByText('Đã lưu điểm.')).toBeVisible();

  // The .xlsx round trip: the template comes pre-filled; a score of 11 is refused by the dry run, 9 imports.
  await org.getByRole('tab', { name: 'Nhập từ Excel' }).click();
  const [template] = await Promise.all([org.waitForEvent('download'), org.getByRole('link', { name: 'Tải tệp mẫu (.xlsx)' }).click()]);
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile((await template.path())!);
  const sheet = book.getWorksheet('Kết quả')!;
  const headers = (sheet.getRow(1).values as unknown[]).map((v) => String(v ?? ''));
  const nameCol = headers.indexOf('Họ và tên');
  const scoreCol = headers.indexOf('Điểm bài 1');
  expect(nameCol).toBeGreaterThan(0);
  expect(scoreCol).toBeGreaterThan(0);
  let learnerRow = 0;
  sheet.eachRow((row, n) => {
    if (String(row.getCell(nameCol).value) === picked[1]) learnerRow = n;
  });
  expect(learnerRow).toBeGreaterThan(1);
  expect(Number(sheet.getRow(learnerRow).getCell(scoreCol).value)).toBe(7.5);
  const upload = async (score: number, file: string) => {
    sheet.getRow(learnerRow).getCell(scoreCol).value = score;
    const out = test.info().outputPath(file);
    await book.xlsx.writeFile(out);
    await org.locator('input[type=file]').setInputFiles(out);
  };
  await upload(11, 'ket-qua-sai.xlsx');
  const report = org.getByRole('status').filter({ hasText: /lỗi; chưa lưu gì/ });
  await expect(report).toContainText('Tệp có 1 lỗi');
  await expect(rowsOf(org.getByRole('tabpanel', { name: 'Nhập từ Excel' })).first()).toContainText(String(learnerRow));
  await shot(org, 'training-06b-import-dry-run-error');
  await upload(9, 'ket-qua-dung.xlsx');
  await expect(org.getByRole('status').filter({ hasText: 'Kiểm tra xong, không có lỗi' })).toBeVisible();
  await org.getByRole('button', { name: 'Nhập dữ liệu' }).click();
  await expect(org.getByRole('status').filter({ hasText: /^Đã nhập: 2 học viên/ })).toBeVisible();

  // ---- 5. Finish the class, compute results.
  await org.getByRole('button', { name: 'Kết thúc lớp' }).click();
  await confirmDialog(org, 'Kết thúc lớp');
  await expect(org.getByText('Lớp đã chuyển sang "Đã kết thúc".')).toBeVisible();
  await org.getByRole('tab', { name: 'Kết quả', exact: true }).click();
  await org.getByRole('button', { name: 'Tính kết quả' }).click();
  await expect(org.getByText('Đã tính 2 học viên: 2 hoàn thành, 0 không hoàn thành')).toBeVisible();
  const results = rowsOf(org.getByRole('tabpanel', { name: 'Kết quả', exact: true }));
  await expect(results.filter({ hasText: picked[1]! })).toContainText('9');
  await expect(results.filter({ hasText: picked[1]! })).not.toContainText('7,5');
  await expect(results.filter({ hasText: 'Hoàn thành' })).toHaveCount(2);
  await shot(org, 'training-07-results');

  // ---- 6. Certificates: issue, download the PDF.
  await org.getByRole('tab', { name: 'Chứng chỉ', exact: true }).click();
  await org.getByRole('button', { name: 'Cấp giấy chứng nhận cho học viên hoàn thành' }).click();
  await expect(org.getByRole('status').filter({ hasText: 'Cấp mới 2 giấy' })).toBeVisible();
  const certRows = rowsOf(org);
  await expect(certRows).toHaveCount(2);
  const certRow = certRows.filter({ hasText: picked[0]! });
  const number = (await certRow.locator('td').first().innerText()).trim();
  expect(number).toMatch(/^TCT\.66\/2026\/\d{6}$/);
  await expect(certRow).toContainText('Còn hiệu lực');
  await expect(org.getByRole('link', { name: 'Tải tất cả (.zip)' })).toBeVisible();
  await shot(org, 'training-08-certificates');

  const [download] = await Promise.all([
    org.waitForEvent('download'),
    certRow.getByRole('link', { name: `Tải PDF giấy chứng nhận số ${number}` }).click(),
  ]);
  const pdf = fs.readFileSync((await download.path())!);
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(pdf.length).toBeGreaterThan(20_000);
  expect(pdf.length).toBeLessThan(5_000_000);
  expect(download.suggestedFilename()).toMatch(/\.pdf$/);
  const [zip] = await Promise.all([org.waitForEvent('download'), org.getByRole('link', { name: 'Tải tất cả (.zip)' }).click()]);
  const zipBytes = fs.readFileSync((await zip.path())!);
  expect(zipBytes.subarray(0, 2).toString('latin1')).toBe('PK');
  expect(zipBytes.length).toBeGreaterThan(pdf.length);

  // ---- 7. The public page, logged out, on a phone: valid, masked name.
  const verifyHref = await certRow.getByRole('link', { name: `Trang xác thực giấy chứng nhận số ${number}` }).getAttribute('href');
  expect(verifyHref).toMatch(/^\/xac-thuc\/TCT\.66-2026-\d{6}$/);
  const publicCtx = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
  const visitor = await publicCtx.newPage();
  await visitor.goto(verifyHref!);
  const verdict = visitor.getByRole('status', { name: /^Kết quả xác thực/ });
  await expect(verdict).toContainText('HỢP LỆ');
  await expect(verdict).toContainText('hợp lệ');
  await expect(visitor.locator('main')).toContainText(number);
  const holder = picked[0]!.split(' ');
  const masked = [...holder.slice(0, -1).map((w) => `${w.charAt(0)}.`), holder.at(-1)].join(' ');
  await expect(visitor.locator('main')).toContainText(masked);
  await expect(visitor.locator('main')).not.toContainText(picked[0]!);
  await expect(visitor.locator('main')).toContainText('Giải quyết thủ tục hành chính');
  await expect(visitor.locator('main')).toContainText(`${isoToVi(start)} – ${isoToVi(end)}`);
  await expect(visitor.locator('main')).toContainText('Trường Chính trị tỉnh Đắk Lắk');
  await expect(visitor.locator('main')).toContainText('23/11/2026');
  await expect(visitor.getByRole('link', { name: /^khoa-cong-khai-[0-9a-f]{16}\.pem$/ })).toBeVisible();
  await expect(visitor.getByRole('menu')).toHaveCount(0);
  await expectNoHorizontalScroll(visitor, 360);
  await shot(visitor, 'training-09-verify-valid-phone');

  // ---- 8. Revoke: the public page says so, with the reason.
  const revokeReason = `Cấp nhầm người, kiểm thử ${stamp}`;
  await certRow.getByRole('button', { name: `Thu hồi giấy chứng nhận số ${number}` }).click();
  const revokeModal = org.getByRole('dialog', { name: `Thu hồi giấy chứng nhận số ${number}?` });
  await revokeModal.getByLabel('Lý do thu hồi').fill(revokeReason);
  await revokeModal.getByRole('button', { name: 'Thu hồi' }).click();
  await expect(org.getByText(`Đã thu hồi giấy chứng nhận số ${number}.`)).toBeVisible();
  await expect(certRow).toContainText('Đã thu hồi');
  await expect(certRow).toContainText(revokeReason);

  await org.getByRole('menuitem', { name: 'Chứng chỉ' }).click();
  await expect(org.getByRole('heading', { level: 1 })).toHaveText('Giấy chứng nhận, chứng chỉ');
  await org.getByText('Đã thu hồi', { exact: true }).first().click();
  await expect(org).toHaveURL(/status=revoked/);
  await expect(rowsOf(org).filter({ hasText: number })).toContainText(revokeReason);
  await expect(rowsOf(org).filter({ hasNotText: 'Đã thu hồi' })).toHaveCount(0);
  await shot(org, 'training-10b-certificates-revoked');
  await org.getByRole('menuitem', { name: 'Điểm danh, kết quả' }).click();
  await org.getByText('Đã kết thúc', { exact: true }).first().click();
  await expect(rowsOf(org).filter({ hasText: className })).toContainText('2/2');

  await visitor.reload();
  await expect(verdict).toContainText('ĐÃ BỊ THU HỒI');
  await expect(verdict).toContainText(revokeReason);
  await expect(verdict).not.toContainText('HỢP LỆ');
  await shot(visitor, 'training-10-verify-revoked-phone');
  await publicCtx.close();
});

test('chương trình, kế hoạch, giảng viên: cảnh báo dưới 60% thực hành, phê duyệt và phiên bản mới, chỉ tiêu và thực hiện', async ({ page }) => {
  test.setTimeout(120_000);
  const stamp = String(Date.now()).slice(-6);
  await login(page, 'sonoivu.66');

  // ---- The catalogue: the seeded finance programme is flagged, and the filter finds it.
  await page.getByRole('menuitem', { name: 'Chương trình' }).click();
  await expect(page).toHaveURL(/\/chuong-trinh$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Chương trình bồi dưỡng');
  await page.getByText('Chỉ chương trình dưới 60% thực hành').click();
  await expect(page).toHaveURL(/lowPractice=true/);
  const low = rowsOf(page).filter({ hasText: 'BNV.CMNV.TCNS' });
  await expect(low).toContainText('37,5 %');
  await expect(low).toContainText('Dưới 60% thực hành');
  await expect(rowsOf(page).filter({ hasNotText: 'Dưới 60% thực hành' })).toHaveCount(0);
  await page.getByText('Chỉ chương trình dưới 60% thực hành').click();

  // ---- A province programme with too little practice: saved with a warning, approved, then a new version.
  const name = `Kỹ năng số cho bộ phận một cửa ${stamp}`;
  await page.getByRole('button', { name: 'Thêm chương trình' }).click();
  const form = page.getByRole('dialog', { name: 'Thêm chương trình bồi dưỡng' });
  await form.getByLabel('Tên chương trình').fill(name);
  await chooseOption(page, form, 'Loại chương trình', '', 'Kỹ năng bổ trợ (2–5 ngày)');
  await chooseOption(page, form, 'Lĩnh vực', 'Chuyển đổi', 'Chuyển đổi số', true);
  await form.getByLabel('Giờ thực hành, tình huống, mô phỏng').fill('10');
  await expect(form.getByRole('alert')).toContainText('Tỷ lệ thực hành 41,7 % — dưới 60%');
  await shot(page, 'training-11-programme-form-warning');
  await form.getByRole('button', { name: 'Lưu' }).click();
  await expect(page.getByText('Đã thêm chương trình (dự thảo).')).toBeVisible();
  await expect(page.getByText(/chỉ chiếm 41,7%/).first()).toBeVisible();
  const detail = page.getByRole('dialog', { name });
  await expect(detail).toContainText('Dự thảo');
  await expect(detail).toContainText('Cơ quan chủ quảnĐắk Lắk');
  await detail.getByRole('button', { name: 'Phê duyệt' }).click();
  await confirmDialog(page, 'Phê duyệt');
  await expect(page.getByText('Đã phê duyệt phiên bản 1.')).toBeVisible();
  await expect(detail.getByRole('button', { name: 'Ngừng sử dụng' })).toBeVisible();

  await detail.getByRole('button', { name: 'Sửa' }).click();
  const edit = page.getByRole('dialog', { name: /^Sửa chương trình / });
  await edit.getByLabel('Giờ thực hành, tình huống, mô phỏng').fill('16');
  await expect(edit.getByText('Tỷ lệ thực hành, tình huống, mô phỏng: 66,7 %')).toBeVisible();
  await edit.getByRole('button', { name: 'Lưu' }).click();
  await expect(page.getByText('Đã tạo phiên bản dự thảo số 2; cần phê duyệt để sử dụng.')).toBeVisible();
  const versions = rowsOf(detail);
  await expect(versions).toHaveCount(2);
  await expect(versions.nth(0)).toContainText('Đã phê duyệt');
  await expect(versions.nth(1)).toContainText('2 (đang xem)');
  await expect(versions.nth(1)).toContainText('Dự thảo');
  await shot(page, 'training-12-programme-versions');
  await page.keyboard.press('Escape');
  await expect(detail).toBeHidden();

  await page.getByLabel('Tìm chương trình').fill(stamp);
  await expect(rowsOf(page)).toHaveCount(2);
  await expect(rowsOf(page).filter({ hasText: 'Phiên bản 1' })).toContainText('Dưới 60% thực hành');
  await expect(rowsOf(page).filter({ hasText: 'Phiên bản 2' })).not.toContainText('Dưới 60% thực hành');

  // ---- Plans: Đắk Lắk 2026–2028 with its targets; a new commune plan with targets.
  await page.getByRole('menuitem', { name: 'Kế hoạch' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kế hoạch bồi dưỡng');
  const daklak = rowsOf(page).filter({ hasText: 'tỉnh Đắk Lắk giai đoạn 2026–2028' });
  await expect(daklak).toContainText(/\d+ \/ 168 lớp/);
  await expect(daklak).toContainText(/[\d.]+ \/ 16\.947 lượt/);
  await expect(daklak.getByRole('meter').first()).toHaveAttribute('aria-label', /thời gian đã qua 29,8 %/);
  await shot(page, 'training-13-plans');
  await daklak.getByRole('link').first().click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Đắk Lắk giai đoạn 2026–2028');
  await expect(rowsOf(page).filter({ hasText: 'Tổng cộng' })).toContainText('16.947 lượt');
  await expect(page.getByText('Kế hoạch cấp dưới')).toBeVisible();
  await shot(page, 'training-14-plan-detail');

  const year = String(2027 + Math.floor(Math.random() * 5));
  await page.getByRole('menuitem', { name: 'Kế hoạch' }).click();
  await page.getByRole('button', { name: 'Thêm kế hoạch' }).click();
  const planForm = page.getByRole('dialog', { name: 'Thêm kế hoạch bồi dưỡng' });
  await chooseOption(page, planForm, 'Cấp kế hoạch', '', 'Cấp xã');
  await chooseOption(page, planForm, 'Giai đoạn', '', Number(year) <= 2028 ? 'Giai đoạn 1 (2026–2028)' : 'Giai đoạn 2 (2029–2031)');
  await chooseOption(page, planForm, 'Năm', '', `Năm ${year}`);
  await chooseOption(page, planForm, 'Xã, phường, đặc khu', 'Buôn Đôn', 'Xã Buôn Đôn');
  await planForm.getByLabel('Số văn bản').fill(`${stamp}/KH-UBND`);
  await planForm.getByLabel('Số lớp — Kỹ năng bổ trợ (2–5 ngày)').fill('2');
  await planForm.getByLabel('Số lượt người học — Kỹ năng bổ trợ (2–5 ngày)').fill('1250');
  await expect(planForm.getByLabel('Số lượt người học — Kỹ năng bổ trợ (2–5 ngày)')).toHaveValue('1.250');
  await planForm.getByRole('button', { name: 'Lưu' }).click();
  const created = page.getByText('Đã thêm kế hoạch.');
  const duplicate = planForm.getByText(/^Đã có kế hoạch cho địa bàn và thời kỳ này/);
  await expect(created.or(duplicate)).toBeVisible();
  if (await created.isVisible()) {
    await expect(page.getByRole('heading', { level: 1 })).toContainText(`Xã Buôn Đôn`);
    await expect(rowsOf(page).filter({ hasText: 'Tổng cộng' })).toContainText('0 / 1.250 lượt');
    await expect(page.locator('main')).toContainText(`${stamp}/KH-UBND`);
  }

  // ---- Instructors: filter by field, open one.
  await page.getByRole('menuitem', { name: 'Giảng viên' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Giảng viên, báo cáo viên');
  await chooseOption(page, page.locator('main'), 'Lọc theo lĩnh vực', 'Thủ tục', 'Thủ tục hành chính');
  await expect(page).toHaveURL(/field=thu_tuc_hanh_chinh/);
  const instructor = rowsOf(page).filter({ hasText: 'Võ Thị Mai Hương' });
  await expect(instructor).toContainText('Trường Chính trị tỉnh Đắk Lắk');
  await expect(rowsOf(page).filter({ hasNotText: 'Thủ tục hành chính' })).toHaveCount(0);
  await instructor.getByText('Võ Thị Mai Hương').click();
  const drawer = page.getByRole('dialog', { name: 'Võ Thị Mai Hương' });
  await expect(drawer).toContainText('Các buổi đã giảng');
  await expect(drawer).toContainText(/\d+ buổi, \d+ lớp/);
  await shot(page, 'training-15-instructor');
});
