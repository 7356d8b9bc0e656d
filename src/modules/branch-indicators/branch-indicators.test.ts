import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import PizZip from 'pizzip';
import { startTestApp, type TestApp } from '../../../tests/helpers/test-app.js';
import type {
  BranchBook,
  BranchDesignations,
  ByChildResponse,
  IndicatorListPage,
  IndicatorsResponse,
} from '../../contracts/branch-indicators.js';
import { rows } from '../../db/rows.js';
import { insertMeeting, insertMembers, insertUnit } from './branch-indicators.fixtures.js';

let t: TestApp;
let admin: string;
let tinhdoan: string;
let xadoan: string;
let bithu: string;
let outsider: string;
const ids: Record<string, string> = {};

const auditCount = async (entity: string) =>
  (await rows<{ n: number }>(t.database.db, sql`select count(*)::int as n from audit_log where entity = ${entity}`))[0]!
    .n;

/** A known subtree under Đà Nẵng: commune G with branches A (10 members), B (3, remote), C (9). */
async function buildSubtree(): Promise<void> {
  const dng = await t.unitId('DNG');
  ids.g = await insertUnit(t, dng, 'grassroots', 'Đoàn xã Thử Nghiệm');
  ids.a = await insertUnit(t, ids.g, 'branch', 'Chi đoàn Thôn A');
  ids.b = await insertUnit(t, ids.g, 'branch', 'Chi đoàn Thôn B');
  ids.c = await insertUnit(t, ids.g, 'branch', 'Chi đoàn Thôn C');
  const db = t.database.db;
  const [a, b, c] = [
    await insertMembers(t, ids.a, 10, dng),
    await insertMembers(t, ids.b, 3, dng),
    await insertMembers(t, ids.c, 9, dng),
  ];
  for (const m of ['01', '02', '03', '04', '05', '06']) {
    const meetingId = await insertMeeting(t, ids.a, `2024-${m}`, { expected: 10, present: 8 });
    await db.execute(
      sql`insert into member_reviews (meeting_id, unit_id, period, items) values (${meetingId}::uuid, ${ids.a}::uuid, ${`2024-${m}`}, '[]'::jsonb)`,
    );
    if (m === '01')
      await db.execute(
        sql`insert into meeting_attendance (meeting_id, member_id, status) values (${meetingId}::uuid, ${a[0]!}::uuid, 'present')`,
      );
  }
  await insertMeeting(t, ids.b, '2024-02', { expected: 3, present: 3 });
  await insertMeeting(t, ids.b, '2024-04', { expected: 3, present: 3 });
  for (const m of ['01', '02', '03', '04', '05'])
    await insertMeeting(t, ids.c, `2024-${m}`, { expected: 9, present: 4 });
  await db.execute(
    sql`insert into branch_designations (unit_id, kind, valid_from) values (${ids.b}::uuid, 'remote', '2023-01-01')`,
  );
  const seen = (list: string[], day: string) =>
    Promise.all(
      list.map((id) =>
        db.execute(
          sql`insert into member_last_seen (member_id, last_present_on, unit_id)
              select id, ${day}::date, unit_id from members where id = ${id}::uuid`,
        ),
      ),
    );
  await seen(a, '2024-06-10');
  await seen(b.slice(0, 2), '2024-04-10');
  await seen(c.slice(0, 4), '2024-05-10');
  await seen(c.slice(4), '2024-01-10');
}

beforeAll(async () => {
  t = await startTestApp();
  [admin, tinhdoan, xadoan, bithu] = await Promise.all([
    t.as('admin'),
    t.as('tinhdoan'),
    t.as('xadoan'),
    t.as('bithu'),
  ]);
  outsider = (await t.accountWithRole('unit_admin', 'HAN')).cookie;
  await buildSubtree();
}, 60_000);

afterAll(async () => {
  await t?.close();
});

const period = (unitId: string) => `unitId=${unitId}&from=2024-01&to=2024-06`;

