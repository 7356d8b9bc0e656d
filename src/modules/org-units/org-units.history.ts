import { and, eq, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { rows } from '../../db/rows.js';
import { typedList } from '../../db/sql-lists.js';
import { members, roleAssignments, unitSuccessions, units, unitVersions } from '../../db/schema/index.js';

/** Opens a version for every unit of the subtree at `path`, copying the current state, from `validFrom`. */
export async function startVersions(tx: DbOrTx, path: string, validFrom: string): Promise<void> {
  await tx.execute(sql`
    insert into ${unitVersions} (unit_id, parent_id, path, code, name, kind, valid_from)
    select id, parent_id, path, code, name, kind, ${validFrom}::date from ${units} where path <@ ${path}::ltree`);
}

/** Opens a version for one unit only. */
export async function startVersion(tx: DbOrTx, unitId: string, validFrom: string): Promise<void> {
  await tx.execute(sql`
    insert into ${unitVersions} (unit_id, parent_id, path, code, name, kind, valid_from)
    select id, parent_id, path, code, name, kind, ${validFrom}::date from ${units} where id = ${unitId}::uuid`);
}

/** Ends the open version of each unit of the subtree at `path` on `validTo`. */
export async function endVersions(tx: DbOrTx, path: string, validTo: string): Promise<void> {
  await tx.execute(sql`
    update ${unitVersions} set valid_to = ${validTo}::date
    where valid_to is null and unit_id in (select id from ${units} where path <@ ${path}::ltree)`);
}

/** Ends the open version of one unit. */
export async function endVersion(tx: DbOrTx, unitId: string, validTo: string): Promise<void> {
  await tx
    .update(unitVersions)
    .set({ validTo })
    .where(and(eq(unitVersions.unitId, unitId), isNull(unitVersions.validTo)));
}

/** The latest start of an open version in the subtree: no change may be dated before it. */
export async function lastChangeInSubtree(tx: DbOrTx, path: string): Promise<string> {
  const result = await rows<{ last: string | null }>(
    tx,
    sql`
    select max(v.valid_from)::text as last from ${unitVersions} v
    join ${units} u on u.id = v.unit_id
    where v.valid_to is null and u.path <@ ${path}::ltree`,
  );
  return result[0]?.last ?? '0001-01-01';
}

/** Re-parents a unit and rewrites the paths of its whole subtree. Returns the new path. */
export async function repathSubtree(
  tx: DbOrTx,
  unitId: string,
  oldPath: string,
  newParentId: string,
  newParentPath: string,
): Promise<string> {
  await tx.execute(sql`
    update ${units}
    set path = ${newParentPath}::ltree || subpath(path, nlevel(${oldPath}::ltree) - 1), updated_at = now()
    where path <@ ${oldPath}::ltree`);
  await tx
    .update(units)
    .set({ parentId: newParentId, version: sql`${units.version} + 1` })
    .where(eq(units.id, unitId));
  const [row] = await tx.select({ path: units.path }).from(units).where(eq(units.id, unitId));
  return row?.path ?? oldPath;
}

/** The province a path lies in (its ancestor of kind `province`), or null. */
export async function provinceOf(tx: DbOrTx, path: string): Promise<string | null> {
  const [row] = await tx
    .select({ id: units.id })
    .from(units)
    .where(sql`${units.path} @> ${path}::ltree and ${units.kind} = 'province'`)
    .limit(1);
  return row?.id ?? null;
}

/** Re-computes the province of every member in a subtree (after a move). */
export async function refreshMemberProvinces(tx: DbOrTx, path: string): Promise<void> {
  const provinceId = await provinceOf(tx, path);
  await tx.execute(sql`
    update ${members} m set province_id = ${provinceId}::uuid, updated_at = now()
    from ${units} u where u.id = m.unit_id and u.path <@ ${path}::ltree`);
}

/** Moves members (all, or the listed ones) of one unit into another. Returns how many moved. */
export async function moveMembers(
  tx: DbOrTx,
  fromUnitId: string,
  toUnitId: string,
  toPath: string,
  memberIds?: readonly string[],
): Promise<number> {
  if (memberIds && memberIds.length === 0) return 0;
  const provinceId = await provinceOf(tx, toPath);
  const only = memberIds ? sql` and id in (${typedList(memberIds, 'uuid')})` : sql``;
  const result = await rows<{ id: string }>(
    tx,
    sql`
    update ${members} set unit_id = ${toUnitId}::uuid, province_id = ${provinceId}::uuid, updated_at = now()
    where unit_id = ${fromUnitId}::uuid${only} returning id`,
  );
  return result.length;
}

/** Active grants on a unit end; the same roles are given on the successor (history kept). */
export async function moveRoles(tx: DbOrTx, fromUnitId: string, toUnitId: string, actorId: string): Promise<void> {
  const active = await tx
    .select()
    .from(roleAssignments)
    .where(and(eq(roleAssignments.unitId, fromUnitId), isNull(roleAssignments.revokedAt)));
  if (active.length === 0) return;
  await revokeRolesOn(tx, fromUnitId, actorId);
  await tx
    .insert(roleAssignments)
    .values(active.map((g) => ({ userId: g.userId, unitId: toUnitId, role: g.role, grantedBy: actorId })))
    .onConflictDoNothing();
}

/** Ends every active grant on a unit. */
export async function revokeRolesOn(tx: DbOrTx, unitId: string, actorId: string): Promise<void> {
  await tx
    .update(roleAssignments)
    .set({ revokedAt: new Date(), revokedBy: actorId })
    .where(and(eq(roleAssignments.unitId, unitId), isNull(roleAssignments.revokedAt)));
}

/** Records that `successorId` continues `predecessorId`. */
export async function recordSuccession(
  tx: DbOrTx,
  predecessorId: string,
  successorId: string,
  kind: 'merge' | 'split',
  effectiveOn: string,
  note: string | null,
): Promise<void> {
  await tx.insert(unitSuccessions).values({ predecessorId, successorId, kind, effectiveOn, note });
}

/** Marks a unit closed on a date (its open version ends the same day). */
export async function markClosed(tx: DbOrTx, unitId: string, closedOn: string, reason: string): Promise<void> {
  await tx
    .update(units)
    .set({ closedOn, closeReason: reason, version: sql`${units.version} + 1`, updatedAt: new Date() })
    .where(eq(units.id, unitId));
  await endVersion(tx, unitId, closedOn);
}
