import { infiniteQueryOptions, keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { CardRegisterPage, CardScheme, MemberCards } from '../../../../src/contracts/member-cards';
import { api } from '../../lib/api';

/** Every card query starts with 'member-cards'. */
export const cardKeys = {
  all: ['member-cards'] as const,
  member: (id: string) => ['member-cards', 'member', id] as const,
  scheme: (unitId: string) => ['member-cards', 'scheme', unitId] as const,
  register: (unitId: string, year: number | undefined) => ['member-cards', 'register', unitId, year ?? 'all'] as const,
};

/** A member's cards and the actions on them. */
export const memberCardsOptions = (memberId: string) =>
  queryOptions({
    queryKey: cardKeys.member(memberId),
    queryFn: () => api.get<MemberCards>(`/members/${memberId}/cards`),
  });

/** A unit's numbering scheme. */
export const cardSchemeOptions = (unitId: string) =>
  queryOptions({
    queryKey: cardKeys.scheme(unitId),
    queryFn: () => api.get<CardScheme>(`/units/${unitId}/card-scheme`),
  });

/** The card register of a unit's subtree, a page at a time. */
export const cardRegisterOptions = (unitId: string, year: number | undefined) =>
  infiniteQueryOptions({
    queryKey: cardKeys.register(unitId, year),
    queryFn: ({ pageParam }) =>
      api.get<CardRegisterPage>(`/units/${unitId}/card-register`, { year, limit: 100, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next ?? undefined,
    placeholderData: keepPreviousData,
  });
