import { z } from 'zod';
import { DISCIPLINE_STATUSES } from '../domain/workflows/discipline.js';
import { id, isoDate, requiredText } from './common.js';
import { documentRef, signerFields } from './member-exits.js';

const count = (label: string) =>
  z
    .number({ error: `${label} phải là một số.` })
    .int({ error: `${label} phải là số nguyên.` })
    .min(0, { error: `${label} không được âm.` })
    .max(100_000, { error: `${label} quá lớn.` });

/** Record a discipline decision, with the meeting's vote. */
export const createDisciplineBody = z
  .object({
    subjectKind: z.enum(['member', 'unit'], { error: 'Đối tượng kỷ luật phải là đoàn viên hoặc tổ chức Đoàn.' }),
    /** The member disciplined (subject "member"). */
    memberId: id.optional(),
    /** The member record's version as read (subject "member"; else 409). */
    memberVersion: z.number().int().positive().optional(),
    /** The unit disciplined (subject "unit"). */
    subjectUnitId: id.optional(),
    decidingUnitId: id,
    /** A form key of the discipline rule set: reprimand, warning, removal_from_post, expulsion... */
    form: z.string().min(1, { error: 'Hình thức kỷ luật là bắt buộc.' }).max(60),
    reason: requiredText('Lý do kỷ luật', 1000),
    meetingOn: isoDate,
    eligibleCount: count('Số được triệu tập'),
    presentCount: count('Số có mặt'),
    inFavourCount: count('Số tán thành'),
    secretBallot: z.boolean().default(true),
    decidedOn: isoDate,
    effectiveOn: isoDate,
    ...signerFields,
  })
  .superRefine((b, ctx) => {
    if (b.subjectKind === 'member') {
      if (!b.memberId) ctx.addIssue({ code: 'custom', path: ['memberId'], message: 'Hãy chọn đoàn viên bị kỷ luật.' });
      if (!b.memberVersion)
        ctx.addIssue({ code: 'custom', path: ['memberVersion'], message: 'Thiếu phiên bản hồ sơ đoàn viên.' });
    } else if (!b.subjectUnitId) {
      ctx.addIssue({ code: 'custom', path: ['subjectUnitId'], message: 'Hãy chọn tổ chức Đoàn bị kỷ luật.' });
    }
  });
export type CreateDisciplineBody = z.input<typeof createDisciplineBody>;

/** A discipline record. */
export const disciplineDto = z.object({
  id,
  subjectKind: z.enum(['member', 'unit']),
  memberId: id.nullable(),
  memberName: z.string().nullable(),
  /** The member's branch, or the unit disciplined. */
  subjectUnitId: id,
  subjectUnitName: z.string(),
  decidingUnitId: id,
  decidingUnitName: z.string(),
  form: z.string(),
  formLabel: z.string(),
  reason: z.string(),
  meetingOn: isoDate.nullable(),
  eligibleCount: z.number().int().nullable(),
  presentCount: z.number().int().nullable(),
  inFavourCount: z.number().int().nullable(),
  secretBallot: z.boolean(),
  decidedOn: isoDate,
  effectiveOn: isoDate,
  decision: documentRef.nullable(),
  status: z.enum(DISCIPLINE_STATUSES),
  annulledOn: isoDate.nullable(),
  annulReason: z.string().nullable(),
  version: z.number().int(),
  /** A unit's dissolution: the unit must still be closed through the restructure flow. */
  dissolvesUnit: z.boolean(),
  /** True when the actor may annul it (write rights on the deciding unit). */
  canAnnul: z.boolean(),
});
export type DisciplineDto = z.infer<typeof disciplineDto>;

/** Discipline records of a unit's subtree, or of one member. */
export const disciplineListQuery = z
  .object({
    unitId: id.optional(),
    memberId: id.optional(),
    year: z.coerce.number().int().min(1956).max(2200).optional(),
    status: z.enum(DISCIPLINE_STATUSES).optional(),
  })
  .refine((q) => q.unitId || q.memberId, { error: 'Hãy chọn đơn vị hoặc đoàn viên.', path: ['unitId'] });

/** A list of discipline records, newest first. */
export const disciplineList = z.object({ items: z.array(disciplineDto), truncated: z.boolean() });
export type DisciplineList = z.infer<typeof disciplineList>;

/** Annul a decision (its effects are not undone). */
export const annulDisciplineBody = z.object({
  version: z.number().int().positive(),
  annulledOn: isoDate,
  reason: requiredText('Lý do hủy quyết định', 1000),
});
export type AnnulDisciplineBody = z.input<typeof annulDisciplineBody>;

/** What the create form offers for a subject. */
export const disciplineOptionsQuery = z
  .object({ memberId: id.optional(), unitId: id.optional(), onDate: isoDate.optional() })
  .refine((q) => q.memberId || q.unitId, { error: 'Hãy chọn đoàn viên hoặc tổ chức Đoàn.', path: ['memberId'] });

/** The forms for the subject, each with the units the actor may decide it in, and the vote rule. */
export const disciplineOptions = z.object({
  subject: z.object({
    kind: z.enum(['member', 'unit']),
    memberId: id.nullable(),
    name: z.string(),
    unitId: id,
    unitName: z.string(),
    /** The member record's version (send it back as memberVersion). */
    version: z.number().int().nullable(),
    position: z.string().nullable(),
    status: z.string().nullable(),
  }),
  /** Share present, e.g. [2, 3]. */
  quorum: z.tuple([z.number().int(), z.number().int()]),
  /** Share in favour of those present (strictly more), e.g. [1, 2]. */
  majority: z.tuple([z.number().int(), z.number().int()]),
  forms: z.array(
    z.object({
      key: z.string(),
      label: z.string(),
      decidedBy: z.enum(['branch', 'superior']),
      endsPosition: z.boolean(),
      endsMembership: z.boolean(),
      /** Units on the subject's path the actor may decide this form in, lowest first. */
      deciders: z.array(z.object({ id, name: z.string() })),
    }),
  ),
});
export type DisciplineOptions = z.infer<typeof disciplineOptions>;
