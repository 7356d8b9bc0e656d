import { queryOptions, useQueryClient } from '@tanstack/react-query';
import type { CriteriaResult, PartyIntroductionList, PartyStats } from '../../../../src/contracts/party-introductions';
import { api } from '../../lib/api';

/** Filters of an introduction list: a unit's subtree (with a year) or one member. */
export interface PartyFilter {
  unitId?: string;
  memberId?: string;
  year?: number;
}

/** Query keys: every Party introduction query starts with 'party-introductions'. */
export const partyKeys = {
  all: ['party-introductions'] as const,
  list: (f: PartyFilter) => ['party-introductions', 'list', f] as const,
  stats: (unitId: string, year: number) => ['party-introductions', 'stats', unitId, year] as const,
  criteria: (memberId: string, resolutionOn: string, cert: string) =>
    ['party-introductions', 'criteria', memberId, resolutionOn, cert] as const,
};

/** Introductions of a unit (and year) or of a member. */
export const partyListOptions = (f: PartyFilter) =>
  queryOptions({
    queryKey: partyKeys.list(f),
    queryFn: () => api.get<PartyIntroductionList>('/party-introductions', { ...f }),
    enabled: Boolean(f.unitId || f.memberId),
  });

/** The yearly report of a unit. */
export const partyStatsOptions = (unitId: string, year: number) =>
  queryOptions({
    queryKey: partyKeys.stats(unitId, year),
    queryFn: () => api.get<PartyStats>('/party-introductions/stats', { unitId, year }),
    enabled: Boolean(unitId),
  });

/** The criteria check of a member on a resolution date (refusals and warnings). */
export const criteriaOptions = (memberId: string, resolutionOn: string, cert: string) =>
  queryOptions({
    queryKey: partyKeys.criteria(memberId, resolutionOn, cert),
    queryFn: () =>
      api.get<CriteriaResult>('/party-introductions/criteria', {
        memberId,
        resolutionOn,
        awarenessCertificateNo: cert || undefined,
      }),
    enabled: Boolean(memberId && resolutionOn),
  });

/** Refreshes the introductions and the member records after a step. */
export function useRefreshParty() {
  const queryClient = useQueryClient();
  return async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: partyKeys.all }),
      queryClient.invalidateQueries({ queryKey: ['members'] }),
      queryClient.invalidateQueries({ queryKey: ['member-procedure-actions'] }),
    ]);
  };
}
