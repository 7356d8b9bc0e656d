import { expect, test, type Page } from '@playwright/test';
import { chooseOption, DEMO, login, openMenu, submitLogin } from './support.js';

/** The demo member account, linked to Phạm Minh Tuấn of Chi đoàn Tổ dân phố 1. */
const MEMBER = { username: 'doanvien', password: 'Doanvien@2025' };
const PROGRAMME = 'Đoàn cơ sở “3 chủ động”';
const RECOGNISED = 'Đạt Đoàn cơ sở “3 chủ động”';
const PLAN = {
  name: 'ke-hoach-3-chu-dong.pdf',
  mimeType: 'application/pdf',
  buffer: Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n'),
};

/**
 * The desktop and phone projects share one database and a unit opens one cycle of a programme per year: each
 * project evaluates its own year (the 2023 – 2027 set of “3 chủ động”).
 */
function yearOf(project: string): number {
  const base = Math.min(new Date().getFullYear(), 2027);
  return project === 'phone' ? base - 1 : base;
}

async function signIn(page: Page, account: { username: string; password: string }) {
  await page.context().clearCookies();
  await login(page, account);
}

/** Opens the cycle of the year from "Đợt đánh giá", then a subject's file from the subject list. */
async function openFile(page: Page, isMobile: boolean, year: number, subject: string) {
  await openMenu(page, isMobile, 'Đợt đánh giá');
  await page
    .getByTestId('cycle-list')
    .getByRole('link', { name: `${PROGRAMME} năm ${year}` })
    .click();
  await expect(page.getByTestId('cycle-title')).toHaveText(`${PROGRAMME} năm ${year}`);
  await page.getByTestId('subject-list').getByRole('link', { name: subject }).first().click();
  await expect(page.getByTestId('evaluation-subject')).toHaveText(subject);
}

/** Presses an action of the file and confirms it in the dialog that asks. */
async function confirmAction(page: Page, action: string) {
  await page.getByTestId('evaluation-actions').getByRole('button', { name: action }).click();
  await page.locator('.ant-modal-confirm').getByRole('button', { name: action }).click();
}

const status = (page: Page) => page.getByTestId('evaluation-status').first();

