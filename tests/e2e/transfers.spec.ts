import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { chooseOption, DEMO, login, openMenu, uniqueSuffix } from './support.js';

/** Signs in through the API (a request context of its own) and returns it. */
async function apiAs(request: APIRequestContext, username: string, password: string): Promise<APIRequestContext> {
  const res = await request.post('/api/auth/login', { data: { username, password } });
  expect(res.ok()).toBe(true);
  return request;
}

/** Creates a cadre account on a Lâm Đồng unit (the demo has none there), as the administrator. */
async function lamDongCadre(request: APIRequestContext, unitCode: string) {
  await apiAs(request, DEMO.admin.username, DEMO.admin.password);
  const [unit] = await (await request.get(`/api/units/search?q=${unitCode}`)).json();
  const account = { username: `ld.${uniqueSuffix()}`, password: 'Lamdong@2026', name: 'Nguyễn Văn Lâm' };
  const res = await request.post('/api/accounts', { data: { ...account, role: 'cadre', unitId: unit.id } });
  expect(res.ok(), await res.text()).toBe(true);
  return account;
}

/** An active member of a branch with no transfer yet (each project takes its own branch). */
async function freshMember(request: APIRequestContext, branchCode: string, skip = 0) {
  await apiAs(request, DEMO.commune.username, DEMO.commune.password);
  const [unit] = await (await request.get(`/api/units/search?q=${branchCode}`)).json();
  const page = await (await request.get(`/api/members?unitId=${unit.id}&status=active&limit=50`)).json();
  const free: { id: string; fullName: string }[] = [];
  for (const m of page.items as { id: string; fullName: string }[]) {
    const open = await (await request.get(`/api/transfers?memberId=${m.id}`)).json();
    if (open.total === 0) free.push(m);
  }
  const member = free[skip];
  if (!member) throw new Error(`no free member in ${branchCode}`);
  return member;
}

async function signInAgain(page: Page, account: { username: string; password: string }) {
  await page.context().clearCookies();
  await login(page, account);
}

