import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { auditLog } from '../../db/schema/index.js';
import { startTestApp, type TestApp } from '../../../tests/helpers/test-app.js';
import type { MemberPage } from '../../contracts/members.js';
import { formatDateVi, todayInVietnam } from '../../domain/text/dates.js';
import { dryRun, readXlsx } from '../member-import/member-import.fixtures.js';

let t: TestApp;
let hch: string;
beforeAll(async () => {
  t = await startTestApp();
  hch = await t.unitId('HCH');
});
afterAll(async () => {
  await t.close();
});

const HEADER = [
  'STT',
  'Họ và tên',
  'Ngày sinh',
  'Giới tính',
  'Dân tộc',
  'Tôn giáo',
  'Số CCCD',
  'Số điện thoại',
  'Ngày vào Đoàn',
  'Số thẻ đoàn viên',
  'Chi đoàn',
  'Chức vụ',
  'Trình độ học vấn',
  'Nghề nghiệp',
  'Quê quán',
  'Nơi ở hiện nay',
  'Đảng viên',
  'Tình trạng',
];

async function listAll(cookie: string, query: string): Promise<MemberPage['items']> {
  const items: MemberPage['items'] = [];
  let cursor = '';
  for (;;) {
    const page = (await t.call('GET', `/api/members?${query}&limit=200${cursor}`, cookie)).json<MemberPage>();
    items.push(...page.items);
    if (!page.next) return items;
    cursor = `&cursor=${page.next}`;
  }
}

describe('export to .xlsx', () => {
  it('writes a "Danh sách đoàn viên": unit, title, date, header, numbered rows, dd/mm/yyyy dates', async () => {
    const cookie = await t.as('xadoan');
    const res = await t.call('GET', `/api/members/export.xlsx?unitId=${hch}`, cookie);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/spreadsheetml/);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="danh-sach-doan-vien-HCH-\d{8}\.xlsx"/);
    const { rows, sheet } = await readXlsx(res.rawPayload);
    expect(rows[0]![0]).toBe('Đoàn phường Hải Châu');
    expect(rows[1]![0]).toBe('DANH SÁCH ĐOÀN VIÊN');
    expect(rows[2]![0]).toBe(`Ngày ${formatDateVi(todayInVietnam())}`);
    expect(rows[4]).toEqual(HEADER);
    const listed = await listAll(cookie, `unitId=${hch}`);
    const data = rows.slice(5);
    expect(data.map((r) => r[0])).toEqual(listed.map((_m, i) => i + 1));
    expect(data.map((r) => r[1])).toEqual(listed.map((m) => m.fullName));
    expect(data.every((r) => /^\d{12}$/.test(String(r[6])))).toBe(true);
    const first = listed[0]!;
    expect(data[0]![2]).toEqual(new Date(`${first.birthDate}T00:00:00Z`));
    expect(sheet.getCell('C6').numFmt).toBe('dd/mm/yyyy');
  });

  it('applies the list filters and masks CCCD and phone for a viewer', async () => {
    const viewer = await t.accountWithRole('viewer', 'HCH');
    const res = await t.call(
      'GET',
      `/api/members/export.xlsx?unitId=${hch}&gender=female&sort=birthDate`,
      viewer.cookie,
    );
    expect(res.statusCode).toBe(200);
    const data = (await readXlsx(res.rawPayload)).rows.slice(5);
    const listed = await listAll(viewer.cookie, `unitId=${hch}&gender=female&sort=birthDate`);
    expect(data.map((r) => r[1])).toEqual(listed.map((m) => m.fullName));
    expect(data.every((r) => r[3] === 'Nữ')).toBe(true);
    expect(data.every((r) => /^\*{9}\d{3}$/.test(String(r[6])))).toBe(true);
    expect(data.some((r) => /^\*{7}\d{3}$/.test(String(r[7])))).toBe(true);
  });

  it('can be imported back unchanged', async () => {
    const cookie = await t.as('xadoan');
    const exported = await t.call('GET', `/api/members/export.xlsx?unitId=${hch}`, cookie);
    const job = await dryRun(t, cookie, { unitId: hch }, { name: 'xuat.xlsx', bytes: exported.rawPayload });
    expect(job.status).toBe('dry_run_ready');
    expect(job.counts).toMatchObject({ create: 0, update: 0, reject: 0 });
    expect(job.counts!.unchanged).toBe(Number(exported.headers['x-total-count']));
  });
});

describe('export to .csv', () => {
  it('writes UTF-8 with a BOM, a header row and numbered rows with dd/mm/yyyy dates', async () => {
    const cookie = await t.as('tinhdoan');
    const res = await t.call('GET', `/api/members/export.csv?unitId=${await t.unitId('TDP1')}`, cookie);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect([...res.rawPayload.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = res.body
      .replace(/^\ufeff/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe(HEADER.join(','));
    const listed = await listAll(cookie, `unitId=${await t.unitId('TDP1')}`);
    expect(lines).toHaveLength(listed.length + 1);
    const cells = lines[1]!.split(',');
    expect(cells.slice(0, 2)).toEqual(['1', listed[0]!.fullName]);
    expect(cells[2]).toBe(formatDateVi(listed[0]!.birthDate!));
  });
});

describe('export rules', () => {
  it('audits every export with the filter, the row count and whether personal data was shown', async () => {
    const viewer = await t.accountWithRole('viewer', 'HCH');
    await t.call('GET', `/api/members/export.csv?unitId=${hch}&partyMember=false`, viewer.cookie);
    const rows = await t.database.db.select().from(auditLog).where(eq(auditLog.entity, 'member_export'));
    const mine = rows.filter((r) => r.actorName === viewer.username);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({
      action: 'export',
      unitId: hch,
      after: { format: 'csv', filter: { unitId: hch, partyMember: false }, personal: false },
    });
    expect((mine[0]!.after as { rows: number }).rows).toBeGreaterThan(0);
    expect(rows.some((r) => (r.after as { personal: boolean }).personal)).toBe(true);
  });

  it('answers 404 outside the scope and 401 without a session', async () => {
    const bithu = await t.as('bithu');
    expect((await t.call('GET', `/api/members/export.xlsx?unitId=${hch}`, bithu)).statusCode).toBe(404);
    expect((await t.call('GET', `/api/members/export.csv?unitId=${hch}`, bithu)).statusCode).toBe(404);
    expect((await t.call('GET', `/api/members/export.csv?unitId=${hch}`)).statusCode).toBe(401);
  });
});