test.describe('Đoàn cơ sở “3 chủ động”', () => {
  test.describe.configure({ mode: 'serial' });

  test('thành đoàn mở đợt xét công nhận và xem tiến độ theo đơn vị', async ({ page, isMobile }, info) => {
    const year = yearOf(info.project.name);
    await signIn(page, DEMO.province);
    await openMenu(page, isMobile, 'Đợt đánh giá');
    await expect(page.getByRole('heading', { name: 'Đợt đánh giá' })).toBeVisible();

    await page.getByTestId('open-cycle').click();
    const form = page.getByTestId('open-cycle-form');
    await expect(form).toContainText(PROGRAMME);
    await chooseOption(page, 'Đơn vị tổ chức (đánh giá các đơn vị trực thuộc)', /Thành đoàn Đà Nẵng/, 'Đà Nẵng');
    await form.getByLabel('Năm đánh giá').fill(String(year));
    // The set's deadline for registering (20/11 of the year before) fills in; it is past, so move it.
    const registration = form.getByLabel('Đăng ký', { exact: true });
    await expect(registration).toHaveValue(`20/11/${year - 1}`);
    for (const step of ['Đăng ký', 'Tự đánh giá', 'Cấp trên đánh giá']) {
      const field = form.getByLabel(step, { exact: true });
      await field.fill(`31/12/${year + 1}`);
      await field.press('Enter');
    }
    await chooseOption(page, 'Hình thức phúc tra', 'Phúc tra chọn mẫu');
    await page.getByTestId('open-cycle-ok').click();

    await expect(page.getByTestId('cycle-title')).toHaveText(`${PROGRAMME} năm ${year}`);
    await expect(page.getByTestId('cycle-deadlines')).toContainText(`31/12/${year + 1}`);
    const board = page.getByTestId('progress-board');
    await expect(board).toContainText('Đoàn phường Hải Châu');
    await expect(board).toContainText('Tổng cộng');
    await expect(page.getByTestId('late-list')).toContainText('Không có hồ sơ nào trễ hạn.');

    // A row opens the unit: the breadcrumb and the subject list follow it.
    await board.getByText('Đoàn phường Hải Châu', { exact: true }).click();
    await expect(page.getByTestId('board-trail')).toContainText('Thành đoàn Đà Nẵng');
    await expect(page.getByTestId('board-trail')).toContainText('Đoàn phường Hải Châu');
    await expect(page.getByTestId('subject-list').getByRole('link')).toHaveCount(1);
  });

  test('đoàn phường đăng ký kèm kế hoạch, thành đoàn duyệt', async ({ page, isMobile }, info) => {
    const year = yearOf(info.project.name);
    await signIn(page, DEMO.commune);
    await openFile(page, isMobile, year, 'Đoàn phường Hải Châu');
    await expect(page.getByTestId('registration-hint')).toBeVisible();
    await expect(status(page)).toHaveText('Sẵn sàng');

    // Registering needs the unit's plan: the server says so.
    await confirmAction(page, 'Nộp lên cấp trên');
    await expect(page.getByTestId('form-error')).toContainText('kế hoạch');
    await page.locator('input[type=file]').setInputFiles(PLAN);
    await expect(page.getByTestId('evidence-panel')).toContainText(PLAN.name);
    await confirmAction(page, 'Nộp lên cấp trên');
    await expect(status(page)).toHaveText('Đã nộp, chờ duyệt');

    await signIn(page, DEMO.province);
    await openFile(page, isMobile, year, 'Đoàn phường Hải Châu');
    await confirmAction(page, 'Duyệt');
    await expect(status(page)).toHaveText('Sẵn sàng');
    await expect(page.getByTestId('evaluation-step')).toContainText('Tự đánh giá');
    const history = page.getByTestId('evaluation-history');
    await expect(history).toContainText('Nộp lên cấp trên · Đăng ký');
    // Both states of each change read in Vietnamese, with their steps.
    await expect(history).toContainText('Đăng ký: Sẵn sàng → Đã nộp, chờ duyệt');
    await expect(history).toContainText('Đăng ký: Đã nộp, chờ duyệt → Tự đánh giá: Sẵn sàng');

    // The level above assigns a follow-up cadre to the registered unit, picked among its cadres.
    await chooseOption(page, 'Chọn cán bộ theo dõi', /^Trần Thị Thu Hà · Thành đoàn Đà Nẵng$/, 'Thu Hà');
    await expect(page.getByText('Đã cập nhật cán bộ theo dõi.')).toBeVisible();
    await expect(page.getByTestId('follow-up')).toContainText('Trần Thị Thu Hà');
    await expect(history).toContainText('Phân công theo dõi');
    await page.getByRole('link', { name: 'Về đợt đánh giá' }).click();
    const subjects = page.getByTestId('subject-list');
    await expect(subjects).toContainText('Trần Thị Thu Hà');

    // The unit itself sees who follows it, without a choice to make.
    await signIn(page, DEMO.commune);
    await openFile(page, isMobile, year, 'Đoàn phường Hải Châu');
    await expect(page.getByTestId('follow-up-name')).toHaveText('Trần Thị Thu Hà');
    await expect(page.getByTestId('follow-up-select')).toHaveCount(0);
  });

  test('đoàn phường tự đánh giá đủ 15 tiêu chí, thành đoàn duyệt và công nhận', async ({ page, isMobile }, info) => {
    const year = yearOf(info.project.name);
    await signIn(page, DEMO.commune);
    await openFile(page, isMobile, year, 'Đoàn phường Hải Châu');
    const switches = page.locator('[data-testid^="item-"]').getByRole('switch');
    await expect(switches).toHaveCount(15);
    for (const item of await switches.all()) await item.click();
    const self = page.getByTestId('result-self');
    await expect(self).toContainText('15');
    await expect(self).toContainText(RECOGNISED);
    await confirmAction(page, 'Nộp lên cấp trên');
    await expect(status(page)).toHaveText('Đã nộp, chờ duyệt');

    await signIn(page, DEMO.province);
    await openFile(page, isMobile, year, 'Đoàn phường Hải Châu');
    await expect(page.getByTestId('result-self')).toContainText(RECOGNISED);
    await confirmAction(page, 'Duyệt');
    await expect(page.getByTestId('evaluation-step')).toContainText('Cấp trên đánh giá');
    await expect(page.getByTestId('result-review')).toContainText(RECOGNISED);
    await confirmAction(page, 'Duyệt');
    await expect(status(page)).toHaveText('Đã duyệt');

    // Recognition from the cycle page, with the decision to download.
    await page.getByRole('link', { name: 'Về đợt đánh giá' }).click();
    await page.getByTestId('cycle-accept').click();
    await expect(page.getByTestId('accept-form').getByLabel('Ngày quyết định')).not.toHaveValue('');
    await page.getByTestId('accept-form-ok').click();
    const result = page.getByTestId('accept-result');
    await expect(result).toContainText('Đã công nhận 1 kết quả.');
    const decision = result.getByRole('link', { name: /Tải quyết định/ });
    const href = await decision.getAttribute('href');
    expect(href).toMatch(/^\/api\/documents\/[0-9a-f-]+\/file$/);
    expect((await page.request.get(href ?? '')).status()).toBe(200);
    await expect(page.getByTestId('progress-board')).toContainText('1/8');
  });

  test('tổng hợp kết quả: tỷ lệ đoàn cơ sở đạt “3 chủ động” và so sánh với năm trước', async ({
    page,
    isMobile,
  }, info) => {
    const year = yearOf(info.project.name);
    await signIn(page, DEMO.province);
    await openMenu(page, isMobile, 'Tổng hợp kết quả');
    await expect(page.getByTestId('dashboard-heading')).toHaveText(`${PROGRAMME} · Thành đoàn Đà Nẵng`);
    await chooseOption(page, 'Đến năm', String(year));
    await expect(page.getByText(`Số đối tượng năm ${year}`)).toBeVisible();
    await expect(page.getByText('12,5%')).toBeVisible();
    await expect(page.getByTestId('dashboard-chart').locator('canvas').first()).toBeVisible();
    await expect(page.getByTestId('dashboard-units')).toContainText('Đoàn phường Hải Châu');

    await page.getByRole('tab', { name: 'So sánh với năm trước' }).click();
    await chooseOption(page, 'Năm so sánh', String(year));
    const targets = page.getByTestId('comparison-targets');
    await expect(targets).toContainText('Được xếp loại (chỉ tiêu ≥ 95%)');
    await expect(targets).toContainText('12,5%');
    await expect(targets.getByTestId('target-not-met').first()).toBeVisible();
    await expect(page.getByTestId('comparison-summary')).toContainText('chưa đạt đủ ba chỉ tiêu');
    const units = page.getByTestId('comparison-units');
    await expect(units).toContainText('Đoàn phường Hải Châu');
    await expect(units).toContainText(/Mới được xếp loại|Giữ nguyên/);
  });
});