test('chuyển sinh hoạt từ Đà Nẵng đến Lâm Đồng: lập đề nghị, cấp giấy giới thiệu, nơi đến tra mã và tiếp nhận', async ({
  page,
  request,
  isMobile,
}) => {
  const receiver = await lamDongCadre(request, 'LNG');
  const member = await freshMember(request, isMobile ? 'TDP4' : 'TDP3');

  await login(page, DEMO.commune);
  await page.goto(`/members/${member.id}`);
  await expect(page.getByTestId('member-name')).toHaveText(member.fullName);
  await page.getByRole('button', { name: 'Chuyển sinh hoạt' }).click();
  const drawer = page.getByRole('dialog');
  await drawer.getByText('Đến đơn vị khác (cấp giấy giới thiệu)').click();
  await chooseOption(page, 'Đoàn cơ sở nơi đến', /Đoàn thị trấn Liên Nghĩa/, 'Liên Nghĩa');
  await drawer.getByLabel('Lý do').fill('Chuyển nơi cư trú về Đức Trọng');
  await drawer.getByLabel('Nhận xét của chi đoàn').fill('Gương mẫu, tích cực tham gia hoạt động.');
  await drawer.getByLabel('Đã đóng đoàn phí đến hết tháng').fill('10/2026');
  await drawer.getByLabel('Đã đóng đoàn phí đến hết tháng').press('Enter');
  await drawer.getByTestId('transfer-start-save').click();

  // The draft: the đoàn cơ sở issues the letter.
  await expect(page.getByTestId('transfer-header')).toContainText('Đang soạn');
  await page.getByRole('button', { name: 'Cấp giấy giới thiệu' }).click();
  const send = page.getByRole('dialog');
  await send.getByLabel('Họ tên người ký').fill('Lê Văn Hùng');
  await send.getByRole('button', { name: 'Cấp giấy giới thiệu' }).click();
  await expect(page.getByTestId('transfer-header')).toContainText('Chờ tiếp nhận');
  await expect(page.getByTestId('transfer-letter')).toContainText(/Giấy giới thiệu số \d+-GGT\/ĐTN/);
  await expect(page.getByRole('link', { name: 'Tải giấy giới thiệu (.docx)' })).toHaveAttribute(
    'href',
    /^\/api\/documents\/[0-9a-f-]+\/file$/,
  );
  const details = page.getByTestId('transfer-details');
  await expect(details).toContainText('Đang chuyển sinh hoạt');
  const code = (await details.textContent())?.match(/GT-\d{4}-[2-9A-Z]{6}/)?.[0];
  expect(code).toBeTruthy();

  // The member's page says a transfer is open, and the outgoing tab lists it.
  await openMenu(page, isMobile, 'Chuyển sinh hoạt');
  await expect(page.getByRole('tab', { name: /Chuyển đi/ })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId(isMobile ? 'transfer-cards' : 'transfer-table')).toContainText(member.fullName);

  // Lâm Đồng types the code (loosely), reads the letter, places the member in a branch.
  await signInAgain(page, receiver);
  await openMenu(page, isMobile, 'Chuyển sinh hoạt');
  await page.getByRole('link', { name: 'Tiếp nhận' }).click();
  await page.getByRole('textbox', { name: 'Mã giấy giới thiệu' }).fill(code!.toLowerCase().replace(/-/g, ' '));
  await page.getByRole('button', { name: 'Tra cứu' }).click();
  const result = page.getByTestId('lookup-result');
  await expect(result).toContainText(member.fullName);
  await expect(result).toContainText('Chi đoàn Tổ dân phố');
  await expect(result).toContainText('10/2026');
  await chooseOption(page, 'Chi đoàn tiếp nhận', /Chi đoàn Tổ dân phố 10/, 'Tổ dân phố 10');
  await page.getByTestId('accept-form').getByRole('button', { name: 'Tiếp nhận' }).click();
  await expect(page.getByTestId('transfer-header')).toContainText('Đã tiếp nhận');
  await expect(page.getByTestId('transfer-details')).toContainText('Chi đoàn Tổ dân phố 10');
  await page.getByTestId('transfer-details').getByRole('link', { name: member.fullName }).click();
  await expect(page.getByTestId('member-breadcrumb')).toContainText('Chi đoàn Tổ dân phố 10');
  await expect(page.getByTestId('member-header')).toContainText('Đang sinh hoạt');
  await expect(page.getByTestId('member-timeline')).toContainText('Chuyển chi đoàn');
});

test('đoàn phường chuyển đoàn viên sang chi đoàn khác; nơi đến trả lại đề nghị có lý do', async ({
  page,
  request,
  isMobile,
}) => {
  const member = await freshMember(request, isMobile ? 'TDP6' : 'TDP5');
  await login(page, DEMO.commune);
  await page.goto(`/members/${member.id}`);
  await page.getByRole('button', { name: 'Chuyển sinh hoạt' }).click();
  await chooseOption(page, 'Chi đoàn tiếp nhận', /Chi đoàn Tổ dân phố 7/, 'Tổ dân phố 7');
  await page.getByRole('dialog').getByLabel('Lý do').fill('Chuyển nơi ở');
  await page.getByTestId('transfer-start-save').click();
  await expect(page.getByTestId('member-breadcrumb')).toContainText('Chi đoàn Tổ dân phố 7');
  const latest = page.getByTestId('member-event').first();
  await expect(latest).toContainText('Chuyển chi đoàn');
  await expect(latest).toContainText('Chuyển sinh hoạt trong Đoàn phường Hải Châu: Chuyển nơi ở');

  // A second member is sent to Lâm Đồng, which returns the transfer with a reason.
  const other = await freshMember(request, isMobile ? 'TDP6' : 'TDP5');
  const receiver = await lamDongCadre(request, 'LNG');
  await apiAs(request, DEMO.commune.username, DEMO.commune.password);
  const detail = await (await request.get(`/api/members/${other.id}`)).json();
  const [lng] = await (await request.get('/api/transfers/destinations?q=lien%20nghia')).json();
  const draft = await (
    await request.post('/api/transfers', {
      data: {
        kind: 'external',
        memberId: other.id,
        memberVersion: detail.version,
        toGrassrootsId: lng.id,
        branchComment: 'Hoàn thành tốt nhiệm vụ.',
        feePaidUntil: '2026-09',
      },
    })
  ).json();
  await request.post(`/api/transfers/${draft.id}/send`, { data: { version: draft.version } });

  await signInAgain(page, receiver);
  await openMenu(page, isMobile, 'Chuyển sinh hoạt');
  await page.getByRole('tab', { name: /Chuyển đến/ }).click();
  await page
    .getByTestId(isMobile ? 'transfer-cards' : 'transfer-table')
    .getByRole('link', { name: other.fullName })
    .click();
  await page.getByRole('button', { name: 'Trả lại' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: 'Trả lại' }).click();
  await expect(dialog.getByText('Lý do trả lại là bắt buộc.')).toBeVisible();
  await dialog.getByLabel('Lý do trả lại').fill('Đoàn viên không cư trú tại địa bàn');
  await dialog.getByRole('button', { name: 'Trả lại' }).click();
  await expect(page).toHaveURL(/\/transfers\?tab=incoming/);

  await signInAgain(page, DEMO.commune);
  await page.goto(`/transfers/${draft.id}`);
  await expect(page.getByTestId('transfer-header')).toContainText('Bị trả lại');
  await expect(page.getByTestId('transfer-details')).toContainText('Đoàn viên không cư trú tại địa bàn');
  await expect(page.getByTestId('transfer-details')).toContainText('Đang sinh hoạt');
});

