import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { careActions, careRecords, members, units } from '../../db/schema/index.js';
import { withinScope } from '../../db/scope.js';
import { ACTIVE_STATUSES } from '../../domain/members/reference-lists.js';
import type { CareCategory } from '../../domain/branch-life/care.js';

export type CareRecordRow = typeof careRecords.$inferSelect;
export type CareActionRow = typeof careActions.$inferSelect;

/** Folds a name column for ordering the way `nameSortKey` does: given name first, đ after d. */
const fold = (value: SQL) => sql`lower(unaccent_immutable(replace(replace(${value}, 'đ', 'dz'), 'Đ', 'Dz')))`;
const sortKey = sql<string>`(${fold(sql`regexp_replace(${careRecords.fullName}, '^.*\\s', '')`)} || ' ' || ${fold(sql`${careRecords.fullName}`)})`;

/** The subtree of `unitPath` seen through the actor's scope. */
function inSubtree(path: SQL | typeof units.path, unitPath: string, scope: readonly string[]): SQL {
  return sql`(${path} <@ ${unitPath}::ltree and ${withinScope(path, scope)})`;
}

/** Filters of a care list. */
export interface CareFilter {
  unitPath: string;
  scope: readonly string[];
  from: string;
  to: string;
  category?: CareCategory;
  status: 'open' | 'closed' | 'all';
  who?: 'member' | 'youth';
  /** Folded (lower case, no diacritics) search text. */
  q?: string;
}

function listWhere(f: CareFilter): SQL | undefined {
  return and(
    inSubtree(units.path, f.unitPath, f.scope),
    f.status === 'all' ? undefined : eq(careRecords.status, f.status),
    f.category ? sql`${f.category} = any(${careRecords.categories})` : undefined,
    f.who === 'member' ? sql`${careRecords.memberId} is not null` : undefined,
    f.who === 'youth' ? sql`${careRecords.memberId} is null` : undefined,
    f.q
      ? sql`lower(unaccent_immutable(replace(replace(${careRecords.fullName}, 'đ', 'd'), 'Đ', 'D'))) like ${`%${f.q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`}`
      : undefined,
  );
}

/** One page of a care list in name order, with the help of the year and the next planned help. */
export async function listRecords(db: DbOrTx, f: CareFilter, limit: number, after?: [string, string]) {
  const given = (what: SQL) =>
    sql`(select ${what} from care_actions a where a.care_record_id = ${careRecords.id} and a.kind = 'given' and a.on_date between ${f.from}::date and ${f.to}::date)`;
  const planned = (what: SQL) =>
    sql`(select ${what} from care_actions a where a.care_record_id = ${careRecords.id} and a.kind = 'planned' order by a.on_date, a.created_at limit 1)`;
  return db
    .select({
      record: careRecords,
      unitName: units.name,
      unitPath: units.path,
      sortKey,
      givenCount: sql<number>`${given(sql`count(*)::int`)}`,
      givenAmount: sql<number>`${given(sql`coalesce(sum(a.amount), 0)::float8`)}`,
      plannedOn: sql<string | null>`${planned(sql`a.on_date::text`)}`,
      plannedWhat: sql<string | null>`${planned(sql`a.description`)}`,
    })
    .from(careRecords)
    .innerJoin(units, eq(units.id, careRecords.unitId))
    .where(
      and(listWhere(f), after ? sql`(${sortKey}, ${careRecords.id}) > (${after[0]}, ${after[1]}::uuid)` : undefined),
    )
    .orderBy(sortKey, asc(careRecords.id))
    .limit(limit);
}
export type CareListRow = Awaited<ReturnType<typeof listRecords>>[number];

/** How many records the list has. */
export async function countRecords(db: DbOrTx, f: CareFilter): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(careRecords)
    .innerJoin(units, eq(units.id, careRecords.unitId))
    .where(listWhere(f));
  return row?.n ?? 0;
}

