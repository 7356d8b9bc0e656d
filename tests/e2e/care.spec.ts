import { expect, test } from '@playwright/test';
import { chooseOption, DEMO, login, openMenu, uniqueSuffix } from './support.js';

test('chăm lo: cán bộ đoàn phường thêm một thanh niên vào danh sách và ghi hỗ trợ đã trao', async ({
  page,
  isMobile,
}) => {
  const name = `Trương Thị Ngân ${uniqueSuffix()}`;
  await login(page, DEMO.commune);
  await openMenu(page, isMobile, 'Chăm lo');
  await expect(page.getByRole('heading', { name: 'Chăm lo đoàn viên, thanh niên' })).toBeVisible();
  await expect(page.getByTestId('care-unit')).toHaveText('Đoàn phường Hải Châu');
  await expect(page.getByTestId('care-category-hardship')).toBeVisible();
  const before = Number(await page.getByTestId('care-open-count').locator('strong').textContent());

  await page.getByTestId('care-add').click();
  const drawer = page.getByRole('dialog');
  await expect(drawer.getByText('Thanh niên chưa là đoàn viên')).toBeVisible();
  await chooseOption(page, 'Chi đoàn, đơn vị theo dõi', /Tổ dân phố 1/, 'Tổ dân phố 1');
  await drawer.getByLabel('Họ và tên').fill(name);
  await drawer.getByLabel('Năm sinh').fill(String(new Date().getFullYear() - 60));
  await drawer.getByText('Hoàn cảnh khó khăn').click();
  await drawer.getByLabel('Hoàn cảnh', { exact: true }).fill('Mẹ bị bệnh nặng, nghỉ học đi làm thuê.');
  await drawer.getByTestId('care-form-save').click();
  await expect(drawer.locator('.ant-form-item-explain-error')).toContainText('từ 10 đến 35 tuổi');
  await drawer.getByLabel('Năm sinh').fill(String(new Date().getFullYear() - 19));
  await drawer.getByTestId('care-form-save').click();

  const detail = page.getByTestId('care-detail');
  await expect(detail.getByText('Chưa có lần hỗ trợ nào.')).toBeVisible();
  await detail.getByTestId('care-add-help').click();
  const modal = page.getByTestId('care-help');
  await modal.getByLabel('Nội dung hỗ trợ').fill('Tặng xe đạp đi làm');
  await modal.getByLabel('Giá trị (đồng)').fill('1500000');
  await page.getByTestId('care-help-ok').click();
  await expect(detail.getByTestId('care-action')).toHaveCount(1);
  await expect(detail.getByTestId('care-action')).toContainText('Tặng xe đạp đi làm');
  await expect(detail.getByTestId('care-action')).toContainText('1.500.000 đ');
  await expect(detail.getByTestId('care-action')).toContainText('Đã hỗ trợ');
  await expect(modal).toBeHidden();
  await detail.locator('.ant-drawer-close').click();
  await expect(detail).toBeHidden();

  await expect(page.getByTestId('care-open-count').locator('strong')).toHaveText(String(before + 1));
  await page.getByLabel('Tìm theo họ tên').fill(name);
  const list = page.getByTestId('care-list');
  await expect(list.getByText(name)).toBeVisible();
  await expect(list).toContainText('1 lượt · 1.500.000 đ');
});
