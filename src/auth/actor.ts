import { and, eq, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.js';
import { memberAccounts, roleAssignments, units, user } from '../db/schema/index.js';
import type { Action, Role, RoleGrant } from '../domain/auth/permissions.js';
import { allowedActions, inScope, scopePaths } from '../domain/auth/permissions.js';
import { fail } from '../domain/errors.js';

/** The signed-in account with its active role grants. */
export interface Actor {
  userId: string;
  username: string;
  name: string;
  grants: (RoleGrant & { id: string; unitName: string })[];
  /** The member record a member account is linked to (self-service), else null. */
  memberId: string | null;
}

/** Loads an account's active grants; null when the account is missing or disabled. */
export async function loadActor(db: DbOrTx, userId: string): Promise<Actor | null> {
  const [account] = await db.select().from(user).where(eq(user.id, userId));
  if (!account || account.disabled) return null;
  const rows = await db
    .select({
      id: roleAssignments.id,
      role: roleAssignments.role,
      unitId: units.id,
      unitPath: units.path,
      unitName: units.name,
    })
    .from(roleAssignments)
    .innerJoin(units, eq(units.id, roleAssignments.unitId))
    .where(and(eq(roleAssignments.userId, userId), isNull(roleAssignments.revokedAt), isNull(units.closedOn)))
    .orderBy(sql`nlevel(${units.path})`, units.name);
  const [link] = await db
    .select({ memberId: memberAccounts.memberId })
    .from(memberAccounts)
    .where(eq(memberAccounts.userId, userId));
  return {
    userId: account.id,
    username: account.username ?? account.email,
    name: account.name,
    grants: rows.map((r) => ({ ...r, role: r.role as Role })),
    memberId: link?.memberId ?? null,
  };
}

/** The scope paths where the actor may take the action. */
export function scopeOf(actor: Actor, action: Action): string[] {
  return scopePaths(actor.grants, action);
}

/** Actions the actor may take on a unit at `path`. */
export function actionsOn(actor: Actor, path: string): Action[] {
  return allowedActions(actor.grants, path);
}

/**
 * Checks an action on a unit the actor already found through a read-scoped query.
 * Out of read scope is "not found" (nothing leaks); in read scope but not allowed is "forbidden".
 */
export function authorize(actor: Actor, action: Action, path: string, what = 'đơn vị'): void {
  if (inScope(scopeOf(actor, action), path)) return;
  if (inScope(scopeOf(actor, 'unit.read'), path)) throw fail.forbidden();
  throw fail.notFound(what);
}

/** True when the actor is a system administrator. */
export function isSystemAdmin(actor: Actor): boolean {
  return actor.grants.some((g) => g.role === 'system_admin');
}

/** Refuses an actor who holds the action nowhere (list endpoints with no unit in the path). */
export function authorizeAnywhere(actor: Actor, action: Action): void {
  if (scopePaths(actor.grants, action).length === 0) throw fail.forbidden();
}
