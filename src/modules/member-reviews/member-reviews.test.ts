import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { startTestApp, type TestApp } from '../../../tests/helpers/test-app.js';
import type { MeetingReview, UnitReviews } from '../../contracts/member-reviews.js';
import {
  auditLog,
  comingOfAgeExceptions,
  feePayments,
  memberReviews,
  transfers,
  units,
} from '../../db/schema/index.js';
import { todayInVietnam } from '../../domain/text/dates.js';
import { seedDemoReviews } from '../../seed/demo-reviews.js';
import { DEMO_MEMBER } from '../self-service/self-service.fixtures.js';
import {
  insertAttendance,
  insertMeeting,
  insertMember,
  recentMonths,
  reviewScopeCases,
  reviewScopeFixtures,
} from './member-reviews.fixtures.js';

let t: TestApp;
let branchId: string;
let meetingNow: string;
let meetingBefore: string;
let cancelled: string;
const ids: Record<string, string> = {};
const [m2, m1, now] = recentMonths(2) as [string, string, string];
const year = Number(now.slice(0, 4));

async function audits(): Promise<number> {
  const [row] = await t.database.db.select({ n: sql<number>`count(*)::int` }).from(auditLog);
  return Number(row?.n);
}

const lines = (r: MeetingReview) => r.checklist.map((l) => `${l.category}:${l.fullName}`);

beforeAll(async () => {
  t = await startTestApp();
  const admin = await t.as('admin');
  const created = await t.call('POST', '/api/units', admin, {
    name: 'Chi đoàn Rà soát thử',
    code: 'RASOAT1',
    kind: 'branch',
    sector: 'residential',
    parentId: await t.unitId('HCH'),
  });
  expect(created.statusCode).toBe(200);
  branchId = created.json<{ id: string }>().id;
  const db = t.database.db;
  const add = async (key: string, name: string, over = {}) => (ids[key] = await insertMember(db, branchId, name, over));
  await add('complete', 'Nguyễn Văn Đủ');
  await add('incomplete', 'Trần Thị Thiếu', { cccd: null, phone: null, gender: 'female' });
  await add('thirty', 'Lê Văn Ba Mươi', { birthDate: `${year - 30}-06-15` });
  await add('kept', 'Phan Văn Giữ', { birthDate: `${year - 30}-02-01` });
  await add('away', 'Võ Thị Xa', { status: 'working_away', awayPlace: 'Bình Dương', awaySince: `${year}-01-15` });
  await add('absent', 'Đỗ Văn Vắng');
  await add('excused', 'Hồ Thị Phép');
  await add('owing', 'Bùi Văn Nợ');
  await add('matured', 'Lý Văn Cũ', { status: 'matured', phone: null });
  ids.hosted = await insertMember(db, await t.unitId('TDP2'), 'Mai Thị Khách', {
    status: 'temporary_elsewhere',
    phone: null,
  });
  await db.insert(transfers).values({
    memberId: ids.hosted,
    kind: 'temporary',
    fromUnitId: await t.unitId('TDP2'),
    toUnitId: branchId,
    code: 'TT-RASOAT-1',
    status: 'accepted',
    startsOn: `${m2}-01`,
  });
  await db.insert(comingOfAgeExceptions).values({ memberId: ids.kept!, reason: 'committee' });
  const paidNow = ['complete', 'incomplete', 'thirty', 'kept', 'away', 'absent', 'excused', 'hosted'];
  await db.insert(feePayments).values([
    ...paidNow.map((k) => ({
      memberId: ids[k]!,
      unitId: branchId,
      month: now,
      rateClass: 'without_salary',
      amount: 2000,
      collectedOn: todayInVietnam(),
    })),
    {
      memberId: ids.owing!,
      unitId: branchId,
      month: recentMonths(4)[0]!,
      rateClass: 'without_salary',
      amount: 2000,
      collectedOn: todayInVietnam(),
    },
  ]);
  const present = ['complete', 'incomplete', 'thirty', 'kept', 'owing'].map((k) => ({
    memberId: ids[k]!,
    status: 'present' as const,
  }));
  const marks: Record<string, ['absent' | 'excused', 'absent' | 'excused']> = {
    [m2]: ['absent', 'absent'],
    [m1]: ['absent', 'excused'],
    [now]: ['absent', 'absent'],
  };
  const held: string[] = [];
  for (const period of [m2, m1, now]) {
    const id = await insertMeeting(db, branchId, period);
    held.push(id);
    const [absent, excused] = marks[period]!;
    await insertAttendance(db, id, [
      ...present,
      { memberId: ids.absent!, status: absent },
      { memberId: ids.excused!, status: excused },
    ]);
  }
  [, meetingBefore, meetingNow] = held as [string, string, string];
  cancelled = await insertMeeting(db, branchId, now, { status: 'cancelled', heldOn: null, cancelReason: 'Mưa bão' });
});
afterAll(async () => {
  await t.close();
});

