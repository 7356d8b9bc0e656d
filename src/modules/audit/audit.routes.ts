import { auditEntryDto, auditQuery } from '../../contracts/audit.js';
import { errorResponse, pageOf } from '../../contracts/common.js';
import { requireActor } from '../../auth/request.js';
import { authorizeAnywhere, isSystemAdmin, scopeOf } from '../../auth/actor.js';
import type { App, AppDeps } from '../../http/types.js';
import { loadForAction } from '../org-units/org-units.service.js';
import { listAudit } from './audit.queries.js';

const errors = { 400: errorResponse, 401: errorResponse, 403: errorResponse, 404: errorResponse };

/** The audit page: every mutation in the actor's scope, with filters. */
export async function auditRoutes(app: App, deps: AppDeps): Promise<void> {
  const { db } = deps.database;
  app.get(
    '/api/audit',
    {
      schema: {
        tags: ['audit'],
        summary: 'Nhật ký thao tác',
        querystring: auditQuery,
        response: { 200: pageOf(auditEntryDto), ...errors },
      },
    },
    async (request) => {
      const actor = await requireActor(request, deps);
      authorizeAnywhere(actor, 'audit.read');
      const { unitId, ...filter } = request.query;
      const unitPath = unitId ? (await loadForAction(db, actor, unitId, 'audit.read')).path : undefined;
      const rows = await listAudit(db, scopeOf(actor, 'audit.read'), isSystemAdmin(actor), { ...filter, unitPath });
      const page = rows.slice(0, filter.limit);
      const last = page[page.length - 1];
      return {
        items: page.map(({ entry, unitName }) => ({
          id: String(entry.id),
          at: entry.at.toISOString(),
          actorId: entry.actorId,
          actorName: entry.actorName,
          unitId: entry.unitId,
          unitName: unitName ?? null,
          entity: entry.entity,
          entityId: entry.entityId,
          action: entry.action,
          before: entry.before,
          after: entry.after,
          requestId: entry.requestId,
        })),
        next: rows.length > filter.limit && last ? String(last.entry.id) : null,
      };
    },
  );
}
