import { expect, test, type Page } from '@playwright/test';
import { DEMO, login, openMenu, submitLogin, uniqueSuffix } from './support.js';

/** The demo member account, linked to Phạm Minh Tuấn of Chi đoàn Tổ dân phố 1. */
const MEMBER = { username: 'doanvien', password: 'Doanvien@2025' };
const DEMO_TITLE = /^Tâm tư, nguyện vọng của đoàn viên năm \d{4}$/;

async function signInAsCadre(page: Page) {
  await page.context().clearCookies();
  await login(page, DEMO.commune);
}

async function signInAsMember(page: Page) {
  await page.context().clearCookies();
  await page.goto('/login');
  await submitLogin(page, MEMBER.username, MEMBER.password);
  await page.waitForURL(/\/me$/);
}

/** The ward cadre builds a two-question survey in the drawer and opens it; returns its title. */
async function buildSurvey(page: Page): Promise<string> {
  const title = `Lấy ý kiến về sinh hoạt hè ${uniqueSuffix()}`;
  await page.getByTestId('survey-create').click();
  const drawer = page.getByRole('dialog');
  await drawer.getByLabel('Tên khảo sát').fill(title);
  const first = drawer.getByTestId('survey-question').first();
  await first.getByLabel('Nội dung câu hỏi').fill('Bạn muốn tham gia hoạt động hè nào?');
  await first.getByLabel('Lựa chọn 1').fill('Tình nguyện');
  await first.getByLabel('Lựa chọn 2').fill('Dã ngoại');
  await drawer.getByRole('button', { name: 'Thêm câu hỏi' }).click();
  const second = drawer.getByTestId('survey-question').nth(1);
  await second.getByLabel('Nội dung câu hỏi').fill('Mức hài lòng với sinh hoạt hè năm trước');
  await second.getByLabel('Loại câu hỏi').click();
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option')
    .filter({ hasText: 'Thang điểm 1–5' })
    .click();
  await second.getByRole('button', { name: 'Đưa câu hỏi lên' }).click();
  await expect(drawer.getByTestId('survey-question').first().getByLabel('Nội dung câu hỏi')).toHaveValue(
    'Mức hài lòng với sinh hoạt hè năm trước',
  );
  await drawer.getByTestId('survey-save').click();
  await expect(page.getByRole('heading', { name: title })).toBeVisible();
  await page.getByTestId('survey-open').click();
  await page.locator('.ant-modal-confirm').getByRole('button', { name: 'Mở khảo sát' }).click();
  await expect(page.getByTestId('survey-window')).toHaveText('Đang nhận trả lời');
  return title;
}

test('đoàn viên trả lời khảo sát tâm tư, nguyện vọng; cán bộ phường thấy số lượt trả lời tăng', async ({
  page,
  isMobile,
}) => {
  await signInAsCadre(page);
  await openMenu(page, isMobile, 'Khảo sát');
  await expect(page.getByRole('heading', { name: 'Khảo sát tâm tư, nguyện vọng' })).toBeVisible();
  await expect(page.getByTestId('survey-unit')).toHaveText('Đoàn phường Hải Châu');
  // Desktop answers the demo survey; the phone builds its own (the two projects share one database).
  let title: string;
  if (isMobile) title = await buildSurvey(page);
  else {
    await page.getByRole('link', { name: DEMO_TITLE }).click();
    title = (await page.getByRole('heading', { level: 3 }).textContent()) ?? '';
  }
  const surveyUrl = page.url();
  const answered = page.getByTestId('results-answered');
  await expect(answered).toBeVisible();
  const before = Number(await answered.textContent());

  await signInAsMember(page);
  await openMenu(page, isMobile, 'Khảo sát');
  const card = page.getByTestId('my-survey').filter({ hasText: title });
  await card.getByRole('button', { name: 'Trả lời' }).click();
  await expect(page.getByRole('heading', { name: title })).toBeVisible();
  const questions = page.getByTestId('answer-question');
  await page.getByTestId('survey-submit').click();
  await expect(page.getByText('Câu hỏi bắt buộc, hãy trả lời.').first()).toBeVisible();
  if (isMobile) {
    await questions.nth(0).locator('.ant-radio-button-wrapper', { hasText: '4' }).click();
    await questions.nth(1).getByText('Tình nguyện').click();
  } else {
    await questions.nth(0).getByText('Việc làm, thu nhập').click();
    await questions.nth(1).getByText('Kỹ năng mềm').click();
    await questions.nth(1).getByText('Chuyển đổi số').click();
    await questions.nth(2).locator('.ant-radio-button-wrapper', { hasText: '5' }).click();
    await questions.nth(3).getByText('Sáng cuối tuần').click();
    await questions.nth(4).getByRole('textbox').fill('Mong có lớp kỹ năng số buổi tối.');
  }
  await page.getByTestId('survey-submit').click();
  await expect(page.getByTestId('survey-done')).toBeVisible();
  await page.getByRole('link', { name: /Danh sách khảo sát/ }).click();
  await expect(page.getByTestId('my-survey').filter({ hasText: title })).toContainText('Đã trả lời ngày');

  await signInAsCadre(page);
  await page.goto(surveyUrl);
  await expect(page.getByTestId('results-answered')).toHaveText(String(before + 1));
  await expect(page.getByTestId('participation-row').filter({ hasText: 'Chi đoàn Tổ dân phố 1' })).toBeVisible();
});
