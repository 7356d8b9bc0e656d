import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { meetingAttendance, meetings, memberLastSeen, members, unitKinds, units } from '../../db/schema/index.js';
import { rows } from '../../db/rows.js';
import { withinScope } from '../../db/scope.js';
import { typedList } from '../../db/sql-lists.js';
import { ACTIVE_STATUSES } from '../../domain/members/reference-lists.js';
import {
  HOME_ROSTER_STATUSES,
  attendanceCounts,
  type AttendanceStatus,
} from '../../domain/branch-life/meeting-rules.js';

export type MeetingRow = typeof meetings.$inferSelect;

/** A unit as the meetings module needs it: whether it is a branch (a leaf kind) and whether it is closed. */
export interface UnitRef {
  id: string;
  name: string;
  path: string;
  isBranch: boolean;
  closedOn: string | null;
}

const unitRef = {
  id: units.id,
  name: units.name,
  path: units.path,
  isBranch: unitKinds.isLeaf,
  closedOn: units.closedOn,
};

/** A unit inside the scope, or null. */
export async function unitInScope(db: DbOrTx, scope: readonly string[], unitId: string): Promise<UnitRef | null> {
  const [row] = await db
    .select(unitRef)
    .from(units)
    .innerJoin(unitKinds, eq(unitKinds.code, units.kind))
    .where(and(eq(units.id, unitId), withinScope(units.path, scope)));
  return row ?? null;
}

async function loadMeeting(db: DbOrTx, where: SQL | undefined, lock: boolean) {
  const query = db
    .select({ meeting: meetings, unit: unitRef })
    .from(meetings)
    .innerJoin(units, eq(units.id, meetings.unitId))
    .innerJoin(unitKinds, eq(unitKinds.code, units.kind))
    .where(where);
  const [row] = lock ? await query.for('update', { of: meetings }) : await query;
  return row ?? null;
}

/** A meeting with its branch. */
export interface MeetingWithUnit {
  meeting: MeetingRow;
  unit: UnitRef;
}

/** A meeting whose branch is inside the scope (locked when `lock`), or null. */
export async function meetingInScope(
  db: DbOrTx,
  scope: readonly string[],
  meetingId: string,
  lock = false,
): Promise<MeetingWithUnit | null> {
  return loadMeeting(db, and(eq(meetings.id, meetingId), withinScope(units.path, scope)), lock);
}

/** A meeting by id with its branch, without scope (member check-in, which checks the roster instead). */
export async function meetingById(db: DbOrTx, meetingId: string, lock = false): Promise<MeetingWithUnit | null> {
  return loadMeeting(db, eq(meetings.id, meetingId), lock);
}

/** The meetings of a branch whose period falls in `year`, by period then date. */
export async function meetingsOfYear(db: DbOrTx, unitId: string, year: number): Promise<MeetingRow[]> {
  return db
    .select()
    .from(meetings)
    .where(and(eq(meetings.unitId, unitId), sql`${meetings.period} like ${`${year}-%`}`))
    .orderBy(asc(meetings.period), sql`coalesce(${meetings.heldOn}, ${meetings.plannedOn}) nulls last`);
}

/** One member on the roster of a meeting. */
export interface RosterRow {
  memberId: string;
  fullName: string;
  birthDate: string | null;
  hosted: boolean;
  status: AttendanceStatus | null;
  source: 'secretary' | 'qr' | null;
  checkedInAt: Date | null;
  note: string | null;
}

const homeStatuses = sql.join(
  HOME_ROSTER_STATUSES.map((s) => sql`${s}`),
  sql`, `,
);
const activeStatuses = sql.join(
  ACTIVE_STATUSES.map((s) => sql`${s}`),
  sql`, `,
);

/**
 * The roster of a meeting on `onDate`: members of the branch attending at home (active, working away), members
 * hosted by the branch under a temporary participation running that day, and anyone already recorded.
 */
