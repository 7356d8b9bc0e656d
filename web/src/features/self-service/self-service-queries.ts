import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import type { ChangeRequestPage, MemberCard, SelfProfile } from '../../../../src/contracts/self-service';
import type { ChangeRequestStatus } from '../../../../src/domain/members/self-service';
import { api } from '../../lib/api';

/** Every self-service query starts with 'self-service': invalidating it refreshes profile, card and requests. */
export const selfServiceKeys = {
  all: ['self-service'] as const,
  profile: ['self-service', 'profile'] as const,
  card: ['self-service', 'card'] as const,
  requests: (status: ChangeRequestStatus, unitId?: string) => ['self-service', 'requests', status, unitId] as const,
};

/** The signed-in member's own record. */
export const ownProfileOptions = queryOptions({
  queryKey: selfServiceKeys.profile,
  queryFn: () => api.get<SelfProfile>('/me/member'),
});

/** The signed-in member's e-card. */
export const ownCardOptions = queryOptions({
  queryKey: selfServiceKeys.card,
  queryFn: () => api.get<MemberCard>('/me/card'),
});

/** Change requests in the cadre's scope, a keyset page at a time. */
export const changeRequestsOptions = (status: ChangeRequestStatus, unitId?: string) =>
  infiniteQueryOptions({
    queryKey: selfServiceKeys.requests(status, unitId),
    queryFn: ({ pageParam }) =>
      api.get<ChangeRequestPage>('/member-change-requests', { status, unitId, cursor: pageParam, limit: 30 }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next ?? undefined,
  });

/** The address of a member's photo; `version` changes after an upload so the browser fetches it again. */
export function photoUrl(memberId: string, version?: string | number): string {
  return `/api/members/${memberId}/photo${version ? `?v=${encodeURIComponent(String(version))}` : ''}`;
}
