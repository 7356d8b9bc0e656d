import { infiniteQueryOptions, keepPreviousData, queryOptions, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  acceptBody,
  acceptResult,
  copyCriteriaSetBody,
  CriteriaSetDetail,
  CriteriaSetSummary,
  CycleDetail,
  CycleSummary,
  EvaluationComparison,
  EvaluationDashboard,
  EvaluationDetail,
  EvaluationRow,
  FollowUpCandidate,
  MyEvaluationRow,
  openCycleBody,
  ProgressBoard,
  refreshResult,
  reopenBody,
  reviewBody,
  sampleResult,
  saveSelfBody,
  updateCriteriaSetBody,
} from '../../../../src/contracts/evaluations';
import type { StepKey, StepStatus } from '../../../../src/domain/evaluations/cycle-steps';
import { api, type Query } from '../../lib/api';

/** Request bodies, as the contract accepts them. */
export type OpenCycleBody = z.input<typeof openCycleBody>;
export type SaveSelfBody = z.input<typeof saveSelfBody>;
export type ReviewBody = z.input<typeof reviewBody>;
export type ReopenBody = z.input<typeof reopenBody>;
export type AcceptBody = z.input<typeof acceptBody>;
export type UpdateCriteriaSetBody = z.input<typeof updateCriteriaSetBody>;
export type CopyCriteriaSetBody = z.input<typeof copyCriteriaSetBody>;
export type AcceptResult = z.infer<typeof acceptResult>;
export type SampleResult = z.infer<typeof sampleResult>;
export type RefreshResult = z.infer<typeof refreshResult>;

/** One page of a cycle's subjects. */
export interface EvaluationPage {
  items: EvaluationRow[];
  next: string | null;
}

/** Filters of the subject list of a cycle. */
export interface SubjectFilter {
  unitId?: string;
  step?: StepKey;
  status?: StepStatus;
  late?: boolean;
  q?: string;
}

/** Filters of the dashboard and the comparison. */
export interface DashboardFilter {
  programme: string;
  unitId?: string;
  fromYear?: number;
  toYear?: number;
}

const base = '/evaluations';

/** Every evaluation query starts with 'evaluations': invalidating it refreshes lists, boards and files. */
export const evaluationKeys = {
  all: ['evaluations'] as const,
  detail: (id: string) => ['evaluations', 'one', id] as const,
  cycle: (id: string) => ['evaluations', 'cycle', id] as const,
  set: (id: string) => ['evaluations', 'criteria-set', id] as const,
};

export const criteriaSetsOptions = queryOptions({
  queryKey: ['evaluations', 'criteria-sets'],
  queryFn: () => api.get<CriteriaSetSummary[]>(`${base}/criteria-sets`),
  staleTime: 60_000,
});

export const criteriaSetOptions = (id: string) =>
  queryOptions({
    queryKey: evaluationKeys.set(id),
    queryFn: () => api.get<CriteriaSetDetail>(`${base}/criteria-sets/${id}`),
    enabled: Boolean(id),
  });

export const cyclesOptions = (filter: { year?: number; programme?: string }) =>
  queryOptions({
    queryKey: ['evaluations', 'cycles', filter],
    queryFn: () => api.get<CycleSummary[]>(`${base}/cycles`, { ...filter }),
    placeholderData: keepPreviousData,
  });

export const cycleOptions = (id: string) =>
  queryOptions({ queryKey: evaluationKeys.cycle(id), queryFn: () => api.get<CycleDetail>(`${base}/cycles/${id}`) });

export const boardOptions = (cycleId: string, unitId?: string) =>
  queryOptions({
    queryKey: ['evaluations', 'board', cycleId, unitId ?? null],
    queryFn: () => api.get<ProgressBoard>(`${base}/cycles/${cycleId}/board`, { unitId }),
    placeholderData: keepPreviousData,
  });

/** The subjects of a cycle, a page at a time ("Xem thêm"). */
export const subjectsOptions = (cycleId: string, f: SubjectFilter) =>
  infiniteQueryOptions({
    queryKey: ['evaluations', 'subjects', cycleId, f],
    queryFn: ({ pageParam }) => {
      const query: Query = { ...f, late: f.late === undefined ? undefined : String(f.late), cursor: pageParam };
      return api.get<EvaluationPage>(`${base}/cycles/${cycleId}/evaluations`, { ...query, limit: 50 });
    },
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next ?? undefined,
    placeholderData: keepPreviousData,
  });

export const evaluationOptions = (id: string) =>
  queryOptions({ queryKey: evaluationKeys.detail(id), queryFn: () => api.get<EvaluationDetail>(`${base}/${id}`) });

export const mineOptions = queryOptions({
  queryKey: ['evaluations', 'mine'],
  queryFn: () => api.get<MyEvaluationRow[]>(`${base}/mine`),
});

/** The cadres the actor may pick to follow a file (only asked when the file allows assigning). */
export const followUpCandidatesOptions = (evaluationId: string, enabled: boolean) =>
  queryOptions({
    queryKey: ['evaluations', 'follow-up-candidates', evaluationId],
    queryFn: () => api.get<FollowUpCandidate[]>(`${base}/${evaluationId}/follow-up-candidates`),
    enabled,
    staleTime: 60_000,
  });

export const dashboardOptions = (f: DashboardFilter) =>
  queryOptions({
    queryKey: ['evaluations', 'dashboard', f],
    queryFn: () => api.get<EvaluationDashboard>(`${base}/dashboard`, { ...f }),
    placeholderData: keepPreviousData,
  });

export const comparisonOptions = (f: { programme: string; unitId?: string; year: number }) =>
  queryOptions({
    queryKey: ['evaluations', 'comparison', f],
    queryFn: () => api.get<EvaluationComparison>(`${base}/comparison`, { ...f }),
    placeholderData: keepPreviousData,
  });

/** Refreshes every evaluation query after a change, keeping the returned file. */
export function useRefreshEvaluations() {
  const client = useQueryClient();
  return async (saved?: EvaluationDetail) => {
    if (saved) client.setQueryData(evaluationKeys.detail(saved.id), saved);
    await client.invalidateQueries({ queryKey: evaluationKeys.all });
  };
}

/** The result workbook of a cycle (for the viewed unit's subtree). */
export const resultsXlsxUrl = (cycleId: string, unitId?: string) =>
  `/api${base}/cycles/${cycleId}/results.xlsx${unitId ? `?unitId=${unitId}` : ''}`;

/** A file attached to an evaluation. */
export const evaluationFileUrl = (evaluationId: string, fileId: string) =>
  `/api${base}/${evaluationId}/files/${fileId}`;

/** The decision issued when results are accepted. */
export const decisionUrl = (documentId: string) => `/api/documents/${documentId}/file`;
