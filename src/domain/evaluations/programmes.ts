import { fail } from '../errors.js';
import { appliesTo, type CriteriaSet } from './criteria.js';
import {
  GRASSROOTS_3_PROACTIVE,
  GRASSROOTS_3_PROACTIVE_2018_2022,
  GRASSROOTS_3_PROACTIVE_2023_2027,
} from './programme-3-proactive.js';
import { EXEMPLARY_BRANCH, EXEMPLARY_BRANCH_SET } from './programme-exemplary-branch.js';
import {
  BRANCH_RATING,
  BRANCH_RATING_SET,
  GRASSROOTS_RATING,
  GRASSROOTS_RATING_SET,
  MEMBER_RATING,
  MEMBER_RATING_SET,
} from './programme-ratings.js';

export { GRASSROOTS_3_PROACTIVE_2018_2022, GRASSROOTS_3_PROACTIVE_2023_2027 } from './programme-3-proactive.js';
export { EXEMPLARY_BRANCH_SET } from './programme-exemplary-branch.js';
export {
  BRANCH_RATING_SET,
  GRASSROOTS_RATING_SET,
  MEMBER_RATING_SET,
  RATING_CLASS_KEYS,
  RATING_CLASS_LABELS,
  shareLevel,
} from './programme-ratings.js';

/** The programmes shipped with the system. */
export const PROGRAMME_KEYS = [
  GRASSROOTS_3_PROACTIVE,
  MEMBER_RATING,
  BRANCH_RATING,
  GRASSROOTS_RATING,
  EXEMPLARY_BRANCH,
] as const;
export type ProgrammeKey = (typeof PROGRAMME_KEYS)[number];

/** The criteria sets seeded at installation; an administrator adds later periods as data. */
export const SHIPPED_CRITERIA_SETS: readonly CriteriaSet[] = [
  GRASSROOTS_3_PROACTIVE_2018_2022,
  GRASSROOTS_3_PROACTIVE_2023_2027,
  MEMBER_RATING_SET,
  BRANCH_RATING_SET,
  GRASSROOTS_RATING_SET,
  EXEMPLARY_BRANCH_SET,
];

/** The set of a programme that applies to a year; not found when none does. */
export function findCriteriaSet(sets: readonly CriteriaSet[], programme: string, year: number): CriteriaSet {
  const found = sets.find((set) => set.programme === programme && appliesTo(set, year));
  if (!found) throw fail.notFound(`bộ tiêu chí của chương trình "${programme}" áp dụng cho năm ${year}`);
  return found;
}

/** Refuses a new set whose years overlap another set of the same programme. */
export function assertNoOverlap(sets: readonly CriteriaSet[], candidate: CriteriaSet): void {
  const end = (set: CriteriaSet) => set.validTo ?? Number.POSITIVE_INFINITY;
  const clash = sets.find(
    (set) =>
      set !== candidate &&
      set.programme === candidate.programme &&
      set.validFrom <= end(candidate) &&
      candidate.validFrom <= end(set),
  );
  if (!clash) return;
  throw fail.conflict(
    `Bộ tiêu chí mới trùng thời gian áp dụng với bộ "${clash.title}" giai đoạn ${clash.periodLabel}: hãy chọn năm bắt đầu sau năm kết thúc của bộ cũ (hoặc đặt năm kết thúc cho bộ cũ).`,
    { field: 'validFrom' },
  );
}