test('đoàn viên tự đánh giá xếp loại trên điện thoại hoặc máy tính', async ({ page, isMobile }, info) => {
  const year = yearOf(info.project.name);
  // The branch secretary opens the member rating of the branch for the year.
  await signIn(page, DEMO.branch);
  const branchId = page.url().split('/units/')[1] ?? '';
  const opened = await page.request.post('/api/evaluations/cycles', {
    data: {
      programme: 'memberRating',
      ownerUnitId: branchId,
      kind: 'year',
      year,
      deadlines: { selfAssessment: `${year + 1}-12-31`, evaluation: `${year + 1}-12-31` },
      reinspection: 'none',
    },
  });
  expect(opened.status()).toBe(200);

  await page.context().clearCookies();
  await page.goto('/login');
  await submitLogin(page, MEMBER.username, MEMBER.password);
  await page.waitForURL(/\/me$/);
  // The self-service journey renames this member on each run: read the name shown now.
  const name = (await page.getByTestId('member-name').textContent())?.trim() ?? '';
  expect(name).not.toBe('');
  // The member's own page says there is a self-assessment to fill (the menu has it too).
  await page.getByTestId('my-evaluations-notice').getByRole('button', { name: 'Tự đánh giá' }).click();
  await expect(page.getByRole('heading', { name: 'Tự đánh giá xếp loại' })).toBeVisible();
  const rows = page.getByTestId('subject-list');
  await expect(rows).toContainText(name);
  // Each row names its cycle: the programme and the year.
  await expect(rows).toContainText(`Đánh giá, xếp loại đoàn viên năm ${year}`);
  // The other project's year may be listed too, already submitted: open the one still to fill.
  const row = isMobile
    ? rows.locator('> div').filter({ hasText: 'Sẵn sàng' }).first()
    : rows.locator('tr').filter({ hasText: 'Sẵn sàng' }).first();
  await row.getByRole('link', { name }).click();
  await expect(page.getByTestId('evaluation-subject')).toHaveText(name);

  await page.getByTestId('item-charter').getByRole('switch').click();
  await page.getByTestId('item-ethics').getByRole('spinbutton').fill('8');
  await page.getByTestId('item-attendance').getByRole('combobox').click();
  await page.locator('.ant-select-dropdown:visible').getByText('Từ 90% trở lên (25)').click();
  await page.getByTestId('item-fee').getByRole('switch').click();
  await page.getByTestId('item-training').getByRole('switch').click();
  await page.getByTestId('item-work').getByRole('spinbutton').fill('9');
  const self = page.getByTestId('result-self');
  await expect(self).toContainText('87');
  await expect(self).toContainText('Hoàn thành tốt nhiệm vụ');

  await page.getByTestId('evaluation-actions').getByRole('button', { name: 'Lưu nháp' }).click();
  await expect(page.getByText('Đã lưu nháp.')).toBeVisible();
  await expect(page.getByTestId('evaluation-history')).toContainText('Lưu tự đánh giá');
  await confirmAction(page, 'Nộp lên cấp trên');
  await expect(status(page)).toHaveText('Đã nộp, chờ duyệt');
  await expect(page.getByTestId('evaluation-actions')).toHaveCount(0);
  if (isMobile) {
    await openMenu(page, isMobile, 'Tự đánh giá xếp loại');
    await expect(page.getByRole('heading', { name: 'Tự đánh giá xếp loại' })).toBeVisible();
  } else {
    await page.getByRole('link', { name: 'Về danh sách tự đánh giá' }).click();
    await expect(page.getByRole('heading', { name: 'Tự đánh giá xếp loại' })).toBeVisible();
  }
});

