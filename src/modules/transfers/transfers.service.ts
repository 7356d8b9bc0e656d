import { randomInt } from 'node:crypto';
import type { z } from 'zod';
import type { Db, DbOrTx } from '../../db/client.js';
import { transfers } from '../../db/schema/index.js';
import type { Actor } from '../../auth/actor.js';
import { scopeOf } from '../../auth/actor.js';
import type {
  createExternalTransfer,
  createInternalTransfer,
  createTemporaryTransfer,
  createTransferBody,
  TransferDetail,
  updateTransferBody,
} from '../../contracts/transfers.js';
import { inScope } from '../../domain/auth/permissions.js';
import { fail } from '../../domain/errors.js';
import { todayInVietnam } from '../../domain/text/dates.js';
import {
  assertFeeMonth,
  assertMemberCanStart,
  assertTemporaryPeriod,
  type TransferKind,
} from '../../domain/workflows/transfer.js';
import { transferCode } from '../../domain/workflows/transfer-code.js';
import { assertInternalTarget, assertPlacementBranch, grassrootsOf } from '../../domain/workflows/transfer-units.js';
import { GRASSROOTS_KINDS } from '../../domain/org/unit-kind.js';
import { audit, type RequestContext } from '../audit/audit.service.js';
import { findMemberInScope } from '../members/members.queries.js';
import { provinceOf } from '../org-units/org-units.history.js';
import { changeMember, saveTransfer } from './transfers.members.js';
import { assertWrite, loadForStep } from './transfers.policy.js';
import * as q from './transfers.queries.js';
import { getTransfer } from './transfers.read.js';

/** The request context of a mutation. */
export type Ctx = RequestContext & { actor: Actor };

const MEMBER_STALE = 'Hồ sơ đoàn viên vừa được người khác thay đổi. Vui lòng tải lại và thực hiện lại.';

/** A code no transfer uses yet. */
async function freshCode(tx: DbOrTx, kind: TransferKind, today: string): Promise<string> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const code = transferCode(kind, Number(today.slice(0, 4)), randomInt);
    if (!(await q.codeTaken(tx, code))) return code;
  }
  throw new Error('no free transfer code after 5 attempts');
}

/** The member (locked), their branch and đoàn cơ sở, after the version and open-transfer checks. */
async function loadMember(tx: DbOrTx, actor: Actor, memberId: string, memberVersion: number) {
  const found = await findMemberInScope(tx, scopeOf(actor, 'member.read'), memberId, true);
  if (!found) throw fail.notFound('đoàn viên');
  const grassroots = grassrootsOf(await q.unitsOnPath(tx, found.unitPath));
  return { ...found, grassroots, stale: found.member.version !== memberVersion };
}

async function insertTransfer(tx: DbOrTx, values: typeof transfers.$inferInsert): Promise<q.TransferRow> {
  const [row] = await tx.insert(transfers).values(values).returning();
  if (!row) throw new Error('insert returned no row');
  return row;
}

