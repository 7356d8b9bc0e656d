import { infiniteQueryOptions, keepPreviousData, queryOptions, useQueryClient } from '@tanstack/react-query';
import type { CareRecordDetail, CareRecordPage, CareSuggestionList, CareSummary } from '../../../../src/contracts/care';
import type { CareCategory } from '../../../../src/domain/branch-life/care';
import { api } from '../../lib/api';

/** The filters of a care list. */
export interface CareFilter {
  unitId: string;
  year: number;
  status: 'open' | 'closed' | 'all';
  category?: CareCategory;
  who?: 'member' | 'youth';
  q?: string;
}

/** Every care query starts with 'care': invalidating it refreshes lists, counts and records. */
export const careKeys = {
  all: ['care'] as const,
  list: (f: CareFilter) => ['care', 'list', f] as const,
  summary: (unitId: string, year: number) => ['care', 'summary', unitId, year] as const,
  suggestions: (unitId: string) => ['care', 'suggestions', unitId] as const,
  detail: (id: string) => ['care', 'detail', id] as const,
};

/** A care list, a page at a time ("Xem thêm"). */
export const careListOptions = (f: CareFilter) =>
  infiniteQueryOptions({
    queryKey: careKeys.list(f),
    queryFn: ({ pageParam }) => api.get<CareRecordPage>('/care-records', { ...f, limit: 50, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next ?? undefined,
    placeholderData: keepPreviousData,
    enabled: Boolean(f.unitId),
  });

/** Counts of a unit's care list. */
export const careSummaryOptions = (unitId: string, year: number) =>
  queryOptions({
    queryKey: careKeys.summary(unitId, year),
    queryFn: () => api.get<CareSummary>('/care-records/summary', { unitId, year }),
    enabled: Boolean(unitId),
  });

/** Flagged members who are not on the list. */
export const careSuggestionsOptions = (unitId: string) =>
  queryOptions({
    queryKey: careKeys.suggestions(unitId),
    queryFn: () => api.get<CareSuggestionList>('/care-records/suggestions', { unitId }),
  });

/** One record with its help. */
export const careDetailOptions = (id: string) =>
  queryOptions({ queryKey: careKeys.detail(id), queryFn: () => api.get<CareRecordDetail>(`/care-records/${id}`) });

/** Refreshes every care query after a change, keeping the saved record. */
export function useRefreshCare() {
  const queryClient = useQueryClient();
  return async (saved?: CareRecordDetail) => {
    if (saved) queryClient.setQueryData(careKeys.detail(saved.id), saved);
    await queryClient.invalidateQueries({ queryKey: careKeys.all });
  };
}

/** "1.500.000 đ". */
export function formatVnd(amount: number): string {
  return `${new Intl.NumberFormat('vi-VN').format(amount)} đ`;
}
