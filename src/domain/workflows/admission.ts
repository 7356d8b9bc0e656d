import { DomainError, type FieldIssue } from '../errors.js';
import { ageOn } from '../members/member-rules.js';
import type { AdmissionRule, MembershipAgeRule } from '../rules/rule-sets.js';
import { formatDateVi } from '../text/dates.js';

/**
 * Admission (kết nạp đoàn viên): applied → voted (branch meeting) → approved (decision of the deciding unit)
 * → admitted (ceremony, the candidate becomes a member). From applied or voted a candidate may be rejected
 * (không kết nạp) or withdrawn (rút hồ sơ), each with a reason.
 *
 * A branch vote without more than half of those present in favour is refused as a step forward; the branch
 * may record it as its real outcome (`recordFailure`), which keeps the meeting's numbers and ends the
 * application as rejected: a later application starts a new record, so no result is ever overwritten.
 */
export const ADMISSION_STATUSES = ['applied', 'voted', 'approved', 'admitted', 'rejected', 'withdrawn'] as const;
export type AdmissionStatus = (typeof ADMISSION_STATUSES)[number];

/** Statuses of an application still under way (its CCCD cannot be used by another open application). */
export const OPEN_ADMISSION_STATUSES: readonly AdmissionStatus[] = ['applied', 'voted', 'approved'];

/** Vietnamese names of the statuses, for messages. */
export const ADMISSION_STATUS_LABELS: Record<AdmissionStatus, string> = {
  applied: 'Đã nộp đơn',
  voted: 'Chi đoàn đã biểu quyết',
  approved: 'Đã chuẩn y',
  admitted: 'Đã kết nạp',
  rejected: 'Không kết nạp',
  withdrawn: 'Đã rút hồ sơ',
};

/** Where a candidate comes from: a youth, a Young Pioneer leaving the squad, a Federation member. */
export const CANDIDATE_SOURCES = ['youth', 'pioneer', 'federation'] as const;
export type CandidateSource = (typeof CANDIDATE_SOURCES)[number];

/** Who introduces the candidate: a member, the pioneer squad (chi đội) or the Federation chapter (chi hội). */
export const INTRODUCER_KINDS = ['member', 'pioneer_squad', 'federation_chapter'] as const;
export type IntroducerKind = (typeof INTRODUCER_KINDS)[number];

/** The steps an actor may take on a candidate. */
export const ADMISSION_ACTIONS = ['edit', 'vote', 'approve', 'admit', 'reject', 'withdraw'] as const;
export type AdmissionAction = (typeof ADMISSION_ACTIONS)[number];

const FROM: Record<AdmissionAction, readonly AdmissionStatus[]> = {
  edit: ['applied'],
  vote: ['applied'],
  approve: ['voted'],
  admit: ['approved'],
  reject: ['applied', 'voted'],
  withdraw: ['applied', 'voted'],
};

const ACTION_LABELS: Record<AdmissionAction, string> = {
  edit: 'sửa hồ sơ',
  vote: 'ghi kết quả biểu quyết của chi đoàn',
  approve: 'chuẩn y kết nạp',
  admit: 'ghi nhận lễ kết nạp',
  reject: 'ghi nhận không kết nạp',
  withdraw: 'rút hồ sơ',
};

/** True when the step may be taken from the status. */
export function canTake(status: string, action: AdmissionAction): boolean {
  return (FROM[action] as readonly string[]).includes(status);
}

/** Refuses a step that does not follow from the candidate's status. */
export function assertStep(status: string, action: AdmissionAction, fullName: string, field = 'status'): void {
  if (canTake(status, action)) return;
  const label = ADMISSION_STATUS_LABELS[status as AdmissionStatus] ?? status;
  const message = `Hồ sơ của ${fullName} đang ở bước “${label}”: không thể ${ACTION_LABELS[action]}.`;
  throw new DomainError('rule_violation', message, [{ field, message }]);
}

/** Throws the issues found as one rule violation (the first message on top, all of them in details). */
export function refuse(issues: readonly FieldIssue[]): void {
  const first = issues[0];
  if (first) throw new DomainError('rule_violation', first.message, [...issues]);
}

