import { infiniteQueryOptions, keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { MemberCount, MemberDetail, MemberPage } from '../../../../src/contracts/members';
import { api } from '../../lib/api';
import { memberQuery, type MemberFilter } from './member-search';

const PAGE_SIZE = 50;

/** The filter without its order: the count of a list does not depend on it. */
function countFilter(filter: MemberFilter): MemberFilter {
  const { sort: _sort, ...rest } = filter;
  return rest;
}

/** Every member query starts with 'members': invalidating it refreshes lists, counts and records. */
export const memberKeys = {
  all: ['members'] as const,
  list: (unitId: string, filter: MemberFilter) => ['members', 'list', unitId, filter] as const,
  count: (unitId: string, filter: MemberFilter) => ['members', 'count', unitId, countFilter(filter)] as const,
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

/** How many members the filtered list holds, fetched beside the first page so the page never waits for it. */
export const memberCountOptions = (unitId: string, filter: MemberFilter) =>
  queryOptions({
    queryKey: memberKeys.count(unitId, filter),
    queryFn: () => {
      const { sort: _sort, ...query } = memberQuery(unitId, filter);
      return api.get<MemberCount>('/members/count', query);
    },
  });

export const memberDetailOptions = (id: string) =>
  queryOptions({ queryKey: memberKeys.detail(id), queryFn: () => api.get<MemberDetail>(`/members/${id}`) });
