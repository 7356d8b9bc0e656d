import type { Month } from './months.js';

/**
 * Month masks of the per-branch yearly meeting rollup (`branch_meeting_years.held_mask`): bit m−1 stands for month m.
 * The indicator SQL tests a branch-year's mask against the masks computed here.
 */

const yearOf = (month: Month) => Number(month.slice(0, 4));
const monthNumber = (month: Month) => Number(month.slice(5, 7));

/** The years that [from, to] touches, in order. */
export function yearsBetween(from: Month, to: Month): number[] {
  const out: number[] = [];
  for (let y = yearOf(from); y <= yearOf(to); y++) out.push(y);
  return out;
}

/** The months of `year` inside [from, to], as 1..12 (empty when none). */
export function monthsOfYear(year: number, from: Month, to: Month): number[] {
  const first = yearOf(from) < year ? 1 : yearOf(from) === year ? monthNumber(from) : 13;
  const last = yearOf(to) > year ? 12 : yearOf(to) === year ? monthNumber(to) : 0;
  const out: number[] = [];
  for (let m = first; m <= last; m++) out.push(m);
  return out;
}

/**
 * One mask per meeting period of `year` (periods of `everyMonths` months from January, as `periodStart` cuts
 * them), each limited to the months in [from, to]; periods with no month in the window are left out. A branch-year
 * has held period k when its mask shares a bit with the k-th mask.
 */
export function periodMasks(year: number, from: Month, to: Month, everyMonths: number): number[] {
  const step = Math.max(1, Math.min(12, Math.floor(everyMonths)));
  const inWindow = monthsOfYear(year, from, to).reduce((mask, m) => mask | (1 << (m - 1)), 0);
  const out: number[] = [];
  for (let start = 1; start <= 12; start += step) {
    let period = 0;
    for (let m = start; m < start + step && m <= 12; m++) period |= 1 << (m - 1);
    if ((period & inWindow) !== 0) out.push(period & inWindow);
  }
  return out;
}
