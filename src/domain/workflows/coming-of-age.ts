import { DomainError, fail } from '../errors.js';
import { formatDateVi } from '../text/dates.js';
import { assertStillMember, isStillMember, statusLabel } from './member-exit.js';

/**
 * Coming of age (trưởng thành đoàn). Each year the đoàn cơ sở lists the members who reach the age limit
 * (`membershipAge.comingOfAgeAge`, 30 by default) that year, leaves out those kept by an exception, holds the
 * ceremony on one of the configured dates (`comingOfAge.ceremonyDates`) and gives each a certificate; the
 * member becomes "matured" and leaves the active count.
 *
 * Choices where the charter is silent:
 * - the list of year Y holds the members born in Y − age and, flagged "overdue", those born earlier who were
 *   never processed (an expired extension, a missed ceremony);
 * - an exception keeps a member off the list of year Y when it is still valid on 31/12/Y; one ending during
 *   Y leaves the member on the list, and processing refuses a ceremony date on which it is still valid;
 * - the ceremony date must be one of the configured dates of year Y and not after today: the ceremony is
 *   recorded once held, so that nobody leaves the active count before it.
 */

/** Why a member stays past the age limit. */
export const EXCEPTION_REASONS = ['committee', 'full_time', 'extension'] as const;
export type ExceptionReason = (typeof EXCEPTION_REASONS)[number];

/** Vietnamese labels of the exception reasons. */
export const EXCEPTION_REASON_LABELS: Record<ExceptionReason, string> = {
  committee: 'tham gia Ban Chấp hành Đoàn',
  full_time: 'cán bộ Đoàn chuyên trách',
  extension: 'được giữ lại sinh hoạt',
};

/** A stored exception as the rules need it. */
export interface ComingOfAgeException {
  reason: string;
  validUntil: string | null;
  revokedAt: Date | string | null;
}

/** The member facts the coming-of-age rules read. */
export interface AgingMember {
  fullName: string;
  status: string;
  birthDate: string | null;
}

/** The ISO date `years` years after `iso` (29/02 moves to 01/03 in a common year). */
export function addYears(iso: string, years: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y + years, m - 1, d)).toISOString().slice(0, 10);
}

/** The day a member born on `birthDate` turns `age`. */
export function turnsAgeOn(birthDate: string, age: number): string {
  return addYears(birthDate, age);
}

/** Where a member stands in the list of a year: due that year, overdue from an earlier year, or not yet. */
export function dueness(birthDate: string, year: number, age: number): 'due' | 'overdue' | 'not_yet' {
  const born = Number(birthDate.slice(0, 4));
  if (born === year - age) return 'due';
  return born < year - age ? 'overdue' : 'not_yet';
}

/** The configured ceremony dates ("DD/MM") of a year as ISO dates, in order; impossible dates are skipped. */
export function ceremonyDatesOf(year: number, configured: readonly string[]): string[] {
  const out: string[] = [];
  for (const entry of configured) {
    const match = /^(\d{1,2})\/(\d{1,2})$/.exec(entry.trim());
    if (!match) continue;
    const iso = `${year}-${match[2]!.padStart(2, '0')}-${match[1]!.padStart(2, '0')}`;
    const date = new Date(`${iso}T00:00:00Z`);
    if (!Number.isNaN(date.getTime()) && date.toISOString().startsWith(iso)) out.push(iso);
  }
  return [...new Set(out)].sort();
}

/** Refuses a ceremony date outside year Y, not among the configured dates, or after today. */
export function assertCeremonyDate(ceremonyOn: string, year: number, configured: readonly string[], today: string) {
  if (Number(ceremonyOn.slice(0, 4)) !== year) {
    throw fail.invalid('ceremonyOn', `Ngày lễ trưởng thành phải thuộc năm ${year}.`);
  }
  const dates = ceremonyDatesOf(year, configured);
  if (!dates.includes(ceremonyOn)) {
    const list = dates.map(formatDateVi).join(', ') || 'chưa có ngày nào';
    throw fail.invalid(
      'ceremonyOn',
      `Ngày ${formatDateVi(ceremonyOn)} không phải ngày lễ trưởng thành đã quy định của năm ${year} (${list}).`,
    );
  }
  if (ceremonyOn > today) {
    throw fail.invalid(
      'ceremonyOn',
      'Ngày lễ trưởng thành không được sau ngày hôm nay: hãy ghi nhận sau khi đã tổ chức lễ.',
    );
  }
}

