/** Shared steps of the browser tests: demo log-in, full-page screenshots, overflow check. */
import fs from 'node:fs';
import path from 'node:path';
import { expect, type Locator, type Page } from '@playwright/test';

/** Every demo account's password (apps/server/src/seed/demo.ts). */
export { APP_TODAY } from './app-today.ts';
export const DEMO_PASSWORD = 'Demo@2026';
/** Demo communes of Đắk Lắk (66). */
export const TUY_HOA = '22015'; // Phường Tuy Hoà (source data spells "Hoà")
export const EA_KAR = '24373'; // Xã Ea Kar
export const BUON_DON = '24235'; // Xã Buôn Đôn
/** "Tuy Hoà" and "Tuy Hòa" are both correct Vietnamese spellings; accept either. */
export const TUY_HOA_NAME = /Tuy (?:Ho\u00e0|H\u00f2a)/;

const SCREENS = path.resolve('test-results/screens');

export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENS, { recursive: true });
  // Let antd's entry animations and toasts settle so the picture shows the final state.
  await page.waitForTimeout(350);
  await page.screenshot({ path: path.join(SCREENS, `${name}.png`), fullPage: true });
}

export async function fillLogin(page: Page, username: string, password: string): Promise<void> {
  await page.goto('/dang-nhap');
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
}

/** Logs in with a demo account and waits for the home page. */
export async function login(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await fillLogin(page, username, password);
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole('heading', { level: 1, name: /Xin chào/ })).toBeVisible();
}

/** Names of the visible entries of the main menu (desktop sider), top to bottom. */
export async function menuLabels(page: Page): Promise<string[]> {
  const menu = page.getByRole('menu').first();
  await expect(menu).toBeVisible();
  const labels = await menu.getByRole('menuitem').allInnerTexts();
  return labels.map((l) => l.trim()).filter(Boolean);
}

export async function expectNoHorizontalScroll(page: Page, width: number): Promise<void> {
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(scrollWidth, `trang rộng ${scrollWidth}px, vượt ${width}px`).toBeLessThanOrEqual(width);
}

/** Picks an option in an antd Select opened from the combobox with this accessible name (inside `within`). */
export async function pickOption(page: Page, comboboxName: string | RegExp, option: string, within: Locator | Page = page): Promise<void> {
  await within.getByRole('combobox', { name: comboboxName }).click();
  const dropdown = page.locator('.ant-select-dropdown:visible');
  const item = dropdown.getByTitle(option, { exact: true });
  await item.click();
  // Under load a click that lands while the list is still opening can be lost (seen in a full run): done when the
  // dropdown has closed (single select) or the option shows as selected (multiple); otherwise click it again.
  await expect(async () => {
    if ((await dropdown.count()) === 0) return;
    if (await item.evaluate((el) => el.classList.contains('ant-select-item-option-selected'))) return;
    await item.click({ timeout: 2_000 });
    throw new Error(`chưa chọn được "${option}"`);
  }).toPass({ timeout: 15_000 });
}
