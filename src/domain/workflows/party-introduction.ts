import { DomainError, fail } from '../errors.js';
import { ageOn } from '../members/member-rules.js';
import { formatDateVi } from '../text/dates.js';
import { assertNotFuture, isStillMember, statusLabel } from './member-exit.js';

/**
 * Introduction of an outstanding member to the Party (giới thiệu đoàn viên ưu tú cho Đảng).
 * The branch passes a resolution (proposed) → the superior's committee introduces the member to a Party cell
 * with a letter (introduced) → the outcome is recorded later (admitted, not_admitted); a proposal or an
 * introduction may be withdrawn. The Party age (`partyIntroduction.minAge`, 18) is a hard rule; the other
 * criteria (latest rating, "Nhận thức về Đảng" certificate) only warn.
 */

export const PARTY_INTRODUCTION_STATUSES = ['proposed', 'introduced', 'admitted', 'not_admitted', 'withdrawn'] as const;
export type PartyIntroductionStatus = (typeof PARTY_INTRODUCTION_STATUSES)[number];

/** Vietnamese labels of the statuses. */
export const PARTY_INTRODUCTION_STATUS_LABELS: Record<PartyIntroductionStatus, string> = {
  proposed: 'Chi đoàn đã đề nghị',
  introduced: 'Đã giới thiệu',
  admitted: 'Đã được kết nạp vào Đảng',
  not_admitted: 'Chưa được kết nạp',
  withdrawn: 'Đã rút đề nghị',
};

/** The statuses of a request still in progress (a member has at most one). */
export const OPEN_PARTY_INTRODUCTION_STATUSES: readonly PartyIntroductionStatus[] = ['proposed', 'introduced'];

const NEXT: Record<PartyIntroductionStatus, readonly PartyIntroductionStatus[]> = {
  proposed: ['introduced', 'withdrawn'],
  introduced: ['admitted', 'not_admitted', 'withdrawn'],
  admitted: [],
  not_admitted: [],
  withdrawn: [],
};

/** Share of those present who must vote for the branch resolution: strictly more than one half. */
export const RESOLUTION_MAJORITY: readonly [number, number] = [1, 2];

/** Refuses a step the current status does not allow. */
export function assertTransition(from: string, to: PartyIntroductionStatus): void {
  const allowed = NEXT[from as PartyIntroductionStatus] ?? [];
  if (allowed.includes(to)) return;
  const current = PARTY_INTRODUCTION_STATUS_LABELS[from as PartyIntroductionStatus] ?? from;
  throw fail.rule(`Không thể thực hiện bước này: hồ sơ đang ở trạng thái "${current}".`, 'status');
}

/** A criterion that failed, with a Vietnamese message. */
export interface CriteriaIssue {
  code:
    | 'not_member'
    | 'in_transit'
    | 'party_member'
    | 'no_birth_date'
    | 'under_age'
    | 'no_certificate'
    | 'no_rating'
    | 'rating_not_top';
  field: string;
  message: string;
}

/** The latest yearly rating of the member, when ratings exist. */
export interface LatestRating {
  year: number;
  label: string;
  /** True for the highest class of the scheme in force. */
  top: boolean;
}

/** What the criteria check reads. */
export interface CriteriaInput {
  member: { fullName: string; status: string; birthDate: string | null; partyMember: boolean };
  resolutionOn: string;
  minAge: number;
  awarenessCertificateNo: string | null;
  latestRating: LatestRating | null;
}

/** Refusals (hard rules) and warnings (the branch may still propose) of a Party introduction. */
export function checkCriteria(i: CriteriaInput): { refusals: CriteriaIssue[]; warnings: CriteriaIssue[] } {
  const refusals: CriteriaIssue[] = [];
  const warnings: CriteriaIssue[] = [];
  const who = `Đồng chí ${i.member.fullName}`;
  if (!isStillMember(i.member.status)) {
    refusals.push({
      code: 'not_member',
      field: 'memberId',
      message: `${who} không còn sinh hoạt đoàn (${statusLabel(i.member.status)}).`,
    });
  } else if (i.member.status === 'in_transit') {
    refusals.push({ code: 'in_transit', field: 'memberId', message: `${who} đang chuyển sinh hoạt đoàn.` });
  }
  if (i.member.partyMember) {
    refusals.push({ code: 'party_member', field: 'memberId', message: `${who} đã là đảng viên.` });
  }
  if (!i.member.birthDate) {
    refusals.push({
      code: 'no_birth_date',
      field: 'memberId',
      message: `Hồ sơ của ${i.member.fullName} chưa có ngày sinh: không xác định được tuổi vào Đảng.`,
    });
  } else if (ageOn(i.member.birthDate, i.resolutionOn) < i.minAge) {
    refusals.push({
      code: 'under_age',
      field: 'resolutionOn',
      message: `${who} chưa đủ ${i.minAge} tuổi vào ngày ${formatDateVi(i.resolutionOn)} (tuổi vào Đảng tối thiểu).`,
    });
  }
  if (!i.awarenessCertificateNo) {
    warnings.push({
      code: 'no_certificate',
      field: 'awarenessCertificateNo',
      message: 'Chưa ghi giấy chứng nhận lớp "Nhận thức về Đảng".',
    });
  }
  if (!i.latestRating) {
    warnings.push({ code: 'no_rating', field: 'memberId', message: 'Chưa có kết quả xếp loại đoàn viên.' });
  } else if (!i.latestRating.top) {
    warnings.push({
      code: 'rating_not_top',
      field: 'memberId',
      message: `Kết quả xếp loại năm ${i.latestRating.year} là "${i.latestRating.label}", chưa phải mức cao nhất.`,
    });
  }
  return { refusals, warnings };
}

/** Throws the refusals of a criteria check (all of them in the details), if any. */
export function assertNoRefusal(refusals: readonly CriteriaIssue[]): void {
  if (refusals.length === 0) return;
  throw new DomainError(
    'rule_violation',
    refusals.map((r) => r.message).join(' '),
    refusals.map((r) => ({ field: r.field, message: r.message })),
  );
}

/** Refuses impossible counts and a resolution without more than half of those present. */
export function assertResolutionVote(present: number, inFavour: number): void {
  if (present < 1) throw fail.invalid('presentCount', 'Số đoàn viên có mặt phải lớn hơn 0.');
  if (inFavour > present) throw fail.invalid('inFavourCount', 'Số tán thành không được lớn hơn số có mặt.');
  const [n, d] = RESOLUTION_MAJORITY;
  if (inFavour * d <= present * n) {
    const needed = Math.floor((present * n) / d) + 1;
    const message = `Nghị quyết chưa được thông qua: cần hơn một nửa số có mặt tán thành (ít nhất ${needed}/${present}).`;
    throw new DomainError('rule_violation', message, [{ field: 'inFavourCount', message }]);
  }
}

/** Checks the resolution dates: not in the future, the certificate not after today either. */
export function assertResolutionDates(resolutionOn: string, certificateOn: string | null, today: string): void {
  assertNotFuture('resolutionOn', 'Ngày nghị quyết', resolutionOn, today);
  if (certificateOn) assertNotFuture('awarenessCertificateOn', 'Ngày cấp giấy chứng nhận', certificateOn, today);
}

/** A step's date: not before the previous step, not after today. */
export function assertStepDate(field: string, label: string, value: string, previous: string, today: string): void {
  assertNotFuture(field, label, value, today);
  if (value < previous) {
    throw fail.invalid(field, `${label} không được trước ngày ${formatDateVi(previous)} của bước trước.`);
  }
}
