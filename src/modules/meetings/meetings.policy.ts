import type { Actor } from '../../auth/actor.js';
import { scopeOf } from '../../auth/actor.js';
import type { DbOrTx } from '../../db/client.js';
import { inScope } from '../../domain/auth/permissions.js';
import { fail } from '../../domain/errors.js';
import { formatDateVi } from '../../domain/text/dates.js';
import {
  meetingInScope,
  unitInScope,
  type MeetingRow,
  type MeetingWithUnit,
  type UnitRef,
} from './meetings.queries.js';

/** The message of a stale version: someone else changed the meeting since it was read. */
export const STALE_MEETING =
  'Buổi sinh hoạt vừa được người khác sửa. Hãy tải lại trang để xem thay đổi rồi thực hiện lại.';

/** True when the actor may change things in the unit at `path`. */
export function canWrite(actor: Actor, path: string): boolean {
  return inScope(scopeOf(actor, 'member.write'), path);
}

/** Refuses any change to a closed branch, naming it and the date it closed. */
export function assertBranchOpen(unit: UnitRef): void {
  if (unit.closedOn)
    throw fail.rule(
      `${unit.name} đã ngừng hoạt động từ ngày ${formatDateVi(unit.closedOn)}: không thể ghi nhận hay sửa sinh hoạt của chi đoàn này.`,
    );
}

/** A branch the actor may read; 404 outside the scope, a rule error when the unit is not a branch. */
export async function branchForRead(db: DbOrTx, actor: Actor, unitId: string): Promise<UnitRef> {
  const unit = await unitInScope(db, scopeOf(actor, 'member.read'), unitId);
  if (!unit) throw fail.notFound('đơn vị');
  return unit;
}

/** An open branch the actor may write to: 404 outside read scope, 403 read-only, refused when closed or not a branch. */
export async function branchForWrite(db: DbOrTx, actor: Actor, unitId: string): Promise<UnitRef> {
  const unit = await branchForRead(db, actor, unitId);
  if (!canWrite(actor, unit.path)) throw fail.forbidden();
  if (!unit.isBranch)
    throw fail.rule(`${unit.name} không phải là chi đoàn: chỉ chi đoàn mới lập kế hoạch sinh hoạt.`, 'unitId');
  assertBranchOpen(unit);
  return unit;
}

/** A meeting the actor may read; 404 outside the scope. */
export async function meetingForRead(db: DbOrTx, actor: Actor, meetingId: string): Promise<MeetingWithUnit> {
  const found = await meetingInScope(db, scopeOf(actor, 'member.read'), meetingId);
  if (!found) throw fail.notFound('buổi sinh hoạt');
  return found;
}

/**
 * A meeting the actor may change, locked: 404 outside read scope, 403 read-only, refused for a closed branch,
 * 409 when `version` is given and stale.
 */
export async function meetingForWrite(
  tx: DbOrTx,
  actor: Actor,
  meetingId: string,
  version: number | null,
): Promise<MeetingWithUnit> {
  const found = await meetingInScope(tx, scopeOf(actor, 'member.read'), meetingId, true);
  if (!found) throw fail.notFound('buổi sinh hoạt');
  if (!canWrite(actor, found.unit.path)) throw fail.forbidden();
  assertBranchOpen(found.unit);
  if (version !== null && found.meeting.version !== version) throw fail.conflict(STALE_MEETING);
  return found;
}

/** Refuses changes to a cancelled meeting. */
export function assertNotCancelled(meeting: MeetingRow): void {
  if (meeting.status === 'cancelled')
    throw fail.rule('Buổi sinh hoạt đã bị hủy: không thể thay đổi. Hãy thêm buổi sinh hoạt mới nếu cần.');
}

/** Checks, before reading an upload, that the actor may change the meeting (404 outside read scope, 403 read-only). */
export async function assertMayWrite(db: DbOrTx, actor: Actor, meetingId: string): Promise<void> {
  const { unit } = await meetingForRead(db, actor, meetingId);
  if (!canWrite(actor, unit.path)) throw fail.forbidden();
}
