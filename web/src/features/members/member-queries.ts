import { infiniteQueryOptions, keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { MemberDetail, MemberPage } from '../../../../src/contracts/members';
import { api } from '../../lib/api';
import { memberQuery, type MemberFilter } from './member-search';

const PAGE_SIZE = 50;

/** Every member query starts with 'members': invalidating it refreshes lists and records. */
export const memberKeys = {
  all: ['members'] as const,
  list: (unitId: string, filter: MemberFilter) => ['members', 'list', unitId, filter] as const,
  detail: (id: string) => ['members', 'detail', id] as const,
};

/** The members of a unit's subtree, a keyset page at a time ("Xem thêm"). */
export const memberListOptions = (unitId: string, filter: MemberFilter) =>
  infiniteQueryOptions({
    queryKey: memberKeys.list(unitId, filter),
    queryFn: ({ pageParam }) =>
      api.get<MemberPage>('/members', { ...memberQuery(unitId, filter), limit: PAGE_SIZE, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next ?? undefined,
    placeholderData: keepPreviousData,
  });

export const memberDetailOptions = (id: string) =>
  queryOptions({ queryKey: memberKeys.detail(id), queryFn: () => api.get<MemberDetail>(`/members/${id}`) });
