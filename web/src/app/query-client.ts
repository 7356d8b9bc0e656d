import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError } from '../lib/api';

/** A 401 anywhere but on login means the session ended: forget the account so the shell sends us to login. */
function onAuthError(client: () => QueryClient, error: unknown, skip: boolean) {
  if (skip || !(error instanceof ApiError) || error.status !== 401) return;
  client().setQueryData(['me'], null);
}

export function createQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      onError: (error, query) => onAuthError(() => client, error, query.queryKey[0] === 'me'),
    }),
    mutationCache: new MutationCache({
      onError: (error, _vars, _ctx, mutation) =>
        onAuthError(() => client, error, mutation.options.meta?.skipAuthRedirect === true),
    }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        retry: (count, error) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
      },
    },
  });
  return client;
}
