import { and, asc, count, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { memberComments, memberEvents, members, units } from '../../db/schema/index.js';
import { withinScope } from '../../db/scope.js';
import { ACTIVE_STATUSES } from '../../domain/members/reference-lists.js';
import { memberWhere, type MemberFilter } from './members.filters.js';

export type MemberRow = typeof members.$inferSelect;

/** The keyset position after the last row of a page. */
export type Cursor = [string, string];

const listColumns = {
  member: members,
  unitName: units.name,
};

/** One page of a member list, ordered by Vietnamese name or by date of birth, after `cursor`. */
export async function listMembers(
  db: DbOrTx,
  scope: readonly string[],
  filter: MemberFilter,
  page: { sort: 'name' | 'birthDate'; limit: number; cursor?: Cursor },
) {
  const key = page.sort === 'name' ? members.sortKey : sql`coalesce(${members.birthDate}::text, '9999-12-31')`;
  const after = page.cursor ? sql`(${key}, ${members.id}) > (${page.cursor[0]}, ${page.cursor[1]}::uuid)` : undefined;
  return db
    .select(listColumns)
    .from(members)
    .innerJoin(units, eq(units.id, members.unitId))
    .where(and(memberWhere(scope, filter), after))
    .orderBy(asc(key), asc(members.id))
    .limit(page.limit + 1);
}

/** How many members the filtered list holds. */
export async function countMembers(db: DbOrTx, scope: readonly string[], filter: MemberFilter): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(members)
    .innerJoin(units, eq(units.id, members.unitId))
    .where(memberWhere(scope, filter));
  return row?.n ?? 0;
}

/** A member whose branch lies in the scope, with the branch's name and path. */
export async function findMemberInScope(db: DbOrTx, scope: readonly string[], memberId: string, lock = false) {
  const query = db
    .select({ member: members, unitName: units.name, unitPath: units.path })
    .from(members)
    .innerJoin(units, eq(units.id, members.unitId))
    .where(and(eq(members.id, memberId), withinScope(units.path, scope)));
  const [row] = lock ? await query.for('update', { of: members }) : await query;
  return row ?? null;
}

/** An active record with this CCCD, other than `exceptId`. */
export async function findActiveByCccd(db: DbOrTx, cccd: string, exceptId?: string) {
  const [row] = await db
    .select({ id: members.id, fullName: members.fullName, unitId: members.unitId })
    .from(members)
    .where(
      and(
        eq(members.cccd, cccd),
        inArray(members.status, [...ACTIVE_STATUSES]),
        exceptId ? sql`${members.id} <> ${exceptId}::uuid` : undefined,
      ),
    )
    .limit(1);
  return row ?? null;
}

/** The member's history, newest first, with the unit names. */
export async function eventsOf(db: DbOrTx, memberId: string) {
  return db
    .select({ event: memberEvents, unitName: units.name })
    .from(memberEvents)
    .leftJoin(units, eq(units.id, memberEvents.unitId))
    .where(eq(memberEvents.memberId, memberId))
    .orderBy(desc(memberEvents.onDate), desc(memberEvents.id));
}

/** The member's yearly comments, newest year first. */
export async function commentsOf(db: DbOrTx, memberId: string) {
  return db
    .select()
    .from(memberComments)
    .where(eq(memberComments.memberId, memberId))
    .orderBy(desc(memberComments.year));
}

/** Units along a path (root first) whose names are shown above a member. */
export async function unitNamesOnPath(db: DbOrTx, ids: readonly string[]) {
  if (ids.length === 0) return [];
  const rows = await db
    .select({ id: units.id, name: units.name })
    .from(units)
    .where(inArray(units.id, [...ids]));
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** An open unit of a leaf kind (a branch) where members can be placed, inside the scope. */
export async function findBranchInScope(db: DbOrTx, scope: readonly string[], unitId: string) {
  const [row] = await db
    .select({ unit: units, isLeaf: sql<boolean>`(select k.is_leaf from unit_kinds k where k.code = ${units.kind})` })
    .from(units)
    .where(and(eq(units.id, unitId), withinScope(units.path, scope), isNull(units.closedOn)));
  return row ?? null;
}