test('sinh hoạt tạm thời: chi đoàn nơi đến tiếp nhận, thấy đoàn viên trong danh sách và ghi nhận xét', async ({
  page,
  request,
  isMobile,
}) => {
  const host = await lamDongCadre(request, 'LN-TDP2');
  const member = await freshMember(request, 'TDP1', isMobile ? 1 : 0);
  await apiAs(request, DEMO.branch.username, DEMO.branch.password);
  const detail = await (await request.get(`/api/members/${member.id}`)).json();
  const [branch] = await (await request.get('/api/transfers/destinations?q=to%20dan%20pho%2011&level=branch')).json();
  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  const res = await request.post('/api/transfers', {
    data: {
      kind: 'temporary',
      memberId: member.id,
      memberVersion: detail.version,
      toUnitId: branch.id,
      startsOn: day(0),
      endsOn: day(180),
      reason: 'Làm việc tại khu công nghiệp',
    },
  });
  expect(res.ok(), await res.text()).toBe(true);

  await login(page, host);
  await openMenu(page, isMobile, 'Chuyển sinh hoạt');
  await page.getByRole('tab', { name: /Sinh hoạt tạm thời/ }).click();
  await page.getByText('Đăng ký đến').click();
  await page
    .getByTestId(isMobile ? 'transfer-cards' : 'transfer-table')
    .getByRole('link', { name: member.fullName })
    .click();
  await expect(page.getByTestId('transfer-header')).toContainText('Chờ nơi đến nhận');
  await page.getByRole('button', { name: 'Tiếp nhận' }).click();
  await page.locator('.ant-popconfirm').getByRole('button', { name: 'Tiếp nhận' }).click();
  await expect(page.getByTestId('transfer-header')).toContainText('Đang sinh hoạt tạm thời');

  await page.getByRole('button', { name: 'Ghi nhận xét' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Nội dung nhận xét').fill('Tham gia đầy đủ sinh hoạt chi đoàn nơi cư trú.');
  await dialog.getByRole('button', { name: 'Lưu' }).click();
  await expect(page.getByTestId('host-comments')).toContainText('Tham gia đầy đủ sinh hoạt chi đoàn nơi cư trú.');

  await page.getByRole('link', { name: 'Chuyển sinh hoạt đoàn' }).click();
  const hosted = page.getByTestId('hosted-member').filter({ hasText: member.fullName });
  await expect(hosted).toContainText('Chi đoàn Tổ dân phố 1');
  await expect(hosted).toContainText('Tham gia đầy đủ sinh hoạt chi đoàn nơi cư trú.');
});
