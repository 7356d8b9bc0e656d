import { createHmac, timingSafeEqual } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { meetingAttendance } from '../../db/schema/index.js';
import type { Actor } from '../../auth/actor.js';
import type { CheckInCode, CheckInResult } from '../../contracts/meetings.js';
import {
  signCheckInCode,
  timeInVietnam,
  verifyCheckInCode,
  type CodeSigner,
} from '../../domain/branch-life/meeting-code.js';
import { meetsToday } from '../../domain/branch-life/meeting-rules.js';
import { DomainError, fail } from '../../domain/errors.js';
import { todayInVietnam } from '../../domain/text/dates.js';
import { audit } from '../audit/audit.service.js';
import { ruleOn } from '../rules/rules.queries.js';
import { ownMemberId } from '../self-service/self-service.policy.js';
import { rosterDate } from './meetings.attendance.js';
import { assertNotCancelled, meetingForWrite } from './meetings.policy.js';
import { meetingById, refreshLastSeen, rosterOf, saveCounts } from './meetings.queries.js';
import type { Ctx } from './meetings.service.js';

/** What signs check-in codes and builds their links: the auth secret and the app's public address. */
export interface CheckInKeys {
  secret: string;
  publicUrl: string;
}

/** HMAC-SHA256 of a payload with the auth secret, base64url. */
export function codeSigner(secret: string): CodeSigner {
  return (payload) => createHmac('sha256', secret).update(payload).digest('base64url');
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

const NOT_TODAY =
  'Chỉ tạo mã điểm danh cho buổi sinh hoạt diễn ra hôm nay: hãy sửa ngày dự kiến hoặc ngày sinh hoạt thành hôm nay.';

/** A fresh signed check-in code for a meeting taking place today, valid `meeting.checkInCodeMinutes`. */
export async function createCheckInCode(db: Db, ctx: Ctx, meetingId: string, keys: CheckInKeys): Promise<CheckInCode> {
  const today = todayInVietnam();
  return db.transaction(async (tx) => {
    const { meeting: m } = await meetingForWrite(tx, ctx.actor, meetingId, null);
    assertNotCancelled(m);
    if (!meetsToday(m, today)) throw fail.rule(NOT_TODAY);
    const rule = await ruleOn(tx, 'meeting', today);
    const expiresAt = Math.floor(Date.now() / 1000) + Math.max(1, rule.checkInCodeMinutes) * 60;
    const code = signCheckInCode(codeSigner(keys.secret), m.id, expiresAt);
    return {
      code,
      expiresAt: new Date(expiresAt * 1000).toISOString(),
      url: `${keys.publicUrl.replace(/\/+$/, '')}/checkin/${encodeURIComponent(code)}`,
    };
  });
}

/** A member checks in with a scanned code: one present row with source "qr"; counts and last-seen follow. */
export async function checkIn(
  db: Db,
  ctx: Ctx & { actor: Actor },
  code: string,
  secret: string,
): Promise<CheckInResult> {
  const memberId = ownMemberId(ctx.actor);
  const checked = verifyCheckInCode(codeSigner(secret), code, Math.floor(Date.now() / 1000), sameText);
  if (!checked.ok)
    throw checked.reason === 'expired'
      ? fail.invalid('code', 'Mã điểm danh đã hết hạn, hãy quét mã mới.')
      : fail.invalid('code', 'Mã điểm danh không hợp lệ.');
  const today = todayInVietnam();
  return db.transaction(async (tx) => {
    const found = await meetingById(tx, checked.meetingId, true);
    if (!found) throw fail.invalid('code', 'Mã điểm danh không hợp lệ.');
    const { meeting: m, unit } = found;
    if (unit.closedOn) throw fail.rule(`${unit.name} đã ngừng hoạt động: không thể điểm danh.`);
    if (m.status === 'cancelled' || !meetsToday(m, today))
      throw fail.rule('Buổi sinh hoạt này không diễn ra hôm nay: không thể điểm danh.');
    const onDate = rosterDate(m, today);
    const [me] = await rosterOf(tx, m, onDate, memberId);
    if (!me) throw fail.rule(`Bạn không sinh hoạt tại ${unit.name}: không thể điểm danh buổi sinh hoạt này.`);
    if (me.status === 'present') {
      if (!me.checkedInAt)
        throw new DomainError('conflict', 'Bí thư đã ghi bạn có mặt ở buổi sinh hoạt này: không cần điểm danh lại.');
      throw new DomainError('conflict', `Bạn đã điểm danh buổi sinh hoạt này lúc ${timeInVietnam(me.checkedInAt)}.`);
    }
    const now = new Date();
    await tx
      .insert(meetingAttendance)
      .values({ meetingId: m.id, memberId, status: 'present', source: 'qr', hosted: me.hosted, checkedInAt: now })
      .onConflictDoUpdate({
        target: [meetingAttendance.meetingId, meetingAttendance.memberId],
        set: { status: 'present', source: 'qr', checkedInAt: now, recordedBy: null, updatedAt: sql`now()` },
      });
    const size = (await rosterOf(tx, m, onDate)).length;
    await saveCounts(tx, m, size, false);
    await refreshLastSeen(tx, [memberId], today);
    await audit(tx, ctx, {
      entity: 'meeting_attendance',
      entityId: m.id,
      action: 'check_in',
      unitId: unit.id,
      unitPath: unit.path,
      before: me.status ? { memberId, status: me.status } : null,
      after: { memberId, status: 'present', source: 'qr' },
    });
    return {
      meetingId: m.id,
      unitName: unit.name,
      topic: m.topic,
      date: onDate,
      checkedInAt: now.toISOString(),
      time: timeInVietnam(now),
    };
  });
}
