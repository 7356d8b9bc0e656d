import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { rows } from '../../db/rows.js';

/** A member of the branch book: the branch's own members in the union and the members it hosts temporarily. */
export interface BookMemberRow {
  id: string;
  fullName: string;
  birthDate: string | null;
  gender: string;
  position: string | null;
  joinedOn: string | null;
  status: string;
  hosted: boolean;
  paidUpTo: string | null;
}

/** Members of the branch (in the union) and those it hosts under temporary participation, in name order. */
export async function bookMembers(db: DbOrTx, branchId: string, statuses: readonly string[]): Promise<BookMemberRow[]> {
  const wanted = sql.join(
    statuses.map((s) => sql`${s}`),
    sql`, `,
  );
  return rows<BookMemberRow>(
    db,
    sql`select mb.id, mb.full_name as "fullName", mb.birth_date::text as "birthDate", mb.gender, mb.position,
               mb.joined_on::text as "joinedOn", mb.status, x.hosted,
               (select max(f.month) from fee_payments f where f.member_id = mb.id) as "paidUpTo"
        from (
          select id as member_id, false as hosted from members where unit_id = ${branchId}::uuid and status in (${wanted})
          union
          select t.member_id, true from transfers t
          where t.kind = 'temporary' and t.status = 'accepted' and t.to_unit_id = ${branchId}::uuid
        ) x join members mb on mb.id = x.member_id
        where mb.status in (${wanted})
        order by mb.sort_key, mb.id`,
  );
}

/** A meeting of the year with its counts. */
export interface BookMeetingRow {
  id: string;
  period: string;
  status: string;
  heldOn: string | null;
  plannedOn: string | null;
  form: string;
  topic: string | null;
  minutes: string | null;
  expected: number;
  present: number;
  excused: number;
  absent: number;
}

/** The branch's meetings of a year, by period and date. */
export async function bookMeetings(db: DbOrTx, branchId: string, year: number): Promise<BookMeetingRow[]> {
  return rows<BookMeetingRow>(
    db,
    sql`select id, period, status, held_on::text as "heldOn", planned_on::text as "plannedOn", form, topic, minutes,
               expected_count as expected, present_count as present, excused_count as excused, absent_count as absent
        from meetings where unit_id = ${branchId}::uuid and period >= ${`${year}-01`} and period <= ${`${year}-12`}
        order by period, coalesce(held_on, planned_on), id`,
  );
}

/** Attendance marks of the year's meetings: meeting × member → status. */
export async function bookAttendance(db: DbOrTx, meetingIds: readonly string[]) {
  if (meetingIds.length === 0) return [];
  return rows<{ meetingId: string; memberId: string; status: string }>(
    db,
    sql`select meeting_id as "meetingId", member_id as "memberId", status from meeting_attendance
        where meeting_id in (${sql.join(
          meetingIds.map((id) => sql`${id}::uuid`),
          sql`, `,
        )})`,
  );
}

/** Fees the branch collected for months of the year, one row per member and month. */
export async function bookFees(db: DbOrTx, branchId: string, year: number) {
  return rows<{ memberId: string; month: string; amount: number }>(
    db,
    sql`select member_id as "memberId", month, amount from fee_payments
        where unit_id = ${branchId}::uuid and month >= ${`${year}-01`} and month <= ${`${year}-12`}
        order by month`,
  );
}

/** First month the branch recorded any fee (the start of its ledger), or null. */
export async function ledgerStart(db: DbOrTx, branchId: string): Promise<string | null> {
  const [row] = await rows<{ m: string | null }>(
    db,
    sql`select min(month) as m from fee_payments where unit_id = ${branchId}::uuid`,
  );
  return row?.m ?? null;
}

/** Comments of the year written on the members' books. */
export async function bookComments(db: DbOrTx, memberIds: readonly string[], year: number) {
  if (memberIds.length === 0) return [];
  return rows<{ memberId: string; content: string }>(
    db,
    sql`select member_id as "memberId", content from member_comments
        where year = ${year}::int and member_id in (${sql.join(
          memberIds.map((id) => sql`${id}::uuid`),
          sql`, `,
        )})`,
  );
}
