import { expect, test, type Locator, type Page } from '@playwright/test';
import { DEMO, login, openMenu } from './support.js';

interface GridMember {
  memberId: string;
  fullName: string;
  paidUpTo: string | null;
}

/** "YYYY-MM" moved by `delta` months. */
function shiftMonth(month: string, delta: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const index = y * 12 + m - 1 + delta;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}
const monthText = (month: string) => `${month.slice(5, 7)}/${month.slice(0, 4)}`;

/** Ticks months in the collection drawer, switching the drawer's year (it starts at the page's year) when needed. */
async function tickMonths(page: Page, drawer: Locator, months: string[], pageYear: number) {
  let shown = String(pageYear);
  for (const month of months) {
    const year = month.slice(0, 4);
    if (year !== shown) {
      await drawer.getByLabel('Năm', { exact: true }).click();
      await page
        .locator('.ant-select-dropdown:visible .ant-select-item-option')
        .filter({ hasText: year })
        .first()
        .click();
      shown = year;
    }
    await drawer.getByRole('checkbox', { name: monthText(month), exact: true }).check();
  }
}

test('bí thư chi đoàn thu đoàn phí hai tháng cho hai đoàn viên và thấy "đóng đến tháng" thay đổi', async ({
  page,
  request,
  isMobile,
}) => {
  const auth = await request.post('/api/auth/login', {
    data: { username: DEMO.branch.username, password: DEMO.branch.password },
  });
  expect(auth.ok()).toBe(true);
  const [unit] = await (await request.get('/api/units/search?q=TDP1')).json();
  const year = new Date().getFullYear();
  const view = await (await request.get(`/api/fees?unitId=${unit.id}&year=${year}`)).json();
  const current: string = view.currentMonth;
  const months = [shiftMonth(current, 1), shiftMonth(current, 2)];
  const names = (view.members as GridMember[]).map((m) => m.fullName);
  const unique = (view.members as GridMember[]).filter(
    (m) => names.filter((n) => n === m.fullName).length === 1 && (!m.paidUpTo || m.paidUpTo < months[0]!),
  );
  const chosen = unique.slice(isMobile ? 2 : 0, isMobile ? 4 : 2);
  expect(chosen).toHaveLength(2);

  await login(page, DEMO.branch);
  await openMenu(page, isMobile, 'Đoàn phí');
  await expect(page.getByTestId('fee-unit')).toHaveText(unit.name);
  const grid = page.getByTestId('fee-grid');
  const rowOf = (name: string) =>
    isMobile ? grid.getByTestId('fee-card').filter({ hasText: name }) : grid.getByRole('row').filter({ hasText: name });
  for (const m of chosen) {
    await expect(rowOf(m.fullName).getByTestId('fee-paid-up-to')).not.toHaveText(monthText(months[1]!));
    await rowOf(m.fullName).getByRole('checkbox').check();
  }
  await page.getByTestId('fee-collect-open').click();
  const drawer = page.locator('.ant-drawer-content-wrapper').filter({ hasText: 'Tháng đóng' });
  await expect(drawer).toBeVisible();
  await tickMonths(page, drawer, months, year);
  await expect(page.getByTestId('fee-quote')).toContainText('4 khoản');
  await expect(page.getByTestId('fee-quote')).toContainText('đ');
  await page.getByTestId('fee-save').click();
  await expect(page.getByText(/Đã ghi nhận 4 khoản/)).toBeVisible();
  for (const m of chosen)
    await expect(rowOf(m.fullName).getByTestId('fee-paid-up-to')).toHaveText(monthText(months[1]!));
});
