import { expect, test, type Page } from '@playwright/test';
import { DEMO, login, openMenu, submitLogin } from './support.js';

/** The demo member account, linked to a member of Chi đoàn Tổ dân phố 1. */
const MEMBER = { username: 'doanvien', password: 'Doanvien@2025' };

/** Letters only (a full name may not contain digits), different on each run and project. */
const uniqueWord = () =>
  [...String(Date.now()).slice(-7)].map((d, i) => String.fromCharCode((i === 0 ? 65 : 97) + Number(d))).join('');

async function loginAsMember(page: Page): Promise<void> {
  await page.goto('/login');
  await submitLogin(page, MEMBER.username, MEMBER.password);
  await page.waitForURL(/\/me$/);
  await expect(page.getByTestId('member-name')).toBeVisible();
}

async function logout(page: Page, isMobile: boolean): Promise<void> {
  if (isMobile) {
    await page.getByTestId('open-menu').click();
    await page.locator('.ant-drawer').getByRole('menuitem', { name: 'Đăng xuất' }).click();
  } else {
    await page.getByTestId('user-menu').click();
    await page.getByRole('menuitem', { name: 'Đăng xuất' }).click();
  }
  await expect(page).toHaveURL(/\/login/);
}

test('đoàn viên xem thẻ, sửa số điện thoại, đề nghị sửa họ tên; bí thư duyệt; đoàn viên thấy tên mới', async ({
  page,
  isMobile,
}) => {
  const newName = `Phạm Minh ${uniqueWord()}`;
  const phone = `09${String(Date.now()).slice(-8)}`;

  await loginAsMember(page);
  // The desktop and phone projects share the database: a request left pending by an earlier run is withdrawn.
  await page.evaluate(async () => {
    const profile = (await (await fetch('/api/me/member')).json()) as {
      requests: { id: string; status: string; version: number }[];
    };
    for (const r of profile.requests.filter((x) => x.status === 'pending'))
      await fetch(`/api/me/change-requests/${r.id}/withdraw`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ version: r.version }),
      });
  });
  await page.reload();
  // A member account sees its own record only: no organisation tree.
  await expect(page.getByTestId(isMobile ? 'open-tree' : 'nav-tree')).toHaveCount(0);

  await page.getByRole('button', { name: 'Xem thẻ đoàn viên' }).click();
  await expect(page).toHaveURL(/\/me\/card$/);
  const card = page.getByTestId('member-card');
  await expect(card).toContainText('Thẻ đoàn viên');
  await expect(card).toContainText('DV0099001');
  await expect(card).toContainText('Chi đoàn Tổ dân phố 1');
  await expect(card).toContainText('26/03/2019');
  const qr = page.getByTestId('card-qr');
  await expect(qr).toBeVisible();
  await expect(qr).toHaveJSProperty('complete', true);
  await expect(qr).not.toHaveJSProperty('naturalWidth', 0);
  const box = await card.boundingBox();
  expect(box!.width).toBeLessThanOrEqual(page.viewportSize()!.width);

  await openMenu(page, isMobile, 'Hồ sơ của tôi');
  await expect(page).toHaveURL(/\/me$/);
  await page.getByRole('button', { name: 'Sửa thông tin liên hệ' }).click();
  const contact = page.getByRole('dialog');
  await contact.getByLabel('Điện thoại').fill('12345');
  await contact.getByRole('button', { name: 'Lưu' }).click();
  await expect(contact.getByText('Số điện thoại phải có 10 chữ số, bắt đầu bằng 0 (hoặc +84).')).toBeVisible();
  await contact.getByLabel('Điện thoại').fill(`${phone.slice(0, 4)} ${phone.slice(4, 7)} ${phone.slice(7)}`);
  await contact.getByRole('button', { name: 'Lưu' }).click();
  await expect(contact).toBeHidden();
  await expect(page.getByTestId('member-section-personal')).toContainText(phone);

  await page.getByRole('button', { name: 'Đề nghị sửa thông tin nhân thân' }).click();
  const request = page.getByRole('dialog');
  await request.getByLabel('Họ và tên').fill(newName);
  await request.getByLabel('Ghi chú gửi chi đoàn').fill('Theo giấy khai sinh.');
  await request.getByRole('button', { name: 'Gửi yêu cầu' }).click();
  await expect(request).toBeHidden();
  const pending = page.getByTestId('pending-request');
  await expect(pending).toContainText('Yêu cầu đang chờ chi đoàn duyệt');
  await expect(pending).toContainText(newName);
  await expect(page.getByRole('button', { name: 'Đề nghị sửa thông tin nhân thân' })).toBeDisabled();

  await logout(page, isMobile);
  await login(page, DEMO.branch);
  await openMenu(page, isMobile, 'Yêu cầu cập nhật');
  await expect(page).toHaveURL(/\/member-change-requests$/);
  await expect(page.getByRole('heading', { name: 'Yêu cầu cập nhật thông tin' })).toBeVisible();
  const item = page.getByTestId('change-request').filter({ hasText: newName });
  await expect(item).toContainText('Chi đoàn Tổ dân phố 1');
  await expect(item).toContainText('Theo giấy khai sinh.');
  await item.getByTestId('approve-request').click();
  await page.locator('.ant-popconfirm').getByRole('button', { name: 'Duyệt' }).click();
  await expect(page.getByText('Đã duyệt và cập nhật hồ sơ.')).toBeVisible();
  await expect(page.getByTestId('change-request').filter({ hasText: newName })).toHaveCount(0);

  await logout(page, isMobile);
  await loginAsMember(page);
  await expect(page.getByTestId('member-name')).toHaveText(newName);
  await expect(page.getByTestId('pending-request')).toHaveCount(0);
  await page.getByRole('tab', { name: 'Yêu cầu cập nhật' }).click();
  await expect(page.getByTestId('my-request').first()).toContainText('Đã duyệt');
  await expect(page.getByTestId('my-request').first()).toContainText('Nguyễn Thị Mai');
});

test('mã QR mở trang xác thực công khai; mã bị sửa thì báo không hợp lệ', async ({ page }) => {
  await loginAsMember(page);
  const card = await page.evaluate(async () => (await (await fetch('/api/me/card')).json()) as { verifyUrl: string });
  const path = new URL(card.verifyUrl).pathname;
  await page.context().clearCookies();

  await page.goto(path);
  await expect(page.getByTestId('verify-result')).toContainText('Thẻ đoàn viên hợp lệ');
  await expect(page.getByTestId('verify-result')).toContainText('DV0099001');
  await expect(page.getByTestId('verify-result')).toContainText('Đang sinh hoạt Đoàn');

  await page.goto(path.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')));
  await expect(page.getByTestId('verify-invalid')).toContainText('Không xác thực được thẻ');
});
