import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { members, unitKinds, units } from '../../db/schema/index.js';
import { withinScope } from '../../db/scope.js';
import { idsOnPath } from '../../domain/org/unit-path.js';
import { grassrootsOnPath, type UnitOnPath } from '../../domain/workflows/member-exit-units.js';

export type MemberRow = typeof members.$inferSelect;

/** A member whose branch lies in the scope, with the branch's name, path and closing date. */
export interface ScopedMember {
  member: MemberRow;
  unitName: string;
  unitPath: string;
}

/** A member in the scope, optionally locked for update until the transaction ends. */
export async function memberInScope(
  db: DbOrTx,
  scope: readonly string[],
  memberId: string,
  lock = false,
): Promise<ScopedMember | null> {
  const query = db
    .select({ member: members, unitName: units.name, unitPath: units.path })
    .from(members)
    .innerJoin(units, eq(units.id, members.unitId))
    .where(and(eq(members.id, memberId), withinScope(units.path, scope)));
  const [row] = lock ? await query.for('update', { of: members }) : await query;
  return row ?? null;
}

/** The units along a path, root first, with their kind and whether it is a leaf (branch) kind. */
export async function unitsOnPath(db: DbOrTx, path: string): Promise<(UnitOnPath & { closedOn: string | null })[]> {
  return (await unitsOnPaths(db, [path])).get(path) ?? [];
}

/** The units on each of several paths (root first), in one query. */
export async function unitsOnPaths(
  db: DbOrTx,
  paths: readonly string[],
): Promise<Map<string, (UnitOnPath & { closedOn: string | null })[]>> {
  const ids = [...new Set(paths.flatMap(idsOnPath))];
  const out = new Map<string, (UnitOnPath & { closedOn: string | null })[]>();
  if (ids.length === 0) return out;
  const found = await db
    .select({
      id: units.id,
      name: units.name,
      kind: units.kind,
      path: units.path,
      closedOn: units.closedOn,
      isLeaf: unitKinds.isLeaf,
    })
    .from(units)
    .innerJoin(unitKinds, eq(unitKinds.code, units.kind))
    .where(inArray(units.id, ids));
  const byId = new Map(found.map((u) => [u.id, u]));
  for (const path of paths)
    out.set(
      path,
      idsOnPath(path).flatMap((id) => byId.get(id) ?? []),
    );
  return out;
}

/** The đoàn cơ sở of a unit at `path` (see grassrootsOnPath), with the units on the path. */
export async function grassrootsAt(db: DbOrTx, path: string) {
  const pathUnits = await unitsOnPath(db, path);
  return { pathUnits, grassroots: grassrootsOnPath(pathUnits) };
}

/** Member facts the decisions print. */
export function documentMember(m: MemberRow, branchName: string) {
  return {
    fullName: m.fullName,
    birthDate: m.birthDate,
    birthYearOnly: m.birthYearOnly,
    cardNumber: m.cardNumber,
    branchName,
    joinedOn: m.joinedOn,
    position: m.position,
  };
}

/** Writes a member row's new values when its version is still `version`; null when someone changed it. */
export async function updateMemberVersioned(
  tx: DbOrTx,
  memberId: string,
  version: number,
  changes: Partial<Pick<MemberRow, 'status' | 'position' | 'partyMember' | 'partyJoinedOn'>>,
): Promise<MemberRow | null> {
  const [after] = await tx
    .update(members)
    .set({ ...changes, version: version + 1, updatedAt: new Date() })
    .where(and(eq(members.id, memberId), eq(members.version, version)))
    .returning();
  return after ?? null;
}
