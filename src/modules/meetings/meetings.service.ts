import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db, DbOrTx } from '../../db/client.js';
import { meetings } from '../../db/schema/index.js';
import type { Actor } from '../../auth/actor.js';
import type {
  cancelMeetingBody,
  createMeetingBody,
  MeetingDetail,
  MeetingList,
  patchMeetingBody,
  planYearBody,
} from '../../contracts/meetings.js';
import {
  attendanceOpen,
  heldDateProblem,
  meetingDate,
  meetingInterval,
  ruleDateOf,
  meetsToday,
  periodsToPlan,
  plannedDate,
} from '../../domain/branch-life/meeting-rules.js';
import { periodStart } from '../../domain/branch-life/months.js';
import { fail } from '../../domain/errors.js';
import { todayInVietnam } from '../../domain/text/dates.js';
import { audit, type RequestContext } from '../audit/audit.service.js';
import { designatedOn } from '../branch-indicators/designations.queries.js';
import { ruleOn } from '../rules/rules.queries.js';
import { attachmentsOf } from './meetings.attachments.js';
import { invitationsOf } from './meetings.invitations.js';
import {
  assertNotCancelled,
  branchForWrite,
  canWrite,
  meetingForRead,
  meetingForWrite,
  STALE_MEETING,
} from './meetings.policy.js';
import { toSummary } from './meetings.presenter.js';
import { memberNames, refreshLastSeen, rosterOf, rosterSize, saveCounts, type MeetingRow } from './meetings.queries.js';
import { listMeetings } from './meetings.read.js';

/** The actor and request of a change. */
export type Ctx = RequestContext & { actor: Actor };

/** How often a branch meets in `year` (every month, or every quarter when it holds the remote designation). */
export async function intervalOf(db: DbOrTx, unitId: string, year: number, today: string) {
  const onDate = ruleDateOf(year, today);
  const [rule, remote] = await Promise.all([
    ruleOn(db, 'meeting', onDate),
    designatedOn(db, [unitId], 'remote', onDate),
  ]);
  const isRemote = remote.has(unitId);
  return { everyMonths: meetingInterval(rule, isRemote), remote: isRemote };
}

/** Plans one meeting per period of the year that has none yet; running it again changes nothing. */
export async function planYear(
  db: Db,
  ctx: Ctx,
  unitId: string,
  body: z.output<typeof planYearBody>,
): Promise<MeetingList> {
  const today = todayInVietnam();
  await db.transaction(async (tx) => {
    const unit = await branchForWrite(tx, ctx.actor, unitId);
    await tx.execute(sql`select id from units where id = ${unit.id}::uuid for update`);
    const { everyMonths } = await intervalOf(tx, unit.id, body.year, today);
    const existing = await tx
      .select({ period: meetings.period })
      .from(meetings)
      .where(
        and(
          eq(meetings.unitId, unit.id),
          sql`${meetings.period} like ${`${body.year}-%`}`,
          sql`${meetings.status} <> 'cancelled'`,
        ),
      );
    const periods = periodsToPlan(
      body.year,
      everyMonths,
      existing.map((e) => periodStart(e.period, everyMonths)),
    );
    if (periods.length === 0) return;
    const day = body.dayOfMonth ?? 15;
    const created = await tx
      .insert(meetings)
      .values(
        periods.map((period) => ({
          unitId: unit.id,
          period,
          plannedOn: plannedDate(period, day),
          createdBy: ctx.actor.userId,
        })),
      )
      .returning({ id: meetings.id, period: meetings.period, plannedOn: meetings.plannedOn });
    await audit(tx, ctx, {
      entity: 'meeting_plan',
      entityId: unit.id,
      action: 'plan',
      unitId: unit.id,
      unitPath: unit.path,
      after: { year: body.year, everyMonths, meetings: created },
    });
  });
  return listMeetings(db, ctx.actor, { unitId, year: body.year, limit: 50 });
}

/** Adds a meeting (ad hoc, or a second one) in a period of an open branch. */
export async function createMeeting(
  db: Db,
  ctx: Ctx,
  body: z.output<typeof createMeetingBody>,
): Promise<MeetingDetail> {
  const id = await db.transaction(async (tx) => {
    const unit = await branchForWrite(tx, ctx.actor, body.unitId);
    if (body.plannedOn && body.plannedOn.slice(0, 4) !== body.period.slice(0, 4))
      throw fail.invalid('plannedOn', 'Ngày dự kiến phải thuộc năm của kỳ sinh hoạt.');
    const [row] = await tx
      .insert(meetings)
      .values({
        unitId: unit.id,
        period: body.period,
        plannedOn: body.plannedOn ?? null,
        startsAt: body.startsAt ?? null,
        place: body.place ?? null,
        form: body.form ?? 'regular',
        topic: body.topic ?? null,
        createdBy: ctx.actor.userId,
      })
      .returning();
    if (!row) throw new Error('meeting insert returned no row');
    await audit(tx, ctx, {
      entity: 'meeting',
      entityId: row.id,
      action: 'create',
      unitId: unit.id,
      unitPath: unit.path,
      after: row,
    });
    return row.id;
  });
  return getMeeting(db, ctx.actor, id);
}