/** A record whose unit lies in the scope, with its unit; optionally locked. */
export async function findRecord(db: DbOrTx, scope: readonly string[], recordId: string, lock = false) {
  const query = db
    .select({ record: careRecords, unitName: units.name, unitPath: units.path })
    .from(careRecords)
    .innerJoin(units, eq(units.id, careRecords.unitId))
    .where(and(eq(careRecords.id, recordId), withinScope(units.path, scope)));
  const [row] = lock ? await query.for('update', { of: careRecords }) : await query;
  return row ?? null;
}

/** The help of a record, newest first. */
export async function actionsOf(db: DbOrTx, recordId: string): Promise<CareActionRow[]> {
  return db
    .select()
    .from(careActions)
    .where(eq(careActions.careRecordId, recordId))
    .orderBy(desc(careActions.onDate), desc(careActions.createdAt));
}

/** The open record of a member, if any. */
export async function openRecordOf(db: DbOrTx, memberId: string): Promise<CareRecordRow | null> {
  const [row] = await db
    .select()
    .from(careRecords)
    .where(and(eq(careRecords.memberId, memberId), eq(careRecords.status, 'open')));
  return row ?? null;
}

/** Adds a record. */
export async function insertRecord(tx: DbOrTx, values: typeof careRecords.$inferInsert): Promise<CareRecordRow> {
  const [row] = await tx.insert(careRecords).values(values).returning();
  if (!row) throw new Error('care record insert returned no row');
  return row;
}

/** Changes a record at the version read; null when it moved on meanwhile. */
export async function updateRecord(
  tx: DbOrTx,
  record: CareRecordRow,
  set: Partial<typeof careRecords.$inferInsert>,
): Promise<CareRecordRow | null> {
  const [row] = await tx
    .update(careRecords)
    .set({ ...set, version: record.version + 1, updatedAt: new Date() })
    .where(and(eq(careRecords.id, record.id), eq(careRecords.version, record.version)))
    .returning();
  return row ?? null;
}

/** Adds help to a record. */
export async function insertAction(tx: DbOrTx, values: typeof careActions.$inferInsert): Promise<CareActionRow> {
  const [row] = await tx.insert(careActions).values(values).returning();
  if (!row) throw new Error('care action insert returned no row');
  return row;
}

/** One help of a record, locked. */
export async function lockAction(tx: DbOrTx, recordId: string, actionId: string): Promise<CareActionRow | null> {
  const [row] = await tx
    .select()
    .from(careActions)
    .where(and(eq(careActions.id, actionId), eq(careActions.careRecordId, recordId)))
    .for('update');
  return row ?? null;
}

/** Removes one help. */
export async function deleteAction(tx: DbOrTx, actionId: string): Promise<void> {
  await tx.delete(careActions).where(eq(careActions.id, actionId));
}

/** Records a planned help as given. */
export async function markGiven(
  tx: DbOrTx,
  actionId: string,
  onDate: string,
  amount: number | null,
): Promise<CareActionRow> {
  const [row] = await tx
    .update(careActions)
    .set({ kind: 'given', onDate, amount })
    .where(eq(careActions.id, actionId))
    .returning();
  if (!row) throw new Error('care action update returned no row');
  return row;
}

/** Open records of the subtree per category, members and non-members apart. */
export async function categoryCounts(db: DbOrTx, unitPath: string, scope: readonly string[]) {
  return db
    .select({
      category: sql<string>`c.category`,
      members: sql<number>`count(*) filter (where ${careRecords.memberId} is not null)::int`,
      youth: sql<number>`count(*) filter (where ${careRecords.memberId} is null)::int`,
    })
    .from(careRecords)
    .innerJoin(units, eq(units.id, careRecords.unitId))
    .innerJoin(sql`unnest(${careRecords.categories}) as c(category)`, sql`true`)
    .where(and(inSubtree(units.path, unitPath, scope), eq(careRecords.status, 'open')))
    .groupBy(sql`c.category`);
}

/** Open records of the subtree: members and non-members. */
export async function openCounts(db: DbOrTx, unitPath: string, scope: readonly string[]) {
  const [row] = await db
    .select({
      members: sql<number>`count(*) filter (where ${careRecords.memberId} is not null)::int`,
      youth: sql<number>`count(*) filter (where ${careRecords.memberId} is null)::int`,
    })
    .from(careRecords)
    .innerJoin(units, eq(units.id, careRecords.unitId))
    .where(and(inSubtree(units.path, unitPath, scope), eq(careRecords.status, 'open')));
  return row ?? { members: 0, youth: 0 };
}

