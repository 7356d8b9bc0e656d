import { z } from 'zod';
import { id, isoDate, optionalText, requiredText } from './common.js';
import {
  QUESTION_KINDS,
  SURVEY_STATUSES,
  questionIssues,
  surveyDateIssues,
  type DraftQuestion,
} from '../domain/branch-life/survey.js';
import type { FieldIssue } from '../domain/errors.js';

const version = z.number({ error: 'Thiếu số phiên bản (version) của khảo sát.' }).int();
const optionalDate = isoDate.nullable().optional();

/** A question as the builder sends it; the checks that name the question number run on the whole list. */
export const questionInput = z.object({
  /** Stable key of the question in the answers; given as "q1", "q2"... when left out. */
  key: z.string().max(40).nullable().optional(),
  text: z.string({ error: 'Hãy nhập nội dung câu hỏi.' }).max(2000),
  kind: z.enum(QUESTION_KINDS, {
    error: 'Loại câu hỏi phải là: một lựa chọn, nhiều lựa chọn, trả lời ngắn hoặc thang điểm 1–5.',
  }),
  /** 2–10 choices for single and multiple choice questions. */
  options: z.array(z.string().max(1000)).max(100).optional(),
  required: z.boolean().default(true),
});

function addIssues(ctx: z.RefinementCtx, issues: FieldIssue[]): void {
  for (const issue of issues)
    ctx.addIssue({ code: 'custom', message: issue.message, path: issue.field.split('.').map(pathPart) });
}
const pathPart = (p: string) => (/^\d+$/.test(p) ? Number(p) : p);

const surveyFields = {
  title: requiredText('Tên khảo sát', 200),
  description: optionalText('Lời giới thiệu', 4000),
  /** Anonymous: answers are stored without the respondent (who answered is still recorded apart). */
  anonymous: z.boolean(),
  /** First day answers are taken (inclusive); none = from opening. */
  opensOn: optionalDate,
  /** Last day answers are taken (inclusive); none = until closed. */
  closesOn: optionalDate,
  questions: z.array(questionInput).max(200),
};

/** POST /api/surveys: a draft survey of a unit, sent to its subtree when opened. */
export const createSurveyBody = z
  .object({ unitId: id, ...surveyFields, anonymous: surveyFields.anonymous.default(false) })
  .superRefine((b, ctx) => {
    addIssues(ctx, questionIssues(b.questions as DraftQuestion[]));
    addIssues(ctx, surveyDateIssues(b.opensOn ?? null, b.closesOn ?? null));
  });

/** PATCH /api/surveys/:id: changes a draft (only the fields sent). */
export const patchSurveyBody = z
  .object({ version, ...surveyFields })
  .partial()
  .required({ version: true })
  .superRefine((b, ctx) => {
    if (b.questions) addIssues(ctx, questionIssues(b.questions as DraftQuestion[]));
  });

/** Open and close: the version read. */
export const surveyVersionBody = z.object({ version });

/** GET /api/surveys */
export const surveysQuery = z.object({
  unitId: id.optional(),
  /** Surveys opened (or created, for drafts) in this year. */
  year: z.coerce.number().int().min(1956).max(2200).optional(),
});

/** GET /api/surveys/:id/results */
export const surveyResultsQuery = z.object({
  /** The part of the tree to count (default: the issuing unit, or the reader's own units below it). */
  unitId: id.optional(),
});

/** A stored question. */
export const surveyQuestion = z.object({
  key: z.string(),
  text: z.string(),
  kind: z.enum(QUESTION_KINDS),
  options: z.array(z.string()).optional(),
  required: z.boolean(),
});
export type SurveyQuestionDto = z.infer<typeof surveyQuestion>;

const answerWindow = z.enum(['draft', 'not_yet_open', 'open', 'closed']);

