import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import type { ImportJobDto } from '../../../../src/contracts/member-import';
import type { z } from 'zod';
import type { importFieldsResponse, importRowsPage } from '../../../../src/contracts/member-import';
import { api } from '../../lib/api';

export type ImportOutcome = 'create' | 'update' | 'unchanged' | 'reject';
export type ImportRow = z.infer<typeof importRowsPage>['items'][number];
type RowsPage = z.infer<typeof importRowsPage>;

/** Statuses during which the server is still working on the job (poll them). */
const BUSY: ImportJobDto['status'][] = ['queued', 'running', 'committing'];
export const isBusy = (job: ImportJobDto | undefined) => Boolean(job && BUSY.includes(job.status));

export const importKeys = {
  all: ['member-imports'] as const,
  job: (id: string) => ['member-imports', id] as const,
  rows: (id: string, outcome: ImportOutcome, stamp: string) => ['member-imports', id, 'rows', outcome, stamp] as const,
};

/** A job, polled every second while it is queued, being checked or being written. */
export const importJobOptions = (id: string) =>
  queryOptions({
    queryKey: importKeys.job(id),
    queryFn: () => api.get<ImportJobDto>(`/member-imports/${id}`),
    refetchInterval: (query) => (isBusy(query.state.data) ? 1000 : false),
    staleTime: 0,
  });

/** The rows of one outcome, by pages of row numbers; `stamp` (the job's updatedAt) refreshes them after a re-check. */
export const importRowsOptions = (id: string, outcome: ImportOutcome, stamp: string) =>
  infiniteQueryOptions({
    queryKey: importKeys.rows(id, outcome, stamp),
    queryFn: ({ pageParam }) =>
      api.get<RowsPage>(`/member-imports/${id}/rows`, { outcome, after: pageParam, limit: 50 }),
    initialPageParam: 0,
    getNextPageParam: (last) => last.next ?? undefined,
  });

export const importFieldsOptions = queryOptions({
  queryKey: ['member-imports', 'fields'],
  queryFn: () => api.get<z.infer<typeof importFieldsResponse>>('/member-imports/fields'),
  staleTime: Infinity,
});
