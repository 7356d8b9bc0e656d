import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { rows } from '../../db/rows.js';
import { containsPattern } from '../../db/like.js';
import { typedList } from '../../db/sql-lists.js';
import { members, unitKinds, unitSuccessions, units, unitVersions } from '../../db/schema/index.js';
import { withinScope } from '../../db/scope.js';
import { idsOnPath } from '../../domain/org/unit-path.js';
import { ACTIVE_STATUSES } from '../../domain/members/reference-lists.js';
import { rolledUpCount } from '../members/members.queries.js';

export type UnitRow = typeof units.$inferSelect;

const childCountSql = sql<number>`(select count(*)::int from units c where c.parent_id = "units"."id" and c.closed_on is null)`;

/** A unit inside the scope, or null (outside the scope is the same as missing). */
export async function findUnitInScope(db: DbOrTx, scope: readonly string[], id: string): Promise<UnitRow | null> {
  const [row] = await db
    .select()
    .from(units)
    .where(and(eq(units.id, id), withinScope(units.path, scope)));
  return row ?? null;
}

/** A unit inside the scope, locked for update until the transaction ends. */
export async function lockUnitInScope(tx: DbOrTx, scope: readonly string[], id: string): Promise<UnitRow | null> {
  const [row] = await tx
    .select()
    .from(units)
    .where(and(eq(units.id, id), withinScope(units.path, scope)))
    .for('update');
  return row ?? null;
}

/** A unit by id, without scope (for internal consistency checks only). */
export async function findUnitById(db: DbOrTx, id: string): Promise<UnitRow | null> {
  const [row] = await db.select().from(units).where(eq(units.id, id));
  return row ?? null;
}

/** Direct sub-units of a unit, each with its number of open sub-units. */
export async function listChildren(db: DbOrTx, scope: readonly string[], parentId: string, includeClosed: boolean) {
  return db
    .select({ unit: units, childCount: childCountSql })
    .from(units)
    .where(
      and(
        eq(units.parentId, parentId),
        withinScope(units.path, scope),
        includeClosed ? undefined : isNull(units.closedOn),
      ),
    )
    .orderBy(asc(units.closedOn), asc(units.name));
}

/** Units in scope whose name (ignoring diacritics and case) or code matches, highest levels first. */
export async function searchUnits(
  db: DbOrTx,
  scope: readonly string[],
  q: string,
  includeClosed: boolean,
  limit: number,
) {
  const open = includeClosed ? sql`true` : sql`closed_on is null`;
  let ids: string[] | null = null;
  if (q) {
    const text = containsPattern(q);
    // Match by the trigram indexes first, then apply the scope to the matches (the planner misjudges `<@` on big scopes).
    const found = await rows<{ id: string }>(
      db,
      sql`with m as materialized (
            select id, path, name from units
            where ${open} and (lower(unaccent_immutable(name)) like lower(unaccent_immutable(${text})) or lower(code) like lower(${text}))
            limit 5000)
          select id from m where ${withinScope(sql`m.path`, scope)} order by nlevel(m.path), m.name limit ${limit}`,
    );
    ids = found.map((r) => r.id);
    if (ids.length === 0) return [];
  }
  const found = await db
    .select({ unit: units, childCount: childCountSql })
    .from(units)
    .where(
      ids
        ? inArray(units.id, ids)
        : and(withinScope(units.path, scope), includeClosed ? undefined : isNull(units.closedOn)),
    )
    .orderBy(sql`nlevel(${units.path})`, asc(units.name))
    .limit(limit);
  return found;
}

