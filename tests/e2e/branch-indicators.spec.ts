import { expect, test } from '@playwright/test';
import { DEMO, login, openMenu } from './support.js';

test('cán bộ đoàn xã xem chỉ tiêu chi đoàn, danh sách sau một chỉ tiêu và tải sổ chi đoàn', async ({
  page,
  isMobile,
}) => {
  await login(page, DEMO.commune);
  await openMenu(page, isMobile, 'Chỉ tiêu, sổ chi đoàn');
  await expect(page.getByRole('heading', { name: 'Chỉ tiêu chi đoàn' })).toBeVisible();
  await expect(page.getByTestId('indicators-unit')).toContainText('Đoàn phường Hải Châu');
  await expect(page.getByTestId('indicator-pilot')).toContainText('Đoàn xã, phường có chi đoàn chỉ đạo');

  await page.getByTestId('indicator-minMembers').click();
  const drawer = page.getByRole('dialog');
  await expect(drawer.getByText('Chi đoàn có từ 9 đoàn viên')).toBeVisible();
  const list = drawer.getByTestId('indicator-list');
  // The branches counted: other journeys may have added an empty branch that sorts first among the others.
  await drawer.getByText('Trong tử số').click();
  const branch = list.getByText(/Chi đoàn Tổ dân phố/).first();
  await expect(branch).toBeVisible();
  await expect(list.getByText(/Thanh niên E2E/)).toHaveCount(0);
  await list.getByRole('link', { name: 'Sổ chi đoàn' }).first().click();

  await expect(page.getByRole('heading', { name: /Sổ chi đoàn: Chi đoàn Tổ dân phố/ })).toBeVisible();
  await expect(page.getByRole('tab', { name: /Đoàn viên/ })).toBeVisible();
  await expect(page.getByTestId('book-ratings')).toHaveText('Chưa có kết quả xếp loại');
  const download = page.waitForEvent('download');
  await page.getByTestId('book-xlsx').click();
  expect((await download).suggestedFilename()).toMatch(/^So-chi-doan-.*\.xlsx$/);
});