test('quản trị sao chép bộ tiêu chí “3 chủ động” sang giai đoạn mới', async ({ page, isMobile }, info) => {
  // Both projects share the database: each copies to its own years.
  const from = info.project.name === 'phone' ? 2045 : 2040;
  await signIn(page, DEMO.admin);
  await openMenu(page, isMobile, 'Bộ tiêu chí');
  const sets = page.getByTestId('criteria-sets');
  const source = (isMobile ? sets.locator('> div') : sets.locator('tr'))
    .filter({ hasText: PROGRAMME })
    .filter({ hasText: '2023 – 2027' });
  await source.getByRole('link', { name: PROGRAMME }).click();
  await expect(page.getByTestId('set-title')).toHaveText(PROGRAMME);

  await page.getByTestId('set-copy').click();
  const form = page.getByTestId('copy-set-form');
  await expect(form.getByLabel('Tên bộ tiêu chí')).toHaveValue(PROGRAMME);
  // Years overlapping the set's own period are refused, saying which set they clash with.
  await form.getByLabel('Áp dụng từ năm').fill('2026');
  await form.getByLabel('Đến năm').fill('2030');
  await page.getByTestId('copy-set-form-ok').click();
  await expect(page.locator('.ant-modal')).toContainText('trùng thời gian áp dụng');

  await form.getByLabel('Áp dụng từ năm').fill(String(from));
  await form.getByLabel('Đến năm').fill(String(from + 4));
  await page.getByTestId('copy-set-form-ok').click();
  await expect(page.getByText(`Đã tạo bộ tiêu chí áp dụng ${from} – ${from + 4}.`)).toBeVisible();
  await expect(page.getByText(`${from} – ${from + 4}`).first()).toBeVisible();
  await expect(page.getByText('Chưa dùng', { exact: true })).toBeVisible();
  await expect(page.getByTestId('set-edit')).toBeVisible();
  await expect(page.locator('[data-testid^="set-item-"]')).toHaveCount(15);
});
