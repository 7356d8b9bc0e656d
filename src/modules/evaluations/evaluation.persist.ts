import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { evaluationEvents, evaluations } from '../../db/schema/index.js';
import type { Actor } from '../../auth/actor.js';
import { fail } from '../../domain/errors.js';
import { recordedState, type StepKey, type StepStatus } from '../../domain/evaluations/cycle-steps.js';
import { audit, type RequestContext } from '../audit/audit.service.js';
import type { LoadedEvaluation } from './evaluation.load.js';

/** The request context of an evaluation change. */
export type Ctx = RequestContext & { actor: Actor };

/** Columns an evaluation change may set. */
export type EvaluationChanges = Partial<typeof evaluations.$inferInsert>;

/** The event written with a change. */
export interface ChangeEvent {
  action: string;
  reason?: string | null;
  before?: unknown;
  after?: unknown;
}

/**
 * Writes a change of one evaluation at the version it was read (the row is locked by the caller), with its event
 * in the evaluation's history and one audit row.
 */
export async function persistChange(
  tx: DbOrTx,
  ctx: Ctx,
  e: LoadedEvaluation,
  changes: EvaluationChanges,
  event: ChangeEvent,
): Promise<void> {
  const [updated] = await tx
    .update(evaluations)
    .set({ ...changes, version: e.version + 1, updatedAt: new Date() })
    .where(and(eq(evaluations.id, e.id), eq(evaluations.version, e.version)))
    .returning({ step: evaluations.step, status: evaluations.status });
  if (!updated) throw fail.conflict('Hồ sơ đánh giá vừa được người khác thay đổi. Vui lòng tải lại và thực hiện lại.');
  await tx.insert(evaluationEvents).values({
    evaluationId: e.id,
    step: e.step,
    action: event.action,
    fromStatus: recordedState(e.step, e.status),
    toStatus:
      updated.status === e.status && updated.step === e.step
        ? null
        : recordedState(updated.step as StepKey, updated.status as StepStatus),
    reason: event.reason ?? null,
    before: event.before ?? null,
    after: event.after ?? null,
    actorId: ctx.actor.userId,
  });
  await audit(tx, ctx, {
    entity: 'evaluation',
    entityId: e.id,
    action: event.action,
    unitId: e.unit_id,
    unitPath: e.unit_path,
    before: { step: e.step, status: e.status, ...(event.before as object | undefined) },
    after: { step: updated.step, status: updated.status, ...(event.after as object | undefined) },
  });
}

/** Moves to a step and state, clearing the return reason and any reopen. */
export function moveTo(step: StepKey, status: StepStatus): EvaluationChanges {
  return { step, status, returnReason: null, reopened: null };
}

/** `now()` as a column value. */
export const now = sql`now()`;