describe('the review checklist', () => {
  it('lists incomplete records, age 30, away, absences in a row and fee arrears, hosted members included', async () => {
    const res = await t.call('GET', `/api/meetings/${meetingNow}/review`, await t.as('xadoan'));
    expect(res.statusCode).toBe(200);
    const review = res.json<MeetingReview>();
    expect(review.recorded).toBeNull();
    expect(review.canRecord).toBe(true);
    expect(review.missedInARow).toBe(3);
    expect(lines(review).sort()).toEqual(
      [
        'incomplete_data:Trần Thị Thiếu',
        'incomplete_data:Mai Thị Khách',
        'turns_30:Lê Văn Ba Mươi',
        'working_away:Võ Thị Xa',
        'missed_in_a_row:Đỗ Văn Vắng',
        'fee_overdue:Bùi Văn Nợ',
      ].sort(),
    );
    const detail = (name: string) => review.checklist.find((l) => l.fullName === name)?.detail;
    expect(detail('Trần Thị Thiếu')).toBe('Thiếu: số CCCD, số điện thoại');
    expect(detail('Mai Thị Khách')).toBe('Thiếu: số điện thoại (sinh hoạt tạm thời tại chi đoàn)');
    expect(review.checklist.find((l) => l.fullName === 'Mai Thị Khách')?.hosted).toBe(true);
    expect(detail('Lê Văn Ba Mươi')).toBe(`Sinh 15/06/${year - 30}, tròn 30 tuổi trong năm ${year}`);
    expect(detail('Võ Thị Xa')).toBe(`Nơi đến: Bình Dương; từ 15/01/${year}`);
    expect(detail('Đỗ Văn Vắng')).toMatch(/^Vắng không phép 3 buổi liên tiếp: /);
    expect(detail('Bùi Văn Nợ')).toBe(
      `Nợ 4 tháng, từ tháng ${recentMonths(3)[0]!.slice(5)}/${recentMonths(3)[0]!.slice(0, 4)}`,
    );
    expect(review.checklist[0]?.category).toBe('incomplete_data');
  });

  it('counts absences only over the held meetings up to the meeting', async () => {
    const res = await t.call('GET', `/api/meetings/${meetingBefore}/review`, await t.as('xadoan'));
    expect(lines(res.json<MeetingReview>())).not.toContain('missed_in_a_row:Đỗ Văn Vắng');
  });

  it('is read by a viewer, and not found for an outsider or a branch cadre elsewhere', async () => {
    const viewer = (await t.accountWithRole('viewer', 'HCH')).cookie;
    const read = await t.call('GET', `/api/meetings/${meetingNow}/review`, viewer);
    expect(read.statusCode).toBe(200);
    expect(read.json<MeetingReview>().canRecord).toBe(false);
    const outsider = (await t.accountWithRole('unit_admin', 'HAN')).cookie;
    expect((await t.call('GET', `/api/meetings/${meetingNow}/review`, outsider)).statusCode).toBe(404);
    expect((await t.call('GET', `/api/meetings/${meetingNow}/review`, await t.as('bithu'))).statusCode).toBe(404);
    expect((await t.call('GET', `/api/meetings/${meetingNow}/review`)).statusCode).toBe(401);
  });
});

