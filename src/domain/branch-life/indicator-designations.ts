import { formatDateVi } from '../text/dates.js';
import { fail } from '../errors.js';

/** Kinds of branch designation: pilot (chi đoàn chỉ đạo) and remote (vùng sâu, vùng xa, phân tán). */
export const DESIGNATION_KINDS = ['pilot', 'remote'] as const;
export type DesignationKindName = (typeof DESIGNATION_KINDS)[number];

/** Vietnamese names of the designations. */
export const DESIGNATION_LABELS: Record<DesignationKindName, string> = {
  pilot: 'chi đoàn chỉ đạo',
  remote: 'chi đoàn vùng sâu, vùng xa, phân tán',
};

/** A stored designation, as the rules need it. */
export interface DesignationSpan {
  validFrom: string;
  validTo: string | null;
}

/** True when the two spans share a day (`validTo` is the first day that no longer holds). */
export function spansOverlap(a: DesignationSpan, b: DesignationSpan): boolean {
  const aEndsAfterB = a.validTo === null || a.validTo > b.validFrom;
  const bEndsAfterA = b.validTo === null || b.validTo > a.validFrom;
  return aEndsAfterB && bEndsAfterA;
}

/**
 * Refuses a new designation of a branch that overlaps one of its own of the same kind (history is never
 * rewritten: a new span starts on or after the end of the last one).
 */
export function assertNoOwnOverlap(kind: DesignationKindName, validFrom: string, existing: readonly DesignationSpan[]) {
  const span = { validFrom, validTo: null };
  const open = existing.find((e) => e.validTo === null);
  if (open)
    throw fail.rule(
      `Chi đoàn đang là ${DESIGNATION_LABELS[kind]} từ ${formatDateVi(open.validFrom)}: hãy kết thúc trước khi ghi lần mới.`,
      'validFrom',
    );
  const clash = existing.find((e) => spansOverlap(e, span));
  if (clash?.validTo)
    throw fail.rule(
      `Ngày bắt đầu phải từ ${formatDateVi(clash.validTo)} trở đi (lần trước kết thúc ngày đó).`,
      'validFrom',
    );
}

/** Refuses an end date that is not after the start. */
export function assertEndAfterStart(validFrom: string, validTo: string): void {
  if (validTo <= validFrom)
    throw fail.invalid('validTo', `Ngày kết thúc phải sau ngày bắt đầu (${formatDateVi(validFrom)}).`);
}
