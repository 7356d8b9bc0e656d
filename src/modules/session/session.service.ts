import type { Db } from '../../db/client.js';
import type { Actor } from '../../auth/actor.js';
import { scopeOf } from '../../auth/actor.js';
import { ACTIONS, minimalPaths, PERMISSIONS, type Action } from '../../domain/auth/permissions.js';
import { lockedMinutesLeft, LOCKOUT } from '../../domain/auth/lockout.js';
import { DomainError } from '../../domain/errors.js';
import type { MeResponse } from '../../contracts/auth.js';
import { findAccountByUsername, recentFailures, recordAttempt } from './session.queries.js';
import { unitsAtPaths } from '../org-units/org-units.queries.js';

/** The signed-in account as the web app sees it. */
export async function describeActor(db: Db, actor: Actor): Promise<MeResponse> {
  const actions = new Set<Action>();
  for (const g of actor.grants) for (const a of PERMISSIONS[g.role]) actions.add(a);
  const roots = await unitsAtPaths(db, minimalPaths([...scopeOf(actor, 'unit.read'), ...scopeOf(actor, 'self.read')]));
  return {
    id: actor.userId,
    username: actor.username,
    name: actor.name,
    roles: actor.grants.map((g) => ({
      id: g.id,
      role: g.role,
      unitId: g.unitId,
      unitName: g.unitName,
      unitPath: g.unitPath,
    })),
    scopeRoots: roots,
    actions: ACTIONS.filter((a) => actions.has(a)),
  };
}

function lockedError(minutes: number): DomainError {
  return new DomainError(
    'locked',
    `Tài khoản tạm thời bị khóa do đăng nhập sai quá ${LOCKOUT.maxFailures} lần. Vui lòng thử lại sau ${minutes} phút.`,
    { minutesLeft: minutes },
  );
}

/** Refuses a login for a locked or disabled username before the password is checked. */
export async function assertMayTryLogin(db: Db, username: string, now = new Date()): Promise<void> {
  const minutes = lockedMinutesLeft(await recentFailures(db, username, now), now);
  if (minutes > 0) throw lockedError(minutes);
  const account = await findAccountByUsername(db, username);
  if (account?.disabled) {
    throw new DomainError('forbidden', 'Tài khoản đã bị vô hiệu hóa. Vui lòng liên hệ quản trị viên đơn vị.');
  }
}

/** Records the outcome of a password check; after the last allowed failure, answers with the lockout. */
export async function recordLoginOutcome(
  db: Db,
  username: string,
  ip: string | null,
  succeeded: boolean,
): Promise<void> {
  await recordAttempt(db, username, ip, succeeded);
  if (succeeded) return;
  const now = new Date();
  const minutes = lockedMinutesLeft(await recentFailures(db, username, now), now);
  if (minutes > 0) throw lockedError(minutes);
  throw new DomainError('unauthenticated', 'Tên đăng nhập hoặc mật khẩu không đúng.');
}
