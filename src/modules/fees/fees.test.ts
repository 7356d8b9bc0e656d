import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { count, eq } from 'drizzle-orm';
import { startTestApp, type TestApp } from '../../../tests/helpers/test-app.js';
import type { ArrearsPage, BranchFees, FeeCollection, MemberFeeClass, MyFees, UnitFees } from '../../contracts/fees.js';
import { auditLog, feePayments } from '../../db/schema/index.js';
import { addMonths, monthOf } from '../../domain/branch-life/months.js';
import { todayInVietnam } from '../../domain/text/dates.js';
import { DEMO_MEMBER } from '../self-service/self-service.fixtures.js';
import { branchMembers, feeScopeCases, feeScopeFixtures, monthAhead, type FeeFixtures } from './fees.fixtures.js';

let t: TestApp;
let xadoan: string;
const today = todayInVietnam();
const year = Number(today.slice(0, 4));
const current = monthOf(today);

beforeAll(async () => {
  t = await startTestApp();
  xadoan = await t.as('xadoan');
});
afterAll(async () => {
  await t.close();
});

const footprint = async () => {
  const { db } = t.database;
  const [p] = await db.select({ n: count() }).from(feePayments);
  const [a] = await db.select({ n: count() }).from(auditLog);
  return [p!.n, a!.n];
};
const collect = (
  cookie: string,
  unitCode: string,
  items: { memberId: string; months: string[] }[],
  collectedOn = today,
) => t.unitId(unitCode).then((unitId) => t.call('POST', '/api/fees/payments', cookie, { unitId, collectedOn, items }));
const viewOf = async (unitId: string) =>
  (await t.call('GET', `/api/fees?unitId=${unitId}&year=${year}`, xadoan)).json<BranchFees>();
const branchView = async (code: string) => viewOf(await t.unitId(code));

