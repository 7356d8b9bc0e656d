import type { z } from 'zod';
import type { Db } from '../../db/client.js';
import type { Actor } from '../../auth/actor.js';
import { authorize, scopeOf } from '../../auth/actor.js';
import type {
  memberDeathBody,
  MemberExitResult,
  MemberProcedureActions,
  removeMemberBody,
} from '../../contracts/member-exits.js';
import { inScope } from '../../domain/auth/permissions.js';
import { fail } from '../../domain/errors.js';
import { formatDateVi, todayInVietnam } from '../../domain/text/dates.js';
import { assertDeath, assertRemoval, isStillMember } from '../../domain/workflows/member-exit.js';
import { clause, removalDecisionData } from '../../domain/workflows/member-exit-documents.js';
import { audit, type RequestContext } from '../audit/audit.service.js';
import { issueDocument } from '../documents/documents.issue.js';
import { endActiveCard } from '../member-cards/member-cards.service.js';
import { recordEvents } from '../members/members.events.js';
import { getMember } from '../members/members.service.js';
import { documentMember, grassrootsAt, memberInScope, updateMemberVersioned } from './member-exits.queries.js';

type Ctx = RequestContext & { actor: Actor };

/** 409 for a change based on an outdated read of the member record. */
export function staleMember() {
  return fail.conflict('Hồ sơ đoàn viên vừa được người khác thay đổi. Vui lòng tải lại và thực hiện lại.');
}

/**
 * Refuses (403) a step decided by a unit above the actor's write scope: the member is visible to the actor,
 * but the decision belongs to `decider` (the đoàn cơ sở for a branch secretary).
 */
export function assertMayDecide(actor: Actor, decider: { path: string; name: string }): void {
  if (inScope(scopeOf(actor, 'member.write'), decider.path)) return;
  throw fail.forbidden(
    `Việc này thuộc thẩm quyền của ${decider.name}: tài khoản của bạn không có quyền tại đơn vị đó.`,
  );
}

/** Loads and locks a member in the actor's read scope; 404 outside it. */
export async function lockMember(tx: Parameters<typeof memberInScope>[0], actor: Actor, memberId: string) {
  const found = await memberInScope(tx, scopeOf(actor, 'member.read'), memberId, true);
  if (!found) throw fail.notFound('đoàn viên');
  return found;
}

/** What the actor may start on a member: the same rules the steps check, without the dates and votes. */
export async function memberProcedureActions(db: Db, actor: Actor, memberId: string): Promise<MemberProcedureActions> {
  const found = await memberInScope(db, scopeOf(actor, 'member.read'), memberId);
  if (!found) throw fail.notFound('đoàn viên');
  const { grassroots } = await grassrootsAt(db, found.unitPath);
  const write = scopeOf(actor, 'member.write');
  const still = isStillMember(found.member.status) && found.member.status !== 'in_transit';
  const onBranch = inScope(write, found.unitPath);
  return {
    remove: still && inScope(write, grassroots?.path ?? found.unitPath),
    death: still && onBranch,
    discipline: still && onBranch,
    partyProposal: still && onBranch && !found.member.partyMember,
  };
}

/**
 * Removes a member's name (xóa tên): the member's đoàn cơ sở decides, so the actor needs write rights there.
 * Status "removed", the removal decision, a history event, the active card ended, one audit row.
 */
export async function removeMember(
  db: Db,
  ctx: Ctx,
  memberId: string,
  body: z.output<typeof removeMemberBody>,
): Promise<MemberExitResult> {
  const document = await db.transaction(async (tx) => {
    const found = await lockMember(tx, ctx.actor, memberId);
    const { grassroots } = await grassrootsAt(tx, found.unitPath);
    const decider = grassroots ?? { id: found.member.unitId, path: found.unitPath, name: found.unitName };
    assertMayDecide(ctx.actor, decider);
    const before = found.member;
    if (before.version !== body.version) throw staleMember();
    assertRemoval(before, body.decidedOn, todayInVietnam());
    const after = await updateMemberVersioned(tx, memberId, body.version, { status: 'removed' });
    if (!after) throw staleMember();
    const doc = await issueDocument(tx, ctx, {
      unitId: decider.id,
      unitPath: decider.path,
      kind: 'removal_decision',
      issuedOn: body.decidedOn,
      subject: `Xóa tên đoàn viên ${before.fullName}`,
      data: removalDecisionData({
        member: documentMember(before, found.unitName),
        reason: body.reason,
        decidedOn: body.decidedOn,
      }),
      entity: 'member',
      entityId: memberId,
      signerTitle: body.signerTitle ?? null,
      signerName: body.signerName ?? null,
    });
    await recordEvents(
      tx,
      after,
      [
        {
          kind: 'status_change',
          before: { status: before.status },
          after: { status: after.status },
          note: `Xóa tên theo Quyết định số ${doc.numberText} ngày ${formatDateVi(body.decidedOn)}. Lý do: ${clause(body.reason)}.`,
        },
      ],
      body.decidedOn,
      ctx.actor.userId,
    );
    await endActiveCard(tx, memberId, body.decidedOn, 'Xóa tên', ctx.actor.userId);
    await audit(tx, ctx, {
      entity: 'member',
      entityId: memberId,
      action: 'remove',
      unitId: before.unitId,
      unitPath: found.unitPath,
      before: { status: before.status, version: before.version },
      after: { status: after.status, reason: body.reason, decidedOn: body.decidedOn, documentId: doc.id },
    });
    return { id: doc.id, numberText: doc.numberText };
  });
  return { member: await getMember(db, ctx.actor, memberId), document };
}

/**
 * Records a member's death (báo tử): a fact without a decision, so write rights on the member's branch
 * suffice. Status "deceased", a history event, the active card ended, one audit row.
 */
export async function recordDeath(
  db: Db,
  ctx: Ctx,
  memberId: string,
  body: z.output<typeof memberDeathBody>,
): Promise<MemberExitResult> {
  await db.transaction(async (tx) => {
    const found = await lockMember(tx, ctx.actor, memberId);
    authorize(ctx.actor, 'member.write', found.unitPath, 'đoàn viên');
    const before = found.member;
    if (before.version !== body.version) throw staleMember();
    assertDeath(before, body.diedOn, todayInVietnam());
    const after = await updateMemberVersioned(tx, memberId, body.version, { status: 'deceased' });
    if (!after) throw staleMember();
    const note = `Từ trần ngày ${formatDateVi(body.diedOn)}.${body.note ? ` ${body.note}` : ''}`;
    await recordEvents(
      tx,
      after,
      [{ kind: 'status_change', before: { status: before.status }, after: { status: after.status }, note }],
      body.diedOn,
      ctx.actor.userId,
    );
    await endActiveCard(tx, memberId, body.diedOn, 'Từ trần', ctx.actor.userId);
    await audit(tx, ctx, {
      entity: 'member',
      entityId: memberId,
      action: 'death',
      unitId: before.unitId,
      unitPath: found.unitPath,
      before: { status: before.status, version: before.version },
      after: { status: after.status, diedOn: body.diedOn, note: body.note ?? null },
    });
  });
  return { member: await getMember(db, ctx.actor, memberId), document: null };
}