/** The date `months` calendar months after `iso` (31/01 + 1 month = the last day of February). */
export function addMonths(iso: string, months: number): string {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, lastDay)).padStart(2, '0')}`;
}

/** The introducer as recorded on the application, with the introducing member when one is named. */
export interface IntroducerFacts {
  kind: IntroducerKind | null;
  name: string | null;
  knownSince: string | null;
  /** The introducing member as found in the records (kind "member"), or null when not found. */
  member: { fullName: string; unitId: string; active: boolean } | null;
}

/** What the application checks look at. */
export interface ApplicationFacts {
  birthDate: string;
  applicationDate: string;
  /** The branch proposing the candidate. */
  unitId: string;
  introducer: IntroducerFacts;
}

/** Problems of the introducer: a member of the same branch known long enough, or a named squad or chapter. */
export function introducerIssues(f: ApplicationFacts, rule: AdmissionRule): FieldIssue[] {
  const i = f.introducer;
  if (!i.kind) return [];
  if (i.kind === 'pioneer_squad' && !i.name)
    return [{ field: 'introducerName', message: 'Ghi tên Chi đội giới thiệu người được đề nghị kết nạp.' }];
  if (i.kind === 'federation_chapter' && !i.name)
    return [{ field: 'introducerName', message: 'Ghi tên Chi hội giới thiệu người được đề nghị kết nạp.' }];
  if (i.kind !== 'member') return [];
  if (!i.member)
    return [
      { field: 'introducerMemberId', message: 'Chọn đoàn viên giới thiệu (người giới thiệu phải là đoàn viên).' },
    ];
  if (!i.member.active)
    return [
      {
        field: 'introducerMemberId',
        message: `${i.member.fullName} không còn sinh hoạt đoàn nên không thể giới thiệu kết nạp.`,
      },
    ];
  if (i.member.unitId !== f.unitId)
    return [
      {
        field: 'introducerMemberId',
        message: `Người giới thiệu phải là đoàn viên cùng chi đoàn với người được đề nghị kết nạp (${i.member.fullName} sinh hoạt ở chi đoàn khác).`,
      },
    ];
  if (!i.knownSince)
    return [
      {
        field: 'introducerKnownSince',
        message: 'Ghi ngày người giới thiệu bắt đầu cùng công tác, sinh hoạt với người được đề nghị kết nạp.',
      },
    ];
  if (addMonths(i.knownSince, rule.introducerMinMonths) > f.applicationDate)
    return [
      {
        field: 'introducerKnownSince',
        message: `Người giới thiệu phải cùng công tác, sinh hoạt với người được đề nghị kết nạp ít nhất ${rule.introducerMinMonths} tháng tính đến ngày làm đơn (từ ${formatDateVi(i.knownSince)} đến ${formatDateVi(f.applicationDate)} chưa đủ).`,
      },
    ];
  return [];
}

/** Problems of an application: dates, age on the application date, introducer. */
export function applicationIssues(
  f: ApplicationFacts,
  age: MembershipAgeRule,
  rule: AdmissionRule,
  today: string,
): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (f.applicationDate > today)
    issues.push({ field: 'applicationDate', message: 'Ngày làm đơn không được sau ngày hôm nay.' });
  if (f.birthDate >= f.applicationDate) {
    issues.push({ field: 'birthDate', message: 'Ngày sinh phải trước ngày làm đơn.' });
    return issues;
  }
  const years = ageOn(f.birthDate, f.applicationDate);
  if (years < age.admissionMinAge)
    issues.push({
      field: 'birthDate',
      message: `Người được đề nghị kết nạp phải đủ ${age.admissionMinAge} tuổi vào ngày làm đơn (${formatDateVi(f.applicationDate)}): mới ${years} tuổi.`,
    });
  if (years > age.admissionMaxAge)
    issues.push({
      field: 'birthDate',
      message: `Người được đề nghị kết nạp không được quá ${age.admissionMaxAge} tuổi vào ngày làm đơn (${formatDateVi(f.applicationDate)}): đã ${years} tuổi.`,
    });
  if (f.introducer.knownSince && f.introducer.knownSince > f.applicationDate)
    issues.push({ field: 'introducerKnownSince', message: 'Ngày bắt đầu cùng công tác không được sau ngày làm đơn.' });
  else issues.push(...introducerIssues(f, rule));
  return issues;
}

/** The awareness course as recorded: a name and either a certificate number or a completion date. */
export interface CourseFacts {
  courseName: string | null;
  courseCertificateNo: string | null;
  courseCompletedOn: string | null;
}

/** True when the awareness course (lớp cảm tình Đoàn) is recorded well enough for the vote. */
export function courseRecorded(c: CourseFacts): boolean {
  return Boolean(c.courseName && (c.courseCertificateNo || c.courseCompletedOn));
}

/** More than half of those present voted in favour. */
export function votePasses(present: number, inFavour: number): boolean {
  return inFavour * 2 > present;
}

/** The branch meeting's result as entered. */
export interface VoteInput {
  meetingOn: string;
  present: number;
  inFavour: number;
}

/** Problems of a vote: course and introducer recorded before it, dates and numbers that make sense. */
export function voteIssues(
  c: CourseFacts & { applicationDate: string; introducerKind: string | null },
  vote: VoteInput,
  today: string,
): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (!courseRecorded(c))
    issues.push({
      field: 'courseName',
      message:
        'Người được đề nghị kết nạp phải học lớp cảm tình Đoàn trước khi chi đoàn biểu quyết: hãy ghi tên lớp và số giấy chứng nhận hoặc ngày hoàn thành.',
    });
  if (!c.introducerKind)
    issues.push({
      field: 'introducerKind',
      message: 'Chưa có người giới thiệu (đoàn viên, Chi đội hoặc Chi hội): hãy bổ sung trước khi chi đoàn biểu quyết.',
    });
  if (vote.meetingOn > today)
    issues.push({ field: 'meetingOn', message: 'Ngày họp chi đoàn không được sau ngày hôm nay.' });
  if (vote.meetingOn < c.applicationDate)
    issues.push({
      field: 'meetingOn',
      message: `Ngày họp chi đoàn (${formatDateVi(vote.meetingOn)}) không được trước ngày làm đơn (${formatDateVi(c.applicationDate)}).`,
    });
  if (c.courseCompletedOn && c.courseCompletedOn > vote.meetingOn)
    issues.push({
      field: 'meetingOn',
      message: `Lớp cảm tình Đoàn hoàn thành ngày ${formatDateVi(c.courseCompletedOn)}, sau ngày họp chi đoàn: chi đoàn chỉ biểu quyết sau khi học xong.`,
    });
  if (vote.inFavour > vote.present)
    issues.push({ field: 'inFavour', message: 'Số đoàn viên tán thành không được lớn hơn số có mặt.' });
  return issues;
}

/** The reason recorded when a branch records a vote without a majority. */
export function failedVoteReason(vote: VoteInput): string {
  return `Hội nghị chi đoàn ngày ${formatDateVi(vote.meetingOn)} không đủ quá nửa số đoàn viên có mặt tán thành (${vote.inFavour}/${vote.present}).`;
}

/** The refusal of a vote without a majority that the branch has not confirmed as its outcome. */
export function noMajorityIssue(vote: VoteInput): FieldIssue {
  return {
    field: 'inFavour',
    message: `Chỉ ${vote.inFavour}/${vote.present} đoàn viên có mặt tán thành, chưa quá một nửa: chưa thể đề nghị chuẩn y. Nếu đây đúng là kết quả hội nghị, hãy chọn “Ghi nhận không đạt”.`,
  };
}

/** Problems of an approval date: not in the future, not before the branch meeting. */
export function approvalIssues(c: { fullName: string; meetingOn: string | null }, approvedOn: string, today: string) {
  const issues: FieldIssue[] = [];
  if (approvedOn > today) issues.push({ field: 'approvedOn', message: 'Ngày chuẩn y không được sau ngày hôm nay.' });
  if (c.meetingOn && approvedOn < c.meetingOn)
    issues.push({
      field: 'approvedOn',
      message: `Ngày chuẩn y (${formatDateVi(approvedOn)}) không được trước ngày chi đoàn họp xét kết nạp ${c.fullName} (${formatDateVi(c.meetingOn)}).`,
    });
  return issues;
}

/** The last day the ceremony should take place. */
export function ceremonyDueBy(approvedOn: string, rule: AdmissionRule): string {
  return addMonths(approvedOn, rule.ceremonyWithinMonths);
}

/** A warning that does not stop the step. */
export interface AdmissionWarning {
  code: 'late_ceremony' | 'ceremony_overdue';
  message: string;
  dueBy: string;
}

/** The late-ceremony warning when the ceremony is after the due date, else null. */
export function lateCeremonyWarning(
  c: { fullName: string; approvedOn: string },
  ceremonyOn: string,
  rule: AdmissionRule,
): AdmissionWarning | null {
  const dueBy = ceremonyDueBy(c.approvedOn, rule);
  if (ceremonyOn <= dueBy) return null;
  return {
    code: 'late_ceremony',
    dueBy,
    message: `Lễ kết nạp ${c.fullName} (${formatDateVi(ceremonyOn)}) muộn hơn ${rule.ceremonyWithinMonths} tháng sau ngày chuẩn y (${formatDateVi(c.approvedOn)}): hạn là ${formatDateVi(dueBy)}.`,
  };
}

/** The overdue warning of an approved candidate whose ceremony has not been held by the due date. */
export function overdueWarning(
  c: { fullName: string; approvedOn: string },
  rule: AdmissionRule,
  today: string,
): AdmissionWarning | null {
  const dueBy = ceremonyDueBy(c.approvedOn, rule);
  if (today <= dueBy) return null;
  return {
    code: 'ceremony_overdue',
    dueBy,
    message: `Đã quá hạn tổ chức lễ kết nạp ${c.fullName} (hạn ${formatDateVi(dueBy)}, ${rule.ceremonyWithinMonths} tháng sau ngày chuẩn y).`,
  };
}

/** Problems of a ceremony date: not in the future, not before the approval. */
export function ceremonyIssues(c: { fullName: string; approvedOn: string }, ceremonyOn: string, today: string) {
  const issues: FieldIssue[] = [];
  if (ceremonyOn > today) issues.push({ field: 'ceremonyOn', message: 'Ngày lễ kết nạp không được sau ngày hôm nay.' });
  if (ceremonyOn < c.approvedOn)
    issues.push({
      field: 'ceremonyOn',
      message: `Ngày lễ kết nạp ${c.fullName} (${formatDateVi(ceremonyOn)}) không được trước ngày chuẩn y (${formatDateVi(c.approvedOn)}).`,
    });
  return issues;
}
