import { and, eq, lt } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db, DbOrTx } from '../../db/client.js';
import { transfers, units } from '../../db/schema/index.js';
import type { endTransferBody, temporaryCommentBody, TransferDetail } from '../../contracts/transfers.js';
import { fail } from '../../domain/errors.js';
import { todayInVietnam } from '../../domain/text/dates.js';
import { assertEndDate, memberStatusAfter } from '../../domain/workflows/transfer.js';
import { audit, type RequestContext } from '../audit/audit.service.js';
import { recordEvents } from '../members/members.events.js';
import { changeMember, lockMember, saveTransfer } from './transfers.members.js';
import { loadForStep, stateOf } from './transfers.policy.js';
import type { TransferRow } from './transfers.queries.js';
import { getTransfer } from './transfers.read.js';
import type { Ctx } from './transfers.service.js';

/** Ends a running temporary participation on `endedOn`; the member is back to the status they had. */
async function endOne(
  tx: DbOrTx,
  ctx: RequestContext,
  before: TransferRow,
  endedOn: string,
  audited: { unitId: string | null; unitPath: string | null },
  note: string,
): Promise<void> {
  const member = await lockMember(tx, before.memberId);
  const restore = memberStatusAfter(stateOf(before), 'end', before.previousStatus);
  if (restore && member.status === 'temporary_elsewhere')
    await changeMember(tx, ctx.actor?.userId ?? null, member, { status: restore }, endedOn, note);
  const after = await saveTransfer(tx, before, { status: 'ended', endsOn: endedOn });
  await audit(tx, ctx, { entity: 'transfer', entityId: before.id, action: 'end', ...audited, before, after });
}

/** The home branch or the host ends a temporary participation (today, or on a past date). */
export async function endTemporary(
  db: Db,
  ctx: Ctx,
  transferId: string,
  body: z.output<typeof endTransferBody>,
): Promise<TransferDetail> {
  const today = todayInVietnam();
  await db.transaction(async (tx) => {
    const row = await loadForStep(tx, ctx.actor, transferId, 'end', body.version);
    const endedOn = body.endedOn ?? today;
    if (endedOn > today) throw fail.invalid('endedOn', 'Ngày kết thúc không được sau ngày hôm nay.');
    assertEndDate(endedOn, row.transfer.startsOn);
    await endOne(
      tx,
      ctx,
      row.transfer,
      endedOn,
      { unitId: row.transfer.fromUnitId, unitPath: row.fromUnit.path },
      `Kết thúc sinh hoạt tạm thời tại ${row.toUnit?.name ?? ''}`,
    );
  });
  return getTransfer(db, ctx.actor, transferId);
}

/**
 * The host branch writes its comment on a member in temporary participation for a year. It is kept as a dated
 * event of the member's history (kind `temporary_comment`) so the home branch reads it when it rates the member.
 */
export async function commentTemporary(
  db: Db,
  ctx: Ctx,
  transferId: string,
  body: z.output<typeof temporaryCommentBody>,
): Promise<TransferDetail> {
  const today = todayInVietnam();
  if (body.year > Number(today.slice(0, 4))) throw fail.invalid('year', 'Không ghi nhận xét cho năm chưa tới.');
  await db.transaction(async (tx) => {
    const row = await loadForStep(tx, ctx.actor, transferId, 'comment', null);
    const host = row.toUnit;
    const member = await lockMember(tx, row.transfer.memberId);
    await recordEvents(
      tx,
      { ...member, unitId: host?.id ?? member.unitId },
      [{ kind: 'temporary_comment', after: { year: body.year, transferId }, note: body.content }],
      today,
      ctx.actor.userId,
    );
    await audit(tx, ctx, {
      entity: 'transfer',
      entityId: transferId,
      action: 'comment',
      unitId: host?.id ?? null,
      unitPath: host?.path ?? null,
      after: { year: body.year, content: body.content },
    });
  });
  return getTransfer(db, ctx.actor, transferId);
}

/**
 * Ends every temporary participation whose end date has passed (the member is back to their status); each in
 * its own transaction, audited without an actor. Returns how many were ended. Run at start and every hour.
 */
export async function endLapsedTemporaries(db: Db, today = todayInVietnam()): Promise<number> {
  const due = await db
    .select({ id: transfers.id })
    .from(transfers)
    .where(and(eq(transfers.kind, 'temporary'), eq(transfers.status, 'accepted'), lt(transfers.endsOn, today)))
    .limit(1000);
  let ended = 0;
  for (const { id } of due) {
    await db.transaction(async (tx) => {
      const [before] = await tx.select().from(transfers).where(eq(transfers.id, id)).for('update');
      if (!before || before.status !== 'accepted' || !before.endsOn || before.endsOn >= today) return;
      const [home] = await tx.select({ path: units.path }).from(units).where(eq(units.id, before.fromUnitId));
      await endOne(
        tx,
        { actor: null, requestId: null },
        before,
        before.endsOn,
        { unitId: before.fromUnitId, unitPath: home?.path ?? null },
        'Hết thời hạn sinh hoạt tạm thời',
      );
      ended++;
    });
  }
  return ended;
}
