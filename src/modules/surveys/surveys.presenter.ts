import type { MySurvey, SurveyQuestionDto, SurveySummary } from '../../contracts/surveys.js';
import { answerWindow, type SurveyQuestion, type SurveyStatus } from '../../domain/branch-life/survey.js';
import type { SurveyRow } from './surveys.queries.js';

/** The stored questions of a survey. */
export function questionsOf(row: SurveyRow): SurveyQuestion[] {
  return Array.isArray(row.questions) ? (row.questions as SurveyQuestion[]) : [];
}

/** The questions as sent to clients. */
export function questionDtos(row: SurveyRow): SurveyQuestionDto[] {
  return questionsOf(row).map((q) => (q.options ? { ...q, options: [...q.options] } : { ...q }));
}

/** A survey in a cadre's list. */
export function toSummary(
  row: SurveyRow,
  unitName: string,
  today: string,
  extra: { responses: number; received: boolean },
): SurveySummary {
  return {
    id: row.id,
    unitId: row.unitId,
    unitName,
    title: row.title,
    anonymous: row.anonymous,
    status: row.status as SurveyStatus,
    window: answerWindow(row, today),
    opensOn: row.opensOn,
    closesOn: row.closesOn,
    questionCount: questionsOf(row).length,
    responses: extra.responses,
    received: extra.received,
    createdAt: row.createdAt.toISOString(),
  };
}

/** A survey as a member sees it. */
export function toMySurvey(row: SurveyRow, unitName: string, today: string, answeredAt: Date | null): MySurvey {
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    unitName,
    anonymous: row.anonymous,
    window: answerWindow(row, today),
    opensOn: row.opensOn,
    closesOn: row.closesOn,
    questionCount: questionsOf(row).length,
    answered: answeredAt !== null,
    answeredAt: answeredAt ? answeredAt.toISOString() : null,
  };
}
