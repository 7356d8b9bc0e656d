import { expect, test } from '@playwright/test';
import { DEMO, login, openNavTree } from './support.js';

test('cán bộ Đoàn phường chỉ thấy cây của đơn vị mình, đường dẫn vẫn hiện cấp trên', async ({ page, isMobile }) => {
  await login(page, DEMO.commune);
  await expect(page.getByTestId('unit-title')).toHaveText('Đoàn phường Hải Châu');

  const breadcrumb = page.getByTestId('unit-breadcrumb');
  await expect(breadcrumb).toContainText('Trung ương Đoàn TNCS Hồ Chí Minh');
  await expect(breadcrumb).toContainText('Thành đoàn Đà Nẵng');
  // Units above the scope are names, not links.
  await expect(breadcrumb.getByRole('link', { name: 'Thành đoàn Đà Nẵng' })).toHaveCount(0);

  const tree = await openNavTree(page, isMobile);
  await expect(tree.getByText('Đoàn phường Hải Châu', { exact: true })).toBeVisible();
  await expect(tree.getByText('Thành đoàn Đà Nẵng')).toHaveCount(0);
  await expect(tree.getByText('Trung ương Đoàn TNCS Hồ Chí Minh')).toHaveCount(0);

  // The tree opens on the unit's sub-units; clicking one opens its page.
  await tree.getByText('Chi đoàn Tổ dân phố 2', { exact: true }).click();
  await expect(page.getByTestId('unit-title')).toHaveText('Chi đoàn Tổ dân phố 2');
  await expect(page.getByTestId('unit-breadcrumb').getByRole('link', { name: 'Đoàn phường Hải Châu' })).toBeVisible();
});
