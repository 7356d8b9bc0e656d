import { queryOptions } from '@tanstack/react-query';
import type { MeResponse } from '../../../../src/contracts/auth';
import { api, ApiError } from '../../lib/api';

/** The signed-in account, or null when nobody is signed in. */
export const meQueryOptions = queryOptions({
  queryKey: ['me'],
  queryFn: async (): Promise<MeResponse | null> => {
    try {
      return await api.get<MeResponse>('/auth/me');
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) return null;
      throw error;
    }
  },
  staleTime: 5 * 60_000,
});
