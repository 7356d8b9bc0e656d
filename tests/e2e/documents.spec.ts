import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import PizZip from 'pizzip';
import { DEMO, login, openMenu } from './support.js';

/** The text of a .docx (its paragraphs on separate lines). */
function docxText(path: string): string {
  const xml = new PizZip(readFileSync(path)).file('word/document.xml')?.asText() ?? '';
  return xml
    .split('</w:p>')
    .map((p) => [...p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''))
    .filter(Boolean)
    .join('\n');
}

/** Opens a tab of the unit page; on a phone a tab may sit in the overflow menu. */
async function openTab(page: Page, name: string) {
  const tab = page.getByRole('tab', { name, exact: true });
  if (await tab.isVisible()) {
    const box = await tab.boundingBox();
    const viewport = page.viewportSize();
    if (box && viewport && box.x + box.width <= viewport.width) {
      await tab.click();
      return;
    }
  }
  await page.locator('.ant-tabs-nav-more').first().click();
  await page.locator('.ant-tabs-dropdown:visible').getByText(name, { exact: true }).click();
}

/** dd/mm/yyyy of an ISO date. */
const vi = (iso: string) => iso.split('-').reverse().join('/');

test('quản trị hệ thống mở "Quy định" và ghi tuổi trưởng thành đoàn mới từ một ngày', async ({ page, isMobile }) => {
  await login(page, DEMO.admin);
  await openMenu(page, isMobile, 'Quy định');
  await expect(page).toHaveURL(/\/rules$/);
  const card = page.getByTestId('rule-membershipAge');
  await expect(card).toContainText('Độ tuổi kết nạp và trưởng thành');
  await expect(card).toContainText('Tuổi trưởng thành đoàn');

  // The new value must start after the latest one (the desktop and phone runs share the database), and years
  // ahead so that other journeys on the same server (coming of age this year) still see the age in force.
  const rules = (await (await page.request.get('/api/rules')).json()) as {
    key: string;
    periods: { validFrom: string }[];
  }[];
  const latest = rules.find((r) => r.key === 'membershipAge')!.periods[0]!.validFrom;
  const next = new Date(Math.max(Date.parse(`${latest}T00:00:00Z`), Date.now()) + 86_400_000 * 800)
    .toISOString()
    .slice(0, 10);

  await card.getByRole('button', { name: 'Ghi giá trị mới' }).click();
  const drawer = page.getByRole('dialog');
  await expect(drawer).toContainText('Giá trị mới: Độ tuổi kết nạp và trưởng thành');
  const date = drawer.getByLabel('Áp dụng từ ngày');
  await date.click();
  await date.fill(vi(next));
  // Enter would submit the form: leave the field by clicking the drawer's title instead.
  await drawer.getByText('Giá trị mới: Độ tuổi kết nạp và trưởng thành').click();
  await expect(date).toHaveValue(vi(next));
  const age = drawer.getByLabel('Tuổi trưởng thành đoàn');
  await age.fill('31');
  await drawer.getByLabel('Ghi chú').fill('Thử nghiệm quy định mới');
  await drawer.getByRole('button', { name: 'Lưu' }).click();

  await expect(page.locator('.ant-message')).toContainText(`áp dụng từ ${vi(next)}`);
  await expect(drawer).toBeHidden();
  await expect(card).toContainText(`Sẽ áp dụng từ ${vi(next)}`);
  await card.getByText(/^Lịch sử \(\d+\)$/).click();
  // Newest first: the new period, then the one it ended on that date.
  const [newest, previous] = [card.locator('tr.ant-table-row').nth(0), card.locator('tr.ant-table-row').nth(1)];
  await expect(newest).toContainText(`${vi(next)}Hiện hành`);
  await expect(newest).toContainText('Tuổi trưởng thành đoàn31 tuổi');
  await expect(newest).toContainText('Thử nghiệm quy định mới');
  await expect(previous).toContainText(vi(next));
});

test('quản trị đơn vị tải mẫu văn bản về và xem trước với dữ liệu mẫu', async ({ page, isMobile }) => {
  await login(page, DEMO.province);
  await expect(page.getByTestId('unit-title')).toHaveText('Thành đoàn Đà Nẵng');
  await openTab(page, 'Mẫu văn bản');
  const list = page.getByTestId(isMobile ? 'template-cards' : 'template-table');
  await expect(list).toContainText('Quyết định chuẩn y kết nạp đoàn viên');
  await expect(list).toContainText('Mặc định');

  const [template] = await Promise.all([
    page.waitForEvent('download'),
    list.getByRole('link', { name: 'Tải mẫu: Quyết định chuẩn y kết nạp đoàn viên', exact: true }).click(),
  ]);
  expect(template.suggestedFilename()).toBe('admission-approval.docx');
  const raw = docxText(await template.path());
  expect(raw).toContain('{issuerName}');
  expect(raw).toContain('Số: {numberText}');

  const [preview] = await Promise.all([
    page.waitForEvent('download'),
    list.getByRole('link', { name: 'Xem trước: Quyết định chuẩn y kết nạp đoàn viên', exact: true }).click(),
  ]);
  expect(preview.suggestedFilename()).toBe('xem-truoc-admission-approval.docx');
  const text = docxText(await preview.path());
  expect(text).toContain('BCH ĐOÀN TP ĐÀ NẴNG');
  expect(text).toContain('Số: 15-QĐ/ĐTN');
  expect(text).toMatch(/Đà Nẵng, ngày \d{2} tháng \d{1,2} năm \d{4}/);
  expect(text).toContain('Điều 1. Chuẩn y kết nạp vào Đoàn TNCS Hồ Chí Minh thanh niên Nguyễn Văn An');

  await page.getByText('Các thẻ dùng trong mẫu (cú pháp docxtemplater)').click();
  await expect(page.getByText('{#recipients}{.}{/recipients}')).toBeVisible();
});
