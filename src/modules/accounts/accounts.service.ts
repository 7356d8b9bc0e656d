import { randomUUID } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db, DbOrTx } from '../../db/client.js';
import { account, roleAssignments, session, user } from '../../db/schema/index.js';
import type { Actor } from '../../auth/actor.js';
import { isSystemAdmin, scopeOf } from '../../auth/actor.js';
import { hash } from '../../auth/passwords.js';
import type { AccountDto, createAccountBody, grantRoleBody, updateAccountBody } from '../../contracts/accounts.js';
import type { Role } from '../../domain/auth/permissions.js';
import { fail } from '../../domain/errors.js';
import { audit, type RequestContext } from '../audit/audit.service.js';
import { loadForAction } from '../org-units/org-units.service.js';
import * as q from './accounts.queries.js';
import { assertMayGrant, assertMayManageAccount } from './accounts.policy.js';

type Ctx = RequestContext & { actor: Actor };

function readScope(actor: Actor) {
  return { scope: scopeOf(actor, 'account.read'), everything: isSystemAdmin(actor) };
}

/** Account rows with the roles the viewer may see. */
export async function presentAccounts(db: DbOrTx, actor: Actor, rows: q.AccountRow[]): Promise<AccountDto[]> {
  const roles = await q.rolesOf(
    db,
    rows.map((r) => r.id),
    scopeOf(actor, 'account.read'),
  );
  return rows.map((r) => ({
    id: r.id,
    username: r.username ?? r.email,
    name: r.name,
    email: r.email.endsWith('.invalid') ? null : r.email,
    disabled: r.disabled,
    createdAt: r.createdAt.toISOString(),
    roles: roles
      .filter((g) => g.userId === r.id)
      .map((g) => ({
        id: g.id,
        role: g.role as Role,
        unitId: g.unitId,
        unitName: g.unitName,
        grantedAt: g.grantedAt.toISOString(),
        revokedAt: g.revokedAt?.toISOString() ?? null,
      })),
  }));
}

/** Accounts in the actor's scope, keyset-paged by username. */
export async function listAccounts(
  db: Db,
  actor: Actor,
  filter: { q: string; unitId?: string; limit: number; cursor?: string },
) {
  const { scope, everything } = readScope(actor);
  const unitPath = filter.unitId ? (await loadForAction(db, actor, filter.unitId, 'account.read')).path : undefined;
  const rows = await q.listAccounts(db, scope, everything, { ...filter, unitPath });
  const page = rows.slice(0, filter.limit);
  const next = rows.length > filter.limit ? (page[page.length - 1]?.username ?? null) : null;
  return { items: await presentAccounts(db, actor, page), next };
}

/** One account visible to the actor, else 404. */
export async function getAccount(db: DbOrTx, actor: Actor, accountId: string): Promise<AccountDto> {
  const { scope, everything } = readScope(actor);
  const row = await q.findAccountInScope(db, scope, everything, accountId);
  if (!row) throw fail.notFound('tài khoản');
  const [dto] = await presentAccounts(db, actor, [row]);
  if (!dto) throw fail.notFound('tài khoản');
  return dto;
}

/** Creates an account with a password and a first role, in one transaction. */
export async function createAccount(db: Db, ctx: Ctx, body: z.output<typeof createAccountBody>): Promise<AccountDto> {
  const passwordHash = await hash(body.password);
  const id = await db.transaction(async (tx) => {
    const unit = await loadForAction(tx, ctx.actor, body.unitId, 'account.manage');
    if (unit.closedOn) throw fail.invalid('unitId', 'Đơn vị đã ngừng hoạt động.');
    assertMayGrant(ctx.actor, body.role, unit.path);
    const [taken] = await tx.select({ id: user.id }).from(user).where(eq(user.username, body.username));
    if (taken) throw fail.invalid('username', `Tên đăng nhập "${body.username}" đã có người dùng.`);
    const email = body.email ? body.email.toLowerCase() : `${body.username}@accounts.doanso.invalid`;
    const [emailTaken] = await tx.select({ id: user.id }).from(user).where(eq(user.email, email));
    if (emailTaken) throw fail.invalid('email', 'Thư điện tử này đã được dùng cho tài khoản khác.');
    const userId = randomUUID();
    await tx
      .insert(user)
      .values({ id: userId, name: body.name, email, username: body.username, displayUsername: body.username });
    await tx
      .insert(account)
      .values({ id: randomUUID(), accountId: userId, providerId: 'credential', userId, password: passwordHash });
    await tx.insert(roleAssignments).values({ userId, unitId: unit.id, role: body.role, grantedBy: ctx.actor.userId });
    await audit(tx, ctx, {
      entity: 'account',
      entityId: userId,
      action: 'create',
      unitId: unit.id,
      unitPath: unit.path,
      after: { username: body.username, name: body.name, email: body.email ?? null, role: body.role, unitId: unit.id },
    });
    return userId;
  });
  return getAccount(db, ctx.actor, id);
}

