import { z } from 'zod';
import { EVALUATION_SUBJECTS, EVIDENCE_KEYS } from '../domain/evaluations/criteria.js';
import { CYCLE_KINDS, STEP_KEYS, STEP_STATUSES } from '../domain/evaluations/cycle-steps.js';
import { MOVEMENTS } from '../domain/evaluations/comparison.js';
import { id, isoDate, optionalText, requiredText } from './common.js';

const version = z.number({ error: 'Thiếu phiên bản của hồ sơ: hãy tải lại trang.' }).int().min(1);

const year = z.coerce
  .number({ error: 'Năm phải là một số, ví dụ 2025.' })
  .int({ error: 'Năm phải là số nguyên, ví dụ 2025.' })
  .min(2000, { error: 'Năm đánh giá phải từ 2000 trở đi.' })
  .max(2200, { error: 'Năm không hợp lệ: hãy chọn năm như 2025.' });

export const stepKey = z.enum(STEP_KEYS, { error: 'Bước đánh giá không hợp lệ.' });
export const stepStatus = z.enum(STEP_STATUSES, { error: 'Trạng thái không hợp lệ.' });
export const evaluationSubject = z.enum(EVALUATION_SUBJECTS, { error: 'Đối tượng đánh giá không hợp lệ.' });
export const reinspectionMode = z.enum(['none', 'sample', 'all'], {
  error: 'Phúc tra phải là "none" (không), "sample" (chọn mẫu) hoặc "all" (tất cả).',
});

// ---------------------------------------------------------------- criteria sets

const scoringRule = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('yesno'), points: z.number().min(0) }),
  z.object({ kind: z.literal('points'), max: z.number().min(0) }),
  z.object({
    kind: z.literal('level'),
    levels: z.array(z.object({ key: z.string().min(1), label: z.string().min(1), points: z.number().min(0) })),
  }),
]);

const criterionItem = z.object({
  key: z.string().min(1),
  ref: z.string().optional(),
  text: z.string().min(1, { error: 'Nội dung tiêu chí là bắt buộc.' }),
  details: z.array(z.string()).optional(),
  rule: scoringRule,
  mandatory: z.boolean(),
  passAt: z.number().min(0).optional(),
  evidence: z.enum(EVIDENCE_KEYS).optional(),
});

const dayOfYear = z.object({
  day: z.number().int().min(1).max(31),
  month: z.number().int().min(1).max(12),
  yearOffset: z.number().int().min(-1).max(1),
});

/** A whole criteria set as stored (see `CriteriaSet` in src/domain/evaluations/criteria.ts). */
export const criteriaSetDefinition = z.object({
  programme: z.string().min(1),
  title: requiredText('Tên chương trình', 200),
  periodLabel: requiredText('Giai đoạn', 50),
  validFrom: year,
  validTo: year.nullable(),
  subject: evaluationSubject,
  cycles: z.array(z.enum(CYCLE_KINDS)).min(1, { error: 'Hãy chọn ít nhất một kỳ đánh giá (6 tháng hoặc năm).' }),
  needsRegistration: z.boolean(),
  deadlines: z.partialRecord(stepKey, dayOfYear).optional(),
  criteria: z.array(
    z.object({
      key: z.string().min(1),
      ref: z.string().optional(),
      title: z.string().min(1),
      items: z.array(criterionItem),
    }),
  ),
  classes: z.array(
    z.object({
      key: z.string().min(1),
      label: z.string().min(1),
      minScore: z.number().min(0),
      needsAllMandatory: z.boolean(),
      requires: z.array(z.object({ item: z.string(), minPoints: z.number().min(0) })).optional(),
    }),
  ),
  topClassCap: z.number().gt(0).max(1).optional(),
  source: z.string().optional(),
});
export type CriteriaSetDefinition = z.infer<typeof criteriaSetDefinition>;

/** The same shape as answered by the server (no input transforms: responses are serialised as they are). */
export const criteriaSetDefinitionOut = criteriaSetDefinition.extend({
  title: z.string(),
  periodLabel: z.string(),
  validFrom: z.number().int(),
  validTo: z.number().int().nullable(),
});

