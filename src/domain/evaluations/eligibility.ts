import { DomainError, fail } from '../errors.js';
import { formatDateVi } from '../text/dates.js';

/**
 * Who is rated in the yearly member rating, and the optional cap on the share of the top class. Members with fewer
 * than six months of activity at the period end are not rated; nor are members under temporary participation (the
 * host branch comments but does not rate); Party members still of union age are exempt.
 */

/** The configurable part of the rule. */
export interface EligibilityRule {
  /** Months of activity needed by the end of the period. */
  minActiveMonths: number;
  /** Highest union age: Party members up to this age are exempt. */
  unionMaxAge: number;
}

/** The values of DOMAIN.md §6. */
export const DEFAULT_ELIGIBILITY: EligibilityRule = { minActiveMonths: 6, unionMaxAge: 30 };

/** Why a member is not rated. */
export const INELIGIBILITY_REASONS = ['temporaryParticipation', 'partyMemberExempt', 'tooRecent'] as const;
export type IneligibilityReason = (typeof INELIGIBILITY_REASONS)[number];

/** Vietnamese explanation of each reason. */
export const INELIGIBILITY_LABELS: Record<IneligibilityReason, string> = {
  temporaryParticipation: 'đang sinh hoạt đoàn tạm thời (chi đoàn nơi sinh hoạt tạm thời chỉ nhận xét, không xếp loại)',
  partyMemberExempt: 'là đảng viên còn trong độ tuổi đoàn, được miễn xếp loại',
  tooRecent: 'chưa đủ thời gian sinh hoạt đoàn để xếp loại',
};

/** What eligibility needs to know of a member. */
export interface RatedMember {
  id: string;
  name: string;
  /** First day of union activity counted (admission or arrival in the unit), ISO date. */
  activeSince: string;
  /** ISO date; null when unknown. */
  birthDate: string | null;
  temporaryParticipation: boolean;
  partyMember: boolean;
}

/** Eligible, or the reason code why not. */
export type Eligibility = { eligible: true } | { eligible: false; reason: IneligibilityReason };

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function assertDate(field: string, label: string, value: string): void {
  if (!ISO_DATE.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) {
    throw fail.invalid(field, `${label} không hợp lệ: cần dạng năm-tháng-ngày (ví dụ 2024-12-31).`);
  }
}