/** True when the exception is not revoked and still runs on `date`. */
export function exceptionValidOn(exception: ComingOfAgeException, date: string): boolean {
  if (exception.revokedAt) return false;
  return exception.validUntil === null || exception.validUntil >= date;
}

/** True when the exception keeps the member off the list of `year` (it runs to the end of the year). */
export function exceptsForYear(exception: ComingOfAgeException, year: number): boolean {
  return exceptionValidOn(exception, `${year}-12-31`);
}

/** Checks a new exception: a member still in the union, an end date not past, and an extension within the cap. */
export function assertExceptionInput(input: {
  member: AgingMember;
  reason: ExceptionReason;
  validUntil: string | null;
  extensionMaxAge: number;
  today: string;
  /** Exceptions already recorded for the member. */
  existing: readonly ComingOfAgeException[];
}): void {
  const { member, reason, validUntil, extensionMaxAge, today } = input;
  assertStillMember(member);
  if (input.existing.some((e) => exceptionValidOn(e, today))) {
    throw fail.rule(
      `Đồng chí ${member.fullName} đã có một trường hợp giữ lại sinh hoạt còn hiệu lực: hãy thu hồi trước khi ghi trường hợp mới.`,
      'memberId',
    );
  }
  if (validUntil !== null && validUntil < today) {
    throw fail.invalid('validUntil', 'Ngày hết hiệu lực không được trước ngày hôm nay.');
  }
  if (reason !== 'extension') return;
  if (validUntil === null) {
    throw fail.invalid('validUntil', 'Giữ lại sinh hoạt phải có ngày hết hiệu lực.');
  }
  if (!member.birthDate) {
    throw fail.rule(
      `Hồ sơ đồng chí ${member.fullName} chưa có ngày sinh: không thể xét giữ lại sinh hoạt.`,
      'memberId',
    );
  }
  const cap = turnsAgeOn(member.birthDate, extensionMaxAge);
  if (validUntil > cap) {
    throw fail.invalid(
      'validUntil',
      `Chỉ được giữ lại sinh hoạt đến khi đủ ${extensionMaxAge} tuổi: ngày hết hiệu lực muộn nhất là ${formatDateVi(cap)}.`,
    );
  }
}

/** Why one member cannot come of age on a ceremony of `year`, or null when they can. */
export function comingOfAgeProblem(
  member: AgingMember,
  ctx: { year: number; age: number; ceremonyOn: string },
  exceptions: readonly ComingOfAgeException[],
): string | null {
  const who = `Đồng chí ${member.fullName}`;
  if (!isStillMember(member.status)) return `${who} không còn sinh hoạt đoàn (${statusLabel(member.status)}).`;
  if (member.status === 'in_transit') return `${who} đang chuyển sinh hoạt đoàn.`;
  if (!member.birthDate) return `${who} chưa có ngày sinh trong hồ sơ.`;
  if (dueness(member.birthDate, ctx.year, ctx.age) === 'not_yet') {
    return `${who} sinh năm ${member.birthDate.slice(0, 4)}, chưa đến tuổi trưởng thành (${ctx.age} tuổi) trong năm ${ctx.year}.`;
  }
  const keeping = exceptions.find((e) => exceptionValidOn(e, ctx.ceremonyOn));
  if (keeping) {
    const label = EXCEPTION_REASON_LABELS[keeping.reason as ExceptionReason] ?? keeping.reason;
    const until = keeping.validUntil ? ` đến ${formatDateVi(keeping.validUntil)}` : '';
    return `${who} đang thuộc trường hợp ${label}${until}.`;
  }
  return null;
}

/** Refuses the whole batch when any member has a problem, naming each one (all or nothing). */
export function assertBatch(problems: readonly { index: number; message: string }[]): void {
  if (problems.length === 0) return;
  const head =
    problems.length === 1
      ? problems[0]!.message
      : `Không thể xử lý ${problems.length} đoàn viên: ${problems[0]!.message} (và ${problems.length - 1} trường hợp khác).`;
  throw new DomainError(
    'rule_violation',
    head,
    problems.map((p) => ({ field: `members.${p.index}`, message: p.message })),
  );
}
