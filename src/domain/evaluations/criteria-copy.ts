import { fail } from '../errors.js';
import { validateCriteriaSet, type CriteriaSet } from './criteria.js';
import { assertNoOverlap } from './programmes.js';

/**
 * Copying a criteria set to a new period (sao chép bộ tiêu chí sang giai đoạn mới): the same programme, criteria,
 * classes and deadlines, for other years. A set used by a cycle is frozen, so a new period of a programme starts as
 * a copy. Periods of a programme never overlap; a set without an end year (e.g. "từ năm 2023") may be ended the
 * year before the copy starts, on request, as long as no cycle of it falls in the new period.
 */

/** "2028 – 2032", or "từ năm 2028" without an end year. */
export function periodLabelOf(validFrom: number, validTo: number | null): string {
  return validTo === null ? `từ năm ${validFrom}` : `${validFrom} – ${validTo}`;
}

/** The new period asked for. */
export interface CopyTarget {
  validFrom: number;
  validTo: number | null;
  /** A new name; the source's when absent or blank. */
  title?: string | null;
  /** End the programme's open-ended sets that start earlier the year before `validFrom`. */
  closeOpenEnded?: boolean;
}

/** A stored set of the programme, with the last year a cycle uses it (null when unused). */
export interface StoredSet {
  id: string;
  set: CriteriaSet;
  lastCycleYear: number | null;
}

/** A set whose period ends earlier because of the copy. */
export interface ClosedSet {
  id: string;
  before: CriteriaSet;
  after: CriteriaSet;
}

/** The copy to create and the open-ended sets to end: validated, or refused with what to fix. */
export interface CopyPlan {
  copy: CriteriaSet;
  close: ClosedSet[];
}

/** Plans the copy of `source` to a new period among the programme's stored sets (the source among them). */
export function planCopy(source: CriteriaSet, stored: readonly StoredSet[], target: CopyTarget): CopyPlan {
  const title = target.title?.trim() || source.title;
  const copy: CriteriaSet = {
    ...structuredClone(source),
    title,
    validFrom: target.validFrom,
    validTo: target.validTo,
    periodLabel: periodLabelOf(target.validFrom, target.validTo),
  };
  validateCriteriaSet(copy);
  const same = stored.filter((s) => s.set.programme === copy.programme);
  const close: ClosedSet[] = [];
  for (const s of same) {
    if (s.set.validTo !== null || s.set.validFrom >= copy.validFrom) continue;
    if (!target.closeOpenEnded)
      throw fail.conflict(
        `Bộ tiêu chí "${s.set.title}" giai đoạn ${s.set.periodLabel} chưa có năm kết thúc nên trùng với giai đoạn mới: hãy chọn kết thúc bộ này vào năm ${copy.validFrom - 1}, hoặc chọn năm bắt đầu khác.`,
        { field: 'validFrom' },
      );
    if (s.lastCycleYear !== null && s.lastCycleYear >= copy.validFrom)
      throw fail.conflict(
        `Bộ tiêu chí "${s.set.title}" giai đoạn ${s.set.periodLabel} đã được dùng cho đợt đánh giá năm ${s.lastCycleYear}: hãy chọn năm bắt đầu từ ${s.lastCycleYear + 1} trở đi.`,
        { field: 'validFrom' },
      );
    const validTo = copy.validFrom - 1;
    const after = { ...s.set, validTo, periodLabel: periodLabelOf(s.set.validFrom, validTo) };
    close.push({ id: s.id, before: s.set, after });
  }
  const closedIds = new Set(close.map((c) => c.id));
  const after = [...same.filter((s) => !closedIds.has(s.id)).map((s) => s.set), ...close.map((c) => c.after)];
  assertNoOverlap(after, copy);
  return { copy, close };
}
