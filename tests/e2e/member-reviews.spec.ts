import { expect, test, type Page } from '@playwright/test';
import { DEMO, login, uniqueSuffix } from './support.js';

/** A held meeting of TDP1 with a recorded review (the demo records the reviews of the last two months). */
async function reviewedMeetingOfTdp1(page: Page): Promise<string> {
  const [unit] = await (await page.request.get('/api/units/search?q=TDP1')).json();
  const now = new Date();
  const lastMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 15));
  for (const year of new Set([lastMonth.getUTCFullYear(), now.getUTCFullYear()])) {
    const res = await page.request.get(`/api/units/${unit.id}/reviews?year=${year}`);
    expect(res.ok(), await res.text()).toBe(true);
    const months = (await res.json()).months as { meetingId: string }[];
    const latest = months.at(-1);
    if (latest) return latest.meetingId;
  }
  throw new Error('the demo has no reviewed meeting of TDP1');
}

test('a branch secretary records a decision in the monthly member review', async ({ page }) => {
  await login(page, DEMO.branch);
  const meetingId = await reviewedMeetingOfTdp1(page);
  await page.goto(`/meetings/${meetingId}`);

  const panel = page.getByTestId('meeting-review');
  await expect(panel).toBeVisible();
  await expect(panel).toContainText('Rà soát đoàn viên tháng');
  await expect(panel.getByTestId('review-category-incomplete_data')).toContainText('đoàn viên');
  await expect(panel.getByTestId('review-recorded')).toBeVisible();

  const line = panel.getByTestId('review-line').first();
  await expect(line).toBeVisible();
  const name = (await line.getByRole('link').first().innerText()).trim();
  const decision = line.getByRole('combobox');
  await decision.click();
  await page.locator('.ant-select-dropdown:visible').getByText('Giao chi ủy theo dõi', { exact: true }).click();
  await expect(decision).toHaveValue('Giao chi ủy theo dõi');
  const suffix = uniqueSuffix();
  await decision.fill(`Giao chi ủy theo dõi, báo cáo tháng sau ${suffix}`);

  await panel.getByLabel('Kết luận của chi đoàn').fill(`Chi đoàn thống nhất theo dõi ${suffix}.`);
  await panel.getByRole('button', { name: 'Ghi kết quả rà soát' }).click();
  await expect(page.getByText('Đã ghi kết quả rà soát.')).toBeVisible();
  await expect(panel.getByTestId('review-recorded')).toContainText(DEMO.branch.name);

  await page.reload();
  const again = page.getByTestId('meeting-review');
  await expect(again.getByTestId('review-line').first().getByRole('combobox')).toHaveValue(
    `Giao chi ủy theo dõi, báo cáo tháng sau ${suffix}`,
  );
  await again.getByText(/Kết quả đã ghi/).click();
  await expect(again).toContainText(`${name} (`);
  await expect(again).toContainText(`Chi đoàn thống nhất theo dõi ${suffix}.`);
});
