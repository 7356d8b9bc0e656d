import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db, DbOrTx } from '../../db/client.js';
import { members } from '../../db/schema/index.js';
import type { Actor } from '../../auth/actor.js';
import { scopeOf } from '../../auth/actor.js';
import type { issueCardBody, MemberCards, reissueCardBody, revokeCardBody } from '../../contracts/member-cards.js';
import { inScope } from '../../domain/auth/permissions.js';
import { fail } from '../../domain/errors.js';
import { ACTIVE_STATUSES } from '../../domain/members/reference-lists.js';
import { refuse } from '../../domain/workflows/admission.js';
import {
  CARD_EVENT_KINDS,
  cardActions,
  cardDateIssues,
  reissuePlan,
  replacedReason,
  type CardReason,
  type CardStatus,
} from '../../domain/workflows/member-card.js';
import { todayInVietnam } from '../../domain/text/dates.js';
import { audit, type RequestContext } from '../audit/audit.service.js';
import { recordEvents } from '../members/members.events.js';
import { findMemberInScope, type MemberRow } from '../members/members.queries.js';
import { decidingFor } from '../admissions/admissions.chain.js';
import { allocateCardNumber } from './member-cards.numbering.js';
import * as q from './member-cards.queries.js';

type Ctx = RequestContext & { actor: Actor };
const STALE = 'Hồ sơ đoàn viên vừa được người khác thay đổi. Vui lòng tải lại và thực hiện lại.';

const isMember = (status: string) => (ACTIVE_STATUSES as readonly string[]).includes(status);

/** A member's cards, newest first, with the actions the actor may take; 404 outside the read scope. */
export async function getMemberCards(db: DbOrTx, actor: Actor, memberId: string): Promise<MemberCards> {
  const found = await findMemberInScope(db, scopeOf(actor, 'member.read'), memberId);
  if (!found) throw fail.notFound('đoàn viên');
  const [cards, deciding] = await Promise.all([q.cardsOf(db, memberId), decidingFor(db, found.unitPath)]);
  const hasActive = cards.some((c) => c.card.status === 'active') || Boolean(found.member.cardNumber);
  const writable = inScope(scopeOf(actor, 'member.write'), found.unitPath);
  return {
    memberId,
    version: found.member.version,
    cardNumber: found.member.cardNumber,
    cardIssuedOn: found.member.cardIssuedOn,
    items: cards.map(({ card, unitName }) => ({
      id: String(card.id),
      cardNumber: card.cardNumber,
      issuedOn: card.issuedOn,
      reason: card.reason as CardReason,
      status: card.status as CardStatus,
      endedOn: card.endedOn,
      endReason: card.endReason,
      unitId: card.unitId,
      unitName,
    })),
    actions: writable ? cardActions(hasActive, isMember(found.member.status)) : [],
    issuer: deciding.deciding ? { id: deciding.deciding.id, name: deciding.deciding.name } : null,
  };
}

/**
 * The member's active card, locked. A member whose number was recorded on the record without a card row
 * (typed in, imported) gets its "initial" row first, so every later change has a card to end.
 */
async function activeCardOf(tx: DbOrTx, member: MemberRow, actorId: string | null) {
  const active = await q.lockActiveCard(tx, member.id);
  if (active || !member.cardNumber) return active;
  await q.insertInitialCard(tx, member, actorId, todayInVietnam());
  const again = await q.lockActiveCard(tx, member.id);
  if (!again)
    throw fail.rule(
      `Số thẻ ${member.cardNumber} trong hồ sơ trùng với thẻ đang dùng của đoàn viên khác: hãy sửa số thẻ trong hồ sơ trước.`,
      'cardNumber',
    );
  return again;
}

async function loadWritable(tx: DbOrTx, actor: Actor, memberId: string, version: number) {
  const found = await findMemberInScope(tx, scopeOf(actor, 'member.read'), memberId, true);
  if (!found) throw fail.notFound('đoàn viên');
  if (!inScope(scopeOf(actor, 'member.write'), found.unitPath)) throw fail.forbidden();
  if (found.member.version !== version) throw fail.conflict(STALE);
  return found;
}