/** A criteria set in the list. */
export const criteriaSetSummary = z.object({
  id,
  programme: z.string(),
  title: z.string(),
  periodLabel: z.string(),
  validFrom: z.number().int(),
  validTo: z.number().int().nullable(),
  subject: evaluationSubject,
  /** True once a cycle uses the set: it can no longer change. */
  frozen: z.boolean(),
  version: z.number().int(),
  itemCount: z.number().int(),
  maxTotal: z.number(),
});
export type CriteriaSetSummary = z.infer<typeof criteriaSetSummary>;

export const criteriaSetDetail = criteriaSetSummary.extend({ definition: criteriaSetDefinitionOut });
export type CriteriaSetDetail = z.infer<typeof criteriaSetDetail>;

/** Replace a set's definition (refused once the set is frozen). */
export const updateCriteriaSetBody = z.object({ version, definition: criteriaSetDefinition });

/** Copy a set to a new period: same criteria and classes, new years (and optionally a new name). */
export const copyCriteriaSetBody = z.object({
  /** First year of the new period. */
  validFrom: year,
  /** Last year of the new period; null (or absent) for open-ended. */
  validTo: year.nullable().optional(),
  /** The new set's name; the source's when absent. */
  name: optionalText('Tên bộ tiêu chí', 200),
  /** End the programme's open-ended set that starts earlier the year before `validFrom` (refused otherwise). */
  closeOpenEnded: z.boolean().optional(),
});

// ---------------------------------------------------------------- cycles

/** Open a cycle for the owner unit's subtree. */
export const openCycleBody = z
  .object({
    programme: z
      .string({ error: 'Hãy chọn chương trình đánh giá.' })
      .min(1, { error: 'Hãy chọn chương trình đánh giá.' }),
    ownerUnitId: id,
    kind: z.enum(CYCLE_KINDS, { error: 'Kỳ đánh giá phải là 6 tháng (halfYear) hoặc năm (year).' }),
    year,
    half: z
      .union([z.literal(1), z.literal(2)])
      .nullable()
      .optional(),
    /** Last day of each step; the set's defaults fill the steps left out. */
    deadlines: z.partialRecord(stepKey, isoDate).optional(),
    reinspection: reinspectionMode.default('all'),
    note: optionalText('Ghi chú', 1000),
  })
  .superRefine((v, ctx) => {
    if (v.kind === 'halfYear' && !v.half)
      ctx.addIssue({ code: 'custom', path: ['half'], message: 'Kỳ 6 tháng phải chọn 6 tháng đầu năm hoặc cuối năm.' });
  });

/** A cycle as listed. */
export const cycleSummary = z.object({
  id,
  programme: z.string(),
  programmeTitle: z.string(),
  periodLabel: z.string(),
  criteriaSetId: id,
  subject: evaluationSubject,
  ownerUnitId: id,
  ownerUnitName: z.string(),
  kind: z.enum(CYCLE_KINDS),
  year: z.number().int(),
  half: z.number().int().nullable(),
  /** "năm 2025", "6 tháng đầu năm 2025". */
  label: z.string(),
  status: z.enum(['open', 'closed']),
  reinspection: reinspectionMode,
  subjects: z.number().int(),
  accepted: z.number().int(),
});
export type CycleSummary = z.infer<typeof cycleSummary>;

export const cycleDetail = cycleSummary.extend({
  steps: z.array(stepKey),
  deadlines: z.partialRecord(stepKey, isoDate),
  note: z.string().nullable(),
  version: z.number().int(),
  /** The actor may accept results, draw the re-inspection sample, refresh evidence, export. */
  canManage: z.boolean(),
});
export type CycleDetail = z.infer<typeof cycleDetail>;

export const cyclesQuery = z.object({
  year: year.optional(),
  programme: z.string().optional(),
});

// ---------------------------------------------------------------- top class cap

/**
 * Where the top class stands against the set's cap (`topClassCap`) among the subjects already evaluated (past the
 * evaluation step) that the actor reads: a warning before the decision, which refuses a share over the cap.
 */
