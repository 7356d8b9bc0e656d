import type { Actor } from '../../auth/actor.js';
import { scopeOf } from '../../auth/actor.js';
import type { DbOrTx } from '../../db/client.js';
import { inScope } from '../../domain/auth/permissions.js';
import { DomainError, fail } from '../../domain/errors.js';
import { ACTIVE_STATUSES, type MemberStatus } from '../../domain/members/reference-lists.js';
import { findMemberInScope } from '../members/members.queries.js';

/** The member record a member account may see as its own; refuses accounts without one. */
export function ownMemberId(actor: Actor): string {
  if (actor.memberId && scopeOf(actor, 'self.read').length > 0) return actor.memberId;
  throw new DomainError('not_found', 'Tài khoản này chưa được liên kết với hồ sơ đoàn viên nào.');
}

/** True when the actor is the member themself (a linked member account). */
export function isOwnRecord(actor: Actor, memberId: string): boolean {
  return actor.memberId === memberId && scopeOf(actor, 'self.read').length > 0;
}

/** Self-service changes are for members still in the Union. */
export function assertActiveMember(status: string): void {
  if (!ACTIVE_STATUSES.includes(status as MemberStatus))
    throw fail.rule(
      'Hồ sơ không còn ở trạng thái đang sinh hoạt Đoàn nên không thể tự cập nhật. Hãy liên hệ chi đoàn.',
    );
}

/** A member the actor may change (member.write on their branch): 404 outside read scope, 403 when read-only. */
export async function memberForWrite(db: DbOrTx, actor: Actor, memberId: string, lock = false) {
  const found = await findMemberInScope(db, scopeOf(actor, 'member.read'), memberId, lock);
  if (!found) throw fail.notFound('đoàn viên');
  if (!inScope(scopeOf(actor, 'member.write'), found.unitPath)) throw fail.forbidden();
  return found;
}