async function setMemberCard(
  tx: DbOrTx,
  member: MemberRow,
  card: { cardNumber: string | null; cardIssuedOn: string | null },
): Promise<MemberRow> {
  const [after] = await tx
    .update(members)
    .set({ ...card, version: member.version + 1, updatedAt: new Date() })
    .where(and(eq(members.id, member.id), eq(members.version, member.version)))
    .returning();
  if (!after) throw fail.conflict(STALE);
  return after;
}

/** Issues a card (a new number from the issuing unit's scheme) to a member in the union without an active card. */
export async function issueCard(
  db: Db,
  ctx: Ctx,
  memberId: string,
  body: z.output<typeof issueCardBody>,
): Promise<MemberCards> {
  await db.transaction(async (tx) => {
    const found = await loadWritable(tx, ctx.actor, memberId, body.version);
    const m = found.member;
    if (!isMember(m.status)) throw fail.rule(`${m.fullName} không còn sinh hoạt đoàn: không cấp thẻ.`, 'memberId');
    const active = await activeCardOf(tx, m, ctx.actor.userId);
    if (active)
      throw fail.rule(`${m.fullName} đang có thẻ số ${active.cardNumber}: hãy dùng “Cấp lại thẻ”.`, 'memberId');
    refuse(
      cardDateIssues('issuedOn', 'Ngày cấp thẻ', body.issuedOn, todayInVietnam(), {
        joinedOn: m.joinedOn,
        currentIssuedOn: null,
      }),
    );
    const { deciding } = await decidingFor(tx, found.unitPath);
    if (!deciding) throw fail.rule('Không xác định được đơn vị cấp thẻ cho chi đoàn này.', 'memberId');
    const cardNumber = await allocateCardNumber(tx, deciding);
    const card = await q.insertCard(tx, {
      memberId,
      unitId: deciding.id,
      cardNumber,
      issuedOn: body.issuedOn,
      reason: 'initial',
      createdBy: ctx.actor.userId,
    });
    const after = await setMemberCard(tx, m, { cardNumber, cardIssuedOn: body.issuedOn });
    await recordEvents(
      tx,
      after,
      [
        {
          kind: CARD_EVENT_KINDS.issued,
          before: { cardNumber: null },
          after: { cardNumber, cardIssuedOn: body.issuedOn },
        },
      ],
      body.issuedOn,
      ctx.actor.userId,
    );
    await audit(tx, ctx, {
      entity: 'member_card',
      entityId: String(card.id),
      action: 'issue',
      unitId: m.unitId,
      unitPath: found.unitPath,
      after: card,
    });
  });
  return getMemberCards(db, ctx.actor, memberId);
}

/** Reissues the active card: a lost card gets a new number, a damaged one keeps its number. */
export async function reissueCard(
  db: Db,
  ctx: Ctx,
  memberId: string,
  body: z.output<typeof reissueCardBody>,
): Promise<MemberCards> {
  await db.transaction(async (tx) => {
    const found = await loadWritable(tx, ctx.actor, memberId, body.version);
    const m = found.member;
    if (!isMember(m.status)) throw fail.rule(`${m.fullName} không còn sinh hoạt đoàn: không cấp lại thẻ.`, 'memberId');
    const old = await activeCardOf(tx, m, ctx.actor.userId);
    if (!old) throw fail.rule(`${m.fullName} chưa có thẻ đang dùng: hãy dùng “Cấp thẻ”.`, 'memberId');
    refuse(
      cardDateIssues('issuedOn', 'Ngày cấp lại', body.issuedOn, todayInVietnam(), {
        joinedOn: m.joinedOn,
        currentIssuedOn: old.issuedOn,
      }),
    );
    const plan = reissuePlan(body.cause);
    await q.endCard(tx, old.id, 'replaced', body.issuedOn, replacedReason(body.cause));
    let unitId = old.unitId;
    let cardNumber = old.cardNumber;
    if (plan.newNumber) {
      const { deciding } = await decidingFor(tx, found.unitPath);
      if (!deciding) throw fail.rule('Không xác định được đơn vị cấp thẻ cho chi đoàn này.', 'memberId');
      unitId = deciding.id;
      cardNumber = await allocateCardNumber(tx, deciding);
    }
    const card = await q.insertCard(tx, {
      memberId,
      unitId,
      cardNumber,
      issuedOn: body.issuedOn,
      reason: plan.reason,
      createdBy: ctx.actor.userId,
    });
    const after = await setMemberCard(tx, m, { cardNumber, cardIssuedOn: body.issuedOn });
    await recordEvents(
      tx,
      after,
      [
        {
          kind: CARD_EVENT_KINDS.reissued,
          before: { cardNumber: old.cardNumber, cardIssuedOn: old.issuedOn },
          after: { cardNumber, cardIssuedOn: body.issuedOn },
          note: replacedReason(body.cause),
        },
      ],
      body.issuedOn,
      ctx.actor.userId,
    );
    await audit(tx, ctx, {
      entity: 'member_card',
      entityId: String(card.id),
      action: 'reissue',
      unitId: m.unitId,
      unitPath: found.unitPath,
      before: old,
      after: card,
    });
  });
  return getMemberCards(db, ctx.actor, memberId);
}