/** A survey in a list. */
export const surveySummary = z.object({
  id,
  unitId: id,
  unitName: z.string(),
  title: z.string(),
  anonymous: z.boolean(),
  status: z.enum(SURVEY_STATUSES),
  /** Whether answers are taken today. */
  window: answerWindow,
  opensOn: z.string().nullable(),
  closesOn: z.string().nullable(),
  questionCount: z.number().int(),
  /** Responses from the reader's part of the tree. */
  responses: z.number().int(),
  /** True when the survey was sent by a unit above the listed unit. */
  received: z.boolean(),
  createdAt: z.string(),
});
export type SurveySummary = z.infer<typeof surveySummary>;

/** GET /api/surveys */
export const surveyList = z.object({ items: z.array(surveySummary) });
export type SurveyList = z.infer<typeof surveyList>;

/** GET /api/surveys/:id */
export const surveyDetail = surveySummary.extend({
  description: z.string().nullable(),
  questions: z.array(surveyQuestion),
  version: z.number().int(),
  /** What the reader may do on it. */
  actions: z.array(z.enum(['edit', 'open', 'close'])),
});
export type SurveyDetail = z.infer<typeof surveyDetail>;

/** Participation in one part of the tree. */
export const participation = z.object({
  unitId: id,
  unitName: z.string(),
  /** Members in the union (temporary participants counted in their host branch). */
  members: z.number().int(),
  answered: z.number().int(),
  /** Percent with one decimal; null without members. */
  share: z.number().nullable(),
  /** True when it has units below (the results can be opened for it). */
  hasChildren: z.boolean(),
});
export type Participation = z.infer<typeof participation>;

/** The results of one question. */
export const questionResult = surveyQuestion.extend({
  answered: z.number().int(),
  counts: z.array(z.object({ option: z.string(), count: z.number().int() })),
  average: z.number().nullable(),
  /** Text answers; `memberName` only when the survey is not anonymous. */
  texts: z.array(z.object({ text: z.string(), unitName: z.string(), memberName: z.string().nullable() })),
});
export type QuestionResult = z.infer<typeof questionResult>;

/** GET /api/surveys/:id/results */
export const surveyResults = z.object({
  survey: surveySummary,
  /** The unit counted, with the way up to the issuing unit. */
  unit: z.object({ id, name: z.string() }),
  trail: z.array(z.object({ id, name: z.string() })),
  overall: participation,
  /** Per branch below a đoàn cơ sở, per child unit above. */
  groups: z.array(participation),
  questions: z.array(questionResult),
});
export type SurveyResults = z.infer<typeof surveyResults>;

/** One answer value: the option, the options, the text or the 1–5 value. */
export const answerValue = z.union([z.string().max(4000), z.array(z.string().max(1000)).max(20), z.number()]);

/** POST /api/me/surveys/:id/answers */
export const answerSurveyBody = z.object({
  answers: z.record(z.string().max(40), answerValue, { error: 'Thiếu câu trả lời.' }),
});
export type AnswerSurveyBody = z.infer<typeof answerSurveyBody>;

/** A survey a member may answer. */
export const mySurvey = z.object({
  id,
  title: z.string(),
  description: z.string().nullable(),
  unitName: z.string(),
  anonymous: z.boolean(),
  window: answerWindow,
  opensOn: z.string().nullable(),
  closesOn: z.string().nullable(),
  questionCount: z.number().int(),
  answered: z.boolean(),
  answeredAt: z.string().nullable(),
});
export type MySurvey = z.infer<typeof mySurvey>;

/** GET /api/me/surveys */
export const mySurveyList = z.object({ items: z.array(mySurvey) });
export type MySurveyList = z.infer<typeof mySurveyList>;

/** GET /api/me/surveys/:id */
export const mySurveyDetail = mySurvey.extend({ questions: z.array(surveyQuestion) });
export type MySurveyDetail = z.infer<typeof mySurveyDetail>;

export type CreateSurveyBody = z.input<typeof createSurveyBody>;
export type PatchSurveyBody = z.input<typeof patchSurveyBody>;
export type QuestionInput = z.input<typeof questionInput>;
