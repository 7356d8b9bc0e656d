import { randomInt, randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb } from '../../../tests/helpers/test-db.js';
import type { EvidenceFigure } from '../../contracts/evaluations.js';
import type { Database } from '../../db/client.js';
import { rows } from '../../db/rows.js';
import type { EvidenceKey } from '../../domain/evaluations/criteria.js';
import { NO_DATA_TEXT, NOT_FOR_MEMBER_TEXT } from '../../domain/evaluations/evidence.js';
import { childPath } from '../../domain/org/unit-path.js';
import { computeEvidence } from './evidence.queries.js';

let database: Database;
const ids: Record<string, string> = {};

const exec = (query: ReturnType<typeof sql>) => database.db.execute(query);

async function unit(parentId: string, kind: string, name: string, closedOn: string | null = null): Promise<string> {
  const [parent] = await rows<{ path: string }>(
    database.db,
    sql`select path::text as path from units where id = ${parentId}::uuid`,
  );
  const id = randomUUID();
  await exec(sql`insert into units (id, parent_id, path, code, name, kind, sector, founded_on, closed_on)
    values (${id}::uuid, ${parentId}::uuid, ${childPath(parent!.path, id)}::ltree, ${`E${id.slice(0, 6)}`}, ${name},
            ${kind}, 'residential', '2000-01-01', ${closedOn}::date)`);
  return id;
}

interface MemberSpec {
  status?: string;
  cccd?: string | null;
  phone?: string | null;
  joinedOn?: string;
}

async function member(unitId: string, name: string, spec: MemberSpec = {}): Promise<string> {
  const id = randomUUID();
  const cccd = spec.cccd === undefined ? String(randomInt(1e11, 1e12 - 1)).padStart(12, '0') : spec.cccd;
  const phone = spec.phone === undefined ? '0905000000' : spec.phone;
  await exec(sql`insert into members (id, unit_id, full_name, given_name, search_name, sort_key, gender, status,
      birth_date, cccd, phone, joined_on, card_number, permanent_address)
    values (${id}::uuid, ${unitId}::uuid, ${name}, ${name}, ${name.toLowerCase()}, ${name.toLowerCase()}, 'female',
      ${spec.status ?? 'active'}, '2000-05-01', ${cccd}, ${phone}, ${spec.joinedOn ?? '2016-03-26'}::date,
      ${`T${id.slice(0, 8)}`}, 'Hải Châu, Đà Nẵng')`);
  return id;
}

async function meeting(unitId: string, period: string, expected: number, present: number): Promise<string> {
  const id = randomUUID();
  await exec(sql`insert into meetings (id, unit_id, period, status, held_on, expected_count, present_count, absent_count)
    values (${id}::uuid, ${unitId}::uuid, ${period}, 'held', ${`${period}-10`}::date, ${expected}, ${present},
            ${expected - present})`);
  return id;
}

const review = (meetingId: string, unitId: string, period: string) =>
  exec(sql`insert into member_reviews (meeting_id, unit_id, period, items)
    values (${meetingId}::uuid, ${unitId}::uuid, ${period}, '[]'::jsonb)`);

const attend = (meetingId: string, memberId: string, status: string) =>
  exec(sql`insert into meeting_attendance (meeting_id, member_id, status)
    values (${meetingId}::uuid, ${memberId}::uuid, ${status})`);

async function payUpTo(memberId: string, unitId: string, from: number, to: number): Promise<void> {
  for (let m = from; m <= to; m++)
    await exec(sql`insert into fee_payments (member_id, unit_id, month, rate_class, amount, collected_on)
      values (${memberId}::uuid, ${unitId}::uuid, ${`2024-${String(m).padStart(2, '0')}`}, 'without_salary', 2000,
              '2024-12-20')`);
}

const admit = (unitId: string, recruiterId: string | null, ceremonyOn: string) =>
  exec(sql`insert into admission_candidates (unit_id, full_name, birth_date, gender, source, application_date, status,
      recruiter_member_id, ceremony_on)
    values (${unitId}::uuid, 'Quần Chúng', '2008-01-01', 'male', 'youth', '2024-01-02', 'admitted',
            ${recruiterId}::uuid, ${ceremonyOn}::date)`);

