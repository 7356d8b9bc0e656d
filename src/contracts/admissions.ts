import { z } from 'zod';
import { cccdProblem, fullNameProblem } from '../domain/members/member-rules.js';
import { GENDERS } from '../domain/members/reference-lists.js';
import {
  ADMISSION_ACTIONS,
  ADMISSION_STATUSES,
  CANDIDATE_SOURCES,
  INTRODUCER_KINDS,
} from '../domain/workflows/admission.js';
import { id, isoDate, optionalText, requiredText } from './common.js';
import { emailField, phoneField } from './members.js';

const version = z.number({ error: 'Thiếu phiên bản hồ sơ (version).' }).int().positive();
const optionalDate = isoDate.nullable().optional();

const fullName = z
  .string({ error: 'Họ và tên là bắt buộc.' })
  .transform((v) => v.normalize('NFC').trim().replace(/\s+/g, ' '))
  .superRefine((v, ctx) => {
    const problem = fullNameProblem(v);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

const cccd = z
  .string({ error: 'Số CCCD là bắt buộc.' })
  .trim()
  .superRefine((v, ctx) => {
    const problem = v === '' ? 'Số CCCD là bắt buộc.' : cccdProblem(v);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

/** Personal-record fields copied to the member record on admission. */
export const candidateProfile = z.object({
  hometown: optionalText('Quê quán', 300),
  permanentProvince: optionalText('Tỉnh thường trú', 80),
  permanentCommune: optionalText('Xã/phường thường trú', 80),
  permanentAddress: optionalText('Địa chỉ thường trú', 300),
  residenceProvince: optionalText('Tỉnh nơi ở', 80),
  residenceCommune: optionalText('Xã/phường nơi ở', 80),
  residenceAddress: optionalText('Nơi ở hiện nay', 300),
  educationLevel: optionalText('Trình độ học vấn', 40),
  qualification: optionalText('Chuyên môn', 120),
  occupation: optionalText('Nghề nghiệp', 120),
  schoolClass: optionalText('Trường, lớp', 120),
  workplace: optionalText('Nơi làm việc', 200),
  pioneerHistory: optionalText('Quá trình tham gia Đội', 300),
});
export type CandidateProfile = z.output<typeof candidateProfile>;

/** The personal-record fields as responses carry them (no input transforms). */
export const candidateProfileDto = z.object(
  Object.fromEntries(Object.keys(candidateProfile.shape).map((k) => [k, z.string().nullable().optional()])) as Record<
    keyof typeof candidateProfile.shape,
    z.ZodOptional<z.ZodNullable<z.ZodString>>
  >,
);

/** What a branch records about a candidate (lý lịch, course, introducer, 1+1 recruiter). */
export const candidateFields = z.object({
  fullName,
  birthDate: isoDate,
  gender: z.enum(GENDERS, { error: 'Giới tính phải là Nam hoặc Nữ.' }),
  ethnicity: optionalText('Dân tộc', 40),
  religion: optionalText('Tôn giáo', 80),
  cccd,
  phone: phoneField,
  email: emailField,
  profile: candidateProfile.default({}),
  /** youth (thanh niên), pioneer (đội viên trưởng thành), federation (hội viên Hội LHTN). */
  source: z.enum(CANDIDATE_SOURCES, { error: 'Đối tượng phải là thanh niên, đội viên hoặc hội viên.' }),
  applicationDate: isoDate,
  courseName: optionalText('Tên lớp cảm tình Đoàn', 200),
  courseCertificateNo: optionalText('Số giấy chứng nhận', 50),
  courseCompletedOn: optionalDate,
  introducerKind: z.enum(INTRODUCER_KINDS, { error: 'Người giới thiệu không hợp lệ.' }).nullable().optional(),
  /** The introducing member (kind "member"): same branch, known for at least the configured months. */
  introducerMemberId: id.nullable().optional(),
  /** Name of the pioneer squad or the Federation chapter (other kinds). */
  introducerName: optionalText('Tên Chi đội, Chi hội giới thiệu', 200),
  /** Since when the introducing member has worked with the candidate. */
  introducerKnownSince: optionalDate,
  /** The member credited under "1+1" recruitment. */
  recruiterMemberId: id.nullable().optional(),
});

/** Propose a candidate at a branch. */
export const createCandidateBody = candidateFields.extend({ unitId: id });
export type CreateCandidateBody = z.input<typeof createCandidateBody>;

/** Change an application still at the "applied" step (only the fields sent). */
export const updateCandidateBody = candidateFields.partial().extend({ version });
export type UpdateCandidateBody = z.input<typeof updateCandidateBody>;

const count = (label: string, min: number) =>
  z
    .number({ error: `${label} là bắt buộc.` })
    .int({ error: `${label} phải là số nguyên.` })
    .min(min, { error: `${label} phải từ ${min} trở lên.` })
    .max(100_000, { error: `${label} quá lớn.` });

/** The branch meeting's vote. */
export const voteBody = z.object({
  version,
  meetingOn: isoDate,
  present: count('Số đoàn viên có mặt', 1),
  inFavour: count('Số đoàn viên tán thành', 0),
  /** Record a vote without a majority as the meeting's outcome (the application ends as rejected). */
  recordFailure: z.boolean().default(false),
});
export type VoteBody = z.input<typeof voteBody>;

/** Approval by the deciding unit: issues the decision. */
export const approveBody = z.object({ version, approvedOn: isoDate, signerName: optionalText('Người ký', 120) });
export type ApproveBody = z.input<typeof approveBody>;

/** The ceremony: the candidate becomes a member with a card. */
export const admitBody = z.object({ version, ceremonyOn: isoDate });
export type AdmitBody = z.input<typeof admitBody>;

/** Reject or withdraw, with a reason. */
export const closeCandidateBody = z.object({ version, reason: requiredText('Lý do', 500) });
export type CloseCandidateBody = z.input<typeof closeCandidateBody>;

const batchItems = z
  .array(z.object({ id, version }))
  .min(1, { error: 'Chọn ít nhất một người.' })
  .max(200, { error: 'Mỗi lần xử lý tối đa 200 người.' });

/** Approve a class of voted candidates of one deciding unit in one decision. */
export const approveBatchBody = z.object({
  items: batchItems,
  approvedOn: isoDate,
  signerName: optionalText('Người ký', 120),
});
export type ApproveBatchBody = z.input<typeof approveBatchBody>;

/** Admit a class of approved candidates at one ceremony. */
export const admitBatchBody = z.object({ items: batchItems, ceremonyOn: isoDate });
export type AdmitBatchBody = z.input<typeof admitBatchBody>;

/** Filters of the candidate list (the unit's whole subtree). */
export const admissionListQuery = z.object({
  unitId: id,
  status: z.enum(ADMISSION_STATUSES).optional(),
  q: z.string().trim().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(300).optional(),
});
export type AdmissionListQuery = z.input<typeof admissionListQuery>;

const unitRef = z.object({ id, name: z.string() });

/** A non-blocking warning (late or overdue ceremony). */
export const admissionWarning = z.object({
  code: z.enum(['late_ceremony', 'ceremony_overdue']),
  message: z.string(),
  dueBy: z.string(),
});
export type AdmissionWarningDto = z.infer<typeof admissionWarning>;

/** A candidate in a list (CCCD masked without the personal-data permission). */
export const candidateListItem = z.object({
  id,
  fullName: z.string(),
  birthDate: z.string(),
  gender: z.enum(GENDERS),
  cccd: z.string().nullable(),
  source: z.enum(CANDIDATE_SOURCES),
  status: z.enum(ADMISSION_STATUSES),
  unitId: id,
  unitName: z.string(),
  applicationDate: z.string(),
  meetingOn: z.string().nullable(),
  approvedOn: z.string().nullable(),
  ceremonyOn: z.string().nullable(),
  /** The unit that approves (null when the tree gives none). */
  decidingUnit: unitRef.nullable(),
  /** Last day for the ceremony once approved. */
  ceremonyDueBy: z.string().nullable(),
  memberId: id.nullable(),
  cardNumber: z.string().nullable(),
  version: z.number().int(),
  actions: z.array(z.enum(ADMISSION_ACTIONS)),
});
export type CandidateListItem = z.infer<typeof candidateListItem>;

/** A page of candidates with the count of each status in the unit's subtree. */
export const admissionPage = z.object({
  items: z.array(candidateListItem),
  next: z.string().nullable(),
  total: z.number().int(),
  counts: z.record(z.enum(ADMISSION_STATUSES), z.number().int()),
});
export type AdmissionPage = z.infer<typeof admissionPage>;

/** A step of the procedure as the candidate page shows it. */
export const admissionStep = z.object({
  key: z.enum(['applied', 'course', 'introducer', 'vote', 'approval', 'ceremony', 'closed']),
  state: z.enum(['done', 'current', 'waiting', 'failed']),
  date: z.string().nullable(),
});

/** The official decision of an approved candidate. */
export const decisionRef = z.object({
  id,
  numberText: z.string(),
  issuedOn: z.string(),
  /** Where the .docx is downloaded. */
  fileUrl: z.string(),
});

/** A candidate's whole record, steps, warnings and what the actor may do next. */
export const candidateDetail = candidateListItem.extend({
  ethnicity: z.string().nullable(),
  religion: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  profile: candidateProfileDto,
  courseName: z.string().nullable(),
  courseCertificateNo: z.string().nullable(),
  courseCompletedOn: z.string().nullable(),
  introducerKind: z.enum(INTRODUCER_KINDS).nullable(),
  introducerMember: unitRef.nullable(),
  introducerName: z.string().nullable(),
  introducerKnownSince: z.string().nullable(),
  recruiter: unitRef.nullable(),
  meetingPresent: z.number().int().nullable(),
  meetingInFavour: z.number().int().nullable(),
  decision: decisionRef.nullable(),
  rejectReason: z.string().nullable(),
  closedOn: z.string().nullable(),
  unitPath: z.array(unitRef),
  steps: z.array(admissionStep),
  warnings: z.array(admissionWarning),
  /** The rules valid for this application (age limits, introducer months, ceremony months). */
  rules: z.object({
    admissionMinAge: z.number().int(),
    admissionMaxAge: z.number().int(),
    introducerMinMonths: z.number().int(),
    ceremonyWithinMonths: z.number().int(),
  }),
});
export type CandidateDetail = z.infer<typeof candidateDetail>;

/** The result of a batch step: the candidates, the decision (approval) and the warnings (ceremony). */
export const batchResult = z.object({
  items: z.array(candidateListItem),
  decision: decisionRef.nullable(),
  warnings: z.array(admissionWarning),
});
export type BatchResult = z.infer<typeof batchResult>;

/** Filters of the "1+1" credit table. */
export const recruitmentQuery = z.object({
  unitId: id,
  year: z.coerce.number().int().min(1931).max(2200).optional(),
});

/** "1+1": candidates admitted per recruiting member and per the recruiters' branch. */
export const recruitmentCredit = z.object({
  byMember: z.array(
    z.object({ memberId: id, fullName: z.string(), unitId: id, unitName: z.string(), admitted: z.number().int() }),
  ),
  byUnit: z.array(
    z.object({ unitId: id, unitName: z.string(), admitted: z.number().int(), recruiters: z.number().int() }),
  ),
});
export type RecruitmentCredit = z.infer<typeof recruitmentCredit>;
