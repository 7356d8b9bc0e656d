import { infiniteQueryOptions, queryOptions, useQueryClient } from '@tanstack/react-query';
import type { ArrearsPage, CollectFeesBody, FeeCollection, FeesView, UnitFees } from '../../../../src/contracts/fees';
import { api } from '../../lib/api';
import { addMonths, monthLabel } from '../../../../src/domain/branch-life/months';

/** The fee view of a unit and year: a branch's member grid or a higher unit's first page of branches. */
export const feesOptions = (unitId: string, year: number) =>
  queryOptions({
    queryKey: ['fees', 'view', unitId, year],
    queryFn: () => api.get<FeesView>('/fees', { unitId, year }),
    enabled: Boolean(unitId),
  });

/** The further pages of branches of a higher unit (keyset by name). */
export const branchPagesOptions = (unitId: string, year: number, first: UnitFees['branches']) =>
  infiniteQueryOptions({
    queryKey: ['fees', 'branches', unitId, year, first.next],
    queryFn: ({ pageParam }) => api.get<UnitFees>('/fees', { unitId, year, after: pageParam }).then((v) => v.branches),
    initialPageParam: first.next ?? '',
    getNextPageParam: (last) => last.next ?? undefined,
    enabled: false,
  });

/** Members owing in a unit's subtree, page by page. */
export const arrearsOptions = (unitId: string, minMonths: number) =>
  infiniteQueryOptions({
    queryKey: ['fees', 'arrears', unitId, minMonths],
    queryFn: ({ pageParam }) =>
      api.get<ArrearsPage>('/fees/arrears', { unitId, minMonths, after: pageParam || undefined }),
    initialPageParam: '',
    getNextPageParam: (last) => last.next ?? undefined,
  });

/** What a collection would write (all checks, nothing written). */
export const quoteOptions = (body: CollectFeesBody | null) =>
  queryOptions({
    queryKey: ['fees', 'quote', body],
    queryFn: () => api.post<FeeCollection>('/fees/payments/quote', body),
    enabled: Boolean(body && body.items.length > 0 && body.items.every((i) => i.months.length > 0)),
    retry: false,
  });

/** Refetches every fee query after a change. */
export function useRefreshFees() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: ['fees'] });
}

/** "MM/YYYY" of a "YYYY-MM". */
export const monthText = (month: string | null | undefined) => (month ? monthLabel(month) : '');

/** "YYYY-MM" moved by `delta` months. */
export const shiftMonth = addMonths;

/** The twelve months of a year. */
export const monthsOfYear = (year: number) =>
  Array.from({ length: 12 }, (_v, i) => `${year}-${String(i + 1).padStart(2, '0')}`);

/** An amount in VND with Vietnamese thousands separators ("16.000 đ"). */
export const money = (amount: number) => `${new Intl.NumberFormat('vi-VN').format(amount)} đ`;

/** Where the fee ledger of a unit is downloaded. */
export const ledgerUrl = (unitId: string, year: number) => `/api/units/${unitId}/fee-ledger.xlsx?year=${year}`;