/** The ISO date `months` months after `date`, the day clamped to the month's end (31/8 + 6 months = 28/2 or 29/2). */
export function addMonthsToDate(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${year}-${pad(month)}-${pad(Math.min(d, lastDay))}`;
}

/** Age in whole years on a date. */
export function ageOn(birthDate: string, date: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** Whether a member is rated for the period ending on `periodEnd` (ISO date), with the reason when not. */
export function eligibilityOf(
  member: RatedMember,
  periodEnd: string,
  rule: EligibilityRule = DEFAULT_ELIGIBILITY,
): Eligibility {
  assertDate('periodEnd', 'Ngày cuối kỳ đánh giá', periodEnd);
  assertDate('activeSince', `Ngày bắt đầu sinh hoạt của ${member.name}`, member.activeSince);
  if (member.birthDate !== null) assertDate('birthDate', `Ngày sinh của ${member.name}`, member.birthDate);
  if (member.temporaryParticipation) return { eligible: false, reason: 'temporaryParticipation' };
  const unionAge = member.birthDate === null || ageOn(member.birthDate, periodEnd) <= rule.unionMaxAge;
  if (member.partyMember && unionAge) return { eligible: false, reason: 'partyMemberExempt' };
  if (addMonthsToDate(member.activeSince, rule.minActiveMonths) > periodEnd)
    return { eligible: false, reason: 'tooRecent' };
  return { eligible: true };
}

/** The members to rate and those left out, each with its reason code. */
export function splitEligible<M extends RatedMember>(
  members: readonly M[],
  periodEnd: string,
  rule: EligibilityRule = DEFAULT_ELIGIBILITY,
): { eligible: M[]; ineligible: { member: M; reason: IneligibilityReason }[] } {
  const eligible: M[] = [];
  const ineligible: { member: M; reason: IneligibilityReason }[] = [];
  for (const member of members) {
    const result = eligibilityOf(member, periodEnd, rule);
    if (result.eligible) eligible.push(member);
    else ineligible.push({ member, reason: result.reason });
  }
  return { eligible, ineligible };
}

/** Refuses rating a member who is not eligible, saying why. */
export function assertEligible(
  member: RatedMember,
  periodEnd: string,
  rule: EligibilityRule = DEFAULT_ELIGIBILITY,
): void {
  const result = eligibilityOf(member, periodEnd, rule);
  if (result.eligible) return;
  const detail =
    result.reason === 'tooRecent'
      ? `: cần sinh hoạt ít nhất ${rule.minActiveMonths} tháng tính đến ${formatDateVi(periodEnd)} (bắt đầu từ ${formatDateVi(member.activeSince)})`
      : '';
  const message = `Không xếp loại đoàn viên ${member.name} vì ${INELIGIBILITY_LABELS[result.reason]}${detail}.`;
  throw new DomainError('rule_violation', message, [{ field: 'memberId', message }]);
}

/** A cap on the share of the top class. */
export interface TopClassCap {
  classKey: string;
  label: string;
  /** Highest share, (0, 1]. */
  maxShare: number;
}

/** How many of `total` rated subjects may get the top class under `maxShare`. */
export function topClassAllowance(total: number, maxShare: number): number {
  return Math.floor(total * maxShare + 1e-9);
}

/** Where the top class stands against its cap among rated subjects. */
export interface TopClassShare extends TopClassCap {
  /** Subjects with the top class, and subjects rated. */
  top: number;
  total: number;
  /** `top / total`; null when nobody is rated yet. */
  share: number | null;
  /** How many may get the top class among `total`. */
  allowed: number;
  /** True when `top` exceeds `allowed`: the decision would be refused. */
  over: boolean;
}

const percentText = (share: number) => `${Math.round(share * 1000) / 10}%`.replace('.', ',');

/** The top class's count and share among class counts (class key → number rated), against its cap. */
export function topClassShare(classCounts: Readonly<Record<string, number>>, cap: TopClassCap): TopClassShare {
  if (!(cap.maxShare > 0 && cap.maxShare <= 1)) {
    throw fail.invalid('maxShare', 'Tỷ lệ tối đa của loại cao nhất phải lớn hơn 0% và không quá 100%.');
  }
  const total = Object.values(classCounts).reduce((sum, n) => sum + n, 0);
  const top = classCounts[cap.classKey] ?? 0;
  const allowed = topClassAllowance(total, cap.maxShare);
  return { ...cap, top, total, share: total === 0 ? null : top / total, allowed, over: top > allowed };
}

/**
 * "Số xếp loại … là 3/5 (60%), vượt tỷ lệ tối đa 20%: chỉ được tối đa 1. Hãy xem xét lại 2 trường hợp." for a share
 * over its cap; null otherwise.
 */
export function topClassWarning(s: TopClassShare): string | null {
  if (!s.over || s.total === 0) return null;
  return `Số xếp loại "${s.label}" là ${s.top}/${s.total} (${percentText(s.top / s.total)}), vượt tỷ lệ tối đa ${percentText(s.maxShare)}: chỉ được tối đa ${s.allowed}. Hãy xem xét lại ${s.top - s.allowed} trường hợp.`;
}

/** Refuses class counts (class key → number rated) where the top class exceeds its cap; no cap, no check. */
export function assertTopClassCap(classCounts: Readonly<Record<string, number>>, cap: TopClassCap | null): void {
  if (!cap) return;
  const message = topClassWarning(topClassShare(classCounts, cap));
  if (!message) return;
  throw new DomainError('rule_violation', message, [{ field: 'classKey', message }]);
}
