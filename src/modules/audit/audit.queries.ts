import { and, desc, eq, lt, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { auditLog, units } from '../../db/schema/index.js';
import { withinScope } from '../../db/scope.js';

/** Audit rows whose unit lies in the scope (rows without a unit only when `everything`), newest first. */
export async function listAudit(
  db: DbOrTx,
  scope: readonly string[],
  everything: boolean,
  filter: {
    unitPath?: string;
    entity?: string;
    action?: string;
    actor?: string;
    from?: string;
    to?: string;
    limit: number;
    cursor?: string;
  },
) {
  return db
    .select({ entry: auditLog, unitName: units.name })
    .from(auditLog)
    .leftJoin(units, eq(units.id, auditLog.unitId))
    .where(
      and(
        everything ? undefined : withinScope(auditLog.unitPath, scope),
        filter.unitPath ? sql`${auditLog.unitPath} <@ ${filter.unitPath}::ltree` : undefined,
        filter.entity ? eq(auditLog.entity, filter.entity) : undefined,
        filter.action ? eq(auditLog.action, filter.action) : undefined,
        filter.actor ? eq(auditLog.actorName, filter.actor.toLowerCase()) : undefined,
        filter.from
          ? sql`${auditLog.at} >= (${filter.from}::date::timestamp at time zone 'Asia/Ho_Chi_Minh')`
          : undefined,
        filter.to
          ? sql`${auditLog.at} < ((${filter.to}::date + 1)::timestamp at time zone 'Asia/Ho_Chi_Minh')`
          : undefined,
        filter.cursor ? lt(auditLog.id, Number(filter.cursor)) : undefined,
      ),
    )
    .orderBy(desc(auditLog.id))
    .limit(filter.limit + 1);
}
