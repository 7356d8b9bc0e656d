import { expect, test } from '@playwright/test';
import { DEMO, login, openMenu, submitLogin, uniqueSuffix } from './support.js';

const MEMBER = { username: 'doanvien', password: 'Doanvien@2025' };

/** dd/mm/yyyy of today in Vietnam. */
function todayVi(): string {
  const d = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
  return `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;
}

test('bí thư lập kế hoạch năm, ghi nhận buổi sinh hoạt, đoàn viên quét QR điểm danh, bí thư điểm danh', async ({
  page,
  browser,
  isMobile,
}) => {
  const topic = `Sinh hoạt chủ đề ${uniqueSuffix()}`;
  await login(page, DEMO.branch);
  await openMenu(page, isMobile, 'Sinh hoạt chi đoàn');
  await expect(page.getByTestId('meetings-unit')).toHaveText('Chi đoàn Tổ dân phố 1');

  await page.getByRole('button', { name: 'Lập kế hoạch năm' }).click();
  await page.locator('.ant-modal-confirm').getByRole('button', { name: 'Lập kế hoạch năm' }).click();
  await expect(page.getByText(/Đã lập kế hoạch năm \d{4}\./)).toBeVisible();
  await expect(page.getByTestId('meeting-status').first()).toBeVisible();

  await page.getByRole('button', { name: 'Thêm buổi sinh hoạt' }).click();
  const modal = page.locator('.ant-modal').filter({ hasText: 'Ngày dự kiến' });
  await modal.getByLabel('Chủ đề').fill(topic);
  await modal.getByRole('button', { name: 'Thêm buổi sinh hoạt' }).click();
  await page.waitForURL(/\/meetings\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId('meeting-status').first()).toHaveText('Dự kiến');

  const held = page.getByLabel('Ngày sinh hoạt');
  await held.click();
  await held.fill(todayVi());
  await held.press('Enter');
  await page.getByLabel('Biên bản').fill('Chi đoàn thảo luận kế hoạch ra quân tình nguyện hè.');
  await page.getByRole('button', { name: 'Ghi nhận đã tổ chức' }).click();
  await expect(page.getByText('Đã lưu buổi sinh hoạt.')).toBeVisible();
  await expect(page.getByTestId('meeting-status').first()).toHaveText('Đã tổ chức');

  await page.getByTestId('show-qr').click();
  const qr = page.getByTestId('checkin-qr');
  await expect(qr).toBeVisible();
  const code = await qr.getAttribute('data-code');
  expect(code).toMatch(/^MT1\./);

  const phone = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'vi-VN' });
  const member = await phone.newPage();
  await member.goto(`/checkin/${encodeURIComponent(code!)}`);
  await member.waitForURL(/\/login/);
  await submitLogin(member, MEMBER.username, MEMBER.password);
  await expect(member.getByText('Bạn đã điểm danh thành công!')).toBeVisible();
  await expect(member.getByTestId('checkin-result')).toContainText('Chi đoàn Tổ dân phố 1');
  await member.reload();
  await expect(member.getByTestId('checkin-error')).toContainText('Bạn đã điểm danh buổi sinh hoạt này lúc');
  await phone.close();

  await expect(page.getByTestId('qr-live')).toHaveText('1 đoàn viên đã điểm danh bằng QR', { timeout: 20_000 });
  await page.getByRole('button', { name: 'Ẩn mã QR' }).click();

  await page.getByRole('button', { name: 'Tất cả có mặt' }).click();
  const first = page
    .getByTestId('roster-row')
    .filter({ hasNot: page.getByText(/Quét QR/) })
    .first();
  await first.getByText('Vắng có phép', { exact: true }).click();
  await page.getByRole('button', { name: 'Lưu điểm danh' }).click();
  await expect(page.getByText('Đã lưu điểm danh.')).toBeVisible();
  await expect(page.getByTestId('attendance-summary')).toContainText('Vắng có phép 1');
  await expect(page.getByTestId('attendance-summary')).toContainText('Vắng không phép 0');
});