async function createInternal(tx: DbOrTx, ctx: Ctx, body: z.output<typeof createInternalTransfer>, today: string) {
  const m = await loadMember(tx, ctx.actor, body.memberId, body.memberVersion);
  if (!m.grassroots) throw fail.rule('Chi đoàn của đoàn viên không thuộc đoàn cơ sở nào.');
  if (!inScope(scopeOf(ctx.actor, 'member.write'), m.grassroots.path))
    throw fail.forbidden('Chỉ đoàn cơ sở mới chuyển đoàn viên giữa các chi đoàn của mình.');
  if (m.stale) throw fail.conflict(MEMBER_STALE);
  assertMemberCanStart(m.member.status, await q.hasOpenTransfer(tx, m.member.id));
  const target = await q.placementUnit(tx, body.toUnitId);
  if (!target || !inScope(scopeOf(ctx.actor, 'member.read'), target.path)) throw fail.notFound('chi đoàn');
  assertInternalTarget(target, m.grassroots.path, m.member.unitId);
  const row = await insertTransfer(tx, {
    memberId: m.member.id,
    kind: 'internal',
    fromUnitId: m.member.unitId,
    fromGrassrootsId: m.grassroots.id,
    toUnitId: target.id,
    toGrassrootsId: m.grassroots.id,
    code: await freshCode(tx, 'internal', today),
    reason: body.reason ?? null,
    status: 'accepted',
    sentOn: today,
    acceptedOn: today,
    previousStatus: m.member.status,
    createdBy: ctx.actor.userId,
  });
  await changeMember(
    tx,
    ctx.actor.userId,
    m.member,
    { unitId: target.id, provinceId: await provinceOf(tx, target.path) },
    today,
    `Chuyển sinh hoạt trong ${m.grassroots.name}${body.reason ? `: ${body.reason}` : ''}`,
  );
  await audit(tx, ctx, {
    entity: 'transfer',
    entityId: row.id,
    action: 'move',
    unitId: m.grassroots.id,
    unitPath: m.grassroots.path,
    after: row,
  });
  return row.id;
}

/** Checks a receiving đoàn cơ sở chosen in the national directory. */
async function receivingGrassroots(tx: DbOrTx, unitId: string, sendingId: string | null) {
  const unit = await q.placementUnit(tx, unitId);
  if (!unit || !GRASSROOTS_KINDS.includes(unit.kind))
    throw fail.invalid('toGrassrootsId', 'Hãy chọn một đoàn cơ sở nơi đến.');
  if (unit.closedOn) throw fail.rule(`"${unit.name}" đã ngừng hoạt động.`, 'toGrassrootsId');
  if (unit.id === sendingId)
    throw fail.rule(
      'Nơi đến thuộc cùng đoàn cơ sở: hãy chọn "Chuyển trong đoàn cơ sở" thay vì cấp giấy giới thiệu.',
      'toGrassrootsId',
    );
  return unit;
}

async function createExternal(tx: DbOrTx, ctx: Ctx, body: z.output<typeof createExternalTransfer>, today: string) {
  const m = await loadMember(tx, ctx.actor, body.memberId, body.memberVersion);
  assertWrite(ctx.actor, m.unitPath, 'đoàn viên');
  if (m.stale) throw fail.conflict(MEMBER_STALE);
  if (!m.grassroots) throw fail.rule('Chi đoàn của đoàn viên không thuộc đoàn cơ sở nào để cấp giấy giới thiệu.');
  assertMemberCanStart(m.member.status, await q.hasOpenTransfer(tx, m.member.id));
  assertFeeMonth(body.feePaidUntil, today);
  const to = body.toGrassrootsId ? await receivingGrassroots(tx, body.toGrassrootsId, m.grassroots.id) : null;
  const row = await insertTransfer(tx, {
    memberId: m.member.id,
    kind: 'external',
    fromUnitId: m.member.unitId,
    fromGrassrootsId: m.grassroots.id,
    toGrassrootsId: to?.id ?? null,
    destinationText: body.destinationText ?? null,
    code: await freshCode(tx, 'external', today),
    reason: body.reason ?? null,
    branchComment: body.branchComment ?? null,
    feePaidUntil: body.feePaidUntil ?? null,
    status: 'draft',
    createdBy: ctx.actor.userId,
  });
  await audit(tx, ctx, {
    entity: 'transfer',
    entityId: row.id,
    action: 'create',
    unitId: m.member.unitId,
    unitPath: m.unitPath,
    after: row,
  });
  return row.id;
}

