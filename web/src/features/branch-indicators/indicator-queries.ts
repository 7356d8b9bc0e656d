import { queryOptions } from '@tanstack/react-query';
import type {
  BranchBook,
  BranchDesignations,
  ByChildResponse,
  IndicatorKeyName,
  IndicatorListPage,
  IndicatorsResponse,
} from '../../../../src/contracts/branch-indicators';
import { api } from '../../lib/api';

/** A unit and a period of months. */
export interface PeriodQuery {
  unitId: string;
  from: string;
  to: string;
}

/** GET /api/branch-indicators. */
export const indicatorsOptions = (q: PeriodQuery) =>
  queryOptions({
    queryKey: ['branch-indicators', q],
    queryFn: () => api.get<IndicatorsResponse>('/branch-indicators', { ...q }),
  });

/** GET /api/branch-indicators/by-child. */
export const byChildOptions = (q: PeriodQuery) =>
  queryOptions({
    queryKey: ['branch-indicators', 'by-child', q],
    queryFn: () => api.get<ByChildResponse>('/branch-indicators/by-child', { ...q }),
  });

/** One page of GET /api/branch-indicators/:indicator/units. */
export const fetchIndicatorPage = (key: IndicatorKeyName, q: PeriodQuery, meets: boolean, cursor?: string) =>
  api.get<IndicatorListPage>(`/branch-indicators/${key}/units`, { ...q, meets: String(meets), cursor, limit: 20 });

/** GET /api/units/:id/branch-book. */
export const branchBookOptions = (unitId: string, year: number) =>
  queryOptions({
    queryKey: ['branch-book', unitId, year],
    queryFn: () => api.get<BranchBook>(`/units/${unitId}/branch-book`, { year }),
  });

/** GET /api/units/:id/designations. */
export const designationsOptions = (unitId: string) =>
  queryOptions({
    queryKey: ['designations', unitId],
    queryFn: () => api.get<BranchDesignations>(`/units/${unitId}/designations`),
  });

/** The download link of the branch book file. */
export const bookFileUrl = (unitId: string, year: number, format: 'xlsx' | 'docx') =>
  `/api/units/${unitId}/branch-book.${format}?year=${year}`;