export async function rosterOf(
  db: DbOrTx,
  meeting: { id: string; unitId: string },
  onDate: string,
  memberId?: string,
): Promise<RosterRow[]> {
  const only = memberId ? sql`and m.id = ${memberId}::uuid` : sql``;
  const found = await rows<{
    member_id: string;
    full_name: string;
    birth_date: string | null;
    hosted: boolean;
    status: AttendanceStatus | null;
    source: 'secretary' | 'qr' | null;
    checked_in_at: string | Date | null;
    note: string | null;
  }>(
    db,
    sql`with roster as (
          select m.id as member_id, false as hosted from members m
           where m.unit_id = ${meeting.unitId}::uuid and m.status in (${homeStatuses}) ${only}
          union
          select m.id, true from transfers t join members m on m.id = t.member_id
           where t.kind = 'temporary' and t.to_unit_id = ${meeting.unitId}::uuid
             and t.status in ('accepted', 'ended') and m.status in (${activeStatuses})
             and coalesce(t.starts_on, t.accepted_on) <= ${onDate}::date
             and (t.ends_on is null or t.ends_on > ${onDate}::date) ${only}
          union
          select a.member_id, a.hosted from meeting_attendance a join members m on m.id = a.member_id
           where a.meeting_id = ${meeting.id}::uuid ${only}
        ), one as (
          select member_id, bool_or(hosted) as hosted from roster group by member_id
        )
        select m.id as member_id, m.full_name, m.birth_date::text as birth_date, one.hosted,
               a.status, a.source, a.checked_in_at, a.note
          from one join members m on m.id = one.member_id
          left join meeting_attendance a on a.meeting_id = ${meeting.id}::uuid and a.member_id = m.id
         order by m.sort_key, m.full_name, m.id`,
  );
  return found.map((r) => ({
    memberId: r.member_id,
    fullName: r.full_name,
    birthDate: r.birth_date,
    hosted: Boolean(r.hosted),
    status: r.status,
    source: r.source,
    checkedInAt: r.checked_in_at ? new Date(r.checked_in_at) : null,
    note: r.note,
  }));
}

/** The number of members on a meeting's roster. */
export async function rosterSize(db: DbOrTx, meeting: { id: string; unitId: string }, onDate: string) {
  return (await rosterOf(db, meeting, onDate)).length;
}

/** Writes the counts of a meeting from its attendance rows (and `bump` its version) inside the caller's tx. */
export async function saveCounts(
  tx: DbOrTx,
  meeting: MeetingRow,
  expected: number,
  bump: boolean,
): Promise<MeetingRow> {
  const statuses = await tx
    .select({ status: meetingAttendance.status })
    .from(meetingAttendance)
    .where(eq(meetingAttendance.meetingId, meeting.id));
  const counts = attendanceCounts(
    expected,
    statuses.map((s) => s.status as AttendanceStatus),
  );
  const [after] = await tx
    .update(meetings)
    .set({ ...counts, ...(bump ? { version: meeting.version + 1 } : {}), updatedAt: new Date() })
    .where(eq(meetings.id, meeting.id))
    .returning();
  if (!after) throw new Error('meeting vanished while saving counts');
  return after;
}

/**
 * Recomputes `member_last_seen` for the members given: the latest date of a held (or today's planned) meeting
 * at which they were present, up to `today`, and that meeting's branch; members with none lose their row.
 */
export async function refreshLastSeen(tx: DbOrTx, memberIds: readonly string[], today: string): Promise<void> {
  if (memberIds.length === 0) return;
  const list = typedList(memberIds, 'uuid');
  await tx.execute(sql`
    insert into member_last_seen (member_id, last_present_on, unit_id)
    select distinct on (a.member_id) a.member_id, coalesce(m.held_on, m.planned_on), m.unit_id
      from meeting_attendance a join meetings m on m.id = a.meeting_id
     where a.member_id in (${list}) and a.status = 'present' and m.status <> 'cancelled'
       and coalesce(m.held_on, m.planned_on) <= ${today}::date
     order by a.member_id, coalesce(m.held_on, m.planned_on) desc
    on conflict (member_id) do update set last_present_on = excluded.last_present_on, unit_id = excluded.unit_id`);
  await tx.execute(sql`
    delete from member_last_seen s
     where s.member_id in (${list}) and not exists (
       select 1 from meeting_attendance a join meetings m on m.id = a.meeting_id
        where a.member_id = s.member_id and a.status = 'present' and m.status <> 'cancelled'
          and coalesce(m.held_on, m.planned_on) <= ${today}::date)`);
}

/** A member's last-seen date, or null. */
export async function lastSeenOf(db: DbOrTx, memberId: string): Promise<string | null> {
  const [row] = await db.select().from(memberLastSeen).where(eq(memberLastSeen.memberId, memberId));
  return row?.lastPresentOn ?? null;
}

/** Names of members by id (chair names). */
export async function memberNames(db: DbOrTx, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const found = await db
    .select({ id: members.id, name: members.fullName })
    .from(members)
    .where(inArray(members.id, [...ids]));
  return new Map(found.map((r) => [r.id, r.name]));
}
