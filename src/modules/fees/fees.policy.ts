import { scopeOf, type Actor } from '../../auth/actor.js';
import type { DbOrTx } from '../../db/client.js';
import { fail } from '../../domain/errors.js';
import { findMemberInScope } from '../members/members.queries.js';

/** A member whose branch is in the actor's read scope; 404 otherwise. */
export async function memberForRead(db: DbOrTx, actor: Actor, memberId: string) {
  const found = await findMemberInScope(db, scopeOf(actor, 'member.read'), memberId);
  if (!found) throw fail.notFound('đoàn viên');
  return found;
}
