import type { DbOrTx } from '../../db/client.js';
import { auditLog } from '../../db/schema/index.js';
import type { Actor } from '../../auth/actor.js';

/** What one mutation changed. */
export interface AuditEntry {
  entity: string;
  entityId: string | null;
  action: string;
  unitId: string | null;
  unitPath: string | null;
  before?: unknown;
  after?: unknown;
}

/** Context of the request making a change. */
export interface RequestContext {
  actor: Actor | null;
  requestId: string | null;
}

/** Writes one audit row; call inside the mutation's transaction. */
export async function audit(tx: DbOrTx, ctx: RequestContext, entry: AuditEntry): Promise<void> {
  await tx.insert(auditLog).values({
    actorId: ctx.actor?.userId ?? null,
    actorName: ctx.actor?.username ?? null,
    unitId: entry.unitId,
    unitPath: entry.unitPath,
    entity: entry.entity,
    entityId: entry.entityId,
    action: entry.action,
    before: entry.before ?? null,
    after: entry.after ?? null,
    requestId: ctx.requestId,
  });
}
