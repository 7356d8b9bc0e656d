import type { z } from 'zod';
import type { Db, DbOrTx } from '../../db/client.js';
import type {
  acceptTransferBody,
  cancelTransferBody,
  returnTransferBody,
  sendTransferBody,
  TransferDetail,
} from '../../contracts/transfers.js';
import { fail } from '../../domain/errors.js';
import { todayInVietnam } from '../../domain/text/dates.js';
import {
  assertMemberCanStart,
  assertReadyToSend,
  assertReturnReason,
  dueDate,
  memberStatusAfter,
} from '../../domain/workflows/transfer.js';
import { transferLetter } from '../../domain/workflows/transfer-letter.js';
import { assertAcceptTarget, grassrootsOf, placeName } from '../../domain/workflows/transfer-units.js';
import { audit } from '../audit/audit.service.js';
import { issueDocument } from '../documents/documents.issue.js';
import { loadForAction } from '../org-units/org-units.service.js';
import { provinceOf } from '../org-units/org-units.history.js';
import { ruleOn } from '../rules/rules.queries.js';
import { changeMember, lockMember, saveTransfer } from './transfers.members.js';
import type { MemberRow } from '../members/members.queries.js';
import { loadForStep, stateOf } from './transfers.policy.js';
import * as q from './transfers.queries.js';
import { getTransfer } from './transfers.read.js';
import type { Ctx } from './transfers.service.js';

/** Where the letter sends the member: the receiving unit with its province, or the sender's words. */
async function destinationOf(db: DbOrTx, row: q.JoinedTransfer): Promise<string> {
  if (!row.toGrassroots) return row.transfer.destinationText ?? '';
  const province = await q.provinceNameOf(db, row.toGrassroots.path);
  return province && province !== row.toGrassroots.name
    ? `${row.toGrassroots.name}, ${province}`
    : row.toGrassroots.name;
}

/**
 * The sending đoàn cơ sở issues the introduction letter: in one transaction the member becomes "in transit"
 * (previous status kept), the letter gets the next number of the đoàn cơ sở, the transfer becomes sent with its
 * due date from the rule in force. A failure anywhere leaves the transfer a draft and gives the number back.
 */
export async function sendTransfer(
  db: Db,
  ctx: Ctx,
  transferId: string,
  body: z.output<typeof sendTransferBody>,
): Promise<TransferDetail> {
  const today = todayInVietnam();
  await db.transaction(async (tx) => {
    const row = await loadForStep(tx, ctx.actor, transferId, 'send', body.version);
    const before = row.transfer;
    const grassroots = row.fromGrassroots;
    if (!grassroots?.id || !grassroots.path || !grassroots.name)
      throw fail.rule('Chi đoàn của đoàn viên không thuộc đoàn cơ sở nào để cấp giấy giới thiệu.');
    assertReadyToSend(before);
    const member = await lockMember(tx, before.memberId);
    if (member.unitId !== before.fromUnitId)
      throw fail.rule('Đoàn viên đã chuyển sang chi đoàn khác sau khi lập đề nghị: hãy hủy đề nghị này và lập lại.');
    assertMemberCanStart(member.status, false);
    const { acceptWithinDays } = await ruleOn(tx, 'transfer', today);
    const dueOn = dueDate(today, acceptWithinDays);
    await changeMember(
      tx,
      ctx.actor.userId,
      member,
      { status: memberStatusAfter(stateOf(before), 'send', member.status) ?? 'in_transit' },
      today,
      `Cấp giấy giới thiệu chuyển sinh hoạt đoàn, mã ${before.code}`,
    );
    const province = await q.provinceNameOf(tx, grassroots.path);
    const letter = transferLetter({
      code: before.code,
      grassroots: grassroots.name,
      branch: row.fromUnit.name,
      memberName: member.fullName,
      birthDate: member.birthDate,
      birthYearOnly: member.birthYearOnly,
      cardNumber: member.cardNumber,
      feePaidUntil: before.feePaidUntil!,
      destination: await destinationOf(tx, row),
      addressee: row.toGrassroots?.name ?? null,
      reason: before.reason,
      validUntil: dueOn,
    });
    const doc = await issueDocument(tx, ctx, {
      unitId: grassroots.id,
      unitPath: grassroots.path,
      kind: 'transfer_letter',
      issuedOn: today,
      subject: letter.subject,
      data: letter.data,
      entity: 'transfer',
      entityId: before.id,
      place: placeName(province),
      signerTitle: body.signerTitle ?? 'TM. BAN CHẤP HÀNH',
      signerName: body.signerName ?? null,
    });
    const after = await saveTransfer(tx, before, {
      status: 'sent',
      letterId: doc.id,
      sentOn: today,
      dueOn,
      previousStatus: member.status,
    });
    await audit(tx, ctx, {
      entity: 'transfer',
      entityId: before.id,
      action: 'send',
      unitId: grassroots.id,
      unitPath: grassroots.path,
      before,
      after: { ...after, letterNumber: doc.numberText },
    });
  });
  return getTransfer(db, ctx.actor, transferId);
}

/**
 * The receiving side accepts: an external transfer places the member in one of its open branches (branch,
 * province and status change, with history); a temporary participation makes the member "temporarily elsewhere".
 * Returns the transfer as the receiving side now sees it.
 */
