import { expect, type Page } from '@playwright/test';

/** Demo accounts created by the server's seed (DEMO=1). */
export const DEMO = {
  admin: { username: 'admin', password: 'Admin@2025', name: 'Quản trị hệ thống' },
  province: { username: 'tinhdoan', password: 'Tinhdoan@2025', name: 'Trần Thị Thu Hà' },
  commune: { username: 'xadoan', password: 'Xadoan@2025', name: 'Lê Văn Hùng' },
  branch: { username: 'bithu', password: 'Bithu@2025', name: 'Nguyễn Thị Mai' },
} as const;

/** A suffix that differs between runs and between the desktop and phone projects (they share a database). */
export function uniqueSuffix(): string {
  return `${Date.now().toString(36)}${Math.floor(Math.random() * 1296)
    .toString(36)
    .padStart(2, '0')}`;
}

/** Fills the login form and submits it. */
export async function submitLogin(page: Page, username: string, password: string): Promise<void> {
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
}

/** Logs in from the login page and waits for the first unit page. */
export async function login(page: Page, account: { username: string; password: string }): Promise<void> {
  await page.goto('/login');
  await submitLogin(page, account.username, account.password);
  await page.waitForURL(/\/units\/[0-9a-f-]+$/);
  await expect(page.getByTestId('unit-title')).toBeVisible();
}

/** The navigation tree: the Sider on desktop; on a phone it is opened from the header button first. */
export async function openNavTree(page: Page, isMobile: boolean) {
  if (isMobile) await page.getByTestId('open-tree').click();
  const tree = page.getByTestId('nav-tree');
  await expect(tree).toBeVisible();
  return tree;
}

/** Clicks a main menu item (header menu on desktop, the menu drawer on a phone). */
export async function openMenu(page: Page, isMobile: boolean, label: string): Promise<void> {
  // The accessible name starts with the icon's label ("idcard Đoàn viên"): match the text at its end.
  const name = new RegExp(`(^|\\s)${escapeRegExp(label)}$`);
  if (isMobile) {
    await page.getByTestId('open-menu').click();
    const drawer = page.locator('.ant-drawer-content-wrapper');
    await drawer.getByRole('menuitem', { name }).click();
    // The drawer gives focus back to its button when it has closed: wait, or it would close a popup opened meanwhile.
    await expect(drawer).toBeHidden();
  } else {
    const header = page.locator('.app-header');
    const item = header.getByRole('menuitem', { name });
    await expect(header.locator('.ant-menu-item, .ant-menu-submenu').first()).toBeVisible();
    if (await item.isVisible()) return item.click();
    // Pages of a group ("Nghiệp vụ", "Hệ thống") and items that do not fit wait in submenus (opened by a click).
    const popupItem = page.locator('.ant-menu-submenu-popup:visible').getByRole('menuitem', { name }).first();
    const before = page.url();
    for (const submenu of await header.locator('.ant-menu-submenu').all()) {
      if (!(await submenu.isVisible())) continue;
      await submenu.click();
      const found = await popupItem
        .waitFor({ state: 'visible', timeout: 2000 })
        .then(() => true)
        .catch(() => false);
      if (found) {
        // Under load a click may land while the popup is still moving in and miss the item, or close the popup
        // without navigating: open the group again and click until the page has changed.
        await expect(async () => {
          if (page.url() !== before) return;
          if (!(await popupItem.isVisible())) await submenu.click();
          await popupItem.click({ timeout: 2000 });
          await page.waitForURL((url) => url.href !== before, { timeout: 2000 });
        }).toPass({ timeout: 15_000 });
        await expect(page.locator('.ant-menu-submenu-popup:visible')).toHaveCount(0);
        return;
      }
      await submenu.click();
    }
    throw new Error(`Menu item "${label}" not found`);
  }
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Chooses an option of an antd Select opened from its label.
 * A string option must match the whole option text; a RegExp may match part of it.
 */
export async function chooseOption(page: Page, label: string, option: string | RegExp, search?: string): Promise<void> {
  const input = page.getByLabel(label, { exact: true });
  await input.click();
  if (search) await input.fill(search);
  const text = typeof option === 'string' ? new RegExp(`^${escapeRegExp(option)}$`) : option;
  const choice = page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: text }).first();
  await choice.click();
}
