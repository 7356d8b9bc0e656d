/** Calendar months as "YYYY-MM" strings: the period unit of meetings, fees and reviews. */
export type Month = string;

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** True for a well-formed "YYYY-MM". */
export function isMonth(value: string): boolean {
  return MONTH.test(value);
}

/** The month of a "yyyy-mm-dd" date. */
export function monthOf(isoDate: string): Month {
  return isoDate.slice(0, 7);
}

/** `month` moved by `delta` months (negative goes back). */
export function addMonths(month: Month, delta: number): Month {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) + delta;
  const year = Math.floor(index / 12);
  return `${String(year).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** Months from `from` to `to`, both included; empty when `to` is before `from`. */
export function monthsBetween(from: Month, to: Month): Month[] {
  const out: Month[] = [];
  for (let m = from; m <= to; m = addMonths(m, 1)) out.push(m);
  return out;
}

/** Number of months from `from` to `to`, both included (0 when `to` is before `from`). */
export function monthCount(from: Month, to: Month): number {
  const [fy, fm] = from.split('-').map(Number) as [number, number];
  const [ty, tm] = to.split('-').map(Number) as [number, number];
  return Math.max(0, ty * 12 + tm - (fy * 12 + fm) + 1);
}

/**
 * The periods of a year for a branch meeting every `everyMonths` months: the first month of each period
 * (every 1 → 12 months; every 3 → January, April, July, October).
 */
export function meetingPeriods(year: number, everyMonths: number): Month[] {
  const step = Math.max(1, Math.min(12, Math.floor(everyMonths)));
  const out: Month[] = [];
  for (let m = 1; m <= 12; m += step) out.push(`${year}-${String(m).padStart(2, '0')}`);
  return out;
}

/** The first month of the period that contains `month` for a branch meeting every `everyMonths` months. */
export function periodStart(month: Month, everyMonths: number): Month {
  const step = Math.max(1, Math.min(12, Math.floor(everyMonths)));
  const [y, m] = month.split('-').map(Number) as [number, number];
  const first = Math.floor((m - 1) / step) * step + 1;
  return `${y}-${String(first).padStart(2, '0')}`;
}

/** "MM/YYYY" for Vietnamese messages. */
export function monthLabel(month: Month): string {
  return `${month.slice(5, 7)}/${month.slice(0, 4)}`;
}
