import { addMonths, meetingPeriods, type Month } from './months.js';

/** Forms of a branch meeting (hình thức sinh hoạt). */
export const MEETING_FORMS = [
  'regular',
  'themed',
  'birthday',
  'outdoor',
  'skills',
  'armed_forces',
  'three_plus_one',
  'online',
] as const;
export type MeetingForm = (typeof MEETING_FORMS)[number];

/** Where a meeting stands: planned, held (recorded with minutes) or cancelled. */
export const MEETING_STATUSES = ['planned', 'held', 'cancelled'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

/** Attendance of one member: present, excused (vắng có phép), absent (vắng không phép). */
export const ATTENDANCE_STATUSES = ['present', 'excused', 'absent'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];

/** Who recorded an attendance row: the secretary's list or the member's QR check-in. */
export const ATTENDANCE_SOURCES = ['secretary', 'qr'] as const;
export type AttendanceSource = (typeof ATTENDANCE_SOURCES)[number];

/** Member statuses that attend their own branch (temporary_elsewhere and in_transit attend elsewhere). */
export const HOME_ROSTER_STATUSES = ['active', 'working_away'] as const;

/** How often a branch must meet: quarterly (`remoteEveryMonths`) when it holds the remote designation. */
export function meetingInterval(
  rule: { regularEveryMonths: number; remoteEveryMonths: number },
  remote: boolean,
): number {
  return remote ? rule.remoteEveryMonths : rule.regularEveryMonths;
}

/** The date the rules of a year are read on: today in the current year, else the year's first day. */
export function ruleDateOf(year: number, today: string): string {
  return String(year) === today.slice(0, 4) ? today : `${year}-01-01`;
}

/** The periods of `year` that still need a planned meeting: those without any meeting yet. */
export function periodsToPlan(year: number, everyMonths: number, existing: Iterable<Month>): Month[] {
  const have = new Set(existing);
  return meetingPeriods(year, everyMonths).filter((p) => !have.has(p));
}

/** The planned date of a period's meeting: `dayOfMonth` of its first month, clamped to the month's length. */
export function plannedDate(period: Month, dayOfMonth: number): string {
  const [y, m] = period.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const day = Math.max(1, Math.min(last, Math.floor(dayOfMonth)));
  return `${period}-${String(day).padStart(2, '0')}`;
}

/** The periods of `year` that have fully passed by `today` (all of them for a past year, none for a future one). */
export function periodsDue(year: number, everyMonths: number, today: string): Month[] {
  const current = today.slice(0, 7);
  return meetingPeriods(year, everyMonths).filter((p) => periodEnd(p, everyMonths) < current);
}

/** The last month of the period that starts in `period`. */
export function periodEnd(period: Month, everyMonths: number): Month {
  return addMonths(period, Math.max(1, Math.floor(everyMonths)) - 1);
}

/** Why a held date is refused, or null: it is required and never after today. */
export function heldDateProblem(heldOn: string | null | undefined, today: string): string | null {
  if (!heldOn) return 'Hãy nhập ngày sinh hoạt.';
  if (heldOn > today) return 'Ngày sinh hoạt không được sau hôm nay.';
  return null;
}

/** The date a meeting happens on: held date, else planned date. */
export function meetingDate(m: { heldOn: string | null; plannedOn: string | null }): string | null {
  return m.heldOn ?? m.plannedOn;
}

/** True when a meeting takes place today: held today, or still planned for today. */
export function meetsToday(
  m: { status: string; heldOn: string | null; plannedOn: string | null },
  today: string,
): boolean {
  if (m.status === 'held') return m.heldOn === today;
  return m.status === 'planned' && m.plannedOn === today;
}

/** True when attendance may be recorded: the meeting was held, or it takes place today. */
export function attendanceOpen(
  m: { status: string; heldOn: string | null; plannedOn: string | null },
  today: string,
): boolean {
  return m.status === 'held' || meetsToday(m, today);
}

/** Counts kept with a meeting from its roster size and attendance statuses. */
export function attendanceCounts(
  expected: number,
  statuses: Iterable<AttendanceStatus>,
): { expectedCount: number; presentCount: number; excusedCount: number; absentCount: number } {
  const out = { expectedCount: expected, presentCount: 0, excusedCount: 0, absentCount: 0 };
  for (const s of statuses) {
    if (s === 'present') out.presentCount++;
    else if (s === 'excused') out.excusedCount++;
    else out.absentCount++;
  }
  return out;
}

/** A meeting's attendance rate in percent (one decimal), null when nobody was expected. */
export function attendanceRate(present: number, expected: number): number | null {
  if (expected <= 0) return null;
  return Math.round((present / expected) * 1000) / 10;
}

/**
 * Whether a temporary participation hosts the member at a branch on `onDate`: accepted (or since ended)
 * with a start on or before the date and no end on or before it.
 */
export function hostedOn(
  t: { status: string; startsOn: string | null; acceptedOn: string | null; endsOn: string | null },
  onDate: string,
): boolean {
  if (t.status !== 'accepted' && t.status !== 'ended') return false;
  const start = t.startsOn ?? t.acceptedOn;
  if (!start || start > onDate) return false;
  return !t.endsOn || t.endsOn > onDate;
}
