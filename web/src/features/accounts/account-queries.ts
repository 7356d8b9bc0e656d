import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import type { AccountDto } from '../../../../src/contracts/accounts';
import { GRANTABLE, ROLES, type Role } from '../../../../src/domain/auth/permissions';
import type { MeResponse } from '../../../../src/contracts/auth';
import { api } from '../../lib/api';

export interface AccountPage {
  items: AccountDto[];
  next: string | null;
  total?: number;
}

export const accountKeys = {
  all: ['accounts'] as const,
  list: (q: string) => ['accounts', 'list', q] as const,
  detail: (id: string) => ['accounts', 'detail', id] as const,
};

export const accountListOptions = (q: string) =>
  infiniteQueryOptions({
    queryKey: accountKeys.list(q),
    queryFn: ({ pageParam }) => api.get<AccountPage>('/accounts', { q, limit: 50, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next ?? undefined,
  });

export const accountOptions = (id: string) =>
  queryOptions({ queryKey: accountKeys.detail(id), queryFn: () => api.get<AccountDto>(`/accounts/${id}`) });

/** Roles the signed-in account may give (never more than it holds). */
export function grantableRoles(me: MeResponse): Role[] {
  const allowed = new Set(me.roles.flatMap((r) => GRANTABLE[r.role]));
  return ROLES.filter((r) => allowed.has(r));
}
