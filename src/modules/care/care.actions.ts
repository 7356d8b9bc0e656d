import type { z } from 'zod';
import type { Db, DbOrTx } from '../../db/client.js';
import type { Actor } from '../../auth/actor.js';
import type { addCareActionBody, CareRecordDetail, doneCareActionBody } from '../../contracts/care.js';
import { helpDateIssue } from '../../domain/branch-life/care.js';
import { fail } from '../../domain/errors.js';
import { todayInVietnam } from '../../domain/text/dates.js';
import { refuse } from '../../domain/workflows/admission.js';
import { audit, type RequestContext } from '../audit/audit.service.js';
import { getCareRecord } from './care.read.js';
import { loadForChange } from './care.service.js';
import * as q from './care.queries.js';

type Ctx = RequestContext & { actor: Actor };

/** Records help given (not in the future) or planned (not in the past) for an open record. Audited. */
export async function addCareAction(
  db: Db,
  ctx: Ctx,
  recordId: string,
  body: z.output<typeof addCareActionBody>,
): Promise<CareRecordDetail> {
  await db.transaction(async (tx) => {
    const { record, unitPath } = await loadForChange(tx, ctx.actor, recordId, null);
    refuse([helpDateIssue(body.kind, body.onDate, todayInVietnam())].filter((i) => i !== null));
    const action = await q.insertAction(tx, {
      careRecordId: record.id,
      kind: body.kind,
      onDate: body.onDate,
      description: body.description,
      amount: body.amount ?? null,
      createdBy: ctx.actor.userId,
    });
    await audit(tx, ctx, {
      entity: 'care_action',
      entityId: action.id,
      action: 'create',
      unitId: record.unitId,
      unitPath,
      after: action,
    });
  });
  return getCareRecord(db, ctx.actor, recordId);
}

/** The planned help of an open record, locked; 404 when missing, 422 when it was already given. */
async function plannedAction(tx: DbOrTx, recordId: string, actionId: string) {
  const action = await q.lockAction(tx, recordId, actionId);
  if (!action) throw fail.notFound('hỗ trợ');
  if (action.kind !== 'planned')
    throw fail.rule('Hỗ trợ này đã được ghi nhận là đã trao: chỉ hỗ trợ dự kiến mới xóa hoặc đánh dấu đã trao được.');
  return action;
}

/** Removes a planned help (help already given stays in the history). Audited. */
export async function deleteCareAction(
  db: Db,
  ctx: Ctx,
  recordId: string,
  actionId: string,
): Promise<CareRecordDetail> {
  await db.transaction(async (tx) => {
    const { record, unitPath } = await loadForChange(tx, ctx.actor, recordId, null);
    const action = await plannedAction(tx, recordId, actionId);
    await q.deleteAction(tx, action.id);
    await audit(tx, ctx, {
      entity: 'care_action',
      entityId: action.id,
      action: 'delete',
      unitId: record.unitId,
      unitPath,
      before: action,
    });
  });
  return getCareRecord(db, ctx.actor, recordId);
}

/** Turns a planned help into help given on a day that is not in the future, keeping its amount unless given. */
export async function markCareActionDone(
  db: Db,
  ctx: Ctx,
  recordId: string,
  actionId: string,
  body: z.output<typeof doneCareActionBody>,
): Promise<CareRecordDetail> {
  await db.transaction(async (tx) => {
    const { record, unitPath } = await loadForChange(tx, ctx.actor, recordId, null);
    const action = await plannedAction(tx, recordId, actionId);
    refuse([helpDateIssue('given', body.onDate, todayInVietnam())].filter((i) => i !== null));
    const after = await q.markGiven(
      tx,
      action.id,
      body.onDate,
      body.amount === undefined ? action.amount : body.amount,
    );
    await audit(tx, ctx, {
      entity: 'care_action',
      entityId: action.id,
      action: 'done',
      unitId: record.unitId,
      unitPath,
      before: action,
      after,
    });
  });
  return getCareRecord(db, ctx.actor, recordId);
}