export const topClassCheck = z.object({
  classKey: z.string(),
  label: z.string(),
  /** The cap, (0, 1]. */
  maxShare: z.number(),
  /** Subjects with the top class, and subjects evaluated. */
  top: z.number().int(),
  total: z.number().int(),
  share: z.number().nullable(),
  /** How many may get the top class among `total`. */
  allowed: z.number().int(),
  /** True when the decision on these results would be refused. */
  over: z.boolean(),
  /** The Vietnamese warning when over the cap. */
  warning: z.string().nullable(),
});
export type TopClassCheck = z.infer<typeof topClassCheck>;

// ---------------------------------------------------------------- progress board

export const boardQuery = z.object({
  /** The unit whose subtree the board counts (default: the cycle's owner, or the actor's own unit inside it). */
  unitId: id.optional(),
});

/** Counts of one row of the board: a child unit of the viewed unit, or the total. */
export const boardRow = z.object({
  unitId: id.nullable(),
  unitName: z.string(),
  /** True when the row's unit has units below it to drill into. */
  hasChildren: z.boolean(),
  total: z.number().int(),
  /** Count per "step.status", e.g. "selfAssessment.submitted". */
  counts: z.record(z.string(), z.number().int()),
  late: z.number().int(),
  accepted: z.number().int(),
});
export type BoardRow = z.infer<typeof boardRow>;

export const lateItem = z.object({
  evaluationId: id,
  subjectName: z.string(),
  unitName: z.string(),
  step: stepKey,
  status: stepStatus,
  deadline: isoDate,
});

export const progressBoard = z.object({
  cycleId: id,
  unitId: id,
  unitName: z.string(),
  /** The path from the cycle's owner down to the viewed unit, for the breadcrumb. */
  trail: z.array(z.object({ id, name: z.string() })),
  steps: z.array(stepKey),
  total: boardRow,
  rows: z.array(boardRow),
  /** The first 50 subjects late at their step, earliest deadline first. */
  late: z.array(lateItem),
  /** The top class against its cap below the viewed unit; null when the set has no cap. */
  topClass: topClassCheck.nullable(),
});
export type ProgressBoard = z.infer<typeof progressBoard>;

// ---------------------------------------------------------------- evaluations of a cycle

