import { queryOptions, useQueryClient } from '@tanstack/react-query';
import type {
  MySurveyDetail,
  MySurveyList,
  SurveyDetail,
  SurveyList,
  SurveyResults,
} from '../../../../src/contracts/surveys';
import { api } from '../../lib/api';

/** Every survey query starts with 'surveys': invalidating it refreshes lists, details and results. */
export const surveyKeys = {
  all: ['surveys'] as const,
  list: (unitId: string, year: number) => ['surveys', 'list', unitId, year] as const,
  detail: (id: string) => ['surveys', 'detail', id] as const,
  results: (id: string, unitId: string | undefined) => ['surveys', 'results', id, unitId ?? ''] as const,
  mine: ['surveys', 'mine'] as const,
  mineDetail: (id: string) => ['surveys', 'mine', id] as const,
};

/** Surveys of a unit's subtree and those sent to it, in a year. */
export const surveyListOptions = (unitId: string, year: number) =>
  queryOptions({
    queryKey: surveyKeys.list(unitId, year),
    queryFn: () => api.get<SurveyList>('/surveys', { unitId, year }),
  });

/** One survey (cadre view). */
export const surveyDetailOptions = (id: string) =>
  queryOptions({ queryKey: surveyKeys.detail(id), queryFn: () => api.get<SurveyDetail>(`/surveys/${id}`) });

/** The results of a survey over a part of the tree. */
export const surveyResultsOptions = (id: string, unitId: string | undefined) =>
  queryOptions({
    queryKey: surveyKeys.results(id, unitId),
    queryFn: () => api.get<SurveyResults>(`/surveys/${id}/results`, { unitId }),
  });

/** The open surveys sent to the signed-in member. */
export const mySurveysOptions = queryOptions({
  queryKey: surveyKeys.mine,
  queryFn: () => api.get<MySurveyList>('/me/surveys'),
});

/** One survey sent to the signed-in member, with its questions. */
export const mySurveyOptions = (id: string) =>
  queryOptions({ queryKey: surveyKeys.mineDetail(id), queryFn: () => api.get<MySurveyDetail>(`/me/surveys/${id}`) });

/** Refreshes every survey query after a change. */
export function useRefreshSurveys() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: surveyKeys.all });
}
