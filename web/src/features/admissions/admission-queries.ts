import { infiniteQueryOptions, keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { AdmissionPage, CandidateDetail, RecruitmentCredit } from '../../../../src/contracts/admissions';
import type { AdmissionStatus } from '../../../../src/domain/workflows/admission';
import { api } from '../../lib/api';

const PAGE_SIZE = 50;

/** Every admission query starts with 'admissions': invalidating it refreshes lists, records and "1+1". */
export const admissionKeys = {
  all: ['admissions'] as const,
  list: (unitId: string, status: AdmissionStatus | undefined, q: string) =>
    ['admissions', 'list', unitId, status ?? 'all', q] as const,
  detail: (id: string) => ['admissions', 'detail', id] as const,
  credit: (unitId: string, year: number | undefined) => ['admissions', 'credit', unitId, year ?? 'all'] as const,
};

/** The candidates of a unit's subtree, a keyset page at a time, with the counts per status. */
export const admissionListOptions = (unitId: string, status: AdmissionStatus | undefined, q: string) =>
  infiniteQueryOptions({
    queryKey: admissionKeys.list(unitId, status, q),
    queryFn: ({ pageParam }) =>
      api.get<AdmissionPage>('/admissions', { unitId, status, q, limit: PAGE_SIZE, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next ?? undefined,
    placeholderData: keepPreviousData,
  });

/** One candidate with steps and actions. */
export const candidateOptions = (id: string) =>
  queryOptions({ queryKey: admissionKeys.detail(id), queryFn: () => api.get<CandidateDetail>(`/admissions/${id}`) });

/** "1+1" credit of a unit's subtree. */
export const creditOptions = (unitId: string, year: number | undefined) =>
  queryOptions({
    queryKey: admissionKeys.credit(unitId, year),
    queryFn: () => api.get<RecruitmentCredit>('/admissions/recruitment', { unitId, year }),
  });