export async function acceptTransfer(
  db: Db,
  ctx: Ctx,
  transferId: string,
  body: z.output<typeof acceptTransferBody>,
): Promise<TransferDetail> {
  const today = todayInVietnam();
  await db.transaction(async (tx) => {
    const row = await loadForStep(tx, ctx.actor, transferId, 'accept', body.version);
    const before = row.transfer;
    const member = await lockMember(tx, before.memberId);
    if (before.kind === 'temporary') {
      assertMemberCanStart(member.status, false);
      await changeMember(
        tx,
        ctx.actor.userId,
        member,
        { status: 'temporary_elsewhere' },
        today,
        `Sinh hoạt tạm thời tại ${row.toUnit?.name ?? ''}`,
      );
      const after = await saveTransfer(tx, before, {
        status: 'accepted',
        acceptedOn: today,
        previousStatus: member.status,
      });
      await audit(tx, ctx, {
        entity: 'transfer',
        entityId: before.id,
        action: 'accept',
        unitId: before.toUnitId,
        unitPath: row.toUnit?.path ?? null,
        before,
        after,
      });
      return;
    }
    if (!body.toUnitId) throw fail.invalid('toUnitId', 'Hãy chọn chi đoàn tiếp nhận đoàn viên.');
    const target = await loadForAction(tx, ctx.actor, body.toUnitId, 'member.write');
    const facts = await q.placementUnit(tx, target.id);
    if (!facts) throw fail.notFound('chi đoàn');
    const addressee =
      row.toGrassroots?.path && row.toGrassroots.name
        ? { name: row.toGrassroots.name, path: row.toGrassroots.path }
        : null;
    assertAcceptTarget(facts, member.unitId, addressee);
    const grassroots = grassrootsOf(await q.unitsOnPath(tx, target.path));
    await changeMember(
      tx,
      ctx.actor.userId,
      member,
      {
        unitId: target.id,
        provinceId: await provinceOf(tx, target.path),
        status: memberStatusAfter(stateOf(before), 'accept', before.previousStatus) ?? 'active',
      },
      today,
      `Tiếp nhận chuyển sinh hoạt đoàn, mã ${before.code}`,
    );
    const after = await saveTransfer(tx, before, {
      status: 'accepted',
      acceptedOn: today,
      toUnitId: target.id,
      toGrassrootsId: grassroots?.id ?? before.toGrassrootsId,
    });
    await audit(tx, ctx, {
      entity: 'transfer',
      entityId: before.id,
      action: 'accept',
      unitId: target.id,
      unitPath: target.path,
      before,
      after,
    });
  });
  return getTransfer(db, ctx.actor, transferId);
}

/** The receiving side (or the host) returns the transfer with a reason; the member is back as before. */
export async function returnTransfer(
  db: Db,
  ctx: Ctx,
  transferId: string,
  body: z.output<typeof returnTransferBody>,
): Promise<{ ok: true }> {
  const today = todayInVietnam();
  await db.transaction(async (tx) => {
    const row = await loadForStep(tx, ctx.actor, transferId, 'return', body.version);
    const before = row.transfer;
    const reason = assertReturnReason(body.reason);
    const restore = memberStatusAfter(stateOf(before), 'return', before.previousStatus);
    if (restore)
      await restoreFromTransit(
        tx,
        ctx.actor.userId,
        before.memberId,
        restore,
        today,
        `Giấy giới thiệu ${before.code} bị trả lại: ${reason}`,
      );
    const after = await saveTransfer(tx, before, { status: 'returned', returnedOn: today, returnReason: reason });
    await audit(tx, ctx, {
      entity: 'transfer',
      entityId: before.id,
      action: 'return',
      unitId: before.fromUnitId,
      unitPath: row.fromUnit.path,
      before,
      after,
    });
  });
  return { ok: true };
}

/** The sender cancels a draft or a sent transfer; a member in transit is back as before. */
export async function cancelTransfer(
  db: Db,
  ctx: Ctx,
  transferId: string,
  body: z.output<typeof cancelTransferBody>,
): Promise<TransferDetail> {
  const today = todayInVietnam();
  await db.transaction(async (tx) => {
    const row = await loadForStep(tx, ctx.actor, transferId, 'cancel', body.version);
    const before = row.transfer;
    const restore = memberStatusAfter(stateOf(before), 'cancel', before.previousStatus);
    if (restore)
      await restoreFromTransit(
        tx,
        ctx.actor.userId,
        before.memberId,
        restore,
        today,
        `Hủy chuyển sinh hoạt đoàn, mã ${before.code}${body.reason ? `: ${body.reason}` : ''}`,
      );
    const after = await saveTransfer(tx, before, { status: 'cancelled' });
    await audit(tx, ctx, {
      entity: 'transfer',
      entityId: before.id,
      action: 'cancel',
      unitId: before.fromUnitId,
      unitPath: row.fromUnit.path,
      before,
      after: { ...after, cancelReason: body.reason ?? null },
    });
  });
  return getTransfer(db, ctx.actor, transferId);
}

/** Gives a member still in transit back the status they had before the transfer, with a history event. */
async function restoreFromTransit(
  tx: DbOrTx,
  actorId: string,
  memberId: string,
  status: MemberRow['status'],
  today: string,
  note: string,
): Promise<void> {
  const member = await lockMember(tx, memberId);
  if (member.status === 'in_transit') await changeMember(tx, actorId, member, { status }, today, note);
}
