import { SURVEY_LIMITS, type Answers, type SurveyQuestion } from './survey.js';

/** How often one option (or one scale value) was chosen. */
export interface OptionCount {
  option: string;
  count: number;
}

/** The tally of one question over a set of responses. */
export interface QuestionTally {
  key: string;
  /** Responses that answered the question. */
  answered: number;
  /** Choice questions: each option; scale questions: each value 1–5 (as text). */
  counts: OptionCount[];
  /** The mean of a scale question, rounded to 2 decimals; null otherwise or without answers. */
  average: number | null;
  /** Indexes (in the given responses) of the responses that wrote a text answer. */
  textIndexes: number[];
}

/** A response for tallying: its answers only. */
export interface TallyResponse {
  answers: Answers;
}

const SCALE_VALUES = Array.from(
  { length: SURVEY_LIMITS.scaleMax - SURVEY_LIMITS.scaleMin + 1 },
  (_, i) => SURVEY_LIMITS.scaleMin + i,
);

function chosen(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return typeof value === 'string' ? [value] : [];
}

/** Counts each option, each scale value, the scale average and the text answers of one question. */
export function tallyQuestion(q: SurveyQuestion, responses: readonly TallyResponse[]): QuestionTally {
  const values = responses.map((r) => r.answers[q.key]);
  const answeredIdx = values.flatMap((v, i) => (v === undefined || v === null || v === '' ? [] : [i]));
  const base = { key: q.key, answered: answeredIdx.length, counts: [], average: null, textIndexes: [] };
  if (q.kind === 'text') return { ...base, textIndexes: answeredIdx };
  if (q.kind === 'scale') {
    const numbers = values.filter((v): v is number => typeof v === 'number');
    const sum = numbers.reduce((a, b) => a + b, 0);
    return {
      ...base,
      answered: numbers.length,
      counts: SCALE_VALUES.map((n) => ({ option: String(n), count: numbers.filter((v) => v === n).length })),
      average: numbers.length ? Math.round((sum / numbers.length) * 100) / 100 : null,
    };
  }
  const picks = values.flatMap(chosen);
  return {
    ...base,
    counts: (q.options ?? []).map((option) => ({ option, count: picks.filter((p) => p === option).length })),
  };
}

/** Tallies every question of a survey. */
export function tallySurvey(
  questions: readonly SurveyQuestion[],
  responses: readonly TallyResponse[],
): QuestionTally[] {
  return questions.map((q) => tallyQuestion(q, responses));
}

/** The share of members who answered, in percent with one decimal; null when there are no members. */
export function answerShare(answered: number, members: number): number | null {
  if (members <= 0) return null;
  return Math.round((answered / members) * 1000) / 10;
}
