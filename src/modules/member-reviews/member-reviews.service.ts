import type { z } from 'zod';
import type { Db, DbOrTx } from '../../db/client.js';
import type { Actor } from '../../auth/actor.js';
import { scopeOf } from '../../auth/actor.js';
import type { MeetingReview, putReviewBody, RecordedItem } from '../../contracts/member-reviews.js';
import { decisionIssues, reviewDate, withDecisions } from '../../domain/branch-life/review.js';
import { inScope } from '../../domain/auth/permissions.js';
import { DomainError, fail } from '../../domain/errors.js';
import { todayInVietnam } from '../../domain/text/dates.js';
import { audit, type RequestContext } from '../audit/audit.service.js';
import { computeChecklist } from './member-reviews.checklist.js';
import * as q from './member-reviews.queries.js';

type Ctx = RequestContext & { actor: Actor };
type Found = NonNullable<Awaited<ReturnType<typeof q.meetingInScope>>>;

const STALE = 'Bản rà soát vừa được người khác ghi. Vui lòng tải lại để xem và ghi lại.';

/** Why the review of a meeting cannot be recorded now, or null. */
function blockedReason(found: Found, today: string): string | null {
  if (found.meeting.status === 'cancelled') return 'Buổi sinh hoạt đã hủy: không ghi rà soát cho buổi này.';
  if (found.unitClosedOn && found.unitClosedOn <= today)
    return `${found.unitName} đã giải thể: không ghi rà soát được nữa.`;
  return null;
}

async function findMeeting(db: DbOrTx, actor: Actor, meetingId: string): Promise<Found> {
  const found = await q.meetingInScope(db, scopeOf(actor, 'member.read'), meetingId);
  if (!found) throw fail.notFound('buổi sinh hoạt');
  return found;
}

function toRecorded(row: NonNullable<Awaited<ReturnType<typeof q.reviewOf>>>): MeetingReview['recorded'] {
  return {
    id: row.review.id,
    version: row.review.version,
    items: row.review.items as RecordedItem[],
    conclusion: row.review.conclusion,
    reviewedByName: row.reviewedByName,
    updatedAt: row.review.updatedAt.toISOString(),
  };
}

const checklistScopeOf = (found: Found, today: string) => ({
  unitId: found.meeting.unitId,
  period: found.meeting.period,
  asOf: reviewDate(found.meeting, today),
});

/** The review of a meeting: the checklist computed now for the meeting's month and the review recorded, if any. */
export async function getMeetingReview(db: DbOrTx, actor: Actor, meetingId: string): Promise<MeetingReview> {
  const found = await findMeeting(db, actor, meetingId);
  const today = todayInVietnam();
  const [checklist, recorded] = await Promise.all([
    computeChecklist(db, checklistScopeOf(found, today)),
    q.reviewOf(db, meetingId),
  ]);
  const writable = inScope(scopeOf(actor, 'member.write'), found.unitPath);
  const blocked = writable ? blockedReason(found, today) : null;
  return {
    meetingId,
    unitId: found.meeting.unitId,
    unitName: found.unitName,
    period: found.meeting.period,
    meetingStatus: found.meeting.status as MeetingReview['meetingStatus'],
    heldOn: found.meeting.heldOn,
    missedInARow: checklist.missedInARow,
    checklist: checklist.lines,
    recorded: recorded ? toRecorded(recorded) : null,
    canRecord: writable && !blocked,
    blockedReason: blocked,
  };
}

/**
 * Records the review of a meeting (the first time without a version, later with the version read): every item
 * must be on the checklist as it stands now; the checklist is stored as it stood, with the decisions.
 */
export async function putMeetingReview(
  db: Db,
  ctx: Ctx,
  meetingId: string,
  body: z.output<typeof putReviewBody>,
): Promise<MeetingReview> {
  await db.transaction(async (tx) => {
    const found = await findMeeting(tx, ctx.actor, meetingId);
    if (!inScope(scopeOf(ctx.actor, 'member.write'), found.unitPath)) throw fail.forbidden();
    const today = todayInVietnam();
    const blocked = blockedReason(found, today);
    if (blocked) throw fail.rule(blocked, 'meetingId');
    const existing = await q.reviewOf(tx, meetingId, true);
    if (existing ? existing.review.version !== body.version : body.version !== undefined) throw fail.conflict(STALE);
    const checklist = await computeChecklist(tx, checklistScopeOf(found, today));
    const issues = decisionIssues(checklist.lines, body.items);
    if (issues[0]) throw new DomainError('validation', issues[0].message, issues);
    const values = {
      items: withDecisions(checklist.lines, body.items),
      conclusion: body.conclusion ?? null,
      reviewedBy: ctx.actor.userId,
    };
    const saved = existing
      ? await q.updateReview(tx, existing.review.id, existing.review.version, values)
      : await q.insertReview(tx, { ...values, meetingId, unitId: found.meeting.unitId, period: found.meeting.period });
    if (!saved) throw fail.conflict(STALE);
    await audit(tx, ctx, {
      entity: 'member_review',
      entityId: saved.id,
      action: existing ? 'update' : 'record',
      unitId: found.meeting.unitId,
      unitPath: found.unitPath,
      before: existing?.review ?? null,
      after: saved,
    });
  });
  return getMeetingReview(db, ctx.actor, meetingId);
}
