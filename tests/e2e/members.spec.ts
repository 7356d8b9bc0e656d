import { expect, test, type Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { chooseOption, DEMO, login } from './support.js';

/** A name without diacritics, as a cadre types it on a phone keyboard. */
const plain = (name: string) =>
  name
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase();

/** Letters only (a full name may not contain digits), different on each run and project. */
const uniqueWord = () =>
  [...String(Date.now()).slice(-7)].map((d, i) => String.fromCharCode((i === 0 ? 65 : 97) + Number(d))).join('');

/** Chooses an option of a select in the member form and checks it took (a drawer still sliding in can eat a click). */
async function choose(page: Page, label: string, option: string) {
  const field = page.locator('.ant-form-item').filter({ has: page.getByLabel(label, { exact: true }) });
  await expect(async () => {
    await chooseOption(page, label, option);
    await expect(field).toContainText(option, { timeout: 1000 });
  }).toPass();
}

/** Picks a branch in the branch picker after searching for it, once the matches have settled. */
async function chooseBranch(page: Page, name: string) {
  const input = page.getByLabel('Chi đoàn', { exact: true });
  await input.click();
  await input.fill(name);
  const options = page.locator('.ant-select-dropdown:visible .ant-select-item-option');
  await expect(options).toHaveCount(1);
  await options.filter({ hasText: name }).click();
  await expect(page.locator('.ant-form-item').filter({ has: input })).toContainText(name);
}

/** The member names shown in the list (table rows on desktop, cards on a phone). */
function memberLinks(page: Page, isMobile: boolean) {
  const list = page.getByTestId(isMobile ? 'member-cards' : 'member-table');
  return list.getByRole('link');
}

test('bí thư chi đoàn tìm một đoàn viên bằng tên gõ không dấu rồi mở hồ sơ', async ({ page, isMobile }) => {
  await login(page, DEMO.branch);
  await expect(page.getByTestId('unit-title')).toHaveText('Chi đoàn Tổ dân phố 1');
  // A branch opens on its members.
  await expect(page.getByRole('tab', { name: 'Đoàn viên' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('member-total')).toContainText(/Tổng số: \d+/);

  const name = (await memberLinks(page, isMobile).nth(2).textContent()) ?? '';
  expect(name).not.toBe(plain(name));

  const search = page.getByRole('searchbox', { name: 'Tìm kiếm' });
  await search.fill(plain(name));
  await search.press('Enter');
  await expect(page).toHaveURL(/\/members\?q=/);
  await expect(memberLinks(page, isMobile).filter({ hasText: name })).toHaveCount(1);

  await memberLinks(page, isMobile).filter({ hasText: name }).click();
  await expect(page.getByTestId('member-name')).toHaveText(name);
  await expect(page.getByTestId('member-breadcrumb')).toContainText('Chi đoàn Tổ dân phố 1');
  await expect(page.getByTestId('member-section-personal')).toContainText('Ngày sinh');

  // Back to the list: the search is still there (it lives in the address).
  await page.goBack();
  await expect(page.getByRole('searchbox', { name: 'Tìm kiếm' })).toHaveValue(plain(name));
});

test('cán bộ Đoàn phường thêm đoàn viên, sửa lỗi CCCD, rồi chuyển sang "Đi làm ăn xa"', async ({ page, isMobile }) => {
  const name = `Trần Thị Kiểm ${uniqueWord()}`;
  const cccd = `9${String(Date.now()).slice(-11)}`;

  await login(page, DEMO.commune);
  await expect(page.getByTestId('unit-title')).toHaveText('Đoàn phường Hải Châu');
  await page.getByRole('tab', { name: 'Đoàn viên' }).click();
  await expect(page).toHaveURL(/\/units\/[0-9a-f-]+\/members$/);

  await page.getByRole('button', { name: 'Thêm đoàn viên' }).click();
  const drawer = page.getByRole('dialog');
  await expect(drawer).toContainText('Thêm đoàn viên');
  await drawer.getByLabel('Họ và tên').fill(name);
  await choose(page, 'Giới tính', 'Nữ');
  await chooseBranch(page, 'Chi đoàn Tổ dân phố 2');
  await drawer.getByLabel('Số CCCD').fill(cccd.slice(0, 11));
  await drawer.getByLabel('Điện thoại').fill('0905 123 456');
  // Dates last: a date popup left open would swallow the next click.
  await drawer.getByLabel('Ngày sinh').fill('15/03/2001');
  await drawer.getByLabel('Ngày sinh').press('Enter');
  await drawer.getByLabel('Ngày vào Đoàn').fill('26/03/2016');
  await drawer.getByLabel('Ngày vào Đoàn').press('Enter');
  await drawer.getByLabel('Hoàn cảnh khó khăn').check();
  await drawer.getByTestId('member-save').click();

  await expect(drawer.getByText('Số CCCD phải gồm đúng 12 chữ số (đang có 11 chữ số).')).toBeVisible();
  await drawer.getByLabel('Số CCCD').fill(cccd);
  await drawer.getByTestId('member-save').click();

  await expect(page.getByTestId('member-name')).toHaveText(name);
  await expect(page.getByTestId('member-breadcrumb')).toContainText('Chi đoàn Tổ dân phố 2');
  await expect(page.getByTestId('member-section-personal')).toContainText(cccd);
  await expect(page.getByTestId('member-section-personal')).toContainText('15/03/2001');
  await expect(page.getByTestId('member-timeline')).toContainText('Vào sổ đoàn viên');
  await expect(page.getByTestId('member-timeline')).toContainText('26/03/2016');

  await page.getByRole('button', { name: 'Sửa hồ sơ' }).click();
  const edit = page.getByRole('dialog');
  await expect(edit.getByLabel('Họ và tên')).toHaveValue(name);
  await choose(page, 'Tình trạng', 'Đi làm ăn xa');
  await edit.getByLabel('Nơi đến (làm ăn xa, sinh hoạt tạm thời)').fill('Bình Dương');
  await edit.getByTestId('member-save').click();
  await expect(edit).toBeHidden();

  await expect(page.getByTestId('member-header')).toContainText('Đi làm ăn xa');
  const latest = page.getByTestId('member-event').first();
  await expect(latest).toContainText('Thay đổi tình trạng');
  await expect(latest).toContainText('Đang sinh hoạt → Đi làm ăn xa');
  await expect(latest).toContainText('Bình Dương');
  // The rest of the record is kept.
  await expect(page.getByTestId('member-section-care')).toContainText('Hoàn cảnh khó khăn');
  await expect(page.getByTestId('member-section-personal')).toContainText(cccd);

  // The new member is in the commune's list, found by CCCD.
  await page.getByTestId('member-breadcrumb').getByRole('link', { name: 'Đoàn phường Hải Châu' }).click();
  await page.getByRole('tab', { name: 'Đoàn viên' }).click();
  const search = page.getByRole('searchbox', { name: 'Tìm kiếm' });
  await search.fill(cccd);
  await search.press('Enter');
  await expect(page.getByTestId('member-total')).toHaveText('Tổng số: 1');
  await expect(memberLinks(page, isMobile)).toHaveText([name]);
  if (!isMobile) {
    await page.setViewportSize({ width: 1280, height: 800 });
    await expect(page.getByRole('link', { name: 'Xuất Excel' })).toHaveAttribute('href', /export\.xlsx\?.*q=9\d{11}/);
  }
});

/** A small member list as cadres keep it: a title row, then headers, then one member a row. */
async function memberFile(rows: (string | number)[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Danh sách');
  sheet.addRow(['DANH SÁCH ĐOÀN VIÊN CHI ĐOÀN TỔ DÂN PHỐ 3']);
  sheet.addRow(['STT', 'Họ và tên', 'Ngày sinh', 'Giới tính', 'Số CCCD', 'Chi đoàn']);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

test('cán bộ Đoàn phường nhập danh sách từ tệp Excel, xem kiểm tra thử rồi ghi vào hồ sơ', async ({
  page,
  isMobile,
}) => {
  const word = uniqueWord();
  const digits = String(Date.now()).slice(-10);
  const people = [
    [1, `Phạm Thị Nhập ${word}`, '12/05/2002', 'Nữ', `91${digits}`, 'Chi đoàn Tổ dân phố 3'],
    [2, `Lê Văn Nhập ${word}`, '2001', 'Nam', `92${digits}`, 'TDP3'],
  ];

  await login(page, DEMO.commune);
  await page.getByRole('tab', { name: 'Đoàn viên' }).click();
  await page.getByRole('link', { name: 'Nhập từ Excel' }).click();
  await expect(page.getByRole('heading', { name: 'Nhập đoàn viên từ Excel' })).toBeVisible();
  await expect(page.getByLabel('Đơn vị nhận danh sách')).toBeVisible();
  await page.getByRole('button', { name: 'Tiếp tục' }).click();

  await page.locator('input[type=file]').setInputFiles({
    name: `danh-sach-${word}.xlsx`,
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: await memberFile(people),
  });

  // Columns: detected from the headers; the STT column is left out.
  const mapping = page.getByTestId('import-mapping');
  await expect(mapping).toBeVisible();
  await expect(mapping.locator('.ant-form-item').filter({ hasText: 'Cột B' })).toContainText('Họ và tên (bắt buộc)');
  await expect(mapping.locator('.ant-form-item').filter({ hasText: 'Cột A' })).toContainText('Bỏ qua');
  await page.getByRole('button', { name: 'Xem kết quả kiểm tra' }).click();

  const counts = page.getByTestId('import-counts');
  await expect(counts).toContainText('Thêm mới2');
  await expect(counts).toContainText('Bị từ chối0');
  await expect(page.getByTestId('import-rows-create')).toContainText(`Phạm Thị Nhập ${word}`);
  if (!isMobile) await expect(page.getByTestId('import-rows-create')).toContainText('12/05/2002');

  await page.getByRole('button', { name: 'Ghi vào hồ sơ' }).click();
  await page.locator('.ant-popconfirm').getByRole('button', { name: 'Ghi vào hồ sơ' }).click();
  await expect(page.getByTestId('import-outcome')).toContainText('Đã nhập xong');
  await expect(page.getByTestId('import-outcome')).toContainText('Đã thêm 2 và cập nhật 0 đoàn viên');
  await expect(page.getByRole('link', { name: 'Tải báo cáo (.xlsx)' })).toHaveAttribute('href', /report\.xlsx$/);

  await page.getByRole('button', { name: 'Xem danh sách đoàn viên' }).click();
  const search = page.getByRole('searchbox', { name: 'Tìm kiếm' });
  await search.fill(`nhap ${word.toLowerCase()}`);
  await search.press('Enter');
  await expect(page.getByTestId('member-total')).toHaveText('Tổng số: 2');
  await memberLinks(page, isMobile)
    .filter({ hasText: `Lê Văn Nhập ${word}` })
    .click();
  await expect(page.getByTestId('member-section-personal')).toContainText('2001');
  await expect(page.getByTestId('member-timeline')).toContainText('Vào sổ đoàn viên');
});

test('cán bộ Đoàn phường xem dòng bị từ chối với các ô trong tệp, rồi hủy lượt nhập', async ({ page, isMobile }) => {
  const word = uniqueWord();
  const digits = String(Date.now()).slice(-10);
  await login(page, DEMO.commune);
  await page.getByRole('tab', { name: 'Đoàn viên' }).click();
  await page.getByRole('link', { name: 'Nhập từ Excel' }).click();
  await page.getByRole('button', { name: 'Tiếp tục' }).click();
  await page.locator('input[type=file]').setInputFiles({
    name: `huy-${word}.xlsx`,
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: await memberFile([
      [1, `Phạm Thị Hủy ${word}`, '31/02/2002', 'Nữ', `93${digits}`, 'TDP3'],
      [2, `Lê Văn Hủy ${word}`, '2001', 'Nam', `94${digits}`, 'TDP3'],
    ]),
  });
  await expect(page.getByTestId('import-mapping')).toBeVisible();
  await page.getByRole('button', { name: 'Xem kết quả kiểm tra' }).click();
  await expect(page.getByTestId('import-counts')).toContainText('Bị từ chối1');

  // The rejected row shows its cells as written in the file, the wrong one included.
  const rejected = page.getByTestId('import-rows-reject');
  await expect(rejected).toContainText('Ngày 31/02/2002 không tồn tại');
  if (!isMobile) await expect(rejected.locator('tbody')).toContainText('31/02/2002');
  // A phone shows them below the problems; a wider screen in the row's expanded part.
  if (!isMobile) await rejected.locator('.ant-table-row-expand-icon').first().click();
  await expect(page.getByTestId('import-raw-cells')).toContainText('Ngày sinh (C): 31/02/2002');

  await page.getByTestId('import-cancel').click();
  await page.locator('.ant-popconfirm').getByRole('button', { name: 'Hủy lượt nhập' }).click();
  const outcome = page.getByTestId('import-outcome');
  await expect(outcome).toContainText('Đã hủy lượt nhập');
  await expect(outcome).toContainText('không có dữ liệu nào được ghi vào hồ sơ');
  await expect(page.getByRole('link', { name: 'Tải báo cáo (.xlsx)' })).toHaveCount(0);

  // Nothing was written: the valid row is not in the list either.
  await page.getByRole('button', { name: 'Xem danh sách đoàn viên' }).click();
  const search = page.getByRole('searchbox', { name: 'Tìm kiếm' });
  await search.fill(`huy ${word.toLowerCase()}`);
  await search.press('Enter');
  await expect(page.getByTestId('member-total')).toHaveText('Tổng số: 0');
});
