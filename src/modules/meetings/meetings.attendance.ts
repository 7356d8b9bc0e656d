import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db, DbOrTx } from '../../db/client.js';
import { meetingAttendance } from '../../db/schema/index.js';
import type { Actor } from '../../auth/actor.js';
import type { MeetingAttendance, putAttendanceBody } from '../../contracts/meetings.js';
import { attendanceOpen, meetingDate } from '../../domain/branch-life/meeting-rules.js';
import { fail } from '../../domain/errors.js';
import { todayInVietnam } from '../../domain/text/dates.js';
import { audit } from '../audit/audit.service.js';
import { assertNotCancelled, canWrite, meetingForRead, meetingForWrite } from './meetings.policy.js';
import { refreshLastSeen, rosterOf, saveCounts, type MeetingRow } from './meetings.queries.js';
import type { Ctx } from './meetings.service.js';

/** The date a roster is taken on: the meeting's date, else today. */
export function rosterDate(m: MeetingRow, today: string): string {
  return meetingDate(m) ?? today;
}

/** Refuses attendance for a meeting that neither was held nor takes place today. */
export function assertAttendanceOpen(m: MeetingRow, today: string): void {
  assertNotCancelled(m);
  if (!attendanceOpen(m, today))
    throw fail.rule(
      'Chỉ điểm danh buổi sinh hoạt đã tổ chức hoặc diễn ra hôm nay: hãy ghi nhận buổi sinh hoạt là đã tổ chức trước.',
    );
}

/** The roster of a meeting with each member's attendance, and the counts kept with the meeting. */
export async function getAttendance(db: DbOrTx, actor: Actor, meetingId: string): Promise<MeetingAttendance> {
  const { meeting: m, unit } = await meetingForRead(db, actor, meetingId);
  const today = todayInVietnam();
  const roster = await rosterOf(db, m, rosterDate(m, today));
  const open = !unit.closedOn && m.status !== 'cancelled' && attendanceOpen(m, today);
  return {
    meetingId: m.id,
    version: m.version,
    open,
    canWrite: open && canWrite(actor, unit.path),
    expectedCount: m.expectedCount,
    presentCount: m.presentCount,
    excusedCount: m.excusedCount,
    absentCount: m.absentCount,
    qrCount: roster.filter((r) => r.source === 'qr').length,
    items: roster.map((r) => ({
      ...r,
      checkedInAt: r.checkedInAt ? r.checkedInAt.toISOString() : null,
    })),
  };
}

/**
 * Records the attendance of roster members, all or nothing: every member must be on the roster; QR rows may be
 * corrected. Counts, version and last-seen dates change in the same transaction.
 */
export async function putAttendance(
  db: Db,
  ctx: Ctx,
  meetingId: string,
  body: z.output<typeof putAttendanceBody>,
): Promise<MeetingAttendance> {
  const today = todayInVietnam();
  await db.transaction(async (tx) => {
    const { meeting: m, unit } = await meetingForWrite(tx, ctx.actor, meetingId, body.version);
    assertAttendanceOpen(m, today);
    const roster = await rosterOf(tx, m, rosterDate(m, today));
    const byId = new Map(roster.map((r) => [r.memberId, r]));
    const seen = new Set<string>();
    body.items.forEach((item, i) => {
      if (seen.has(item.memberId))
        throw fail.invalid(`items.${i}.memberId`, 'Một đoàn viên xuất hiện hai lần trong danh sách điểm danh.');
      seen.add(item.memberId);
      if (!byId.has(item.memberId))
        throw fail.invalid(
          `items.${i}.memberId`,
          `Có người trong danh sách không sinh hoạt tại ${unit.name}: hãy tải lại danh sách điểm danh.`,
        );
    });
    const values = body.items.map((item) => ({
      meetingId: m.id,
      memberId: item.memberId,
      status: item.status,
      source: 'secretary' as const,
      hosted: byId.get(item.memberId)?.hosted ?? false,
      note: item.note ?? null,
      recordedBy: ctx.actor.userId,
      updatedAt: new Date(),
    }));
    await tx
      .insert(meetingAttendance)
      .values(values)
      .onConflictDoUpdate({
        target: [meetingAttendance.meetingId, meetingAttendance.memberId],
        set: {
          status: sql`excluded.status`,
          source: sql`excluded.source`,
          note: sql`excluded.note`,
          recordedBy: sql`excluded.recorded_by`,
          updatedAt: sql`excluded.updated_at`,
        },
      });
    const after = await saveCounts(tx, m, roster.length, true);
    await refreshLastSeen(tx, [...seen], today);
    await audit(tx, ctx, {
      entity: 'meeting_attendance',
      entityId: m.id,
      action: 'record',
      unitId: unit.id,
      unitPath: unit.path,
      before: body.items.map((i) => ({ memberId: i.memberId, status: byId.get(i.memberId)?.status ?? null })),
      after: {
        items: body.items.map((i) => ({ memberId: i.memberId, status: i.status })),
        counts: {
          expected: after.expectedCount,
          present: after.presentCount,
          excused: after.excusedCount,
          absent: after.absentCount,
        },
      },
    });
  });
  return getAttendance(db, ctx.actor, meetingId);
}
