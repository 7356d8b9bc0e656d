import { infiniteQueryOptions, keepPreviousData, queryOptions, useQueryClient } from '@tanstack/react-query';
import type {
  DestinationOption,
  HostedMember,
  TransferDetail,
  TransferLookupResult,
  TransferPage,
  TransferSummary,
} from '../../../../src/contracts/transfers';
import type { TransferKind, TransferStatus } from '../../../../src/domain/workflows/transfer';
import { api } from '../../lib/api';
import { memberKeys } from '../members/member-queries';

/** The filters of a transfer list (the tabs of the transfers page). */
export interface TransferListFilter {
  direction: 'outgoing' | 'incoming' | 'all';
  kinds: TransferKind[];
  status?: TransferStatus[];
  overdue?: boolean;
  memberId?: string;
}

/** Every transfer query starts with 'transfers': invalidating it refreshes lists, counts and details. */
export const transferKeys = {
  all: ['transfers'] as const,
  list: (filter: TransferListFilter) => ['transfers', 'list', filter] as const,
  summary: ['transfers', 'summary'] as const,
  hosted: ['transfers', 'hosted'] as const,
  detail: (id: string) => ['transfers', 'detail', id] as const,
  lookup: (by: 'code' | 'cccd', value: string) => ['transfers', 'lookup', by, value] as const,
  destinations: (level: string, q: string) => ['transfers', 'destinations', level, q] as const,
};

/** A list of transfers, a page at a time ("Xem thêm"). */
export const transferListOptions = (filter: TransferListFilter) =>
  infiniteQueryOptions({
    queryKey: transferKeys.list(filter),
    queryFn: ({ pageParam }) =>
      api.get<TransferPage>('/transfers', {
        direction: filter.direction,
        kind: filter.kinds.join(','),
        status: filter.status?.join(','),
        overdue: filter.overdue === undefined ? undefined : String(filter.overdue),
        memberId: filter.memberId,
        limit: 50,
        cursor: pageParam,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next ?? undefined,
    placeholderData: keepPreviousData,
  });

/** Counts of the tabs (open, overdue, temporary). */
export const transferSummaryOptions = queryOptions({
  queryKey: transferKeys.summary,
  queryFn: () => api.get<TransferSummary>('/transfers/summary'),
});

/** Members in temporary participation at the account's branches. */
export const hostedOptions = queryOptions({
  queryKey: transferKeys.hosted,
  queryFn: () => api.get<HostedMember[]>('/transfers/hosted'),
});

/** One transfer with the actions the account may take. */
export const transferDetailOptions = (id: string) =>
  queryOptions({ queryKey: transferKeys.detail(id), queryFn: () => api.get<TransferDetail>(`/transfers/${id}`) });

/** A sent transfer found by the code on the letter or the member's CCCD (not retried: 404 is an answer). */
export const transferLookupOptions = (by: 'code' | 'cccd', value: string) =>
  queryOptions({
    queryKey: transferKeys.lookup(by, value),
    queryFn: () => api.get<TransferLookupResult>('/transfers/incoming', { [by]: value }),
    enabled: value.length > 0,
    retry: false,
  });

/** Receiving units anywhere in the country, searched from 2 characters. */
export const destinationOptions = (level: 'grassroots' | 'branch', q: string) =>
  queryOptions({
    queryKey: transferKeys.destinations(level, q),
    queryFn: () => api.get<DestinationOption[]>('/transfers/destinations', { q, level }),
    enabled: q.length >= 2,
    staleTime: 60_000,
    placeholderData: keepPreviousData,
  });

/** Refreshes every transfer and member query after a step (status and branch of the member change with it). */
export function useRefreshTransfers() {
  const queryClient = useQueryClient();
  return async (detail?: TransferDetail) => {
    if (detail) queryClient.setQueryData(transferKeys.detail(detail.id), detail);
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: transferKeys.all }),
      queryClient.invalidateQueries({ queryKey: memberKeys.all }),
    ]);
  };
}
