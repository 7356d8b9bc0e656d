import { and, asc, desc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import {
  comingOfAgeExceptions,
  feePayments,
  meetingAttendance,
  meetings,
  memberReviews,
  members,
  transfers,
  unitKinds,
  units,
  user,
} from '../../db/schema/index.js';
import { withinScope } from '../../db/scope.js';

export type MeetingRow = typeof meetings.$inferSelect;
export type ReviewRow = typeof memberReviews.$inferSelect;

/** A meeting whose branch lies in the scope, with the branch's path, name and closing date. */
export async function meetingInScope(db: DbOrTx, scope: readonly string[], meetingId: string) {
  const [row] = await db
    .select({ meeting: meetings, unitPath: units.path, unitName: units.name, unitClosedOn: units.closedOn })
    .from(meetings)
    .innerJoin(units, eq(units.id, meetings.unitId))
    .where(and(eq(meetings.id, meetingId), withinScope(units.path, scope)));
  return row ?? null;
}

/** The member facts the checklist reads. */
const rosterColumns = {
  id: members.id,
  fullName: members.fullName,
  status: members.status,
  birthDate: members.birthDate,
  birthYearOnly: members.birthYearOnly,
  cccd: members.cccd,
  phone: members.phone,
  joinedOn: members.joinedOn,
  cardNumber: members.cardNumber,
  permanentAddress: members.permanentAddress,
  awayPlace: members.awayPlace,
  awaySince: members.awaySince,
};

/** One member of a branch's review roster. */
export type RosterMember = { [K in keyof typeof rosterColumns]: (typeof members.$inferSelect)[K] } & {
  hosted: boolean;
};

/**
 * The branch's roster on `asOf`: its members in the union (active, working away) and the members it hosts under an
 * accepted temporary participation still running, in name order.
 */
export async function reviewRoster(db: DbOrTx, unitId: string, asOf: string): Promise<RosterMember[]> {
  const hostedIds = db
    .select({ id: transfers.memberId })
    .from(transfers)
    .where(
      and(
        eq(transfers.kind, 'temporary'),
        eq(transfers.status, 'accepted'),
        eq(transfers.toUnitId, unitId),
        sql`(${transfers.endsOn} is null or ${transfers.endsOn} >= ${asOf}::date)`,
      ),
    );
  const rows = await db
    .select({ ...rosterColumns, unitId: members.unitId })
    .from(members)
    .where(
      or(
        and(eq(members.unitId, unitId), inArray(members.status, ['active', 'working_away'])),
        and(eq(members.status, 'temporary_elsewhere'), inArray(members.id, hostedIds)),
      ),
    )
    .orderBy(asc(members.sortKey), asc(members.id));
  return rows.map(({ unitId: home, ...m }) => ({ ...m, hosted: home !== unitId }));
}

/** Member ids with a coming-of-age exception not revoked, with its end date. */
export async function openExceptions(db: DbOrTx, memberIds: readonly string[]) {
  if (memberIds.length === 0) return [];
  return db
    .select({
      memberId: comingOfAgeExceptions.memberId,
      reason: comingOfAgeExceptions.reason,
      validUntil: comingOfAgeExceptions.validUntil,
      revokedAt: comingOfAgeExceptions.revokedAt,
    })
    .from(comingOfAgeExceptions)
    .where(and(inArray(comingOfAgeExceptions.memberId, [...memberIds]), isNull(comingOfAgeExceptions.revokedAt)));
}

/** The branch's last `limit` held meetings on or before `asOf`, newest first. */
export async function lastHeldMeetings(db: DbOrTx, unitId: string, asOf: string, limit: number) {
  return db
    .select({ id: meetings.id, heldOn: meetings.heldOn })
    .from(meetings)
    .where(and(eq(meetings.unitId, unitId), eq(meetings.status, 'held'), sql`${meetings.heldOn} <= ${asOf}::date`))
    .orderBy(desc(meetings.heldOn), desc(meetings.createdAt))
    .limit(limit);
}

/** Attendance statuses at these meetings. */
export async function attendanceAt(db: DbOrTx, meetingIds: readonly string[]) {
  if (meetingIds.length === 0) return [];
  return db
    .select({
      meetingId: meetingAttendance.meetingId,
      memberId: meetingAttendance.memberId,
      status: meetingAttendance.status,
    })
    .from(meetingAttendance)
    .where(inArray(meetingAttendance.meetingId, [...meetingIds]));
}

/** The latest month each member paid ("đóng đến tháng"). */
export async function paidUpTo(db: DbOrTx, memberIds: readonly string[]): Promise<Map<string, string>> {
  if (memberIds.length === 0) return new Map();
  const rows = await db
    .select({ memberId: feePayments.memberId, month: sql<string>`max(${feePayments.month})` })
    .from(feePayments)
    .where(inArray(feePayments.memberId, [...memberIds]))
    .groupBy(feePayments.memberId);
  return new Map(rows.map((r) => [r.memberId, r.month]));
}

/** The first month the branch recorded any fee (start of its ledger), or null. */
export async function ledgerStart(db: DbOrTx, unitId: string): Promise<string | null> {
  const [row] = await db
    .select({ month: sql<string | null>`min(${feePayments.month})` })
    .from(feePayments)
    .where(eq(feePayments.unitId, unitId));
  return row?.month ?? null;
}

/** The review recorded with a meeting, with the name of whoever recorded it last. */
export async function reviewOf(db: DbOrTx, meetingId: string, lock = false) {
  const query = db
    .select({ review: memberReviews, reviewedByName: user.name })
    .from(memberReviews)
    .leftJoin(user, eq(user.id, memberReviews.reviewedBy))
    .where(eq(memberReviews.meetingId, meetingId));
  const [row] = lock ? await query.for('update', { of: memberReviews }) : await query;
  return row ?? null;
}

/** Inserts the first review of a meeting; null when another one was recorded meanwhile. */
export async function insertReview(
  tx: DbOrTx,
  values: Pick<ReviewRow, 'meetingId' | 'unitId' | 'period' | 'items' | 'conclusion' | 'reviewedBy'>,
): Promise<ReviewRow | null> {
  const [row] = await tx.insert(memberReviews).values(values).onConflictDoNothing().returning();
  return row ?? null;
}

/** Updates a review if it still has `version`; null when someone changed it first. */
export async function updateReview(
  tx: DbOrTx,
  id: string,
  version: number,
  set: Pick<ReviewRow, 'items' | 'conclusion' | 'reviewedBy'>,
): Promise<ReviewRow | null> {
  const [row] = await tx
    .update(memberReviews)
    .set({ ...set, version: version + 1, updatedAt: new Date() })
    .where(and(eq(memberReviews.id, id), eq(memberReviews.version, version)))
    .returning();
  return row ?? null;
}

/** A unit in the scope, with whether it is a branch (a leaf kind). */
export async function unitInScope(db: DbOrTx, scope: readonly string[], unitId: string) {
  const [row] = await db
    .select({ id: units.id, name: units.name, path: units.path, isBranch: unitKinds.isLeaf })
    .from(units)
    .innerJoin(unitKinds, eq(unitKinds.code, units.kind))
    .where(and(eq(units.id, unitId), withinScope(units.path, scope)));
  return row ?? null;
}

/** The months of `year` a branch recorded a review, in order (the latest review of a month when several). */
export async function reviewedMonths(db: DbOrTx, unitId: string, year: number) {
  return db
    .selectDistinctOn([memberReviews.period], {
      period: memberReviews.period,
      meetingId: memberReviews.meetingId,
      updatedAt: memberReviews.updatedAt,
    })
    .from(memberReviews)
    .where(and(eq(memberReviews.unitId, unitId), sql`${memberReviews.period} like ${`${year}-%`}`))
    .orderBy(asc(memberReviews.period), desc(memberReviews.updatedAt));
}

/** Branches below `path` in the scope, open during `year`. */
function branchesWhere(path: string, scope: readonly string[], year: number) {
  return and(
    sql`${units.path} <@ ${path}::ltree`,
    eq(unitKinds.isLeaf, true),
    withinScope(units.path, scope),
    sql`(${units.closedOn} is null or ${units.closedOn} >= ${`${year}-01-01`}::date)`,
  );
}

/** One page of the branches below a unit, by name, with the number of months each reviewed in `year`. */
export async function branchReviewCounts(
  db: DbOrTx,
  f: { path: string; scope: readonly string[]; year: number; after?: [string, string]; limit: number },
) {
  const reviewed = sql<number>`(select count(distinct ${memberReviews.period})::int from ${memberReviews}
    where ${memberReviews.unitId} = ${units.id} and ${memberReviews.period} like ${`${f.year}-%`})`;
  return db
    .select({ unitId: units.id, name: units.name, monthsReviewed: reviewed })
    .from(units)
    .innerJoin(unitKinds, eq(unitKinds.code, units.kind))
    .where(
      and(
        branchesWhere(f.path, f.scope, f.year),
        f.after ? sql`(${units.name}, ${units.id}) > (${f.after[0]}, ${f.after[1]}::uuid)` : undefined,
      ),
    )
    .orderBy(asc(units.name), asc(units.id))
    .limit(f.limit + 1);
}

/** How many branches below a unit are listed. */
export async function branchCount(db: DbOrTx, path: string, scope: readonly string[], year: number): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(units)
    .innerJoin(unitKinds, eq(unitKinds.code, units.kind))
    .where(branchesWhere(path, scope, year));
  return Number(row?.n ?? 0);
}
