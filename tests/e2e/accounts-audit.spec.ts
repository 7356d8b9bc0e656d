import { expect, test } from '@playwright/test';
import { chooseOption, DEMO, login, openMenu, uniqueSuffix } from './support.js';

test('quản trị tạo tài khoản có vai trò, nhật ký thao tác ghi lại', async ({ page, isMobile }) => {
  const suffix = uniqueSuffix();
  const username = `e2e_${suffix}`;
  const fullName = `Phạm Minh Tuấn ${suffix}`;

  await login(page, DEMO.admin);
  await openMenu(page, isMobile, 'Tài khoản');
  await expect(page).toHaveURL(/\/accounts$/);

  await page.getByRole('button', { name: 'Tạo tài khoản' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Tên đăng nhập').fill(username);
  await dialog.getByLabel('Họ và tên').fill(fullName);
  await dialog.getByLabel('Thư điện tử').fill(`${username}@example.vn`);
  await dialog.getByLabel('Mật khẩu').fill('MatKhau@2025');
  await chooseOption(page, 'Vai trò', 'Cán bộ');
  await chooseOption(page, 'Đơn vị', /^Đoàn phường Hải Châu \(HCH\)$/, 'Hải Châu');
  await dialog.getByRole('button', { name: 'Tạo' }).click();
  await expect(dialog).toBeHidden();

  await page.getByPlaceholder('Tìm theo tên đăng nhập hoặc họ tên').fill(username);
  await page.getByPlaceholder('Tìm theo tên đăng nhập hoặc họ tên').press('Enter');
  const row = page.getByTestId('accounts-table').getByRole('row', { name: new RegExp(username) });
  await expect(row).toBeVisible();
  await expect(row).toContainText(fullName);
  await expect(row).toContainText('Cán bộ @ Đoàn phường Hải Châu');

  await openMenu(page, isMobile, 'Nhật ký thao tác');
  await expect(page).toHaveURL(/\/audit$/);
  await chooseOption(page, 'Đối tượng', 'Tài khoản');
  await chooseOption(page, 'Thao tác', 'Tạo mới');
  await page.getByRole('button', { name: /Lọc$/ }).click();

  const table = page.getByTestId('audit-table');
  const first = table.locator('tbody tr.ant-table-row').first();
  await expect(first).toContainText('Tạo mới');
  // The actor is shown by name (or by username when the account has no display name).
  await expect(first).toContainText(new RegExp(`${DEMO.admin.name}|${DEMO.admin.username}`));
  await expect(first).toContainText(/\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);
  await first.locator('.ant-table-row-expand-icon').click();
  await expect(table.locator('.json-block').last()).toContainText(username);
});