/** Help of a kind in the subtree between two days (given) or still to come (planned): count, amount, people. */
export async function helpTotals(
  db: DbOrTx,
  unitPath: string,
  scope: readonly string[],
  kind: 'given' | 'planned',
  range?: [string, string],
) {
  const [row] = await db
    .select({
      count: sql<number>`count(*)::int`,
      amount: sql<number>`coalesce(sum(${careActions.amount}), 0)::float8`,
      people: sql<number>`count(distinct ${careActions.careRecordId})::int`,
    })
    .from(careActions)
    .innerJoin(careRecords, eq(careRecords.id, careActions.careRecordId))
    .innerJoin(units, eq(units.id, careRecords.unitId))
    .where(
      and(
        inSubtree(units.path, unitPath, scope),
        eq(careActions.kind, kind),
        range ? sql`${careActions.onDate} between ${range[0]}::date and ${range[1]}::date` : undefined,
        kind === 'planned' ? eq(careRecords.status, 'open') : undefined,
      ),
    );
  return row ?? { count: 0, amount: 0, people: 0 };
}

/** One row per open direct sub-unit in the scope: open records and the help given in the range. */
export async function childRows(db: DbOrTx, unitId: string, scope: readonly string[], range: [string, string]) {
  const records = (what: SQL) =>
    sql`(select ${what} from care_records r join units ru on ru.id = r.unit_id where ru.path <@ ${units.path} and r.status = 'open')`;
  const given = (what: SQL) =>
    sql`(select ${what} from care_actions a join care_records r on r.id = a.care_record_id join units ru on ru.id = r.unit_id where ru.path <@ ${units.path} and a.kind = 'given' and a.on_date between ${range[0]}::date and ${range[1]}::date)`;
  return db
    .select({
      unitId: units.id,
      unitName: units.name,
      members: sql<number>`${records(sql`count(*) filter (where r.member_id is not null)::int`)}`,
      youth: sql<number>`${records(sql`count(*) filter (where r.member_id is null)::int`)}`,
      givenCount: sql<number>`${given(sql`count(*)::int`)}`,
      givenAmount: sql<number>`${given(sql`coalesce(sum(a.amount), 0)::float8`)}`,
    })
    .from(units)
    .where(and(eq(units.parentId, unitId), sql`${units.closedOn} is null`, withinScope(units.path, scope)))
    .orderBy(asc(units.name));
}

/** Members of the subtree in the union, flagged for care, without an open record. */
function suggestionWhere(unitPath: string, scope: readonly string[]): SQL | undefined {
  return and(
    inSubtree(units.path, unitPath, scope),
    inArray(members.status, [...ACTIVE_STATUSES]),
    sql`cardinality(${members.careFlags}) > 0`,
    sql`not exists (select 1 from care_records r where r.member_id = ${members.id} and r.status = 'open')`,
  );
}

/** Suggestions in branch and name order, at most `limit`. */
export async function suggestions(db: DbOrTx, unitPath: string, scope: readonly string[], limit: number) {
  return db
    .select({
      memberId: members.id,
      fullName: members.fullName,
      birthDate: members.birthDate,
      careFlags: members.careFlags,
      careNote: members.careNote,
      helpPlan: members.helpPlan,
      unitId: units.id,
      unitName: units.name,
    })
    .from(members)
    .innerJoin(units, eq(units.id, members.unitId))
    .where(suggestionWhere(unitPath, scope))
    .orderBy(asc(units.name), asc(members.sortKey), asc(members.id))
    .limit(limit);
}

/** How many suggestions there are. */
export async function countSuggestions(db: DbOrTx, unitPath: string, scope: readonly string[]): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(members)
    .innerJoin(units, eq(units.id, members.unitId))
    .where(suggestionWhere(unitPath, scope));
  return row?.n ?? 0;
}