describe('branch indicators', () => {
  it('computes each figure on a known subtree (remote branches judged quarterly)', async () => {
    const res = await t.call('GET', `/api/branch-indicators?${period(ids.g!)}`, tinhdoan);
    expect(res.statusCode).toBe(200);
    const body = res.json<IndicatorsResponse>();
    expect(body.branches).toBe(3);
    expect(body.figures.meetingCharter).toMatchObject({ numerator: 2, denominator: 3, target: 0.5, meetsTarget: true });
    expect(body.figures.minMembers).toMatchObject({ numerator: 2, denominator: 3 });
    expect(body.figures.attendance).toMatchObject({ numerator: 74, denominator: 111 });
    expect(body.figures.notSeen).toMatchObject({ numerator: 6, denominator: 22 });
    expect(body.figures.pilot).toMatchObject({ numerator: 0, denominator: 1, target: 1, meetsTarget: false });
    expect(body.figures.monthlyReview).toMatchObject({ numerator: 1, denominator: 3 });
  });

  it('lists the branches behind a figure, paginated by name', async () => {
    const meets = await t.call(
      'GET',
      `/api/branch-indicators/meetingCharter/units?${period(ids.g!)}&meets=true&limit=1`,
      tinhdoan,
    );
    expect(meets.statusCode).toBe(200);
    const first = meets.json<IndicatorListPage>();
    expect(first.items.map((i) => i.name)).toEqual(['Chi đoàn Thôn A']);
    expect(first.next).not.toBeNull();
    const second = (
      await t.call(
        'GET',
        `/api/branch-indicators/meetingCharter/units?${period(ids.g!)}&meets=true&limit=1&cursor=${first.next}`,
        tinhdoan,
      )
    ).json<IndicatorListPage>();
    expect(second.items[0]).toMatchObject({
      name: 'Chi đoàn Thôn B',
      remote: true,
      heldPeriods: 2,
      requiredPeriods: 2,
    });
    const failing = (
      await t.call('GET', `/api/branch-indicators/meetingCharter/units?${period(ids.g!)}&meets=false`, tinhdoan)
    ).json<IndicatorListPage>();
    expect(failing.items).toMatchObject([{ name: 'Chi đoàn Thôn C', heldPeriods: 5, requiredPeriods: 6 }]);
    const notSeen = (
      await t.call('GET', `/api/branch-indicators/notSeen/units?${period(ids.g!)}&meets=true`, tinhdoan)
    ).json<IndicatorListPage>();
    expect(notSeen.subject).toBe('member');
    expect(notSeen.items).toHaveLength(6);
  });

  it('counts the pilot branch of the period and shows figures per child', async () => {
    const set = await t.call('POST', `/api/units/${ids.a}/designations`, tinhdoan, {
      kind: 'pilot',
      validFrom: '2024-03-01',
    });
    expect(set.statusCode).toBe(200);
    const body = (await t.call('GET', `/api/branch-indicators?${period(ids.g!)}`, tinhdoan)).json<IndicatorsResponse>();
    expect(body.figures.pilot).toMatchObject({ numerator: 1, denominator: 1, meetsTarget: true });
    const before = (
      await t.call('GET', `/api/branch-indicators?unitId=${ids.g}&from=2024-01&to=2024-02`, tinhdoan)
    ).json<IndicatorsResponse>();
    expect(before.figures.pilot.numerator).toBe(0);
    const list = (
      await t.call('GET', `/api/branch-indicators/pilot/units?${period(ids.g!)}&meets=true`, tinhdoan)
    ).json<IndicatorListPage>();
    expect(list.items).toMatchObject([{ name: 'Đoàn xã Thử Nghiệm', pilotName: 'Chi đoàn Thôn A' }]);
    const byChild = await t.call('GET', `/api/branch-indicators/by-child?${period(await t.unitId('DNG'))}`, tinhdoan);
    expect(byChild.statusCode).toBe(200);
    const row = byChild.json<ByChildResponse>().items.find((i) => i.unitId === ids.g);
    expect(row?.figures.meetingCharter).toMatchObject({ numerator: 2, denominator: 3 });
    expect(row?.figures.notSeen).toMatchObject({ numerator: 6, denominator: 22 });
  });

  it('refuses a bad period and hides units outside the scope', async () => {
    const reversed = await t.call('GET', `/api/branch-indicators?unitId=${ids.g}&from=2024-06&to=2024-01`, tinhdoan);
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json().error.message).toMatch(/Tháng kết thúc/);
    expect((await t.call('GET', `/api/branch-indicators?${period(ids.g!)}`, outsider)).statusCode).toBe(404);
    expect((await t.call('GET', `/api/branch-indicators?${period(ids.g!)}`, xadoan)).statusCode).toBe(404);
    expect((await t.call('GET', `/api/branch-indicators?${period(ids.g!)}`)).statusCode).toBe(401);
  });
});

