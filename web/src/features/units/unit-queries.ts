import { queryOptions, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type {
  TreeNodeAsOf,
  UnitDetail,
  UnitKindDto,
  UnitSummary,
  UnitVersionDto,
} from '../../../../src/contracts/units';
import { api } from '../../lib/api';

/** Every unit query starts with 'units': invalidating it refreshes pages, lists and the tree. */
export const unitKeys = {
  all: ['units'] as const,
  detail: (id: string) => ['units', id, 'detail'] as const,
  children: (id: string, includeClosed: boolean) => ['units', id, 'children', includeClosed] as const,
  history: (id: string) => ['units', id, 'history'] as const,
  search: (q: string, includeClosed: boolean) => ['units', 'search', q, includeClosed] as const,
  treeAsOf: (date: string, rootId?: string) => ['units', 'tree-as-of', date, rootId ?? null] as const,
};

export const unitDetailOptions = (id: string) =>
  queryOptions({ queryKey: unitKeys.detail(id), queryFn: () => api.get<UnitDetail>(`/units/${id}`) });

export const unitChildrenOptions = (id: string, includeClosed: boolean) =>
  queryOptions({
    queryKey: unitKeys.children(id, includeClosed),
    queryFn: () => api.get<UnitSummary[]>(`/units/${id}/children`, { includeClosed }),
  });

export const unitHistoryOptions = (id: string) =>
  queryOptions({
    queryKey: unitKeys.history(id),
    queryFn: () => api.get<{ versions: UnitVersionDto[] }>(`/units/${id}/history`),
  });

export const unitSearchOptions = (q: string, includeClosed = false, limit = 20) =>
  queryOptions({
    queryKey: unitKeys.search(q, includeClosed),
    // `includeClosed` is only sent when true: the server coerces any present value (even "false") to true.
    queryFn: () => api.get<UnitSummary[]>('/units/search', { q, includeClosed: includeClosed || undefined, limit }),
    staleTime: 60_000,
  });

export const treeAsOfOptions = (date: string, rootId?: string) =>
  queryOptions({
    queryKey: unitKeys.treeAsOf(date, rootId),
    queryFn: () => api.get<TreeNodeAsOf[]>('/units/tree-as-of', { date, rootId }),
  });

export const unitKindsOptions = queryOptions({
  queryKey: ['unit-kinds'],
  queryFn: () => api.get<UnitKindDto[]>('/unit-kinds'),
  staleTime: 10 * 60_000,
});

/** The level kinds, and their names in the current language. */
export function useUnitKinds() {
  const { i18n } = useTranslation();
  const query = useQuery(unitKindsOptions);
  const kinds = query.data ?? [];
  const byCode = new Map(kinds.map((k) => [k.code, k]));
  const kindName = (code: string) => {
    const kind = byCode.get(code);
    if (!kind) return code;
    return i18n.language === 'en' ? kind.nameEn : kind.nameVi;
  };
  return { ...query, kinds, byCode, kindName };
}
