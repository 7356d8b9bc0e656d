import type { FieldIssue } from '../errors.js';
import { formatDateVi } from '../text/dates.js';

/**
 * The monthly member review (rà soát đoàn viên hằng tháng) held with a branch meeting: a checklist of members the
 * branch should look at, by category, and what the branch decided for each.
 *
 * Choices where the guidance is silent:
 * - the checklist is computed for the meeting's month: ages for the meeting's year, fees up to the meeting's month,
 *   absences over the branch's held meetings up to this one;
 * - "turns 30" lists the members born in (year − age), the ones who reach the age during that year;
 * - "missed in a row" needs `missedInARow` held meetings on record: a member without an attendance row at one of
 *   them (not on the list then) does not count as absent there.
 */

/** The categories of the checklist, in the order they are shown. */
export const REVIEW_CATEGORIES = [
  'incomplete_data',
  'turns_30',
  'working_away',
  'missed_in_a_row',
  'fee_overdue',
] as const;
export type ReviewCategory = (typeof REVIEW_CATEGORIES)[number];

/** Vietnamese names of the categories (messages). */
export const REVIEW_CATEGORY_LABELS: Record<ReviewCategory, string> = {
  incomplete_data: 'Thiếu thông tin hồ sơ',
  turns_30: 'Đến tuổi trưởng thành trong năm',
  working_away: 'Đi làm ăn xa',
  missed_in_a_row: 'Vắng sinh hoạt nhiều lần liên tiếp',
  fee_overdue: 'Nợ đoàn phí',
};

/** The record fields the review expects, with their Vietnamese names. */
export const REQUIRED_RECORD_FIELDS = {
  birthDate: 'ngày sinh',
  cccd: 'số CCCD',
  phone: 'số điện thoại',
  joinedOn: 'ngày vào Đoàn',
  cardNumber: 'số thẻ đoàn viên',
  permanentAddress: 'địa chỉ thường trú',
} as const;
export type RequiredRecordField = keyof typeof REQUIRED_RECORD_FIELDS;

/** The record facts the completeness check reads. */
export type RecordFacts = Record<RequiredRecordField, string | null>;

/** The Vietnamese names of the fields missing from a record, in a fixed order (empty when complete). */
export function missingRecordFields(record: RecordFacts): string[] {
  return (Object.keys(REQUIRED_RECORD_FIELDS) as RequiredRecordField[])
    .filter((field) => !record[field]?.trim())
    .map((field) => REQUIRED_RECORD_FIELDS[field]);
}

/** "Thiếu: số CCCD, số điện thoại", or null for a complete record. */
export function missingDataDetail(record: RecordFacts): string | null {
  const missing = missingRecordFields(record);
  return missing.length > 0 ? `Thiếu: ${missing.join(', ')}` : null;
}

/** True when a member born on `birthDate` reaches `age` during `year`. */
export function turnsAgeInYear(birthDate: string | null, year: number, age: number): boolean {
  if (!birthDate) return false;
  return Number(birthDate.slice(0, 4)) === year - age;
}

/** "Sinh 05/03/1996, tròn 30 tuổi trong năm 2026" (only the year when the day is unknown). */
export function turnsAgeDetail(birthDate: string, birthYearOnly: boolean, year: number, age: number): string {
  const born = birthYearOnly ? `năm ${birthDate.slice(0, 4)}` : formatDateVi(birthDate);
  return `Sinh ${born}, tròn ${age} tuổi trong năm ${year}`;
}

/** "Nơi đến: Bình Dương; từ 01/02/2026" (what is known of a member working away). */
export function workingAwayDetail(awayPlace: string | null, awaySince: string | null): string {
  const place = awayPlace?.trim() ? `Nơi đến: ${awayPlace.trim()}` : 'Chưa ghi nơi đến';
  return awaySince ? `${place}; từ ${formatDateVi(awaySince)}` : place;
}

/** An attendance status at one held meeting; null when the member has no attendance row there. */
export type AttendanceMark = 'present' | 'excused' | 'absent' | null;

/**
 * True when the member was absent without leave at each of the last `times` held meetings. `marks` are the
 * member's statuses at the branch's held meetings, newest first; fewer than `times` meetings never count.
 */
export function missedInARow(marks: readonly AttendanceMark[], times: number): boolean {
  if (times < 1 || marks.length < times) return false;
  return marks.slice(0, times).every((m) => m === 'absent');
}

/** "Vắng không phép 3 buổi liên tiếp: 12/09/2026, 10/10/2026, 14/11/2026" (dates oldest first). */
export function missedDetail(heldOn: readonly string[]): string {
  const dates = [...heldOn].sort().map(formatDateVi);
  return `Vắng không phép ${dates.length} buổi liên tiếp: ${dates.join(', ')}`;
}

/** "Nợ 4 tháng, từ tháng 08/2026". */
export function feeOverdueDetail(owed: { from: string; count: number }): string {
  return `Nợ ${owed.count} tháng, từ tháng ${owed.from.slice(5, 7)}/${owed.from.slice(0, 4)}`;
}

/** One line of the checklist: a member in a category, with a short detail. */
export interface ChecklistLine {
  category: ReviewCategory;
  memberId: string;
  fullName: string;
  detail: string;
  /** True for a member hosted under temporary participation. */
  hosted: boolean;
}

/** One decision sent for a line of the checklist. */
export interface DecisionInput {
  category: ReviewCategory;
  memberId: string;
  decision?: string | null;
}

const lineKey = (l: { category: string; memberId: string }) => `${l.category}:${l.memberId}`;

/**
 * Problems with the decisions sent for a checklist: a line no longer on it, or the same line twice. The field of
 * each issue is `items.<index>` so the form shows it on the line.
 */
export function decisionIssues(checklist: readonly ChecklistLine[], decisions: readonly DecisionInput[]): FieldIssue[] {
  const lines = new Map(checklist.map((l) => [lineKey(l), l]));
  const seen = new Set<string>();
  const issues: FieldIssue[] = [];
  decisions.forEach((d, index) => {
    const key = lineKey(d);
    if (!lines.has(key)) {
      issues.push({
        field: `items.${index}`,
        message: `Đoàn viên ở mục “${REVIEW_CATEGORY_LABELS[d.category]}” không còn trong danh sách rà soát, hãy tải lại.`,
      });
    } else if (seen.has(key)) {
      const name = lines.get(key)?.fullName ?? '';
      issues.push({ field: `items.${index}`, message: `${name} được gửi hai lần trong cùng một mục: chỉ giữ một.` });
    }
    seen.add(key);
  });
  return issues;
}

/** The checklist with the decisions sent (lines without one keep a null decision): what the review stores. */
export function withDecisions(
  checklist: readonly ChecklistLine[],
  decisions: readonly DecisionInput[],
): (ChecklistLine & { decision: string | null })[] {
  const byKey = new Map(decisions.map((d) => [lineKey(d), d.decision ?? null]));
  return checklist.map((l) => ({ ...l, decision: byKey.get(lineKey(l)) ?? null }));
}

/**
 * The date the checklist of a meeting is computed for: the day it was held, else the last day of its month, or
 * today while that month is not over.
 */
export function reviewDate(meeting: { heldOn: string | null; period: string }, today: string): string {
  if (meeting.heldOn) return meeting.heldOn;
  const [y, m] = meeting.period.split('-').map(Number) as [number, number];
  const lastDay = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
  return lastDay < today ? lastDay : today;
}