async function loadManageable(tx: DbOrTx, ctx: Ctx, accountId: string) {
  const { scope, everything } = readScope(ctx.actor);
  const row = await q.findAccountInScope(tx, scope, everything, accountId);
  if (!row) throw fail.notFound('tài khoản');
  const paths = await q.activeRolePaths(tx, accountId);
  assertMayManageAccount(ctx.actor, accountId, paths);
  return { row, unitPath: paths[0] ?? null };
}

/** Renames, disables or enables an account; disabling ends its sessions. */
export async function updateAccount(
  db: Db,
  ctx: Ctx,
  accountId: string,
  body: z.output<typeof updateAccountBody>,
): Promise<AccountDto> {
  await db.transaction(async (tx) => {
    const { row, unitPath } = await loadManageable(tx, ctx, accountId);
    const changes = {
      ...(body.name !== undefined && { name: body.name }),
      ...(body.disabled !== undefined && { disabled: body.disabled }),
    };
    if (Object.keys(changes).length === 0) throw fail.invalid('name', 'Không có thông tin nào để sửa.');
    await tx
      .update(user)
      .set({ ...changes, updatedAt: new Date() })
      .where(eq(user.id, accountId));
    if (body.disabled) await tx.delete(session).where(eq(session.userId, accountId));
    await audit(tx, ctx, {
      entity: 'account',
      entityId: accountId,
      action: body.disabled === undefined ? 'update' : body.disabled ? 'disable' : 'enable',
      unitId: null,
      unitPath,
      before: { name: row.name, disabled: row.disabled },
      after: changes,
    });
  });
  return getAccount(db, ctx.actor, accountId);
}

/** Sets a new password for another account and ends its sessions. */
export async function resetPassword(db: Db, ctx: Ctx, accountId: string, password: string): Promise<void> {
  const passwordHash = await hash(password);
  await db.transaction(async (tx) => {
    const { unitPath } = await loadManageable(tx, ctx, accountId);
    await tx
      .update(account)
      .set({ password: passwordHash, updatedAt: new Date() })
      .where(and(eq(account.userId, accountId), eq(account.providerId, 'credential')));
    await tx.delete(session).where(eq(session.userId, accountId));
    await audit(tx, ctx, { entity: 'account', entityId: accountId, action: 'reset_password', unitId: null, unitPath });
  });
}

/** Gives a role on a unit to a visible account. */
export async function grantRole(
  db: Db,
  ctx: Ctx,
  accountId: string,
  body: z.output<typeof grantRoleBody>,
): Promise<AccountDto> {
  await db.transaction(async (tx) => {
    const { scope, everything } = readScope(ctx.actor);
    if (!(await q.findAccountInScope(tx, scope, everything, accountId))) throw fail.notFound('tài khoản');
    const unit = await loadForAction(tx, ctx.actor, body.unitId, 'role.grant');
    if (unit.closedOn) throw fail.invalid('unitId', 'Đơn vị đã ngừng hoạt động.');
    assertMayGrant(ctx.actor, body.role, unit.path);
    const [existing] = await tx
      .select({ id: roleAssignments.id })
      .from(roleAssignments)
      .where(
        and(
          eq(roleAssignments.userId, accountId),
          eq(roleAssignments.unitId, unit.id),
          eq(roleAssignments.role, body.role),
          isNull(roleAssignments.revokedAt),
        ),
      );
    if (existing) throw fail.invalid('role', 'Tài khoản đã có vai trò này trên đơn vị này.');
    const [grant] = await tx
      .insert(roleAssignments)
      .values({ userId: accountId, unitId: unit.id, role: body.role, grantedBy: ctx.actor.userId })
      .returning();
    await audit(tx, ctx, {
      entity: 'role',
      entityId: grant?.id ?? null,
      action: 'grant',
      unitId: unit.id,
      unitPath: unit.path,
      after: { accountId, role: body.role, unitId: unit.id },
    });
  });
  return getAccount(db, ctx.actor, accountId);
}

/** Ends a role grant (its row stays as history). */
export async function revokeRole(db: Db, ctx: Ctx, accountId: string, grantId: string): Promise<AccountDto> {
  await db.transaction(async (tx) => {
    const found = await q.findRoleGrant(tx, accountId, grantId);
    if (
      !found ||
      !scopeOf(ctx.actor, 'account.read').some((p) => found.unitPath === p || found.unitPath.startsWith(`${p}.`))
    ) {
      throw fail.notFound('vai trò');
    }
    if (found.grant.revokedAt) throw fail.rule('Vai trò này đã được thu hồi.');
    if (accountId === ctx.actor.userId) throw fail.forbidden('Không thể tự thu hồi vai trò của mình.');
    assertMayGrant(ctx.actor, found.grant.role as Role, found.unitPath);
    await tx
      .update(roleAssignments)
      .set({ revokedAt: new Date(), revokedBy: ctx.actor.userId })
      .where(eq(roleAssignments.id, grantId));
    await audit(tx, ctx, {
      entity: 'role',
      entityId: grantId,
      action: 'revoke',
      unitId: found.grant.unitId,
      unitPath: found.unitPath,
      before: { accountId, role: found.grant.role, unitId: found.grant.unitId },
    });
  });
  return getAccount(db, ctx.actor, accountId);
}
