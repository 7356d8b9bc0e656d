import { expect, test, type Locator, type Page } from '@playwright/test';
import { chooseOption, DEMO, login } from './support.js';

/** dd/mm/yyyy of a date `days` ago (the browser runs in Vietnam time). */
function viDate(days = 0, years = 0): string {
  const d = new Date(Date.now() + 7 * 3600_000);
  d.setUTCFullYear(d.getUTCFullYear() - years);
  d.setUTCDate(d.getUTCDate() - days);
  const iso = d.toISOString().slice(0, 10);
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}

/** Letters only (a full name may not contain digits), different on each run and project. */
const uniqueWord = () =>
  [...String(Date.now()).slice(-7)].map((d, i) => String.fromCharCode((i === 0 ? 65 : 97) + Number(d))).join('');

/**
 * Types a date into an antd date picker and leaves the field (Tab keeps a valid typed date; Enter would also
 * submit a modal's form).
 */
async function typeDate(scope: Locator, label: string, value: string) {
  const input = scope.getByLabel(label, { exact: true });
  await input.click();
  await input.fill(value);
  await input.press('Tab');
  await expect(input).toHaveValue(value);
}

/** Opens a step of the candidate page, fills it and saves; waits until the dialog is gone. */
async function step(page: Page, button: string, fill: (dialog: Locator) => Promise<void>) {
  await page.getByRole('button', { name: button }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await fill(dialog);
  await dialog.getByTestId('step-submit').click();
  await expect(dialog).toBeHidden();
}

async function switchAccount(page: Page, account: { username: string; password: string }) {
  await page.context().clearCookies();
  await login(page, account);
}

test('chi đoàn đề nghị, biểu quyết; Thành đoàn chuẩn y; lễ kết nạp tạo đoàn viên mới có thẻ', async ({ page }) => {
  const name = `Phạm Thị Kết ${uniqueWord()}`;
  const cccd = `8${String(Date.now()).slice(-11)}`;

  await login(page, DEMO.branch);
  await page.goto('/admissions');
  await expect(page.getByTestId('admission-unit')).toHaveText('Chi đoàn Tổ dân phố 1');
  await page.getByRole('button', { name: 'Đề nghị kết nạp' }).click();

  const drawer = page.getByRole('dialog');
  await expect(drawer.getByLabel('Chi đoàn', { exact: true })).toBeVisible();
  await drawer.getByLabel('Họ và tên').fill(name);
  await typeDate(drawer, 'Ngày sinh', viDate(10, 18));
  await chooseOption(page, 'Giới tính', 'Nữ');
  await drawer.getByLabel('Số CCCD').fill(cccd);
  await drawer.getByLabel('Tên lớp cảm tình Đoàn').fill('Lớp cảm tình Đoàn phường Hải Châu');
  await drawer.getByLabel('Số giấy chứng nhận').fill('27/GCN-ĐTN');
  await typeDate(drawer, 'Ngày hoàn thành lớp', viDate());
  await chooseOption(page, 'Người giới thiệu', 'Đoàn viên giới thiệu');
  await drawer.getByLabel('Đoàn viên giới thiệu', { exact: true }).click();
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option')
    .filter({ hasText: '· Chi đoàn Tổ dân phố 1' })
    .first()
    .click();
  await typeDate(drawer, 'Cùng công tác, sinh hoạt từ ngày', viDate(0, 1));
  await drawer.getByTestId('candidate-save').click();

  await expect(page.getByTestId('candidate-name')).toHaveText(name);
  await expect(page.getByTestId('admission-status')).toHaveText('Đã nộp đơn');
  const candidateUrl = page.url();

  await step(page, 'Ghi kết quả biểu quyết', async (dialog) => {
    await typeDate(dialog, 'Ngày họp chi đoàn', viDate());
    await dialog.getByLabel('Số đoàn viên có mặt').fill('10');
    await dialog.getByLabel('Số đoàn viên tán thành').fill('4');
    await expect(dialog.getByText('Chưa quá một nửa số đoàn viên có mặt tán thành.')).toBeVisible();
    await expect(dialog.getByTestId('step-submit')).toBeDisabled();
    await dialog.getByLabel('Số đoàn viên tán thành').fill('9');
    await expect(dialog.getByText('Đạt: 9/10 đoàn viên có mặt tán thành (quá một nửa).')).toBeVisible();
  });
  await expect(page.getByTestId('admission-status')).toHaveText('Chi đoàn đã biểu quyết');
  await expect(page.getByTestId('next-step')).toContainText('Chờ Thành đoàn Đà Nẵng xét chuẩn y.');

  // The ward (no approves_admission power) cannot approve: the city union does.
  await switchAccount(page, DEMO.province);
  await page.goto(candidateUrl);
  await step(page, 'Chuẩn y kết nạp', async (dialog) => {
    await expect(dialog).toContainText('Đơn vị chuẩn y: Thành đoàn Đà Nẵng');
    await typeDate(dialog, 'Ngày chuẩn y', viDate());
  });
  await expect(page.getByTestId('admission-status')).toHaveText('Đã chuẩn y');
  await expect(page.getByTestId('admission-steps')).toContainText(/Quyết định số \d+-QĐ\/ĐTN/);
  await expect(page.getByRole('link', { name: 'Tải quyết định (.docx)' })).toHaveAttribute(
    'href',
    /^\/api\/documents\/[0-9a-f-]+\/file$/,
  );

  await switchAccount(page, DEMO.branch);
  await page.goto(candidateUrl);
  await step(page, 'Ghi nhận lễ kết nạp', async (dialog) => {
    await typeDate(dialog, 'Ngày lễ kết nạp', viDate());
    await expect(dialog.getByTestId('late-ceremony')).toHaveCount(0);
  });
  await expect(page.getByTestId('admission-status')).toHaveText('Đã kết nạp');
  await expect(page.getByTestId('admission-steps')).toContainText(/Thẻ số DNG\d{6}/);

  await page.getByRole('button', { name: 'Xem hồ sơ đoàn viên' }).click();
  await expect(page.getByTestId('member-name')).toHaveText(name);
  await expect(page.getByTestId('member-section-union')).toContainText('Chi đoàn Tổ dân phố 1');
  await page.getByRole('tab', { name: 'Thẻ đoàn viên' }).click();
  await expect(page.getByTestId('current-card')).toHaveText(/^DNG\d{6}$/);
  await expect(page.getByTestId('member-cards-section')).toContainText('Kết nạp');
});

/** Two candidates of TDP1 proposed and voted through the API by the branch secretary (already logged in). */
async function votedPair(page: Page, word: string): Promise<string[]> {
  const me = await (await page.request.get('/api/auth/me')).json();
  const unitId: string = me.scopeRoots[0].id;
  const members = await (await page.request.get(`/api/members?unitId=${unitId}&limit=2`)).json();
  const iso = (d: string) => d.split('/').reverse().join('-');
  const names: string[] = [];
  for (const [i, suffix] of ['Một', 'Hai'].entries()) {
    const fullName = `Lớp Kết Nạp ${word} ${suffix}`;
    const created = await page.request.post('/api/admissions', {
      data: {
        unitId,
        fullName,
        birthDate: iso(viDate(i, 17)),
        gender: i === 0 ? 'male' : 'female',
        cccd: `7${String(Date.now()).slice(-10)}${i}`,
        source: 'youth',
        applicationDate: iso(viDate(2)),
        courseName: 'Lớp cảm tình Đoàn',
        courseCompletedOn: iso(viDate(1)),
        introducerKind: 'member',
        introducerMemberId: members.items[0].id,
        introducerKnownSince: iso(viDate(0, 1)),
        recruiterMemberId: members.items[1].id,
      },
    });
    expect(created.status()).toBe(200);
    const c = await created.json();
    const vote = { version: c.version, meetingOn: iso(viDate(1)), present: 8, inFavour: 8 };
    expect((await page.request.post(`/api/admissions/${c.id}/vote`, { data: vote })).status()).toBe(200);
    names.push(fullName);
  }
  return names;
}

/** Ticks the candidates (table checkboxes on desktop, card checkboxes on a phone). */
async function pick(page: Page, names: string[]) {
  for (const name of names) await page.getByRole('checkbox', { name }).check();
}

test('Thành đoàn chuẩn y một lớp trong một quyết định, chi đoàn tổ chức lễ kết nạp chung', async ({
  page,
  isMobile,
}) => {
  await login(page, DEMO.branch);
  const names = await votedPair(page, uniqueWord());

  await switchAccount(page, DEMO.province);
  await page.goto('/admissions?status=voted');
  await page.getByRole('searchbox', { name: 'Tìm kiếm' }).fill('lop ket nap');
  await expect(page.getByTestId('admission-total')).toHaveText('Tổng số: 2');
  await pick(page, names);
  await page.getByTestId('batch-open').click();
  const approve = page.getByRole('dialog');
  await expect(approve).toContainText(names[0]!);
  await typeDate(approve, 'Ngày chuẩn y', viDate());
  await approve.getByTestId('batch-submit').click();
  await expect(page.getByText(/Đã chuẩn y 2 người, quyết định số \d+-QĐ\/ĐTN/)).toBeVisible();

  await switchAccount(page, DEMO.branch);
  await page.goto('/admissions?status=approved');
  await expect(page.getByRole('checkbox', { name: names[1] })).toBeVisible();
  await pick(page, names);
  await page.getByTestId('batch-open').click();
  const admit = page.getByRole('dialog');
  await typeDate(admit, 'Ngày lễ kết nạp', viDate());
  await admit.getByTestId('batch-submit').click();
  await expect(page.getByText('Đã kết nạp 2 đoàn viên mới.')).toBeVisible();
  await page.goto('/admissions?status=admitted');
  const list = page.getByTestId(isMobile ? 'admission-cards' : 'admission-table');
  await expect(list).toContainText(names[1]!);
  await expect(page.getByTestId('recruitment-credit')).toContainText(/\d/);
});
