import ExcelJS from 'exceljs';
import { and, count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../tests/helpers/test-app.js';
import { auditLog, careActions, careRecords, members, units } from '../../db/schema/index.js';
import type { CareRecordDetail, CareRecordPage, CareSuggestionList, CareSummary } from '../../contracts/care.js';
import { careDay, careScopeCases, careScopeFixtures, youthBody, type CareFixtures } from './care.fixtures.js';

let t: TestApp;
let xadoan: string;
let ids: Record<string, string>;

beforeAll(async () => {
  t = await startTestApp();
  xadoan = await t.as('xadoan');
  ids = {};
  for (const code of ['HCH', 'TDP1', 'TDP2', 'TDP3', 'TDP4']) ids[code] = await t.unitId(code);
});
afterAll(async () => {
  await t.close();
});

const audits = async () => (await t.database.db.select({ n: count() }).from(auditLog))[0]?.n ?? 0;
const records = async () => (await t.database.db.select({ n: count() }).from(careRecords))[0]?.n ?? 0;
const actionRows = async () => (await t.database.db.select({ n: count() }).from(careActions))[0]?.n ?? 0;
const fields = (body: string) =>
  (JSON.parse(body) as { error: { details: { field: string; message: string }[] } }).error.details;

/** An active member of a branch without an open care record, skipping `skip` of them. */
async function freeMember(branch: string, skip = 0) {
  const [row] = await t.database.db
    .select({ id: members.id, fullName: members.fullName, unitId: members.unitId })
    .from(members)
    .innerJoin(units, eq(units.id, members.unitId))
    .where(
      and(
        eq(units.code, branch),
        eq(members.status, 'active'),
        sql`not exists (select 1 from care_records r where r.member_id = ${members.id} and r.status = 'open')`,
      ),
    )
    .orderBy(members.sortKey, members.id)
    .offset(skip)
    .limit(1);
  if (!row) throw new Error(`no free member in ${branch}`);
  return row;
}

async function create(body: unknown, cookie = xadoan) {
  return t.call('POST', '/api/care-records', cookie, body);
}

async function summary(code: string): Promise<CareSummary> {
  const res = await t.call('GET', `/api/care-records/summary?unitId=${ids[code]}`, xadoan);
  expect(res.statusCode).toBe(200);
  return res.json<CareSummary>();
}

describe('adding people to the care list', () => {
  it('adds a young person who is not a member, audited', async () => {
    const before = await audits();
    const res = await create(youthBody(ids.TDP1!));
    expect(res.statusCode).toBe(200);
    const rec = res.json<CareRecordDetail>();
    expect(rec).toMatchObject({
      memberId: null,
      fullName: 'Đặng Thị Thu Trang',
      unitId: ids.TDP1,
      status: 'open',
      categories: ['hardship'],
      phone: '0905123456',
      canWrite: true,
      actions: [],
      version: 1,
    });
    expect(await audits()).toBe(before + 1);
  });

  it('asks for a name and a birth year of a young person, and changes nothing', async () => {
    const [a, r] = [await audits(), await records()];
    const res = await create({ unitId: ids.TDP1, categories: ['hardship'] });
    expect(res.statusCode).toBe(400);
    const issues = fields(res.body);
    expect(issues.map((i) => i.field).sort()).toEqual(['birthYear', 'fullName']);
    expect(issues.find((i) => i.field === 'birthYear')?.message).toContain('Năm sinh là bắt buộc');
    const none = await create(youthBody(ids.TDP1!, { categories: [] }));
    expect(none.statusCode).toBe(400);
    expect(none.body).toContain('Hãy chọn ít nhất một diện chăm lo');
    expect([await audits(), await records()]).toEqual([a, r]);
  });

  it('refuses a birth year outside youth age with the range in the message', async () => {
    const [a, r] = [await audits(), await records()];
    const res = await create(youthBody(ids.TDP1!, { birthYear: new Date().getFullYear() - 40 }));
    expect(res.statusCode).toBe(422);
    expect(fields(res.body)[0]).toMatchObject({ field: 'birthYear' });
    expect(res.json<{ error: { message: string } }>().error.message).toContain('từ 10 đến 35 tuổi');
    expect([await audits(), await records()]).toEqual([a, r]);
  });

  it('keeps a member on the list of their branch once while the record is open', async () => {
    const m = await freeMember('TDP2');
    const res = await create({ unitId: ids.HCH, memberId: m.id, categories: ['ethnic_minority'] });
    expect(res.statusCode).toBe(200);
    const rec = res.json<CareRecordDetail>();
    expect(rec).toMatchObject({ memberId: m.id, fullName: m.fullName, unitId: ids.TDP2 });
    const [a, r] = [await audits(), await records()];
    const again = await create({ unitId: ids.TDP2, memberId: m.id, categories: ['hardship'] });
    expect(again.statusCode).toBe(422);
    expect(again.json<{ error: { message: string } }>().error.message).toBe(
      `${m.fullName} đã có trong danh sách chăm lo (đang theo dõi).`,
    );
    expect(fields(again.body)[0]?.field).toBe('memberId');
    expect([await audits(), await records()]).toEqual([a, r]);
  });

  it('refuses a member outside the chosen unit', async () => {
    const m = await freeMember('TDP2', 1);
    const res = await create({ unitId: ids.TDP1, memberId: m.id, categories: ['hardship'] });
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('không thuộc Chi đoàn Tổ dân phố 1');
  });
});

describe('help given and planned', () => {
  let rec: CareRecordDetail;
  beforeAll(async () => {
    rec = (await create(youthBody(ids.TDP4!, { fullName: 'Lý Văn Hùng' }))).json<CareRecordDetail>();
  });
  const add = (body: unknown) => t.call('POST', `/api/care-records/${rec.id}/actions`, xadoan, body);

  it('refuses given help in the future and planned help in the past, writing nothing', async () => {
    const [a, n] = [await audits(), await actionRows()];
    const future = await add({ kind: 'given', onDate: careDay(1), description: 'Quà' });
    expect(future.statusCode).toBe(422);
    expect(future.body).toContain('Ngày hỗ trợ đã trao không được sau hôm nay');
    expect(fields(future.body)[0]?.field).toBe('onDate');
    const past = await add({ kind: 'planned', onDate: careDay(-1), description: 'Quà' });
    expect(past.statusCode).toBe(422);
    expect(past.body).toContain('Ngày hỗ trợ dự kiến không được trước hôm nay');
    const empty = await add({ kind: 'given', onDate: careDay(0), description: ' ' });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('Nội dung hỗ trợ là bắt buộc');
    expect([await audits(), await actionRows()]).toEqual([a, n]);
  });

  it('records given and planned help, turns a planned one into given, deletes only planned ones', async () => {
    const given = await add({ kind: 'given', onDate: careDay(0), description: 'Tặng quà', amount: 300000 });
    expect(given.statusCode).toBe(200);
    const planned = (
      await add({ kind: 'planned', onDate: careDay(5), description: 'Học bổng', amount: 1000000 })
    ).json<CareRecordDetail>();
    expect(planned.nextPlanned).toEqual({ onDate: careDay(5), description: 'Học bổng' });
    expect(planned.given).toEqual({ count: 1, amount: 300000 });
    const plannedId = planned.actions.find((x) => x.kind === 'planned')!.id;
    const givenId = planned.actions.find((x) => x.kind === 'given')!.id;

    const early = await t.call('POST', `/api/care-records/${rec.id}/actions/${plannedId}/done`, xadoan, {
      onDate: careDay(2),
    });
    expect(early.statusCode).toBe(422);
    const done = await t.call('POST', `/api/care-records/${rec.id}/actions/${plannedId}/done`, xadoan, {
      onDate: careDay(0),
    });
    expect(done.statusCode).toBe(200);
    expect(done.json<CareRecordDetail>().given).toEqual({ count: 2, amount: 1300000 });
    expect(done.json<CareRecordDetail>().nextPlanned).toBeNull();

    const twice = await t.call('POST', `/api/care-records/${rec.id}/actions/${plannedId}/done`, xadoan, {
      onDate: careDay(0),
    });
    expect(twice.statusCode).toBe(422);
    const a = await audits();
    expect((await t.call('DELETE', `/api/care-records/${rec.id}/actions/${givenId}`, xadoan)).statusCode).toBe(422);
    expect(await audits()).toBe(a);

    const another = (
      await add({ kind: 'planned', onDate: careDay(3), description: 'Thăm hỏi' })
    ).json<CareRecordDetail>();
    const anotherId = another.actions.find((x) => x.kind === 'planned')!.id;
    const removed = await t.call('DELETE', `/api/care-records/${rec.id}/actions/${anotherId}`, xadoan);
    expect(removed.statusCode).toBe(200);
    expect(removed.json<CareRecordDetail>().actions.map((x) => x.kind)).toEqual(['given', 'given']);
  });

  it('answers a stale version with 409 and changes nothing', async () => {
    const ok = await t.call('PATCH', `/api/care-records/${rec.id}`, xadoan, { version: 1, situation: 'Đã có việc' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json<CareRecordDetail>().version).toBe(2);
    const a = await audits();
    const stale = await t.call('PATCH', `/api/care-records/${rec.id}`, xadoan, { version: 1, situation: 'Cũ' });
    expect(stale.statusCode).toBe(409);
    expect(await audits()).toBe(a);
    const now = (await t.call('GET', `/api/care-records/${rec.id}`, xadoan)).json<CareRecordDetail>();
    expect(now.situation).toBe('Đã có việc');
  });

  it('closes with a reason and a day not in the future, then refuses more help', async () => {
    const future = await t.call('POST', `/api/care-records/${rec.id}/close`, xadoan, {
      version: 2,
      reason: 'Đã ổn định',
      closedOn: careDay(1),
    });
    expect(future.statusCode).toBe(422);
    expect(fields(future.body)[0]?.field).toBe('closedOn');
    const noReason = await t.call('POST', `/api/care-records/${rec.id}/close`, xadoan, {
      version: 2,
      reason: '',
      closedOn: careDay(0),
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.body).toContain('Lý do kết thúc theo dõi là bắt buộc');
    const closed = await t.call('POST', `/api/care-records/${rec.id}/close`, xadoan, {
      version: 2,
      reason: 'Đã có việc làm ổn định',
      closedOn: careDay(0),
    });
    expect(closed.statusCode).toBe(200);
    expect(closed.json<CareRecordDetail>()).toMatchObject({ status: 'closed', closeReason: 'Đã có việc làm ổn định' });
    const more = await add({ kind: 'given', onDate: careDay(0), description: 'Quà' });
    expect(more.statusCode).toBe(422);
    expect(more.body).toContain('đã kết thúc theo dõi');
  });
});

describe('counts, suggestions, list and export', () => {
  it('starts from the demo list of the ward: members and youth with help given and planned', async () => {
    const ward = await summary('HCH');
    expect(ward.open.members + ward.open.youth).toBeGreaterThanOrEqual(10);
    expect(ward.open.youth).toBeGreaterThanOrEqual(6);
    expect(ward.given.amount).toBeGreaterThan(0);
    expect(ward.planned.count).toBeGreaterThan(0);
  });

  it('counts open records per category and help of the year, with a row per branch', async () => {
    const [ward, branch] = [await summary('HCH'), await summary('TDP3')];
    const rec = (
      await create(youthBody(ids.TDP3!, { fullName: 'Mai Văn Tú', categories: ['hardship', 'disability'] }))
    ).json<CareRecordDetail>();
    await t.call('POST', `/api/care-records/${rec.id}/actions`, xadoan, {
      kind: 'given',
      onDate: careDay(0),
      description: 'Xe lăn',
      amount: 250000,
    });
    const [ward2, branch2] = [await summary('HCH'), await summary('TDP3')];
    const cat = (s: CareSummary, c: string) => s.categories.find((x) => x.category === c)!;
    expect(cat(branch2, 'hardship').youth).toBe(cat(branch, 'hardship').youth + 1);
    expect(cat(branch2, 'disability').youth).toBe(cat(branch, 'disability').youth + 1);
    expect(branch2.open.youth).toBe(branch.open.youth + 1);
    expect(branch2.given.count).toBe(branch.given.count + 1);
    expect(branch2.given.amount).toBe(branch.given.amount + 250000);
    const row = (s: CareSummary) => s.children.find((c) => c.unitId === ids.TDP3)!;
    expect(row(ward2).youth).toBe(row(ward).youth + 1);
    expect(row(ward2).givenAmount).toBe(row(ward).givenAmount + 250000);
    expect(ward2.children.map((c) => c.unitId)).toContain(ids.TDP1);
    expect(ward2.canWrite).toBe(true);
    const province = (
      await t.call('GET', `/api/care-records/summary?unitId=${await t.unitId('DNG')}`, await t.as('tinhdoan'))
    ).json<CareSummary>();
    expect(province.children.find((c) => c.unitId === ids.HCH)?.youth).toBe(ward2.open.youth);
  });

  it('suggests flagged members not on the list and drops them once added', async () => {
    const m = await freeMember('TDP1', 2);
    await t.database.db
      .update(members)
      .set({ careFlags: ['religious', 'hardship'], careNote: 'Mẹ ốm nặng' })
      .where(eq(members.id, m.id));
    const before = (await summary('HCH')).suggestions;
    const list = (
      await t.call('GET', `/api/care-records/suggestions?unitId=${ids.HCH}`, xadoan)
    ).json<CareSuggestionList>();
    const found = list.items.find((s) => s.memberId === m.id);
    expect(found).toMatchObject({ categories: ['hardship', 'religious'], careNote: 'Mẹ ốm nặng' });
    const res = await create({ unitId: found!.unitId, memberId: m.id, categories: found!.categories });
    expect(res.statusCode).toBe(200);
    const after = (
      await t.call('GET', `/api/care-records/suggestions?unitId=${ids.HCH}`, xadoan)
    ).json<CareSuggestionList>();
    expect(after.items.map((s) => s.memberId)).not.toContain(m.id);
    expect((await summary('HCH')).suggestions).toBe(before - 1);
  });

  it('pages the list in name order with filters', async () => {
    const all: string[] = [];
    let cursor: string | null = null;
    let total = 0;
    do {
      const query: string = `/api/care-records?unitId=${ids.HCH}&limit=4${cursor ? `&cursor=${cursor}` : ''}`;
      const page: CareRecordPage = (await t.call('GET', query, xadoan)).json<CareRecordPage>();
      all.push(...page.items.map((i) => i.id));
      total = page.total ?? 0;
      cursor = page.next;
    } while (cursor);
    expect(all.length).toBe(total);
    expect(new Set(all).size).toBe(all.length);
    const youth = (
      await t.call('GET', `/api/care-records?unitId=${ids.HCH}&who=youth&category=disability`, xadoan)
    ).json<CareRecordPage>();
    expect(youth.items.every((i) => i.memberId === null && i.categories.includes('disability'))).toBe(true);
    const byName = (
      await t.call('GET', `/api/care-records?unitId=${ids.HCH}&q=mai van tu`, xadoan)
    ).json<CareRecordPage>();
    expect(byName.items.map((i) => i.fullName)).toEqual(['Mai Văn Tú']);
    const closed = (
      await t.call('GET', `/api/care-records?unitId=${ids.HCH}&status=closed`, xadoan)
    ).json<CareRecordPage>();
    expect(closed.items.map((i) => i.fullName)).toContain('Lý Văn Hùng');
    const bad = await t.call('GET', `/api/care-records?unitId=${ids.HCH}&cursor=xyz`, xadoan);
    expect(bad.statusCode).toBe(400);
  });

  it('exports the list as .xlsx, audited', async () => {
    const a = await audits();
    const res = await t.call('GET', `/api/care-records.xlsx?unitId=${ids.HCH}`, xadoan);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe('Danh sách chăm lo');
    const names: unknown[] = [];
    sheet.eachRow((row, n) => {
      if (n > 5) names.push(row.getCell(2).value);
    });
    expect(names).toContain('Mai Văn Tú');
    expect(names.length).toBe(Number(res.headers['x-total-count']));
    expect(await audits()).toBe(a + 1);
  });
});

describe('scope', () => {
  let fx: CareFixtures;
  let outsider: string;
  let viewer: string;
  beforeAll(async () => {
    fx = await careScopeFixtures(t);
    outsider = (await t.accountWithRole('unit_admin', 'HAN')).cookie;
    viewer = (await t.accountWithRole('viewer', 'HCH')).cookie;
  });
  const cases = () => careScopeCases({ unitId: (code) => ids[code]!, fx: () => fx });

  it('gives an outsider nothing and writes nothing', async () => {
    for (const c of cases()) {
      const a = await audits();
      const res = await t.call(c.method, c.url(), outsider, c.body?.());
      expect([403, 404], c.name).toContain(res.statusCode);
      expect(res.body).not.toContain('Hải Châu');
      expect(await audits(), c.name).toBe(a);
    }
  });

  it('lets a viewer read but not write, with the phone masked', async () => {
    for (const c of cases()) {
      const a = await audits();
      const res = await t.call(c.method, c.url(), viewer, c.body?.());
      if (c.write) {
        expect([403, 404], c.name).toContain(res.statusCode);
        expect(await audits(), c.name).toBe(a);
      } else expect(res.statusCode, c.name).toBe(200);
    }
    const rec = (await t.call('GET', `/api/care-records/${fx.record.id}`, viewer)).json<CareRecordDetail>();
    expect(rec.phone).toBe('*******456');
    expect(rec.canWrite).toBe(false);
  });

  it('gives a member account nothing', async () => {
    const member = await t.login('doanvien', 'Doanvien@2025');
    for (const c of cases()) {
      const res = await t.call(c.method, c.url(), member, c.body?.());
      expect([403, 404], c.name).toContain(res.statusCode);
    }
  });

  it('lets the cadre of the branch do every write', async () => {
    const bithu = await t.as('bithu');
    for (const c of cases().filter((k) => k.write)) {
      const res = await t.call(c.method, c.url(), bithu, c.body?.());
      expect([200, 409, 422], `${c.name}: ${res.body}`).toContain(res.statusCode);
    }
  });
});
