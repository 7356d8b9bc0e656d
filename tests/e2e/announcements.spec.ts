import { expect, test, type Page } from '@playwright/test';
import { DEMO, login, openMenu, submitLogin, uniqueSuffix } from './support.js';

/**
 * The demo member account, linked to Phạm Minh Tuấn of Chi đoàn Tổ dân phố 1 (the self-service journey may have
 * renamed him "Phạm Minh <word>" before this one runs).
 */
const MEMBER = { username: 'doanvien', password: 'Doanvien@2025', name: /Phạm Minh / };

async function signInAs(page: Page, account: { username: string; password: string }) {
  await page.context().clearCookies();
  await login(page, account);
}

async function signInAsMember(page: Page) {
  await page.context().clearCookies();
  await page.goto('/login');
  await submitLogin(page, MEMBER.username, MEMBER.password);
  await page.waitForURL(/\/me$/);
}

test('phường phát hành thông báo, đoàn viên đọc, cán bộ thấy số người đã đọc tăng', async ({ page, isMobile }) => {
  const title = `Phổ biến nghị quyết mới ${uniqueSuffix()}`;

  await login(page, DEMO.commune);
  await openMenu(page, isMobile, 'Thông báo');
  await expect(page.getByRole('heading', { name: 'Thông báo' })).toBeVisible();
  await page.getByTestId('announcement-compose').click();
  const drawer = page.getByRole('dialog');
  await expect(drawer.getByTestId('compose-unit')).toHaveText('Đoàn phường Hải Châu');
  await drawer.getByLabel('Tiêu đề').fill(title);
  await drawer.getByLabel('Nội dung').fill('Dòng thứ nhất của thông báo.\nDòng thứ hai: <b>không phải HTML</b>.');
  await drawer.getByTestId('announcement-save').click();
  await expect(page.getByTestId('announcement-title')).toHaveText(title);
  await expect(page.getByTestId('announcement-status')).toHaveText('Đang soạn');
  await page.getByTestId('announcement-publish').click();
  await page.locator('.ant-modal-confirm').getByRole('button', { name: 'Phát hành' }).click();
  await expect(page.getByTestId('announcement-status')).toHaveText('Đã phát hành');
  await expect(page.getByTestId('announcement-body')).toContainText('<b>không phải HTML</b>');
  const total = page.getByTestId('read-total');
  await expect(total).toContainText('Tổng: 0/');
  const audience = /Tổng: 0\/(\d+)/.exec((await total.textContent()) ?? '')?.[1];
  const url = page.url();

  await signInAsMember(page);
  await openMenu(page, isMobile, 'Thông báo');
  const card = page.getByTestId('my-announcement').filter({ hasText: title });
  await expect(card.getByTestId('unread-badge')).toBeVisible();
  await card.getByRole('link', { name: title }).click();
  await expect(page.getByTestId('announcement-title')).toHaveText(title);
  await expect(page.getByTestId('announcement-body')).toContainText('Dòng thứ hai');
  await expect(page.getByTestId('announcement-read-at')).toContainText('Đã đọc');
  await page.getByRole('link', { name: 'Danh sách thông báo' }).click();
  await expect(page.getByTestId('my-announcement').filter({ hasText: title }).getByTestId('unread-badge')).toHaveCount(
    0,
  );

  await signInAs(page, DEMO.commune);
  await page.goto(url);
  await expect(page.getByTestId('read-total')).toContainText(`Tổng: 1/${audience}`);
  await page.getByTestId('read-groups').getByRole('button', { name: 'Chi đoàn Tổ dân phố 1' }).click();
  await expect(page.getByTestId('read-unit')).toHaveText('Chi đoàn Tổ dân phố 1');
  const row = page.getByTestId('read-member').filter({ hasText: MEMBER.name });
  await expect(row).toContainText(/\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);
  await expect(page.getByTestId('read-total')).toContainText('Tổng: 1/');
});