describe('designations', () => {
  it('allows one pilot branch per đoàn cơ sở, chosen by the parent only', async () => {
    const tdp1 = await t.unitId('TDP1');
    const tdp2 = await t.unitId('TDP2');
    const history = (await t.call('GET', `/api/units/${tdp1}/designations`, bithu)).json<BranchDesignations>();
    const pilot = history.items.find((d) => d.kind === 'pilot' && !d.validTo);
    expect(pilot).toBeDefined();
    expect(history.canManage).toEqual(['remote']);

    const byBranch = await t.call('POST', `/api/units/${tdp2}/designations`, bithu, {
      kind: 'pilot',
      validFrom: '2025-01-01',
    });
    expect(byBranch.statusCode).toBe(404);
    const auditBefore = await auditCount('branch_designation');
    const second = await t.call('POST', `/api/units/${tdp2}/designations`, xadoan, {
      kind: 'pilot',
      validFrom: '2025-06-01',
    });
    expect(second.statusCode).toBe(422);
    expect(second.json().error.message).toMatch(/đã có chi đoàn chỉ đạo: Chi đoàn Tổ dân phố 1; hãy kết thúc trước/);
    const bad = await t.call('POST', `/api/units/${tdp2}/designations`, xadoan, {
      kind: 'nope',
      validFrom: '2025-06-01',
    });
    expect(bad.statusCode).toBe(400);
    const early = await t.call('POST', `/api/units/${tdp1}/designations/${pilot!.id}/end`, xadoan, {
      validTo: pilot!.validFrom,
    });
    expect(early.statusCode).toBe(400);
    expect(early.json().error.message).toMatch(/sau ngày bắt đầu/);
    expect(await auditCount('branch_designation')).toBe(auditBefore);

    const ended = await t.call('POST', `/api/units/${tdp1}/designations/${pilot!.id}/end`, xadoan, {
      validTo: '2025-06-01',
    });
    expect(ended.statusCode).toBe(200);
    expect(ended.json<BranchDesignations>().items.find((d) => d.id === pilot!.id)?.validTo).toBe('2025-06-01');
    const again = await t.call('POST', `/api/units/${tdp1}/designations/${pilot!.id}/end`, xadoan, {
      validTo: '2025-07-01',
    });
    expect(again.statusCode).toBe(409);
    const overlap = await t.call('POST', `/api/units/${tdp2}/designations`, xadoan, {
      kind: 'pilot',
      validFrom: '2025-05-01',
    });
    expect(overlap.statusCode).toBe(422);
    const next = await t.call('POST', `/api/units/${tdp2}/designations`, xadoan, {
      kind: 'pilot',
      validFrom: '2025-06-01',
    });
    expect(next.statusCode).toBe(200);
    expect(await auditCount('branch_designation')).toBe(auditBefore + 2);

    const remote = await t.call('POST', `/api/units/${tdp1}/designations`, bithu, {
      kind: 'remote',
      validFrom: '2025-01-01',
    });
    expect(remote.statusCode).toBe(200);
    const pilotByBranch = await t.call('POST', `/api/units/${tdp1}/designations`, bithu, {
      kind: 'pilot',
      validFrom: '2026-01-01',
    });
    expect(pilotByBranch.statusCode).toBe(403);
    expect((await t.call('GET', `/api/units/${tdp1}/designations`, outsider)).statusCode).toBe(404);
  });

  it('designates only open branches', async () => {
    const res = await t.call('POST', `/api/units/${await t.unitId('HCH')}/designations`, tinhdoan, {
      kind: 'remote',
      validFrom: '2025-01-01',
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.message).toMatch(/không phải chi đoàn/);
  });
});

describe('branch book', () => {
  it('summarises the year as JSON', async () => {
    const res = await t.call('GET', `/api/units/${ids.a}/branch-book?year=2024`, admin);
    expect(res.statusCode).toBe(200);
    const book = res.json<BranchBook>();
    expect(book.branch.name).toBe('Chi đoàn Thôn A');
    expect(book.members).toHaveLength(10);
    expect(book.meetings).toHaveLength(6);
    expect(book.meetings[0]).toMatchObject({ expected: 10, present: 8 });
    expect(book.ratings.note).toBe('Chưa có kết quả xếp loại');
    const demo = await t.call('GET', `/api/units/${await t.unitId('TDP1')}/branch-book`, bithu);
    expect(demo.statusCode).toBe(200);
    expect(demo.json<BranchBook>().branch.remote).toBe(true);
  });

  it('exports the book as .xlsx with the attendance grid', async () => {
    const res = await t.call('GET', `/api/units/${ids.a}/branch-book.xlsx?year=2024`, admin);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/spreadsheetml/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((s) => s.name)).toEqual([
      'Đoàn viên',
      'Sinh hoạt',
      'Điểm danh',
      'Đoàn phí',
      'Nhận xét',
      'Xếp loại',
    ]);
    expect(String(wb.getWorksheet('Đoàn viên')!.getCell('A1').value)).toContain('Chi đoàn Thôn A');
    expect(wb.getWorksheet('Điểm danh')!.getCell('C4').value).toBe('x');
    expect(wb.getWorksheet('Sinh hoạt')!.getCell('H4').value).toBe(8);
  });

  it('prints the book as .docx', async () => {
    const res = await t.call('GET', `/api/units/${await t.unitId('TDP1')}/branch-book.docx`, xadoan);
    expect(res.statusCode).toBe(200);
    const zip = new PizZip(res.rawPayload);
    expect(zip.file('word/document.xml')?.asText()).toContain('Chi đoàn Tổ dân phố 1');
  });

  it('is only for branches in the scope', async () => {
    expect((await t.call('GET', `/api/units/${await t.unitId('HCH')}/branch-book`, xadoan)).statusCode).toBe(422);
    expect((await t.call('GET', `/api/units/${ids.a}/branch-book.xlsx`, outsider)).statusCode).toBe(404);
    expect((await t.call('GET', `/api/units/${ids.a}/branch-book`, bithu)).statusCode).toBe(404);
  });
});
