import { CARE_FLAGS, type CareFlag } from '../members/reference-lists.js';

/** Categories of a care list (diện chăm lo); the first four are the members' care flags. */
export const CARE_CATEGORIES = [...CARE_FLAGS, 'disability', 'other'] as const;
export type CareCategory = (typeof CARE_CATEGORIES)[number];

/** Vietnamese labels of the categories. */
export const CARE_CATEGORY_LABELS: Record<CareCategory, string> = {
  hardship: 'Hoàn cảnh khó khăn',
  ethnic_minority: 'Dân tộc thiểu số',
  religious: 'Tôn giáo',
  vulnerable: 'Thanh niên yếu thế, dễ bị tổn thương',
  disability: 'Khuyết tật',
  other: 'Khác',
};

/** Kinds of help on a care record: given (đã hỗ trợ) or planned (dự kiến). */
export const CARE_ACTION_KINDS = ['given', 'planned'] as const;
export type CareActionKind = (typeof CARE_ACTION_KINDS)[number];

/** Statuses of a care record. */
export const CARE_STATUSES = ['open', 'closed'] as const;
export type CareStatus = (typeof CARE_STATUSES)[number];

/** The youth age a young person who is not a member must be within to be recorded (Luật Thanh niên, đội viên lớn). */
export const CARE_YOUTH_AGE = { min: 10, max: 35 } as const;

/** The categories of a member's care flags (same vocabulary), in list order, without unknown values. */
export function categoriesFromFlags(flags: readonly string[]): CareCategory[] {
  return CARE_FLAGS.filter((f: CareFlag) => flags.includes(f));
}

/** A problem with one field, in Vietnamese. */
export interface CareIssue {
  field: string;
  message: string;
}

/** Refuses a birth year outside youth age in the current year. */
export function youthAgeIssue(birthYear: number, today: string): CareIssue | null {
  const age = Number(today.slice(0, 4)) - birthYear;
  if (age >= CARE_YOUTH_AGE.min && age <= CARE_YOUTH_AGE.max) return null;
  return {
    field: 'birthYear',
    message: `Năm sinh ${birthYear} cho tuổi ${age} trong năm nay: danh sách chăm lo ghi thanh niên từ ${CARE_YOUTH_AGE.min} đến ${CARE_YOUTH_AGE.max} tuổi. Hãy kiểm tra lại năm sinh.`,
  };
}

/** Help given cannot be dated in the future; planned help cannot be dated in the past. */
export function helpDateIssue(kind: CareActionKind, onDate: string, today: string, field = 'onDate'): CareIssue | null {
  if (kind === 'given' && onDate > today)
    return {
      field,
      message: 'Ngày hỗ trợ đã trao không được sau hôm nay: hỗ trợ sắp tới hãy ghi là “Dự kiến”.',
    };
  if (kind === 'planned' && onDate < today)
    return {
      field,
      message: 'Ngày hỗ trợ dự kiến không được trước hôm nay: hỗ trợ đã trao hãy ghi là “Đã hỗ trợ”.',
    };
  return null;
}

/** A record is closed on a day between the day it was opened and today. */
export function closeDateIssue(closedOn: string, openedOn: string, today: string): CareIssue | null {
  if (closedOn > today) return { field: 'closedOn', message: 'Ngày kết thúc theo dõi không được sau hôm nay.' };
  if (closedOn < openedOn)
    return {
      field: 'closedOn',
      message: `Ngày kết thúc theo dõi không được trước ngày đưa vào danh sách (${openedOn.split('-').reverse().join('/')}).`,
    };
  return null;
}

/** The first of January and the 31st of December of a year. */
export function yearRange(year: number): [string, string] {
  return [`${year}-01-01`, `${year}-12-31`];
}
