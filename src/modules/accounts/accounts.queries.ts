import { and, asc, eq, gt, inArray, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { roleAssignments, units, user } from '../../db/schema/index.js';
import { withinScope } from '../../db/scope.js';
import { containsPattern } from '../../db/like.js';

export type AccountRow = typeof user.$inferSelect;

/** An account holds an active role somewhere inside the scope (or the scope is everything). */
function visibleIn(scope: readonly string[], everything: boolean) {
  if (everything) return undefined;
  return sql`exists (select 1 from ${roleAssignments} r join ${units} un on un.id = r.unit_id
    where r.user_id = ${user.id} and r.revoked_at is null and ${withinScope(sql`un.path`, scope)})`;
}

/** Accounts visible in the scope, filtered by text and by a unit subtree, keyset-paged by username. */
export async function listAccounts(
  db: DbOrTx,
  scope: readonly string[],
  everything: boolean,
  filter: { q: string; unitPath?: string; limit: number; cursor?: string },
) {
  const text = filter.q ? containsPattern(filter.q) : null;
  return db
    .select()
    .from(user)
    .where(
      and(
        visibleIn(scope, everything),
        text
          ? sql`(${user.username} ilike ${text} or lower(unaccent_immutable(${user.name})) like lower(unaccent_immutable(${text})))`
          : undefined,
        filter.unitPath
          ? sql`exists (select 1 from ${roleAssignments} r join ${units} un on un.id = r.unit_id
              where r.user_id = ${user.id} and r.revoked_at is null and un.path <@ ${filter.unitPath}::ltree)`
          : undefined,
        filter.cursor ? gt(user.username, filter.cursor) : undefined,
      ),
    )
    .orderBy(asc(user.username))
    .limit(filter.limit + 1);
}

/** One account if visible in the scope. */
export async function findAccountInScope(db: DbOrTx, scope: readonly string[], everything: boolean, accountId: string) {
  const [row] = await db
    .select()
    .from(user)
    .where(and(eq(user.id, accountId), visibleIn(scope, everything)));
  return row ?? null;
}

/** Role grants (active and past) of the accounts, limited to units inside the scope. */
export async function rolesOf(db: DbOrTx, accountIds: readonly string[], scope: readonly string[]) {
  if (accountIds.length === 0) return [];
  return db
    .select({
      id: roleAssignments.id,
      userId: roleAssignments.userId,
      role: roleAssignments.role,
      unitId: roleAssignments.unitId,
      unitName: units.name,
      unitPath: units.path,
      grantedAt: roleAssignments.grantedAt,
      revokedAt: roleAssignments.revokedAt,
    })
    .from(roleAssignments)
    .innerJoin(units, eq(units.id, roleAssignments.unitId))
    .where(and(inArray(roleAssignments.userId, [...accountIds]), withinScope(units.path, scope)))
    .orderBy(sql`${roleAssignments.revokedAt} nulls first`, roleAssignments.grantedAt);
}

/** Paths of the units where the account holds active roles (all of them, whatever the viewer's scope). */
export async function activeRolePaths(db: DbOrTx, accountId: string): Promise<string[]> {
  const rows = await db
    .select({ path: units.path })
    .from(roleAssignments)
    .innerJoin(units, eq(units.id, roleAssignments.unitId))
    .where(and(eq(roleAssignments.userId, accountId), isNull(roleAssignments.revokedAt)));
  return rows.map((r) => r.path);
}

/** A role grant with its unit. */
export async function findRoleGrant(db: DbOrTx, accountId: string, grantId: string) {
  const [row] = await db
    .select({ grant: roleAssignments, unitPath: units.path })
    .from(roleAssignments)
    .innerJoin(units, eq(units.id, roleAssignments.unitId))
    .where(and(eq(roleAssignments.id, grantId), eq(roleAssignments.userId, accountId)));
  return row ?? null;
}