describe('collecting fees', () => {
  it('prices each month by the class of that month and the rule valid on its first day', async () => {
    const [a, b] = await branchMembers(t, 'TDP3');
    const put = await t.call('PUT', `/api/members/${a!.id}/fee-class`, xadoan, {
      rateClass: 'with_salary',
      fromMonth: monthAhead(1),
    });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json<MemberFeeClass>().history[0]).toEqual({ rateClass: 'with_salary', fromMonth: monthAhead(1) });
    const from = `${monthAhead(3)}-01`;
    const rule = await t.call('POST', '/api/rules/fee', await t.as('admin'), {
      validFrom: from,
      value: { withoutSalary: 3000, withSalary: 6000, abroad: 8000, branchKeepsPercent: 50, overdueMonths: 3 },
    });
    expect(rule.statusCode, rule.body).toBe(200);
    const quote = await t.call('POST', '/api/fees/payments/quote', xadoan, {
      unitId: await t.unitId('TDP3'),
      collectedOn: today,
      items: [{ memberId: a!.id, months: [monthAhead(1), monthAhead(3)] }],
    });
    expect(quote.json<FeeCollection>().total).toBe(11000);
    const before = await footprint();
    const res = await collect(xadoan, 'TDP3', [
      { memberId: a!.id, months: [monthAhead(3), monthAhead(1)] },
      { memberId: b!.id, months: [monthAhead(1), monthAhead(3)] },
    ]);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json<FeeCollection>();
    expect(body.lines.map((l) => [l.memberId, l.month, l.rateClass, l.amount])).toEqual([
      [a!.id, monthAhead(1), 'with_salary', 5000],
      [a!.id, monthAhead(3), 'with_salary', 6000],
      [b!.id, monthAhead(1), 'without_salary', 2000],
      [b!.id, monthAhead(3), 'without_salary', 3000],
    ]);
    expect(body.total).toBe(16000);
    expect(await footprint()).toEqual([before[0]! + 4, before[1]! + 1]);
    const [entry] = await t.database.db.select().from(auditLog).where(eq(auditLog.entity, 'fee_payment'));
    expect(entry).toMatchObject({ action: 'collect', unitId: await t.unitId('TDP3') });
  });

  it('refuses a month already paid, naming member and month, and writes nothing', async () => {
    const [, , c, d] = await branchMembers(t, 'TDP3');
    expect((await collect(xadoan, 'TDP3', [{ memberId: c!.id, months: [monthAhead(2)] }])).statusCode).toBe(200);
    const before = await footprint();
    const res = await collect(xadoan, 'TDP3', [
      { memberId: d!.id, months: [monthAhead(2)] },
      { memberId: c!.id, months: [monthAhead(4), monthAhead(2)] },
    ]);
    expect(res.statusCode).toBe(409);
    const label = `${monthAhead(2).slice(5)}/${monthAhead(2).slice(0, 4)}`;
    expect(res.json<{ error: { message: string } }>().error.message).toBe(
      `Đoàn viên ${c!.fullName} đã đóng đoàn phí tháng ${label}.`,
    );
    expect(await footprint()).toEqual(before);
  });

  it('refuses members of another branch, a future collection date and months out of range', async () => {
    const [own] = await branchMembers(t, 'TDP3');
    const [other] = await branchMembers(t, 'TDP2');
    const before = await footprint();
    const foreign = await collect(xadoan, 'TDP3', [
      { memberId: own!.id, months: [monthAhead(5)] },
      { memberId: other!.id, months: [monthAhead(5)] },
    ]);
    expect(foreign.statusCode).toBe(422);
    expect(foreign.json<{ error: { message: string } }>().error.message).toContain('không sinh hoạt tại');
    const tomorrow = new Date(Date.parse(`${today}T00:00:00Z`) + 86400_000).toISOString().slice(0, 10);
    const future = await collect(xadoan, 'TDP3', [{ memberId: own!.id, months: [monthAhead(5)] }], tomorrow);
    expect(future.statusCode).toBe(400);
    expect(future.json<{ error: { details: { field: string }[] } }>().error.details[0]!.field).toBe('collectedOn');
    const far = await collect(xadoan, 'TDP3', [{ memberId: own!.id, months: [monthAhead(13)] }]);
    expect(far.statusCode).toBe(400);
    const early = await collect(xadoan, 'TDP3', [
      { memberId: own!.id, months: [`${Number(own!.joinedOn!.slice(0, 4)) - 1}-01`] },
    ]);
    expect(early.statusCode).toBe(400);
    expect(early.json<{ error: { message: string } }>().error.message).toContain('vào Đoàn tháng');
    const atHigher = await collect(xadoan, 'HCH', [{ memberId: own!.id, months: [monthAhead(5)] }]);
    expect(atHigher.statusCode).toBe(422);
    expect(await footprint()).toEqual(before);
  });

  it('keeps outsiders out: 404 outside the scope, 403 for a reader, member accounts see only their own', async () => {
    const [m] = await branchMembers(t, 'TDP3');
    const outsider = (await t.accountWithRole('unit_admin', 'HAN')).cookie;
    const viewer = (await t.accountWithRole('viewer', 'HCH')).cookie;
    const tdp3 = await t.unitId('TDP3');
    expect((await t.call('GET', `/api/fees?unitId=${tdp3}&year=${year}`, outsider)).statusCode).toBe(404);
    expect((await t.call('GET', `/api/fees/arrears?unitId=${tdp3}`, outsider)).statusCode).toBe(404);
    expect((await t.call('GET', `/api/units/${tdp3}/fee-ledger.xlsx?year=${year}`, outsider)).statusCode).toBe(404);
    expect((await collect(outsider, 'TDP3', [{ memberId: m!.id, months: [monthAhead(6)] }])).statusCode).toBe(404);
    expect(
      (await collect(await t.as('bithu'), 'TDP3', [{ memberId: m!.id, months: [monthAhead(6)] }])).statusCode,
    ).toBe(404);
    expect((await t.call('GET', `/api/fees?unitId=${tdp3}&year=${year}`, viewer)).statusCode).toBe(200);
    expect((await collect(viewer, 'TDP3', [{ memberId: m!.id, months: [monthAhead(6)] }])).statusCode).toBe(403);
    const member = await t.login(DEMO_MEMBER.username, DEMO_MEMBER.password);
    expect(
      (await t.call('GET', `/api/fees?unitId=${await t.unitId('TDP1')}&year=${year}`, member)).statusCode,
    ).toBeGreaterThanOrEqual(403);
    const mine = await t.call('GET', '/api/me/fees', member);
    expect(mine.statusCode, mine.body).toBe(200);
    expect(mine.json<MyFees>()).toMatchObject({ unitName: expect.stringContaining('Chi đoàn'), year });
    expect((await t.call('GET', '/api/me/fees', xadoan)).statusCode).toBe(404);
  });
});