describe('recording the review', () => {
  it('stores the checklist as it stood with the decisions, then refuses a stale version', async () => {
    const cookie = await t.as('xadoan');
    const before = await audits();
    const first = await t.call('PUT', `/api/meetings/${meetingNow}/review`, cookie, {
      items: [
        { category: 'incomplete_data', memberId: ids.incomplete, decision: 'Nhắc nhở' },
        { category: 'turns_30', memberId: ids.thirty, decision: 'Đề nghị làm thủ tục trưởng thành' },
      ],
      conclusion: 'Chi đoàn thống nhất nhắc nhở và theo dõi.',
    });
    expect(first.statusCode).toBe(200);
    const recorded = first.json<MeetingReview>().recorded!;
    expect(recorded.version).toBe(1);
    expect(recorded.items).toHaveLength(6);
    expect(recorded.items.find((i) => i.memberId === ids.thirty)?.decision).toBe('Đề nghị làm thủ tục trưởng thành');
    expect(recorded.items.find((i) => i.memberId === ids.away)?.decision).toBeNull();
    expect(recorded.reviewedByName).toBeTruthy();
    expect(await audits()).toBe(before + 1);

    const second = await t.call('PUT', `/api/meetings/${meetingNow}/review`, cookie, {
      version: 1,
      items: [{ category: 'working_away', memberId: ids.away, decision: 'Giao chi ủy theo dõi' }],
      conclusion: null,
    });
    expect(second.statusCode).toBe(200);
    expect(second.json<MeetingReview>().recorded?.version).toBe(2);

    for (const version of [1, undefined]) {
      const stale = await t.call('PUT', `/api/meetings/${meetingNow}/review`, cookie, {
        version,
        items: [],
        conclusion: 'Ghi đè',
      });
      expect(stale.statusCode).toBe(409);
    }
    const [row] = await t.database.db.select().from(memberReviews).where(eq(memberReviews.meetingId, meetingNow));
    expect(row?.version).toBe(2);
    expect(row?.conclusion).toBeNull();
    expect(await audits()).toBe(before + 2);
  });

  it('refuses an item not on the checklist and writes nothing', async () => {
    const before = await audits();
    const res = await t.call('PUT', `/api/meetings/${meetingBefore}/review`, await t.as('xadoan'), {
      items: [{ category: 'turns_30', memberId: ids.complete, decision: 'Nhắc nhở' }],
      conclusion: null,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json<{ error: { message: string } }>().error.message).toContain(
      'không còn trong danh sách rà soát, hãy tải lại',
    );
    const rows = await t.database.db.select().from(memberReviews).where(eq(memberReviews.meetingId, meetingBefore));
    expect(rows).toHaveLength(0);
    expect(await audits()).toBe(before);
  });

  it('refuses a decision too long, a cancelled meeting, a viewer and an outsider', async () => {
    const cookie = await t.as('xadoan');
    const tooLong = await t.call('PUT', `/api/meetings/${meetingBefore}/review`, cookie, {
      items: [{ category: 'working_away', memberId: ids.away, decision: 'x'.repeat(501) }],
    });
    expect(tooLong.statusCode).toBe(400);
    const refused = await t.call('PUT', `/api/meetings/${cancelled}/review`, cookie, { items: [] });
    expect(refused.statusCode).toBe(422);
    expect(refused.json<{ error: { message: string } }>().error.message).toContain('đã hủy');
    const viewer = (await t.accountWithRole('viewer', 'HCH')).cookie;
    expect((await t.call('PUT', `/api/meetings/${meetingBefore}/review`, viewer, { items: [] })).statusCode).toBe(403);
    const outsider = (await t.accountWithRole('unit_admin', 'HAN')).cookie;
    expect((await t.call('PUT', `/api/meetings/${meetingBefore}/review`, outsider, { items: [] })).statusCode).toBe(
      404,
    );
    expect(await t.database.db.select().from(memberReviews).where(eq(memberReviews.meetingId, cancelled))).toHaveLength(
      0,
    );
  });

  it('refuses a closed branch', async () => {
    const db = t.database.db;
    const closedBranch = (
      await t.call('POST', '/api/units', await t.as('admin'), {
        name: 'Chi đoàn Đã giải thể thử',
        code: 'RASOAT2',
        kind: 'branch',
        sector: 'residential',
        parentId: await t.unitId('HCH'),
      })
    ).json<{ id: string }>().id;
    const meeting = await insertMeeting(db, closedBranch, m1);
    await db
      .update(units)
      .set({ closedOn: `${m1}-02` })
      .where(eq(units.id, closedBranch));
    const res = await t.call('PUT', `/api/meetings/${meeting}/review`, await t.as('xadoan'), { items: [] });
    expect(res.statusCode).toBe(422);
    expect(res.json<{ error: { message: string } }>().error.message).toContain('giải thể');
  });
});

describe('months reviewed', () => {
  it('lists the months of a branch and the count per branch below a unit, page by page', async () => {
    const cookie = await t.as('xadoan');
    const branch = (await t.call('GET', `/api/units/${branchId}/reviews?year=${year}`, cookie)).json<UnitReviews>();
    expect(branch.isBranch).toBe(true);
    expect(branch.months.map((m) => m.period)).toEqual([now]);
    expect(branch.months[0]?.meetingId).toBe(meetingNow);

    const ward = await t.call('GET', `/api/units/${await t.unitId('HCH')}/reviews?year=${year}&limit=2`, cookie);
    expect(ward.statusCode).toBe(200);
    let page = ward.json<UnitReviews>();
    expect(page.isBranch).toBe(false);
    expect(page.branches).toHaveLength(2);
    const seen = [...page.branches];
    while (page.next) {
      page = (
        await t.call(
          'GET',
          `/api/units/${await t.unitId('HCH')}/reviews?year=${year}&limit=2&cursor=${page.next}`,
          cookie,
        )
      ).json<UnitReviews>();
      seen.push(...page.branches);
    }
    expect(seen).toHaveLength(page.total);
    expect(seen.find((b) => b.unitId === branchId)?.monthsReviewed).toBe(1);
    expect(new Set(seen.map((b) => b.unitId)).size).toBe(seen.length);
  });

  it('is not found outside the scope', async () => {
    const outsider = (await t.accountWithRole('unit_admin', 'HAN')).cookie;
    expect((await t.call('GET', `/api/units/${branchId}/reviews`, outsider)).statusCode).toBe(404);
    const bad = await t.call('GET', `/api/units/${branchId}/reviews?year=abc`, await t.as('xadoan'));
    expect(bad.statusCode).toBe(400);
  });
});

describe('scope cases', () => {
  it('refuse outsiders, read-only viewers, member accounts and anonymous calls', async () => {
    const codes: Record<string, string> = { TDP1: await t.unitId('TDP1'), HCH: await t.unitId('HCH') };
    const fx = await reviewScopeFixtures(t);
    const cases = reviewScopeCases({ unitId: (c) => codes[c]!, fx: () => fx });
    const outsider = (await t.accountWithRole('unit_admin', 'HAN')).cookie;
    const viewer = (await t.accountWithRole('viewer', 'HCH')).cookie;
    const member = await t.login(DEMO_MEMBER.username, DEMO_MEMBER.password);
    for (const c of cases) {
      const send = (cookie?: string) => t.call(c.method, c.url(), cookie, c.body?.());
      expect([403, 404], c.name).toContain((await send(outsider)).statusCode);
      expect([403, 404], c.name).toContain((await send(member)).statusCode);
      expect((await send()).statusCode, c.name).toBe(401);
      const asViewer = (await send(viewer)).statusCode;
      if (c.write) expect([403, 404], c.name).toContain(asViewer);
      else expect(asViewer, c.name).toBe(200);
    }
  });
});

describe('demo reviews', () => {
  it('records a review with decisions for the held meetings of the last two months of TDP1', async () => {
    const db = t.database.db;
    const tdp1 = await t.unitId('TDP1');
    const meeting = await insertMeeting(db, tdp1, m1, { heldOn: `${m1}-05` });
    await seedDemoReviews(db, new Map([['TDP1', tdp1]]), todayInVietnam());
    const [row] = await db.select().from(memberReviews).where(eq(memberReviews.meetingId, meeting));
    expect(row?.period).toBe(m1);
    const items = row?.items as { decision: string | null }[];
    expect(items.length).toBeGreaterThan(0);
    expect(items.some((i) => i.decision)).toBe(true);
  });
});