const introduce = (memberId: string, unitId: string, introducedOn: string | null, status: string) =>
  exec(sql`insert into party_introductions (member_id, unit_id, year, resolution_on, strengths, weaknesses,
      present_count, in_favour_count, introduced_on, status)
    values (${memberId}::uuid, ${unitId}::uuid, 2024, '2024-01-15', 'Gương mẫu', 'Chưa có', 10, 10,
            ${introducedOn}::date, ${status})`);

async function care(unitId: string, createdAt: string, closedOn: string | null): Promise<string> {
  const id = randomUUID();
  await exec(sql`insert into care_records (id, unit_id, full_name, categories, status, closed_on, created_at)
    values (${id}::uuid, ${unitId}::uuid, 'Thanh Niên Khó Khăn', array['hardship'],
            ${closedOn ? 'closed' : 'open'}, ${closedOn}::date, ${`${createdAt}T10:00:00+07:00`}::timestamptz)`);
  return id;
}

const help = (recordId: string, kind: 'given' | 'planned', onDate: string) =>
  exec(sql`insert into care_actions (care_record_id, kind, on_date, description)
    values (${recordId}::uuid, ${kind}, ${onDate}::date, 'Tặng quà')`);

/** Branch A (monthly), branch B (remote: quarterly), a closed branch C, under đoàn xã G; an empty đoàn xã E. */
async function buildTree(): Promise<void> {
  const [province] = await rows<{ id: string }>(database.db, sql`select id from units where code = 'DNG'`);
  ids.g = await unit(province!.id, 'grassroots', 'Đoàn xã Minh Chứng');
  ids.e = await unit(province!.id, 'grassroots', 'Đoàn xã Trống');
  ids.a = await unit(ids.g, 'branch', 'Chi đoàn Thôn A');
  ids.b = await unit(ids.g, 'branch', 'Chi đoàn Thôn B');
  ids.c = await unit(ids.g, 'branch', 'Chi đoàn Thôn C', '2023-06-30');
  await exec(
    sql`insert into branch_designations (unit_id, kind, valid_from) values (${ids.b}::uuid, 'remote', '2023-01-01')`,
  );

  ids.a1 = await member(ids.a, 'An');
  ids.a2 = await member(ids.a, 'Bình', { cccd: null });
  ids.a3 = await member(ids.a, 'Cúc', { joinedOn: '2024-11-05' });
  ids.a4 = await member(ids.a, 'Dung', { status: 'working_away' });
  await member(ids.a, 'Đào', { status: 'matured', phone: null });
  ids.b1 = await member(ids.b, 'Giang');
  ids.b2 = await member(ids.b, 'Hà', { phone: null });
  ids.g1 = await member(ids.g, 'Khánh');

  for (let m = 1; m <= 11; m++) {
    const period = `2024-${String(m).padStart(2, '0')}`;
    const meetingId = await meeting(ids.a, period, 4, 3);
    if (m <= 10) await review(meetingId, ids.a, period);
    if (m <= 6) {
      await attend(meetingId, ids.a1, 'present');
      await attend(meetingId, ids.a2, m <= 3 ? 'present' : 'absent');
    }
  }
  await attend(await meeting(ids.a, '2025-01', 4, 4), ids.a2, 'present');
  for (const period of ['2024-01', '2024-04', '2024-07', '2024-10'])
    await review(await meeting(ids.b, period, 2, 2), ids.b, period);

  await payUpTo(ids.a1, ids.a, 1, 12);
  await payUpTo(ids.a2, ids.a, 1, 9);
  await payUpTo(ids.a4, ids.a, 1, 12);

  await admit(ids.a, ids.a1, '2024-05-19');
  await admit(ids.a, ids.a1, '2025-02-01');
  await admit(ids.b, null, '2024-08-01');

  await introduce(ids.a2, ids.a, '2024-06-01', 'admitted');
  await introduce(ids.b1, ids.b, '2024-09-01', 'introduced');
  await introduce(ids.a1, ids.a, null, 'proposed');
  await introduce(ids.b2, ids.b, '2024-03-01', 'withdrawn');

  const open = await care(ids.a, '2024-02-01', null);
  await help(open, 'given', '2024-03-01');
  await help(open, 'planned', '2024-12-01');
  await help(open, 'given', '2025-01-10');
  await care(ids.g, '2023-05-01', '2024-03-01');
  await care(ids.b, '2023-05-01', '2023-12-01');
  await care(ids.a, '2025-01-05', null);
}