/** Revokes the active card with a reason. */
export async function revokeCard(
  db: Db,
  ctx: Ctx,
  memberId: string,
  body: z.output<typeof revokeCardBody>,
): Promise<MemberCards> {
  await db.transaction(async (tx) => {
    const found = await loadWritable(tx, ctx.actor, memberId, body.version);
    const m = found.member;
    const old = await activeCardOf(tx, m, ctx.actor.userId);
    if (!old) throw fail.rule(`${m.fullName} không có thẻ đang dùng để thu hồi.`, 'memberId');
    refuse(
      cardDateIssues('revokedOn', 'Ngày thu hồi', body.revokedOn, todayInVietnam(), {
        joinedOn: null,
        currentIssuedOn: old.issuedOn,
      }),
    );
    await q.endCard(tx, old.id, 'revoked', body.revokedOn, body.reason);
    const after = await setMemberCard(tx, m, { cardNumber: null, cardIssuedOn: null });
    await recordEvents(
      tx,
      after,
      [
        {
          kind: CARD_EVENT_KINDS.revoked,
          before: { cardNumber: old.cardNumber, cardIssuedOn: old.issuedOn },
          after: { cardNumber: null, cardIssuedOn: null },
          note: body.reason,
        },
      ],
      body.revokedOn,
      ctx.actor.userId,
    );
    await audit(tx, ctx, {
      entity: 'member_card',
      entityId: String(old.id),
      action: 'revoke',
      unitId: m.unitId,
      unitPath: found.unitPath,
      before: old,
      after: { status: 'revoked', endedOn: body.revokedOn, endReason: body.reason },
    });
  });
  return getMemberCards(db, ctx.actor, memberId);
}

/**
 * Ends the member's active card when membership ends (coming of age, expulsion, removal, death), inside the
 * caller's transaction: the card becomes revoked on `onDate` with `reason`, the record's card number and
 * date are cleared and a history event is written. It leaves the member's version alone (the caller's own
 * versioned update owns it) and writes no audit row (the caller's audit of the whole step covers it).
 * Returns the card ended, or null when the member had none.
 */
export async function endActiveCard(
  tx: DbOrTx,
  memberId: string,
  onDate: string,
  reason: string,
  actorId: string | null = null,
) {
  const [member] = await tx.select().from(members).where(eq(members.id, memberId));
  if (!member) throw fail.notFound('đoàn viên');
  const old = await activeCardOf(tx, member, actorId).catch(() => null);
  if (!old && !member.cardNumber) return null;
  if (old) await q.endCard(tx, old.id, 'revoked', onDate, reason);
  await tx.update(members).set({ cardNumber: null, cardIssuedOn: null }).where(eq(members.id, memberId));
  await recordEvents(
    tx,
    member,
    [
      {
        kind: CARD_EVENT_KINDS.revoked,
        before: { cardNumber: member.cardNumber, cardIssuedOn: member.cardIssuedOn },
        after: { cardNumber: null, cardIssuedOn: null },
        note: reason,
      },
    ],
    onDate,
    actorId,
  );
  return old;
}
