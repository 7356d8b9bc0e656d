import type { Db } from '../../db/client.js';
import { unitKinds } from '../../db/schema/index.js';
import type { Actor } from '../../auth/actor.js';
import type { CreateUnitKindBody } from '../../contracts/units.js';
import { fail } from '../../domain/errors.js';
import { audit, type RequestContext } from '../audit/audit.service.js';
import { findKind } from '../org-units/org-units.queries.js';

/** Adds a level kind; only a system administrator (a role granting `unitKind.manage`). */
export async function createUnitKind(db: Db, ctx: RequestContext & { actor: Actor }, body: CreateUnitKindBody) {
  if (!ctx.actor.grants.some((g) => g.role === 'system_admin'))
    throw fail.forbidden('Chỉ quản trị hệ thống được thêm loại đơn vị.');
  return db.transaction(async (tx) => {
    if (await findKind(tx, body.code)) throw fail.invalid('code', `Mã loại "${body.code}" đã tồn tại.`);
    const [kind] = await tx.insert(unitKinds).values(body).returning();
    if (!kind) throw new Error('insert returned no row');
    await audit(tx, ctx, {
      entity: 'unit_kind',
      entityId: kind.code,
      action: 'create',
      unitId: null,
      unitPath: null,
      after: kind,
    });
    return kind;
  });
}
