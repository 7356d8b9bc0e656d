import { queryOptions, useQueryClient } from '@tanstack/react-query';
import type { DisciplineList, DisciplineOptions } from '../../../../src/contracts/discipline';
import { api } from '../../lib/api';

/** Filters of a discipline list: a unit's subtree (with a year) or one member. */
export interface DisciplineFilter {
  unitId?: string;
  memberId?: string;
  year?: number;
}

/** Query keys: every discipline query starts with 'disciplines'. */
export const disciplineKeys = {
  all: ['disciplines'] as const,
  list: (f: DisciplineFilter) => ['disciplines', 'list', f] as const,
  options: (subject: { memberId?: string; unitId?: string }) => ['disciplines', 'options', subject] as const,
};

/** Discipline records, newest first. */
export const disciplineListOptions = (f: DisciplineFilter) =>
  queryOptions({
    queryKey: disciplineKeys.list(f),
    queryFn: () => api.get<DisciplineList>('/disciplines', { ...f }),
    enabled: Boolean(f.unitId || f.memberId),
  });

/** The forms, deciders and vote rule for a subject. */
export const disciplineOptionsFor = (subject: { memberId?: string; unitId?: string }) =>
  queryOptions({
    queryKey: disciplineKeys.options(subject),
    queryFn: () => api.get<DisciplineOptions>('/disciplines/options', { ...subject }),
    enabled: Boolean(subject.memberId || subject.unitId),
  });

/** Refreshes discipline lists and member records after a decision. */
export function useRefreshDisciplines() {
  const queryClient = useQueryClient();
  return async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: disciplineKeys.all }),
      queryClient.invalidateQueries({ queryKey: ['members'] }),
      queryClient.invalidateQueries({ queryKey: ['member-procedure-actions'] }),
    ]);
  };
}