describe('standing, arrears and ledger', () => {
  it('moves paid-up-to back when a mistaken payment is deleted, with the reason audited', async () => {
    const view = await branchView('TDP4');
    const m = view.members.find((x) => x.paidUpTo === current)!;
    expect(m.owed).toBeNull();
    const payment = m.paid.find((p) => p.month === current)!;
    const noReason = await t.call('DELETE', `/api/fees/payments/${payment.id}`, xadoan, { reason: ' ' });
    expect(noReason.statusCode).toBe(400);
    const res = await t.call('DELETE', `/api/fees/payments/${payment.id}`, xadoan, { reason: 'Ghi nhầm người' });
    expect(res.statusCode, res.body).toBe(200);
    const after = (await branchView('TDP4')).members.find((x) => x.memberId === m.memberId)!;
    expect(after.paidUpTo).toBe(addMonths(current, -1));
    expect(after.owed).toMatchObject({ from: current, count: 1, amount: payment.amount });
    const [entry] = await t.database.db.select().from(auditLog).where(eq(auditLog.action, 'delete'));
    expect(entry).toMatchObject({ entity: 'fee_payment', after: { reason: 'Ghi nhầm người' } });
  });

  it('lists members owing, with paid-up-to and amounts, matching the branch grid', async () => {
    const hch = await t.unitId('HCH');
    const page = (
      await t.call('GET', `/api/fees/arrears?unitId=${hch}&minMonths=3&limit=200`, xadoan)
    ).json<ArrearsPage>();
    expect(page.items.length).toBeGreaterThan(0);
    for (const item of page.items) {
      expect(item.months).toBeGreaterThanOrEqual(3);
      expect(item.from).toBe(addMonths(item.paidUpTo ?? addMonths(item.from, -1), 1));
    }
    const sample = page.items[0]!;
    const grid = await viewOf(sample.unitId);
    const row = grid.members.find((x) => x.memberId === sample.memberId)!;
    expect(row).toMatchObject({ paidUpTo: sample.paidUpTo, overdue: true });
    expect(row.owed).toEqual({ from: sample.from, count: sample.months, amount: sample.amount });
    const first = (
      await t.call('GET', `/api/fees/arrears?unitId=${hch}&minMonths=3&limit=2`, xadoan)
    ).json<ArrearsPage>();
    const second = (
      await t.call('GET', `/api/fees/arrears?unitId=${hch}&minMonths=3&limit=2&after=${first.next}`, xadoan)
    ).json<ArrearsPage>();
    expect([...first.items, ...second.items].map((i) => i.memberId)).toEqual(
      page.items.slice(0, 4).map((i) => i.memberId),
    );
  });

  it('splits what is collected into kept and passed up, per branch for a higher unit, paginated by name', async () => {
    const grid = await branchView('TDP1');
    const { collected, kept, passedUp } = grid.totals;
    expect(collected).toBeGreaterThan(0);
    expect(kept + passedUp).toBe(collected);
    expect(kept).toBe(Math.round(collected * 0.4));
    const hch = await t.unitId('HCH');
    const first = (await t.call('GET', `/api/fees?unitId=${hch}&year=${year}&limit=2`, xadoan)).json<UnitFees>();
    expect(first.kind).toBe('overview');
    expect(first.branches.items).toHaveLength(2);
    const all = (await t.call('GET', `/api/fees?unitId=${hch}&year=${year}&limit=200`, xadoan)).json<UnitFees>();
    expect(all.branches.items.map((b) => b.name)).toEqual(
      [...all.branches.items.map((b) => b.name)].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0)),
    );
    const second = (
      await t.call('GET', `/api/fees?unitId=${hch}&year=${year}&limit=2&after=${first.branches.next}`, xadoan)
    ).json<UnitFees>();
    expect(second.branches.items.map((b) => b.unitId)).toEqual(all.branches.items.slice(2, 4).map((b) => b.unitId));
    const tdp1 = await t.unitId('TDP1');
    const row = all.branches.items.find((b) => b.unitId === tdp1)!;
    expect(row).toMatchObject({ collected, kept, passedUp, members: grid.members.length });
    expect(row.overdue).toBe(grid.members.filter((m) => m.overdue).length);
    expect(all.totals.collected).toBe(all.branches.items.reduce((s, b) => s + b.collected, 0));
  });

  it('exports a ledger that opens in exceljs and holds the totals', async () => {
    const grid = await branchView('TDP1');
    const res = await t.call('GET', `/api/units/${await t.unitId('TDP1')}/fee-ledger.xlsx?year=${year}`, xadoan);
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['Tổng hợp theo tháng', 'Đoàn viên', 'Chi tiết thu']);
    const months = wb.getWorksheet('Tổng hợp theo tháng')!;
    const total = months.getRow(months.rowCount);
    expect(total.getCell(2).value).toBe('Cộng');
    expect([total.getCell(4).value, total.getCell(5).value, total.getCell(6).value]).toEqual([
      grid.totals.collected,
      grid.totals.kept,
      grid.totals.passedUp,
    ]);
    expect(total.getCell(4).numFmt).toBe('#,##0');
    expect(wb.getWorksheet('Đoàn viên')!.rowCount).toBe(5 + grid.members.length);
    const detail = wb.getWorksheet('Chi tiết thu')!;
    expect(detail.getRow(6).getCell(2).numFmt).toBe('dd/mm/yyyy');
    const unit = await t.call('GET', `/api/units/${await t.unitId('HCH')}/fee-ledger.xlsx?year=${year}`, xadoan);
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.load(unit.rawPayload as unknown as ArrayBuffer);
    expect(wb2.worksheets.map((s) => s.name)).toEqual(['Các chi đoàn']);
  });
});

describe('scope cases', () => {
  let fx: FeeFixtures;
  const ids: Record<string, string> = {};
  it('answer 200 for a cadre of the unit', async () => {
    for (const code of ['TDP1', 'HCH']) ids[code] = await t.unitId(code);
    fx = await feeScopeFixtures(t);
    const cases = feeScopeCases({ unitId: (c) => ids[c]!, fx: () => fx });
    const member = await t.login(DEMO_MEMBER.username, DEMO_MEMBER.password);
    for (const c of cases) {
      const res = await t.call(c.method, c.url(), c.self ? member : xadoan, c.body?.());
      expect(res.statusCode, `${c.name}: ${res.body}`).toBe(200);
    }
  });
});