beforeAll(async () => {
  database = await openTestDb();
  await buildTree();
}, 120_000);

afterAll(async () => {
  await database?.close();
});

type Figures = Record<EvidenceKey, EvidenceFigure>;

async function evidenceOf(
  subject: 'member' | 'branch' | 'grassroots',
  list: string[],
  half: 0 | 1 | 2 = 0,
  today = '2025-03-10',
): Promise<Record<string, Figures>> {
  const found = await computeEvidence(database.db, { subject, ids: list, year: 2024, half, today });
  const out: Record<string, Figures> = {};
  for (const [id, figures] of found) out[id] = Object.fromEntries(figures.map((f) => [f.key, f])) as Figures;
  return out;
}

const pick = (f: Figures, ...keys: EvidenceKey[]) => Object.fromEntries(keys.map((k) => [k, f[k].value]));

describe('automatic evidence of branches', () => {
  it('computes the figures of each branch of a batch for the year', async () => {
    const found = await evidenceOf('branch', [ids.a!, ids.b!]);
    const a = found[ids.a!]!;
    expect(a.meetsMonthly).toMatchObject({ value: false, text: '11/12 tháng có sinh hoạt chi đoàn' });
    expect(a.monthlyReviewDone).toMatchObject({ value: false, text: 'Rà soát đoàn viên 10/12 tháng' });
    expect(a.attendanceShare).toMatchObject({ value: 0.75, text: expect.stringMatching(/^33\/44 /) });
    expect(a.usesMemberSoftware).toMatchObject({ value: 0.75, text: expect.stringMatching(/^3\/4 /) });
    expect(a.feePaid).toMatchObject({
      value: false,
      text: '2/4 đoàn viên đã đóng đoàn phí đến tháng 12/2024',
    });
    expect(pick(a, 'recruiterCredits', 'partyIntroductions', 'careListKept', 'trainingDone')).toEqual({
      recruiterCredits: 1,
      partyIntroductions: 1,
      careListKept: 1,
      trainingDone: null,
    });
    expect(a.recruiterCredits.text).toBe('Kết nạp 1 đoàn viên mới; 1 người do 1 đoàn viên vận động (chủ trương 1 + 1)');
    expect(a.careListKept.text).toBe('Danh sách chăm lo có 1 người; 1 lượt hỗ trợ đã trao trong kỳ');

    const b = found[ids.b!]!;
    expect(b.meetsMonthly).toMatchObject({ value: true, text: '4/4 quý có sinh hoạt chi đoàn' });
    expect(b.monthlyReviewDone).toMatchObject({ value: true, text: 'Rà soát đoàn viên 4/4 quý' });
    expect(b.feePaid).toMatchObject({ value: null, text: NO_DATA_TEXT });
    expect(pick(b, 'attendanceShare', 'usesMemberSoftware', 'recruiterCredits', 'partyIntroductions')).toEqual({
      attendanceShare: 1,
      usesMemberSoftware: 0.5,
      recruiterCredits: 0,
      partyIntroductions: 1,
    });
  });

  it('counts only the months of a half-year', async () => {
    const a = (await evidenceOf('branch', [ids.a!], 1))[ids.a!]!;
    expect(a.meetsMonthly).toMatchObject({ value: true, text: '6/6 tháng có sinh hoạt chi đoàn' });
    expect(a.attendanceShare.value).toBe(0.75);
    expect(a.attendanceShare.text).toMatch(/^18\/24 /);
    expect(a.feePaid).toMatchObject({ value: true, text: '4/4 đoàn viên đã đóng đoàn phí đến tháng 06/2024' });
    const second = (await evidenceOf('branch', [ids.a!], 2))[ids.a!]!;
    expect(second.meetsMonthly.text).toBe('5/6 tháng có sinh hoạt chi đoàn');
    expect(second.careListKept.value).toBe(1);
    expect(second.recruiterCredits.value).toBe(0);
  });

  it('judges only the months over while the period runs', async () => {
    const found = await evidenceOf('branch', [ids.a!, ids.b!], 0, '2024-08-15');
    expect(found[ids.a!]!.meetsMonthly).toMatchObject({
      value: true,
      text: '7/7 tháng có sinh hoạt chi đoàn (tính đến tháng 07/2024)',
    });
    expect(found[ids.a!]!.attendanceShare.text).toMatch(/^24\/32 .*\(tính đến ngày 15\/08\/2024\)$/);
    expect(found[ids.a!]!.feePaid.value).toBe(true);
    expect(found[ids.b!]!.meetsMonthly.text).toBe('2/2 quý có sinh hoạt chi đoàn (tính đến tháng 06/2024)');
  });
});

