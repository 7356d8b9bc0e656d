import { DomainError, fail } from '../errors.js';
import { ACTIVE_STATUSES, STATUS_LABELS, type MemberStatus } from '../members/reference-lists.js';
import { formatDateVi } from '../text/dates.js';

/**
 * Ways a member leaves the union outside coming of age and expulsion: name removal (xóa tên, a decision of
 * the đoàn cơ sở) and death (báo tử, a recorded fact without a decision).
 */
export type MemberExitKind = 'removal' | 'death';

/** The member facts every leaving procedure checks. */
export interface LeavingMember {
  fullName: string;
  status: string;
  birthDate: string | null;
}

/** True when the status still counts as a member of the union. */
export function isStillMember(status: string): boolean {
  return (ACTIVE_STATUSES as readonly string[]).includes(status);
}

/** Vietnamese label of a stored status (the raw value when unknown). */
export function statusLabel(status: string): string {
  return STATUS_LABELS[status as MemberStatus] ?? status;
}

/**
 * A procedure that ends or changes a membership needs a member who is still in the union and not in transit
 * (an open transfer would otherwise bring them back when accepted).
 */
export function assertStillMember(member: LeavingMember, field = 'memberId'): void {
  if (!isStillMember(member.status)) {
    const message = `Đồng chí ${member.fullName} không còn sinh hoạt đoàn (tình trạng: ${statusLabel(member.status)}).`;
    throw new DomainError('rule_violation', message, [{ field, message }]);
  }
  if (member.status === 'in_transit') {
    const message = `Đồng chí ${member.fullName} đang chuyển sinh hoạt đoàn: hãy hoàn tất hoặc hủy việc chuyển sinh hoạt trước.`;
    throw new DomainError('rule_violation', message, [{ field, message }]);
  }
}

/** A date that must not lie after today. */
export function assertNotFuture(field: string, label: string, value: string, today: string): void {
  if (value > today) throw fail.invalid(field, `${label} không được sau ngày hôm nay.`);
}

/** A date that must not lie before another one. */
export function assertNotBefore(field: string, label: string, value: string, floor: string, floorLabel: string): void {
  if (value < floor) {
    throw fail.invalid(
      field,
      `${label} (${formatDateVi(value)}) không được trước ${floorLabel} (${formatDateVi(floor)}).`,
    );
  }
}

/** Checks a name removal: a member still in the union, a decision date not in the future nor before joining. */
export function assertRemoval(
  member: LeavingMember & { joinedOn: string | null },
  decidedOn: string,
  today: string,
): void {
  assertStillMember(member);
  assertNotFuture('decidedOn', 'Ngày quyết định', decidedOn, today);
  if (member.joinedOn) assertNotBefore('decidedOn', 'Ngày quyết định', decidedOn, member.joinedOn, 'ngày vào Đoàn');
}

/** Checks a death record: a member still in the union, a date of death not in the future nor before birth. */
export function assertDeath(member: LeavingMember, diedOn: string, today: string): void {
  assertStillMember(member);
  assertNotFuture('diedOn', 'Ngày mất', diedOn, today);
  if (member.birthDate) assertNotBefore('diedOn', 'Ngày mất', diedOn, member.birthDate, 'ngày sinh');
}

/** The status a leaving procedure sets. */
export function statusAfterExit(kind: MemberExitKind): MemberStatus {
  return kind === 'removal' ? 'removed' : 'deceased';
}
