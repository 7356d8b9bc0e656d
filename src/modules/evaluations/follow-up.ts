import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { rows } from '../../db/rows.js';
import { withinScope } from '../../db/scope.js';
import { scopeOf, type Actor } from '../../auth/actor.js';
import type { FollowUpCandidate } from '../../contracts/evaluations.js';
import { fail } from '../../domain/errors.js';
import { actionsFor, evaluationForRead, type LoadedEvaluation } from './evaluation.load.js';

/** Roles whose holders may follow a unit's evaluation. */
const FOLLOW_UP_ROLES = ['cadre', 'unit_admin'] as const;

/**
 * Active accounts holding a cadre role at the evaluator or a unit above it, inside the cycle owner's subtree and the
 * actor's read scope ("the superior assigns a follow-up cadre to each registered unit"); one row per account, at
 * its unit closest to the evaluator, by name. `userId` narrows to one account.
 */
export async function candidatesOf(
  db: DbOrTx,
  actor: Actor,
  e: Pick<LoadedEvaluation, 'evaluator_path' | 'owner_path'>,
  userId?: string,
): Promise<FollowUpCandidate[]> {
  const found = await rows<{
    user_id: string;
    name: string;
    username: string | null;
    unit_id: string;
    unit_name: string;
  }>(
    db,
    sql`select distinct on (ra.user_id) ra.user_id, us.name, us.username, u.id as unit_id, u.name as unit_name
      from role_assignments ra join units u on u.id = ra.unit_id join "user" us on us.id = ra.user_id
      where ra.revoked_at is null and ra.role in (${sql.join(
        FOLLOW_UP_ROLES.map((r) => sql`${r}`),
        sql`, `,
      )}) and not us.disabled
        and u.path @> ${e.evaluator_path}::ltree and u.path <@ ${e.owner_path}::ltree
        and ${withinScope(sql`u.path`, scopeOf(actor, 'unit.read'))}
        ${userId === undefined ? sql`` : sql`and ra.user_id = ${userId}`}
      order by ra.user_id, nlevel(u.path) desc
      limit 500`,
  );
  return found
    .map((r) => ({ userId: r.user_id, name: r.name, username: r.username, unitId: r.unit_id, unitName: r.unit_name }))
    .sort((a, b) => a.name.localeCompare(b.name, 'vi') || a.userId.localeCompare(b.userId));
}

/**
 * The cadres the actor may pick to follow an evaluation: only for whoever may assign one (the evaluator's side,
 * before the result is accepted); 404 outside the actor's scope.
 */
export async function followUpCandidates(db: DbOrTx, actor: Actor, id: string): Promise<FollowUpCandidate[]> {
  const e = await evaluationForRead(db, actor, id);
  if (!actionsFor(actor, e).assignFollowUp)
    throw fail.forbidden(
      `Chỉ cán bộ của ${e.evaluator_name} (cấp đánh giá) hoặc cấp trên mới phân công cán bộ theo dõi, khi đợt đánh giá còn mở và kết quả chưa được công nhận.`,
    );
  return candidatesOf(db, actor, e);
}