describe('automatic evidence of đoàn cơ sở', () => {
  it('sums the open branches and the members below, and gives an empty union no data', async () => {
    const found = await evidenceOf('grassroots', [ids.g!, ids.e!]);
    const g = found[ids.g!]!;
    expect(pick(g, 'meetsMonthly', 'monthlyReviewDone', 'usesMemberSoftware', 'feePaid')).toEqual({
      meetsMonthly: 0.5,
      monthlyReviewDone: 0.5,
      usesMemberSoftware: 5 / 7,
      feePaid: 0.5,
    });
    expect(g.meetsMonthly.text).toBe('1/2 chi đoàn sinh hoạt đủ các kỳ theo Điều lệ Đoàn (50%)');
    expect(g.attendanceShare.text).toMatch(/^41\/52 /);
    expect(g.feePaid.text).toBe(
      '2/4 đoàn viên đã đóng đoàn phí đến tháng 12/2024 (50%); 1/2 chi đoàn chưa ghi đoàn phí trên hệ thống',
    );
    expect(g.recruiterCredits).toMatchObject({
      value: 1,
      text: 'Kết nạp 2 đoàn viên mới; 1 người do 1 đoàn viên vận động (chủ trương 1 + 1)',
    });
    expect(g.partyIntroductions).toMatchObject({
      value: 2,
      text: 'Giới thiệu 2 đoàn viên ưu tú cho Đảng, 1 đã được kết nạp vào Đảng',
    });
    expect(g.careListKept).toMatchObject({ value: 2, text: expect.stringContaining('1 lượt hỗ trợ') });

    const e = found[ids.e!]!;
    for (const key of ['meetsMonthly', 'attendanceShare', 'usesMemberSoftware', 'feePaid', 'trainingDone'] as const)
      expect(e[key]).toMatchObject({ value: null, text: NO_DATA_TEXT });
  });

  it('leaves out ids that are not units or not ids at all', async () => {
    const found = await computeEvidence(database.db, {
      subject: 'grassroots',
      ids: ['khong-phai-ma', randomUUID()],
      year: 2024,
      half: 0,
      today: '2025-03-10',
    });
    expect(found.size).toBe(0);
  });
});

describe('automatic evidence of members', () => {
  it('reads each member’s attendance, fee, record and 1 + 1 credits', async () => {
    const found = await evidenceOf('member', [ids.a1!, ids.a2!, ids.a3!, ids.b1!]);
    expect(pick(found[ids.a1!]!, 'attendanceShare', 'feePaid', 'usesMemberSoftware', 'recruiterCredits')).toEqual({
      attendanceShare: 1,
      feePaid: true,
      usesMemberSoftware: true,
      recruiterCredits: 1,
    });
    const a2 = found[ids.a2!]!;
    expect(a2.attendanceShare).toMatchObject({ value: 0.5, text: expect.stringMatching(/^3\/6 /) });
    expect(a2.feePaid).toMatchObject({
      value: false,
      text: 'Còn nợ đoàn phí 3 tháng, từ tháng 10/2024 đến tháng 12/2024',
    });
    expect(a2.usesMemberSoftware).toMatchObject({ value: false, text: 'Hồ sơ đoàn viên còn thiếu: số CCCD' });
    expect(a2.meetsMonthly).toMatchObject({ value: null, text: NOT_FOR_MEMBER_TEXT });
    const a3 = found[ids.a3!]!;
    expect(a3.attendanceShare).toMatchObject({ value: null, text: NO_DATA_TEXT });
    expect(a3.feePaid).toMatchObject({ value: false, text: expect.stringContaining('2 tháng, từ tháng 11/2024') });
    expect(found[ids.b1!]!.feePaid).toMatchObject({ value: null, text: NO_DATA_TEXT });
  });
});
