import { and, asc, count, desc, eq, inArray, isNull, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { containsPattern } from '../../db/like.js';
import { rows } from '../../db/rows.js';
import { memberComments, memberEvents, members, unitMemberCounts, units } from '../../db/schema/index.js';
import { withinScope } from '../../db/scope.js';
import { ACTIVE_STATUSES } from '../../domain/members/reference-lists.js';
import { countsFromRollups, memberOnlyWhere, memberWhere, nameQuery, type MemberFilter } from './members.filters.js';

const isRootPath = (path: string) => !path.includes('.');

export type MemberRow = typeof members.$inferSelect;

/** The keyset position after the last row of a page: sort key or date of birth, then id. */
export type Cursor = [string, string];

/** The cursor key of a member without a date of birth (they come after everyone else). */
export const UNDATED = '9999-12-31';

/**
 * Rows scanned in name order, at most, while looking for a name through the ordered index (which holds the
 * folded name, so the scan reads no table rows); past that the trigram index finds every match instead. A
 * province's walk may go further: its trigram lookup intersects the province's 100,000s of index entries anyway.
 */
const NAME_PROBE_ROWS = { province: 200_000, tree: 100_000 } as const;

const listColumns = {
  member: members,
  unitName: units.name,
};

type ListRow = { member: MemberRow; unitName: string };
type Fetch = (after: SQL | undefined, order: readonly AnyColumn[], n: number) => Promise<ListRow[]>;

const orderBy = (order: readonly AnyColumn[]) =>
  sql.join(
    order.map((c) => sql`${c}`),
    sql`, `,
  );

/** Rows picked and checked in one query joined to units (small subtrees: the unit indexes lead). */
function direct(db: DbOrTx, scope: readonly string[], f: MemberFilter): Fetch {
  return (after, order, n) =>
    db
      .select(listColumns)
      .from(members)
      .innerJoin(units, eq(units.id, members.unitId))
      .where(and(memberWhere(scope, f), after))
      .orderBy(...order.map((c) => asc(c)))
      .limit(n);
}

/** The page's rows by id, with every check (scope and subtree included) applied again, in the page's order. */
async function rowsById(
  db: DbOrTx,
  scope: readonly string[],
  f: MemberFilter,
  ids: readonly string[],
  order: readonly AnyColumn[],
): Promise<ListRow[]> {
  if (ids.length === 0) return [];
  return db
    .select(listColumns)
    .from(members)
    .innerJoin(units, eq(units.id, members.unitId))
    .where(and(inArray(members.id, [...ids]), memberWhere(scope, f)))
    .orderBy(...order.map((c) => asc(c)));
}

/** The first `n` ids in `order` among members matching `where`, from `members` alone. */
function firstIds(where: SQL, order: readonly AnyColumn[], n: number): SQL {
  return sql`select ${members.id} as id from ${members} where ${where} order by ${orderBy(order)} limit ${n}`;
}

/**
 * The same, for the whole tree, merging the first `n` of each province (each an ordered walk of a
 * `(province_id, ...)` index) with those outside any province: for orders without an index of their own.
 */
function firstIdsByProvince(where: SQL, order: readonly AnyColumn[], n: number): SQL {
  const keys = sql.join(
    order.map((c, i) => sql`${c} as ${sql.raw(`k${i}`)}`),
    sql`, `,
  );
  const merged = sql.join(
    order.map((_, i) => sql.raw(`k${i}`)),
    sql`, `,
  );
  const one = (province: SQL) =>
    sql`select ${members.id} as id, ${keys} from ${members} where ${province} and ${where}
        order by ${orderBy(order)} limit ${n}`;
  // The provinces present, one index descent each (a loose scan of the province indexes).
  return sql`with recursive provinces(id) as (
        (select ${members.provinceId} from ${members} where ${members.provinceId} is not null
         order by ${members.provinceId} limit 1)
        union all
        select (select ${members.provinceId} from ${members} where ${members.provinceId} > p.id
                order by ${members.provinceId} limit 1)
        from provinces p where p.id is not null)
    select id from (
      select x.* from provinces p cross join lateral (${one(sql`${members.provinceId} = p.id`)}) x
      where p.id is not null
      union all (${one(sql`${members.provinceId} is null`)})) merged
    order by ${merged} limit ${n}`;
}

/**
 * For a whole province or the whole tree: the page's ids from `members` alone, walking its ordered
 * `(province_id, key, id)` or `(key, id)` indexes, then the rows joined to units and checked.
 */
function membersFirst(db: DbOrTx, scope: readonly string[], f: MemberFilter, byProvince: boolean): Fetch {
  return async (after, order, n) => {
    const where = and(memberOnlyWhere(f), after) ?? sql`true`;
    const ids = await rows<{ id: string }>(
      db,
      byProvince ? firstIdsByProvince(where, order, n) : firstIds(where, order, n),
    );
    return rowsById(
      db,
      scope,
      f,
      ids.map((r) => r.id),
      order,
    );
  };
}

/** The columns of `members_province_list_idx`: every column a name search with list filters reads. */
const provinceListColumns = [
  members.id,
  members.sortKey,
  members.provinceId,
  members.searchName,
  members.status,
  members.gender,
  members.ethnicity,
  members.religion,
  members.partyMember,
  members.birthDate,
  members.careFlags,
] as const;

/**
 * The first `n` matches among at most `cap` members in name order after the cursor. The scan is a subquery
 * named `members`, so the filters read its columns: for a province every filter column is in the walked index
 * (no table reads at all); for the whole tree the index holds the folded name, and the table is read only for
 * the rows whose name matches.
 */
function namesInOrder(f: MemberFilter, folded: string, after: SQL | undefined, n: number): SQL {
  const order = orderBy([members.sortKey, members.id]);
  if (f.wholeSubtree === 'province' && f.provinceId) {
    const columns = sql.join(
      provinceListColumns.map((c) => sql`${c}`),
      sql`, `,
    );
    return sql`select ${members.id} as id from (
        select ${columns} from ${members} where ${and(eq(members.provinceId, f.provinceId), after)}
        order by ${order} limit ${NAME_PROBE_ROWS.province}) as ${members}
      where ${memberOnlyWhere(f)} order by ${order} limit ${n}`;
  }
  return sql`select s.id from (
        select ${members.id} as id, ${members.sortKey} as sort_key, ${members.searchName} as search_name
        from ${members} where ${after ?? sql`true`} order by ${order} limit ${NAME_PROBE_ROWS.tree}) s
      join ${members} on ${members.id} = s.id
      where s.search_name like ${containsPattern(folded)} and ${memberOnlyWhere({ ...f, q: undefined })}
      order by s.sort_key, s.id limit ${n}`;
}

/**
 * A name search over a whole province or the whole tree, in name order: first a bounded walk of the
 * name-ordered index (enough when matches are common), otherwise every match from the trigram index (inside
 * the province when set), then the first in order.
 */
async function searchByName(
  db: DbOrTx,
  scope: readonly string[],
  f: MemberFilter,
  folded: string,
  after: SQL | undefined,
  n: number,
): Promise<ListRow[]> {
  const order = [members.sortKey, members.id] as const;
  const walked = await rows<{ id: string }>(db, namesInOrder(f, folded, after, n));
  const ids =
    walked.length === n
      ? walked
      : await rows<{ id: string }>(
          db,
          sql`with hits as materialized (
                select ${members.id} as id, ${members.sortKey} as sort_key from ${members}
                where ${and(memberOnlyWhere(f), after)})
              select id from hits order by sort_key, id limit ${n}`,
        );
  return rowsById(
    db,
    scope,
    f,
    ids.map((r) => r.id),
    order,
  );
}

/** Members with a date of birth in (date, id) order after the cursor, then those without one by id. */
async function byBirthDate(fetch: Fetch, cursor: Cursor | undefined, n: number): Promise<ListRow[]> {
  const undated = (after?: SQL) => fetch(and(isNull(members.birthDate), after), [members.id], n);
  if (!cursor) return fetch(undefined, [members.birthDate, members.id], n);
  if (cursor[0] === UNDATED) return undated(sql`${members.id} > ${cursor[1]}::uuid`);
  const dated = await fetch(
    sql`(${members.birthDate}, ${members.id}) > (${cursor[0]}::date, ${cursor[1]}::uuid)`,
    [members.birthDate, members.id],
    n,
  );
  if (dated.length === n) return dated;
  return [...dated, ...(await fetch(isNull(members.birthDate), [members.id], n - dated.length))];
}

/**
 * One page (plus one row, to know whether another follows) of a member list after `cursor`, ordered by
 * Vietnamese name or by date of birth (members without one last).
 */
export async function listMembers(
  db: DbOrTx,
  scope: readonly string[],
  filter: MemberFilter,
  page: { sort: 'name' | 'birthDate'; limit: number; cursor?: Cursor },
): Promise<ListRow[]> {
  const n = page.limit + 1;
  if (page.sort === 'birthDate') {
    const byProvince = filter.wholeSubtree === 'tree';
    return byBirthDate(
      filter.wholeSubtree ? membersFirst(db, scope, filter, byProvince) : direct(db, scope, filter),
      page.cursor,
      n,
    );
  }
  const fetch = filter.wholeSubtree ? membersFirst(db, scope, filter, false) : direct(db, scope, filter);
  const after = page.cursor
    ? sql`(${members.sortKey}, ${members.id}) > (${page.cursor[0]}, ${page.cursor[1]}::uuid)`
    : undefined;
  const folded = nameQuery(filter.q);
  if (filter.wholeSubtree && folded) return searchByName(db, scope, filter, folded, after, n);
  return fetch(after, [members.sortKey, members.id], n);
}

/**
 * Members with the given statuses in a subtree (inside `scope` when given), from the per-unit counts kept by
 * triggers (`unit_member_counts`): one row per unit and status, never the member rows. For the root (the tree has
 * one root, every unit lies below it) the table is summed without walking the 400,000 units' paths.
 */
export async function rolledUpCount(
  db: DbOrTx,
  path: string,
  statuses: readonly string[],
  scope?: readonly string[],
): Promise<number> {
  const wanted = inArray(unitMemberCounts.status, [...statuses]);
  const [row] = await rows<{ n: number | string | null }>(
    db,
    isRootPath(path) && (!scope || scope.includes(path))
      ? sql`select sum(${unitMemberCounts.memberCount}) as n from ${unitMemberCounts} where ${wanted}`
      : sql`select sum(${unitMemberCounts.memberCount}) as n from ${units}
            join ${unitMemberCounts} on ${unitMemberCounts.unitId} = ${units.id}
            where ${and(sql`${units.path} <@ ${path}::ltree`, scope ? withinScope(units.path, scope) : undefined, wanted)}`,
  );
  return Number(row?.n ?? 0);
}

/**
 * How many members the filtered list holds: from the per-unit counts when only the subtree and statuses are
 * set, otherwise by counting the matching records (for a province, index-only on `members_province_list_idx`).
 */
export async function countMembers(db: DbOrTx, scope: readonly string[], filter: MemberFilter): Promise<number> {
  if (countsFromRollups(filter))
    return rolledUpCount(
      db,
      filter.unitPath,
      filter.status && filter.status.length > 0 ? filter.status : ACTIVE_STATUSES,
      scope,
    );
  // A whole province or tree is its members' own province column (the unit was checked against the scope).
  const [row] = filter.wholeSubtree
    ? await db.select({ n: count() }).from(members).where(memberOnlyWhere(filter))
    : await db
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
