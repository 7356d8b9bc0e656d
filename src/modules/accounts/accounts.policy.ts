import type { Actor } from '../../auth/actor.js';
import { isSystemAdmin, scopeOf } from '../../auth/actor.js';
import { GRANTABLE, inScope, type Role } from '../../domain/auth/permissions.js';
import { fail } from '../../domain/errors.js';
import { isWithin } from '../../domain/org/unit-path.js';

/** Roles the actor may give on a unit at `path`: what its grants covering that unit allow. */
export function grantableRoles(actor: Actor, path: string): Role[] {
  const roles = new Set<Role>();
  for (const g of actor.grants) {
    if (isWithin(path, g.unitPath)) for (const r of GRANTABLE[g.role]) roles.add(r);
  }
  return [...roles];
}

/** Refuses giving or taking away a role the actor may not manage on that unit. */
export function assertMayGrant(actor: Actor, role: Role, unitPath: string): void {
  if (!inScope(scopeOf(actor, 'role.grant'), unitPath))
    throw fail.forbidden('Bạn không có quyền phân quyền trên đơn vị này.');
  if (!grantableRoles(actor, unitPath).includes(role)) {
    throw fail.forbidden('Bạn không được giao vai trò này (không thể giao quyền cao hơn quyền của mình).');
  }
}

/** An account can be changed only by someone who manages every unit where it holds a role. */
export function assertMayManageAccount(actor: Actor, accountId: string, rolePaths: readonly string[]): void {
  if (accountId === actor.userId)
    throw fail.forbidden('Không thể tự khóa hoặc đặt lại mật khẩu tài khoản của mình tại đây.');
  if (isSystemAdmin(actor)) return;
  const scope = scopeOf(actor, 'account.manage');
  if (rolePaths.length > 0 && rolePaths.every((p) => inScope(scope, p))) return;
  throw fail.forbidden('Tài khoản này có vai trò ở đơn vị ngoài phạm vi quản lý của bạn.');
}