/** The ancestors of a path, root first, excluding the unit itself. */
export async function ancestorsOf(db: DbOrTx, path: string) {
  const ids = idsOnPath(path).slice(0, -1);
  if (ids.length === 0) return [];
  const rows = await db
    .select({ id: units.id, name: units.name, kind: units.kind })
    .from(units)
    .where(sql`${units.id} in (${typedList(ids, 'uuid')})`);
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/**
 * Active members and open sub-units in a unit's subtree. Members come from the per-unit counts kept by triggers
 * (`unit_member_counts`), never from the member rows; both counts run at once.
 */
export async function subtreeCounts(db: DbOrTx, path: string): Promise<{ memberCount: number; unitCount: number }> {
  const openUnits = path.includes('.')
    ? sql`select count(*)::int - 1 as n from ${units} u where u.path <@ ${path}::ltree and u.closed_on is null`
    : sql`select count(*)::int - 1 as n from ${units} u where u.closed_on is null`;
  const [memberCount, [unitRow]] = await Promise.all([
    rolledUpCount(db, path, ACTIVE_STATUSES),
    rows<{ n: number }>(db, openUnits),
  ]);
  return { memberCount, unitCount: Math.max(0, Number(unitRow?.n ?? 0)) };
}

/** Succession links where the unit is the predecessor or the successor. */
export async function successionsOf(db: DbOrTx, unitId: string) {
  const rows = await db
    .select({
      predecessorId: unitSuccessions.predecessorId,
      successorId: unitSuccessions.successorId,
      kind: unitSuccessions.kind,
      effectiveOn: unitSuccessions.effectiveOn,
      note: unitSuccessions.note,
      predecessorName: sql<string>`(select p.name from units p where p.id = "unit_successions"."predecessor_id")`,
      successorName: sql<string>`(select s.name from units s where s.id = "unit_successions"."successor_id")`,
    })
    .from(unitSuccessions)
    .where(sql`${unitSuccessions.predecessorId} = ${unitId} or ${unitSuccessions.successorId} = ${unitId}`)
    .orderBy(unitSuccessions.effectiveOn);
  return rows;
}

/** All versions of a unit, oldest first, with the parent's name at that time. */
export async function versionsOf(db: DbOrTx, unitId: string) {
  return db
    .select({
      validFrom: unitVersions.validFrom,
      validTo: unitVersions.validTo,
      parentId: unitVersions.parentId,
      parentName: sql<string | null>`(select p.name from units p where p.id = "unit_versions"."parent_id")`,
      code: unitVersions.code,
      name: unitVersions.name,
      kind: unitVersions.kind,
    })
    .from(unitVersions)
    .where(eq(unitVersions.unitId, unitId))
    .orderBy(unitVersions.validFrom, unitVersions.id);
}

/** The tree below `rootPath` as it stood on `date`, from the recorded versions. */
export async function treeAsOf(db: DbOrTx, rootUnitIds: readonly string[], date: string) {
  if (rootUnitIds.length === 0) return [];
  const valid = sql`v.valid_from <= ${date}::date and (v.valid_to is null or v.valid_to > ${date}::date)`;
  const result = await rows<{
    id: string;
    parent_id: string | null;
    code: string;
    name: string;
    kind: string;
    depth: number;
  }>(
    db,
    sql`
    with roots as (
      select v.path from ${unitVersions} v
      where v.unit_id in (${typedList(rootUnitIds, 'uuid')}) and ${valid}
    )
    select v.unit_id as id, v.parent_id, v.code, v.name, v.kind, nlevel(v.path) as depth
    from ${unitVersions} v
    where ${valid} and exists (select 1 from roots r where v.path <@ r.path)
    order by nlevel(v.path), v.name
    limit 20000`,
  );
  return result.map((r) => ({
    id: r.id,
    parentId: r.parent_id,
    code: r.code,
    name: r.name,
    kind: r.kind,
    depth: Number(r.depth),
  }));
}

/** All level kinds, highest level first. */
export async function listKinds(db: DbOrTx) {
  return db.select().from(unitKinds).orderBy(unitKinds.rank, unitKinds.code);
}

/** One level kind, or null. */
export async function findKind(db: DbOrTx, code: string) {
  const [row] = await db.select().from(unitKinds).where(eq(unitKinds.code, code));
  return row ?? null;
}

/** True when an open sibling under `parentId` already uses the code (case-insensitive). */
export async function siblingCodeTaken(
  db: DbOrTx,
  parentId: string | null,
  code: string,
  exceptId?: string,
): Promise<boolean> {
  const [row] = await db
    .select({ id: units.id })
    .from(units)
    .where(
      and(
        parentId ? eq(units.parentId, parentId) : isNull(units.parentId),
        sql`lower(${units.code}) = lower(${code})`,
        isNull(units.closedOn),
        exceptId ? sql`${units.id} <> ${exceptId}` : undefined,
      ),
    )
    .limit(1);
  return Boolean(row);
}

/** Open sub-units of a unit. */
export async function openChildren(db: DbOrTx, parentId: string): Promise<UnitRow[]> {
  return db
    .select()
    .from(units)
    .where(and(eq(units.parentId, parentId), isNull(units.closedOn)));
}

/** Number of active members directly in a unit. */
export async function activeMemberCount(db: DbOrTx, unitId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(members)
    .where(and(eq(members.unitId, unitId), inArray(members.status, [...ACTIVE_STATUSES])));
  return row?.n ?? 0;
}

/** The units at exactly these paths (the tops of a scope), by name. */
export async function unitsAtPaths(db: DbOrTx, paths: readonly string[]) {
  if (paths.length === 0) return [];
  return db
    .select({ id: units.id, name: units.name, kind: units.kind })
    .from(units)
    .where(sql`${units.path} in (${typedList(paths, 'ltree')})`)
    .orderBy(units.name);
}
