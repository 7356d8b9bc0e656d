import { expect, test, type Page } from '@playwright/test';
import { chooseOption, DEMO, login } from './support.js';

/** Letters only (a full name may not contain digits), different on each run and project. */
const uniqueWord = () =>
  [...String(Date.now()).slice(-7)].map((d, i) => String.fromCharCode((i === 0 ? 65 : 97) + Number(d))).join('');

const pad = (n: number) => String(n).padStart(2, '0');
const todayIso = () => {
  const d = new Date();
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
};

/** The year whose first ceremony date (26/03) has passed: this year from 26/03 on, else the year before. */
function ceremonyYear(): number {
  const year = new Date().getFullYear();
  return todayIso() >= `${year}-03-26` ? year : year - 1;
}

/** Creates a member through the API with the signed-in session (test data with an exact date of birth). */
async function createMember(page: Page, unitCode: string, fullName: string, birthDate: string): Promise<string> {
  const search = await page.request.get(`/api/units/search?q=${encodeURIComponent(unitCode)}`);
  const unit = ((await search.json()) as { id: string; code: string }[]).find((u) => u.code === unitCode);
  expect(unit, `unit ${unitCode}`).toBeTruthy();
  const res = await page.request.post('/api/members', {
    data: {
      unitId: unit!.id,
      fullName,
      birthDate,
      gender: 'male',
      joinedOn: `${Number(birthDate.slice(0, 4)) + 16}-03-26`,
    },
  });
  expect(res.status(), await res.text()).toBe(200);
  return ((await res.json()) as { id: string }).id;
}

test('cán bộ Đoàn phường xét trưởng thành đoàn cho một đoàn viên và tải giấy chứng nhận', async ({
  page,
  isMobile,
}) => {
  const year = ceremonyYear();
  const name = `Trần Văn Trưởng ${uniqueWord()}`;
  await login(page, DEMO.commune);
  await createMember(page, 'TDP2', name, `${year - 30}-01-15`);

  await page.goto(`/coming-of-age?year=${year}`);
  await expect(page.getByTestId('procedure-unit')).toHaveText('Đoàn phường Hải Châu');
  const due = page.getByTestId('coming-of-age-due');
  if (isMobile) {
    await due.getByRole('checkbox', { name }).check();
  } else {
    await due.getByRole('row').filter({ hasText: name }).getByRole('checkbox').check();
  }
  await expect(page.getByText('Đã chọn 1 đoàn viên')).toBeVisible();
  await page.getByTestId('coming-of-age-process-open').click();

  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('Xét trưởng thành đoàn cho 1 đoàn viên');
  // The latest configured date that has passed is chosen already.
  await expect(dialog.getByLabel('Ngày lễ trưởng thành')).toBeVisible();
  await dialog.getByTestId('coming-of-age-process-ok').click();
  await expect(page.getByText('Đã xét trưởng thành cho 1 đoàn viên.')).toBeVisible();

  const processed = page.getByTestId('coming-of-age-processed');
  await expect(processed).toContainText(name);
  const row = isMobile
    ? processed.locator('div').filter({ hasText: name }).last()
    : processed.getByRole('row').filter({ hasText: name });
  const download = row.getByTestId('document-download');
  await expect(download).toHaveText(/^\d+-GCN\/ĐTN$/);
  await expect(download).toHaveAttribute('href', /^\/api\/documents\/[0-9a-f-]+\/file$/);

  // The member has left the active count: "Đã trưởng thành" on the record.
  await processed.getByRole('link', { name }).click();
  await expect(page.getByTestId('member-header')).toContainText('Đã trưởng thành');
  await expect(page.getByTestId('member-timeline')).toContainText('Trưởng thành đoàn ngày');
});

test('bí thư chi đoàn ghi quyết định khiển trách sau khi hội nghị đủ số lượng', async ({ page }) => {
  const name = `Lê Văn Kỷ ${uniqueWord()}`;
  await login(page, DEMO.branch);
  await createMember(page, 'TDP1', name, '2001-04-04');

  await page.goto('/discipline');
  await expect(page.getByTestId('procedure-unit')).toHaveText('Chi đoàn Tổ dân phố 1');
  await page.getByTestId('discipline-add').click();
  const drawer = page.getByRole('dialog');
  await expect(drawer).toContainText('Ghi quyết định kỷ luật');

  await chooseOption(page, 'Đoàn viên bị kỷ luật', new RegExp(name), name.split(' ').at(-1));
  await expect(async () => {
    await chooseOption(page, 'Hình thức kỷ luật', 'Khiển trách');
    await expect(drawer.locator('.ant-form-item').filter({ hasText: 'Hình thức kỷ luật' })).toContainText(
      'Khiển trách',
      {
        timeout: 1000,
      },
    );
  }).toPass();
  // The branch decides a reprimand itself.
  await expect(drawer.locator('.ant-form-item').filter({ hasText: 'Cấp quyết định' })).toContainText(
    'Chi đoàn Tổ dân phố 1',
  );
  await drawer.getByLabel('Lý do kỷ luật').fill('Vắng sinh hoạt chi đoàn ba tháng liên tiếp không có lý do');
  await drawer.getByLabel('Số được triệu tập').fill('9');
  await drawer.getByLabel('Số có mặt').fill('5');
  await drawer.getByLabel('Số tán thành').fill('5');
  await expect(drawer.getByTestId('vote-check')).toContainText('Chưa đủ số lượng: cần ít nhất 6/9 người có mặt.');
  await drawer.getByLabel('Số có mặt').fill('7');
  await expect(drawer.getByTestId('vote-check')).toContainText('Đủ số lượng: 7/9 có mặt');
  await expect(drawer.getByTestId('vote-check')).toContainText('Đủ số tán thành: 5/7');
  await drawer.getByTestId('discipline-save').click();

  await expect(page.getByText(/Đã ghi quyết định kỷ luật số \d+-QĐ\/ĐTN\./)).toBeVisible();
  await expect(drawer).toBeHidden();
  const entry = page.locator('[data-testid="discipline-card"], [data-testid="discipline-table"] tr').filter({
    hasText: name,
  });
  await expect(entry).toContainText('Khiển trách');
  await expect(entry.getByTestId('document-download')).toHaveText(/^\d+-QĐ\/ĐTN$/);

  // The member's page lists the decision.
  await entry.getByRole('link', { name }).click();
  await page.getByRole('tab', { name: 'Kỷ luật' }).click();
  await expect(page.getByTestId('discipline-card')).toContainText('Khiển trách');
});