/** One meeting with its record, attachments, invitations and what the actor may do. */
export async function getMeeting(db: DbOrTx, actor: Actor, meetingId: string): Promise<MeetingDetail> {
  const { meeting: m, unit } = await meetingForRead(db, actor, meetingId);
  const today = todayInVietnam();
  const [attachments, invitations, names] = await Promise.all([
    attachmentsOf(db, m.id),
    invitationsOf(db, m.id),
    memberNames(db, m.chairMemberId ? [m.chairMemberId] : []),
  ]);
  const open = !unit.closedOn;
  return {
    ...toSummary(m),
    unitName: unit.name,
    branchClosed: !open,
    chairMemberId: m.chairMemberId,
    chairName: m.chairName,
    chairMemberName: m.chairMemberId ? (names.get(m.chairMemberId) ?? null) : null,
    minutes: m.minutes,
    criticism: m.criticism,
    resolutions: m.resolutions,
    cancelReason: m.cancelReason,
    canWrite: open && canWrite(actor, unit.path),
    attendanceOpen: open && attendanceOpen(m, today),
    checkInOpen: open && meetsToday(m, today),
    attachments,
    invitations,
  };
}

type PatchBody = z.output<typeof patchMeetingBody>;

/** The columns a patch sets (fields absent from the body stay as they are). */
function changes(body: PatchBody): Partial<MeetingRow> {
  const out: Partial<MeetingRow> = {};
  const keys = [
    'plannedOn',
    'startsAt',
    'place',
    'form',
    'topic',
    'chairMemberId',
    'chairName',
    'minutes',
    'criticism',
    'resolutions',
  ] as const;
  for (const key of keys) if (body[key] !== undefined) Object.assign(out, { [key]: body[key] });
  return out;
}

/** Checks a patch against the meeting and the branch: held date, planned date's year, chair on the roster. */
async function checkPatch(tx: DbOrTx, m: MeetingRow, body: PatchBody, today: string): Promise<void> {
  if (body.heldOn !== undefined) {
    const problem = heldDateProblem(body.heldOn, today);
    if (problem) throw fail.invalid('heldOn', problem);
  }
  if (body.plannedOn && body.plannedOn.slice(0, 4) !== m.period.slice(0, 4))
    throw fail.invalid('plannedOn', 'Ngày dự kiến phải thuộc năm của kỳ sinh hoạt.');
  if (body.chairMemberId) {
    const onDate = body.heldOn ?? meetingDate(m) ?? today;
    const found = await rosterOf(tx, m, onDate, body.chairMemberId);
    if (found.length === 0)
      throw fail.invalid(
        'chairMemberId',
        'Người chủ trì không sinh hoạt tại chi đoàn này: hãy chọn đoàn viên của chi đoàn hoặc nhập tên.',
      );
  }
}

/** Plans or records a meeting; setting `heldOn` records it as held and recounts its roster. */
export async function patchMeeting(db: Db, ctx: Ctx, meetingId: string, body: PatchBody): Promise<MeetingDetail> {
  const today = todayInVietnam();
  await db.transaction(async (tx) => {
    const { meeting: before, unit } = await meetingForWrite(tx, ctx.actor, meetingId, body.version);
    assertNotCancelled(before);
    await checkPatch(tx, before, body, today);
    const held = body.heldOn !== undefined ? { status: 'held', heldOn: body.heldOn } : {};
    const [updated] = await tx
      .update(meetings)
      .set({ ...changes(body), ...held, version: before.version + 1, updatedAt: new Date() })
      .where(and(eq(meetings.id, before.id), eq(meetings.version, before.version)))
      .returning();
    if (!updated) throw fail.conflict(STALE_MEETING);
    let after = updated;
    if (body.heldOn !== undefined) {
      const size = await rosterSize(tx, updated, body.heldOn);
      after = await saveCounts(tx, updated, size, false);
      const touched = (await rosterOf(tx, updated, body.heldOn)).filter((r) => r.status).map((r) => r.memberId);
      await refreshLastSeen(tx, touched, today);
    }
    await audit(tx, ctx, {
      entity: 'meeting',
      entityId: before.id,
      action: body.heldOn !== undefined && before.status !== 'held' ? 'record' : 'update',
      unitId: unit.id,
      unitPath: unit.path,
      before,
      after,
    });
  });
  return getMeeting(db, ctx.actor, meetingId);
}

/** Cancels a planned meeting with a reason; a held meeting cannot be cancelled. */
export async function cancelMeeting(
  db: Db,
  ctx: Ctx,
  meetingId: string,
  body: z.output<typeof cancelMeetingBody>,
): Promise<MeetingDetail> {
  const today = todayInVietnam();
  await db.transaction(async (tx) => {
    const { meeting: before, unit } = await meetingForWrite(tx, ctx.actor, meetingId, body.version);
    assertNotCancelled(before);
    if (before.status === 'held')
      throw fail.rule('Buổi sinh hoạt đã được ghi nhận là đã tổ chức: không thể hủy.', 'reason');
    const [after] = await tx
      .update(meetings)
      .set({ status: 'cancelled', cancelReason: body.reason, version: before.version + 1, updatedAt: new Date() })
      .where(and(eq(meetings.id, before.id), eq(meetings.version, before.version)))
      .returning();
    if (!after) throw fail.conflict(STALE_MEETING);
    const recorded = (await rosterOf(tx, before, meetingDate(before) ?? today))
      .filter((r) => r.status)
      .map((r) => r.memberId);
    await refreshLastSeen(tx, recorded, today);
    await audit(tx, ctx, {
      entity: 'meeting',
      entityId: before.id,
      action: 'cancel',
      unitId: unit.id,
      unitPath: unit.path,
      before,
      after,
    });
  });
  return getMeeting(db, ctx.actor, meetingId);
}
