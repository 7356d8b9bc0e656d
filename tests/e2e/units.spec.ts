import { expect, test } from '@playwright/test';
import { chooseOption, DEMO, login, openNavTree, uniqueSuffix } from './support.js';

test('Thành đoàn thêm một chi đoàn trực thuộc Đoàn phường rồi sửa thông tin của nó', async ({ page, isMobile }) => {
  const suffix = uniqueSuffix();
  const name = `Chi đoàn Thanh niên E2E ${suffix}`;
  const code = `E2E-${suffix}`.toUpperCase();

  await login(page, DEMO.province);
  await expect(page.getByTestId('unit-title')).toHaveText('Thành đoàn Đà Nẵng');

  const tree = await openNavTree(page, isMobile);
  await tree.getByText('Đoàn phường Hải Châu', { exact: true }).click();
  await expect(page.getByTestId('unit-title')).toHaveText('Đoàn phường Hải Châu');

  await page.getByRole('button', { name: 'Thêm đơn vị trực thuộc' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('Thêm đơn vị trực thuộc Đoàn phường Hải Châu');
  await dialog.getByLabel('Tên đơn vị').fill(name);
  await dialog.getByLabel('Mã đơn vị').fill(code);
  await chooseOption(page, 'Loại đơn vị', 'Chi đoàn');
  await dialog.getByLabel('Ngày thành lập').fill('01/09/2025');
  await dialog.getByLabel('Ngày thành lập').press('Enter');
  await dialog.getByRole('button', { name: 'Lưu' }).click();
  await expect(dialog).toBeHidden();

  const row = page.getByTestId('children-table').getByRole('row', { name: new RegExp(name) });
  await expect(row).toBeVisible();
  await expect(row).toContainText(code);

  await row.getByRole('link', { name }).click();
  await expect(page.getByTestId('unit-title')).toHaveText(name);
  await expect(page.getByTestId('unit-details')).toContainText('01/09/2025');
  await expect(page.getByTestId('unit-breadcrumb')).toContainText('Đoàn phường Hải Châu');

  await page.getByRole('button', { name: 'Sửa thông tin' }).click();
  const edit = page.getByRole('dialog');
  await expect(edit.getByLabel('Tên đơn vị')).toHaveValue(name);
  await edit.getByLabel('Địa chỉ').fill('12 Bạch Đằng, phường Hải Châu, Đà Nẵng');
  await edit.getByLabel('Số điện thoại').fill('0236 3821 000');
  await edit.getByLabel('Tên viết tắt').fill(`CĐ ${suffix}`);
  await edit.getByRole('button', { name: 'Lưu' }).click();
  await expect(edit).toBeHidden();

  const details = page.getByTestId('unit-details');
  await expect(details).toContainText('12 Bạch Đằng, phường Hải Châu, Đà Nẵng');
  await expect(details).toContainText('0236 3821 000');
  await expect(details).toContainText(`CĐ ${suffix}`);

  await page.getByRole('tab', { name: 'Lịch sử' }).click();
  await expect(page.getByTestId('history-table')).toContainText(name);
});
