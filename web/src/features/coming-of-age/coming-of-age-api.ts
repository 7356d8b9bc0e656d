import { queryOptions, useQueryClient } from '@tanstack/react-query';
import type { ComingOfAgeList } from '../../../../src/contracts/coming-of-age';
import { api } from '../../lib/api';

/** Query keys: every coming-of-age query starts with 'coming-of-age'. */
export const comingOfAgeKeys = {
  all: ['coming-of-age'] as const,
  list: (unitId: string, year: number) => ['coming-of-age', 'list', unitId, year] as const,
};

/** The yearly list of a unit. */
export const comingOfAgeListOptions = (unitId: string, year: number) =>
  queryOptions({
    queryKey: comingOfAgeKeys.list(unitId, year),
    queryFn: () => api.get<ComingOfAgeList>('/coming-of-age', { unitId, year }),
    enabled: Boolean(unitId),
  });

/** Refreshes the lists and the member records after a change. */
export function useRefreshComingOfAge() {
  const queryClient = useQueryClient();
  return async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: comingOfAgeKeys.all }),
      queryClient.invalidateQueries({ queryKey: ['members'] }),
    ]);
  };
}