async function createTemporary(tx: DbOrTx, ctx: Ctx, body: z.output<typeof createTemporaryTransfer>, today: string) {
  const m = await loadMember(tx, ctx.actor, body.memberId, body.memberVersion);
  assertWrite(ctx.actor, m.unitPath, 'đoàn viên');
  if (m.stale) throw fail.conflict(MEMBER_STALE);
  assertMemberCanStart(m.member.status, await q.hasOpenTransfer(tx, m.member.id));
  assertTemporaryPeriod(body.startsOn, body.endsOn);
  if (body.endsOn < today) throw fail.invalid('endsOn', 'Ngày kết thúc đã qua.');
  const host = await q.placementUnit(tx, body.toUnitId);
  if (!host) throw fail.invalid('toUnitId', 'Hãy chọn chi đoàn nơi sinh hoạt tạm thời.');
  assertPlacementBranch(host);
  if (host.id === m.member.unitId) throw fail.rule('Đoàn viên đang sinh hoạt ở chi đoàn này.', 'toUnitId');
  const hostGrassroots = grassrootsOf(await q.unitsOnPath(tx, host.path));
  const row = await insertTransfer(tx, {
    memberId: m.member.id,
    kind: 'temporary',
    fromUnitId: m.member.unitId,
    fromGrassrootsId: m.grassroots?.id ?? null,
    toUnitId: host.id,
    toGrassrootsId: hostGrassroots?.id ?? null,
    code: await freshCode(tx, 'temporary', today),
    reason: body.reason ?? null,
    branchComment: body.branchComment ?? null,
    status: 'sent',
    sentOn: today,
    startsOn: body.startsOn,
    endsOn: body.endsOn,
    createdBy: ctx.actor.userId,
  });
  await audit(tx, ctx, {
    entity: 'transfer',
    entityId: row.id,
    action: 'register',
    unitId: m.member.unitId,
    unitPath: m.unitPath,
    after: row,
  });
  return row.id;
}

/**
 * Starts a transfer: an internal move (done at once by the đoàn cơ sở), an external draft (the branch), or a
 * temporary participation registered with its host branch (the home branch).
 */
export async function createTransfer(
  db: Db,
  ctx: Ctx,
  body: z.output<typeof createTransferBody>,
): Promise<TransferDetail> {
  const today = todayInVietnam();
  const id = await db.transaction(async (tx) => {
    if (body.kind === 'internal') return createInternal(tx, ctx, body, today);
    if (body.kind === 'external') return createExternal(tx, ctx, body, today);
    return createTemporary(tx, ctx, body, today);
  });
  return getTransfer(db, ctx.actor, id);
}

/** Completes a draft: comment, fee, destination, reason (the sending branch). */
export async function updateDraft(
  db: Db,
  ctx: Ctx,
  transferId: string,
  body: z.output<typeof updateTransferBody>,
): Promise<TransferDetail> {
  const today = todayInVietnam();
  await db.transaction(async (tx) => {
    const row = await loadForStep(tx, ctx.actor, transferId, 'update', body.version);
    const before = row.transfer;
    assertFeeMonth(body.feePaidUntil, today);
    const toGrassrootsId = body.toGrassrootsId === undefined ? before.toGrassrootsId : body.toGrassrootsId;
    if (toGrassrootsId && toGrassrootsId !== before.toGrassrootsId)
      await receivingGrassroots(tx, toGrassrootsId, before.fromGrassrootsId);
    const destinationText = body.destinationText === undefined ? before.destinationText : body.destinationText;
    if (!toGrassrootsId && !destinationText)
      throw fail.invalid('destinationText', 'Chọn đoàn cơ sở nơi đến hoặc ghi rõ nơi chuyển đến.');
    const pick = <K extends 'reason' | 'branchComment' | 'feePaidUntil'>(key: K) =>
      body[key] === undefined ? before[key] : (body[key] ?? null);
    const after = await saveTransfer(tx, before, {
      toGrassrootsId,
      destinationText,
      reason: pick('reason'),
      branchComment: pick('branchComment'),
      feePaidUntil: pick('feePaidUntil'),
    });
    await audit(tx, ctx, {
      entity: 'transfer',
      entityId: before.id,
      action: 'update',
      unitId: before.fromUnitId,
      unitPath: row.fromUnit.path,
      before,
      after,
    });
  });
  return getTransfer(db, ctx.actor, transferId);
}
