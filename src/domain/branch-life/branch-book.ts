import { monthsOwed } from './fee-arrears.js';
import { monthOf, monthsBetween, type Month } from './months.js';

/** Shown in the ratings part of the book until ratings exist (issue 6). */
export const NO_RATINGS = 'Chưa có kết quả xếp loại';

/** Vietnamese names of the meeting forms. */
export const MEETING_FORM_LABELS: Record<string, string> = {
  regular: 'Thường kỳ',
  themed: 'Chuyên đề',
  birthday: 'Sinh nhật đoàn viên',
  outdoor: 'Dã ngoại',
  skills: 'Kỹ năng',
  armed_forces: 'Kết nghĩa lực lượng vũ trang',
  three_plus_one: '3 chi + 1',
  online: 'Trực tuyến',
};

/** Vietnamese names of the meeting statuses. */
export const MEETING_STATUS_LABELS: Record<string, string> = {
  planned: 'Kế hoạch',
  held: 'Đã sinh hoạt',
  cancelled: 'Đã hủy',
};

/** Short marks of the attendance grid: có mặt, vắng có phép, vắng không phép. */
export const ATTENDANCE_MARKS: Record<string, string> = { present: 'x', excused: 'P', absent: 'K' };

/** The branch secretary (Bí thư, not Phó Bí thư) among the members, by their position. */
export function secretaryOf<T extends { fullName: string; position: string | null }>(
  members: readonly T[],
): { name: string; position: string } | null {
  const found = members.find((m) => /^\s*bí thư/iu.test(m.position?.normalize('NFC') ?? ''));
  return found?.position ? { name: found.fullName, position: found.position.trim() } : null;
}

/** The last month of the year that counts today: December of a past year, this month of the current year. */
export function bookLastMonth(year: number, today: string): Month {
  const december = `${year}-12`;
  const current = monthOf(today);
  return current < december ? current : december;
}

/** The months of a book year, January to December. */
export function yearMonths(year: number): Month[] {
  return monthsBetween(`${year}-01`, `${year}-12`);
}

/**
 * Months of the book year a member owes up to `lastMonth` (never before January of the year), from the month paid
 * up to, the month they joined and the branch's ledger start; 0 when the branch keeps no ledger yet.
 */
export function owedInYear(
  year: number,
  lastMonth: Month,
  standing: { paidUpTo: Month | null; joinedMonth: Month | null; ledgerStart: Month | null },
): number {
  const owed = monthsOwed(standing, lastMonth);
  if (!owed) return 0;
  const from = owed.from > `${year}-01` ? owed.from : `${year}-01`;
  return from > lastMonth ? 0 : monthsBetween(from, lastMonth).length;
}

/** A grid of marks: rows by `rowIds`, columns by `columnIds`, '' where nothing is recorded. */
export function markGrid(
  rowIds: readonly string[],
  columnIds: readonly string[],
  marks: readonly { row: string; column: string; mark: string }[],
): string[][] {
  const at = new Map(marks.map((m) => [`${m.row}|${m.column}`, m.mark]));
  return rowIds.map((r) => columnIds.map((c) => at.get(`${r}|${c}`) ?? ''));
}