export const evaluationsQuery = z.object({
  unitId: id.optional(),
  step: stepKey.optional(),
  status: stepStatus.optional(),
  late: z.enum(['true', 'false']).optional(),
  q: z.string().max(100).optional(),
  cursor: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const evaluationRow = z.object({
  id,
  subjectName: z.string(),
  unitId: id,
  unitName: z.string(),
  memberId: id.nullable(),
  step: stepKey,
  status: stepStatus,
  total: z.number().nullable(),
  classKey: z.string().nullable(),
  classLabel: z.string().nullable(),
  selfClassLabel: z.string().nullable(),
  deadline: isoDate.nullable(),
  late: z.boolean(),
  followUpName: z.string().nullable(),
});
export type EvaluationRow = z.infer<typeof evaluationRow>;

export const evaluationPage = z.object({ items: z.array(evaluationRow), next: z.string().nullable() });

/** A row of "what I have to do" (`GET /api/evaluations/mine`): the subject row with the cycle it belongs to. */
export const myEvaluationRow = evaluationRow.extend({
  cycleId: id,
  programme: z.string(),
  /** The programme's name as the set gives it: "Đánh giá, xếp loại đoàn viên". */
  programmeTitle: z.string(),
  kind: z.enum(CYCLE_KINDS),
  year: z.number().int(),
  half: z.number().int().nullable(),
  /** "năm 2025", "6 tháng đầu năm 2025". */
  cycleLabel: z.string(),
});
export type MyEvaluationRow = z.infer<typeof myEvaluationRow>;

// ---------------------------------------------------------------- one evaluation (the unit's file)

/** A score: yes/no, points, or a level key. */
export const scoreValue = z.union([z.boolean(), z.number(), z.string()]);
export const scoresBody = z.record(z.string(), scoreValue);

const evidenceLink = z.object({
  label: requiredText('Tên minh chứng', 200),
  url: z.url({ error: 'Đường dẫn minh chứng phải là một địa chỉ web đầy đủ (https://...).' }).max(1000),
});

/** The subject's draft: scores, the class it proposes, evidence. */
export const saveSelfBody = z.object({
  version,
  scores: scoresBody,
  classKey: z.string().nullable().optional(),
  evidenceNote: optionalText('Thuyết minh, minh chứng', 5000),
  evidenceLinks: z.array(evidenceLink).max(30, { error: 'Tối đa 30 đường dẫn minh chứng.' }).optional(),
});

/** The level above's scores and class, with the reason of any change from what the unit gave itself. */
export const reviewBody = z.object({
  version,
  scores: scoresBody,
  classKey: z.string().nullable().optional(),
  reason: optionalText('Lý do điều chỉnh', 2000),
});

export const versionBody = z.object({ version });
export const reasonBody = z.object({ version, reason: requiredText('Lý do', 2000) });
export const reopenBody = z.object({
  version,
  step: stepKey,
  reason: requiredText('Lý do mở lại', 2000),
  until: isoDate.nullable().optional(),
});
export const followUpBody = z.object({ version, userId: z.string().min(1).nullable() });

/** An account that may be assigned to follow an evaluation: a cadre of the evaluator or a unit above it. */
export const followUpCandidate = z.object({
  userId: z.string(),
  name: z.string(),
  username: z.string().nullable(),
  /** The unit where the account holds its role (the closest to the evaluator when several). */
  unitId: id,
  unitName: z.string(),
});
export type FollowUpCandidate = z.infer<typeof followUpCandidate>;

/** A figure computed from the system: a number, a share (0–1), true/false, or null without data. */
export const evidenceFigure = z.object({
  key: z.enum(EVIDENCE_KEYS),
  label: z.string(),
  value: z.union([z.number(), z.boolean(), z.null()]),
  /** How the figure reads: "11/12 tháng có sinh hoạt". */
  text: z.string(),
});
export type EvidenceFigure = z.infer<typeof evidenceFigure>;

export const evaluationEvent = z.object({
  at: z.string(),
  step: stepKey,
  action: z.string(),
  /** The state before and after, as "step.status" ("selfAssessment.submitted"); `toStatus` null when unchanged. */
  fromStatus: z.string().nullable(),
  toStatus: z.string().nullable(),
  reason: z.string().nullable(),
  actorName: z.string().nullable(),
});

export const evaluationFile = z.object({
  id,
  step: stepKey,
  fileName: z.string(),
  size: z.number().int(),
  uploadedAt: z.string(),
});

/** What the actor may do on the evaluation now. */
export const evaluationActions = z.object({
  editSelf: z.boolean(),
  submit: z.boolean(),
  review: z.boolean(),
  approve: z.boolean(),
  return: z.boolean(),
  reopen: z.boolean(),
  accept: z.boolean(),
  assignFollowUp: z.boolean(),
  upload: z.boolean(),
});
export type EvaluationActions = z.infer<typeof evaluationActions>;

export const evaluationDetail = z.object({
  id,
  version: z.number().int(),
  cycle: cycleSummary,
  steps: z.array(stepKey),
  definition: criteriaSetDefinitionOut,
  subjectName: z.string(),
  unitId: id,
  unitName: z.string(),
  memberId: id.nullable(),
  /** The unit that checks the self-assessment and evaluates (the level above). */
  evaluatorName: z.string(),
  step: stepKey,
  status: stepStatus,
  deadline: isoDate.nullable(),
  returnReason: z.string().nullable(),
  reopened: z.object({ reason: z.string(), until: isoDate.nullable() }).nullable(),
  selfScores: scoresBody,
  selfClass: z.string().nullable(),
  selfTotal: z.number().nullable(),
  scores: scoresBody,
  classKey: z.string().nullable(),
  /** The class the scores lead to. */
  computedClass: z.string().nullable(),
  total: z.number().nullable(),
  maxTotal: z.number(),
  overrideReason: z.string().nullable(),
  evidenceNote: z.string().nullable(),
  evidenceLinks: z.array(z.object({ label: z.string(), url: z.string() })),
  autoEvidence: z.array(evidenceFigure),
  autoEvidenceAt: z.string().nullable(),
  followUpUserId: z.string().nullable(),
  followUpName: z.string().nullable(),
  sampled: z.boolean(),
  decidedOn: isoDate.nullable(),
  files: z.array(evaluationFile),
  events: z.array(evaluationEvent),
  actions: evaluationActions,
  /** For the evaluator and the owner, the top class against the set's cap; null otherwise or without a cap. */
  topClass: topClassCheck.nullable(),
});
export type EvaluationDetail = z.infer<typeof evaluationDetail>;

// ---------------------------------------------------------------- cycle actions

/** Accept (recognise) approved results at the decision step: the listed ones, or all of the cycle. */
export const acceptBody = z.object({
  evaluationIds: z.array(id).max(5000).optional(),
  decidedOn: isoDate,
});
/** How many results were accepted, and the decision issued for them (download: /api/documents/:id/file). */
export const acceptResult = z.object({ accepted: z.number().int(), documentId: id.nullable() });

/** Subjects whose automatic evidence was recomputed. */
export const refreshResult = z.object({ refreshed: z.number().int() });

/** Draw the re-inspection sample: a share of the units evaluated (seeded, so the draw can be repeated). */
export const sampleBody = z.object({
  share: z.number({ error: 'Tỷ lệ chọn mẫu phải là số từ 0,01 đến 1.' }).gt(0).max(1),
});
export const sampleResult = z.object({ sampled: z.number().int(), total: z.number().int() });

// ---------------------------------------------------------------- dashboard

export const dashboardQuery = z.object({
  programme: z.string().min(1, { error: 'Hãy chọn chương trình.' }),
  unitId: id.optional(),
  fromYear: year.optional(),
  toYear: year.optional(),
});

export const dashboardRow = z.object({
  unitId: id.nullable(),
  unitName: z.string(),
  year: z.number().int(),
  subjects: z.number().int(),
  /** Subjects with an accepted result. */
  rated: z.number().int(),
  /** Count per class key. */
  classes: z.record(z.string(), z.number().int()),
  /** Share (0–1) of the subjects recognised (top class, or "đạt" for recognition programmes). */
  recognisedShare: z.number().nullable(),
});

export const evaluationDashboard = z.object({
  programme: z.string(),
  programmeTitle: z.string(),
  unitId: id,
  unitName: z.string(),
  classes: z.array(z.object({ key: z.string(), label: z.string() })),
  /** The class counted as recognised. */
  recognisedClass: z.string(),
  years: z.array(z.number().int()),
  /** The viewed unit, per year. */
  totals: z.array(dashboardRow),
  /** Each child unit, per year. */
  rows: z.array(dashboardRow),
});
export type EvaluationDashboard = z.infer<typeof evaluationDashboard>;

export const comparisonQuery = z.object({
  programme: z.string().min(1, { error: 'Hãy chọn chương trình.' }),
  unitId: id.optional(),
  year,
});

export const comparisonRow = z.object({
  unitId: id,
  unitName: z.string(),
  /** Class keys of the year before and of the year, and their names as the criteria sets give them. */
  previous: z.string().nullable(),
  current: z.string().nullable(),
  previousLabel: z.string().nullable(),
  currentLabel: z.string().nullable(),
  movement: z.enum(MOVEMENTS),
});

const targetCheck = z.object({ share: z.number().nullable(), target: z.number(), met: z.boolean().nullable() });

export const evaluationComparison = z.object({
  programme: z.string(),
  year: z.number().int(),
  unitName: z.string(),
  total: z.number().int(),
  counts: z.record(z.enum(MOVEMENTS), z.number().int()),
  rated: targetCheck,
  movedUp: targetCheck,
  /** Units rated "advanced or above" last year that moved down (the target is none). */
  protectedDown: z.number().int(),
  meetsAll: z.boolean().nullable(),
  rows: z.array(comparisonRow),
});
export type EvaluationComparison = z.infer<typeof evaluationComparison>;
