/** Steps shared by the training browser tests: antd selects with search, confirm dialogs, date inputs. */
import { expect, type Locator, type Page } from '@playwright/test';

/** 2026-03-09 → 09/03/2026 */
export const isoToVi = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/**
 * Opens the select named `name` inside `within`, types `search` (searchable selects) and picks the
 * option; retried until the select shows the choice (a click during the drawer's or the
 * dropdown's opening animation can miss). `multiple`: a tag select, closed with Escape after the pick.
 */
export async function chooseOption(
  page: Page,
  within: Locator | Page,
  name: string | RegExp,
  search: string,
  option: string | RegExp,
  multiple = false,
): Promise<void> {
  const box = within.getByRole('combobox', { name });
  const select = box.locator('xpath=ancestor::div[contains(@class,"ant-select ")][1]');
  const wanted = typeof option === 'string' ? new RegExp(`^${option.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) : option;
  const item = page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: wanted }).first();
  await expect(async () => {
    if (!(await item.isVisible())) {
      await box.click();
      if (search && (await box.getAttribute('readonly')) === null) {
        await box.fill('');
        await box.pressSequentially(search);
      }
    }
    await item.click({ timeout: 3_000 });
    if (multiple) await box.press('Escape');
    await expect(select).toContainText(option, { timeout: 1_500 });
  }).toPass({ timeout: 15_000 });
  await expect(page.locator('.ant-select-dropdown:visible')).toHaveCount(0);
}

/** Presses the OK button of the open confirmation dialog (App.useApp().modal.confirm). */
export async function confirmDialog(page: Page, okText: string): Promise<void> {
  const dialog = page.locator('.ant-modal-confirm:visible');
  await dialog.getByRole('button', { name: okText }).click();
  await expect(dialog).toHaveCount(0);
}

/** Types a dd/mm/yyyy date into an antd date input and confirms it. */
export async function fillDate(input: Locator, value: string): Promise<void> {
  await input.click();
  await input.fill(value);
  await input.press('Enter');
}
