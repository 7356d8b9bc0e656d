import { z } from 'zod';
import { PARTY_INTRODUCTION_STATUSES } from '../domain/workflows/party-introduction.js';
import { id, isoDate, optionalText, requiredText } from './common.js';
import { documentRef, signerFields } from './member-exits.js';

const count = (label: string) =>
  z
    .number({ error: `${label} phải là một số.` })
    .int({ error: `${label} phải là số nguyên.` })
    .min(0, { error: `${label} không được âm.` })
    .max(100_000, { error: `${label} quá lớn.` });

const year = z.coerce
  .number()
  .int()
  .min(1956, { error: 'Năm không hợp lệ.' })
  .max(2200, { error: 'Năm không hợp lệ.' });

/** A criterion not met: a refusal or a warning. */
export const criteriaIssueDto = z.object({ code: z.string(), field: z.string(), message: z.string() });
export type CriteriaIssueDto = z.infer<typeof criteriaIssueDto>;

/** The branch resolution proposing a member. */
export const proposePartyIntroductionBody = z.object({
  memberId: id,
  resolutionOn: isoDate,
  strengths: requiredText('Ưu điểm', 2000),
  weaknesses: requiredText('Khuyết điểm', 2000),
  presentCount: count('Số có mặt'),
  inFavourCount: count('Số tán thành'),
  awarenessCertificateNo: optionalText('Số giấy chứng nhận "Nhận thức về Đảng"', 60),
  awarenessCertificateOn: isoDate.nullable().optional(),
});
export type ProposePartyIntroductionBody = z.input<typeof proposePartyIntroductionBody>;

/** The superior's introduction letter to a Party cell. */
export const introduceBody = z.object({
  version: z.number().int().positive(),
  introducingUnitId: id,
  introducedOn: isoDate,
  partyCell: requiredText('Chi bộ được giới thiệu đến', 200),
  ...signerFields,
});
export type IntroduceBody = z.input<typeof introduceBody>;

/** The outcome reported by the Party cell. */
export const outcomeBody = z
  .object({
    version: z.number().int().positive(),
    outcome: z.enum(['admitted', 'not_admitted'], { error: 'Kết quả không hợp lệ.' }),
    outcomeOn: isoDate,
    note: optionalText('Ghi chú', 1000),
  })
  .superRefine((b, ctx) => {
    if (b.outcome === 'not_admitted' && !b.note)
      ctx.addIssue({ code: 'custom', path: ['note'], message: 'Hãy ghi lý do chưa được kết nạp.' });
  });
export type OutcomeBody = z.input<typeof outcomeBody>;

/** Withdraw a proposal or an introduction. */
export const withdrawBody = z.object({ version: z.number().int().positive(), note: optionalText('Lý do rút', 1000) });
export type WithdrawBody = z.input<typeof withdrawBody>;

/** Check the criteria of a member before the resolution. */
export const criteriaQuery = z.object({
  memberId: id,
  resolutionOn: isoDate.optional(),
  /** The certificate number typed so far (no warning when present). */
  awarenessCertificateNo: z.string().trim().max(60).optional(),
});

/** Refusals (hard rules) and warnings. */
export const criteriaResult = z.object({
  minAge: z.number().int(),
  refusals: z.array(criteriaIssueDto),
  warnings: z.array(criteriaIssueDto),
});
export type CriteriaResult = z.infer<typeof criteriaResult>;

/** A Party introduction. */
export const partyIntroductionDto = z.object({
  id,
  memberId: id,
  memberName: z.string(),
  birthDate: isoDate.nullable(),
  /** The proposing branch. */
  unitId: id,
  unitName: z.string(),
  year: z.number().int(),
  resolutionOn: isoDate,
  strengths: z.string(),
  weaknesses: z.string(),
  presentCount: z.number().int(),
  inFavourCount: z.number().int(),
  awarenessCertificateNo: z.string().nullable(),
  awarenessCertificateOn: isoDate.nullable(),
  criteriaWarnings: z.array(criteriaIssueDto),
  introducingUnitId: id.nullable(),
  introducingUnitName: z.string().nullable(),
  introducedOn: isoDate.nullable(),
  partyCell: z.string().nullable(),
  letter: documentRef.nullable(),
  status: z.enum(PARTY_INTRODUCTION_STATUSES),
  outcomeOn: isoDate.nullable(),
  outcomeNote: z.string().nullable(),
  version: z.number().int(),
  /** Units the actor may introduce from (the đoàn cơ sở or above, in the actor's scope), when still proposed. */
  introducers: z.array(z.object({ id, name: z.string() })),
  /** What the actor may do now. */
  actions: z.object({ introduce: z.boolean(), outcome: z.boolean(), withdraw: z.boolean() }),
});
export type PartyIntroductionDto = z.infer<typeof partyIntroductionDto>;

/** Introductions of a unit's subtree or of one member. */
export const partyIntroductionListQuery = z
  .object({
    unitId: id.optional(),
    memberId: id.optional(),
    year: year.optional(),
    status: z.enum(PARTY_INTRODUCTION_STATUSES).optional(),
  })
  .refine((q) => q.unitId || q.memberId, { error: 'Hãy chọn đơn vị hoặc đoàn viên.', path: ['unitId'] });

/** A list of introductions, newest first; `truncated` when cut at its maximum length. */
export const partyIntroductionList = z.object({ items: z.array(partyIntroductionDto), truncated: z.boolean() });
export type PartyIntroductionList = z.infer<typeof partyIntroductionList>;

/** The yearly report of a unit. */
export const partyStatsQuery = z.object({ unitId: id, year });

const statsRow = z.object({
  unitId: id.nullable(),
  unitName: z.string(),
  /** Members introduced in the year (letter issued). */
  introduced: z.number().int(),
  admitted: z.number().int(),
  notAdmitted: z.number().int(),
  /** Introduced and waiting for the outcome. */
  pending: z.number().int(),
  /** Admitted / introduced, 0..1; null when nobody was introduced. */
  shareAdmitted: z.number().nullable(),
});

/** Introduced members and the share admitted, per sub-unit, with the total. */
export const partyStats = z.object({
  unit: z.object({ id, name: z.string() }),
  year: z.number().int(),
  rows: z.array(statsRow),
  total: statsRow,
});
export type PartyStats = z.infer<typeof partyStats>;
