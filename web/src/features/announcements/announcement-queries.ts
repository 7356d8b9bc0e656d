import { infiniteQueryOptions, keepPreviousData, queryOptions, useQueryClient } from '@tanstack/react-query';
import type {
  AnnouncementDetail,
  AnnouncementPage,
  AnnouncementReads,
  MyAnnouncementDetail,
  MyAnnouncementPage,
} from '../../../../src/contracts/announcements';
import { api } from '../../lib/api';

/** Every announcement query starts with 'announcements': invalidating it refreshes lists, details and figures. */
export const announcementKeys = {
  all: ['announcements'] as const,
  list: (unitId: string) => ['announcements', 'list', unitId] as const,
  detail: (id: string) => ['announcements', 'detail', id] as const,
  reads: (id: string, unitId: string | undefined) => ['announcements', 'reads', id, unitId ?? ''] as const,
  mine: ['announcements', 'mine'] as const,
  myDetail: (id: string) => ['announcements', 'mine', id] as const,
};

/** A unit's announcements (sent and received), a page at a time. */
export const announcementListOptions = (unitId: string) =>
  infiniteQueryOptions({
    queryKey: announcementKeys.list(unitId),
    queryFn: ({ pageParam }) => api.get<AnnouncementPage>('/announcements', { unitId, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next ?? undefined,
    placeholderData: keepPreviousData,
    enabled: Boolean(unitId),
  });

/** One announcement as a cadre sees it. */
export const announcementOptions = (id: string) =>
  queryOptions({
    queryKey: announcementKeys.detail(id),
    queryFn: () => api.get<AnnouncementDetail>(`/announcements/${id}`),
  });

/** Read tracking of an announcement for a unit (default: the issuing unit or the reader's own). */
export const announcementReadsOptions = (id: string, unitId: string | undefined) =>
  queryOptions({
    queryKey: announcementKeys.reads(id, unitId),
    queryFn: () => api.get<AnnouncementReads>(`/announcements/${id}/reads`, { unitId }),
    placeholderData: keepPreviousData,
  });

/** The signed-in member's feed. */
export const myAnnouncementsOptions = infiniteQueryOptions({
  queryKey: announcementKeys.mine,
  queryFn: ({ pageParam }) => api.get<MyAnnouncementPage>('/me/announcements', { cursor: pageParam }),
  initialPageParam: undefined as string | undefined,
  getNextPageParam: (last) => last.next ?? undefined,
});

/** One announcement of the member's feed. */
export const myAnnouncementOptions = (id: string) =>
  queryOptions({
    queryKey: announcementKeys.myDetail(id),
    queryFn: () => api.get<MyAnnouncementDetail>(`/me/announcements/${id}`),
  });

/** After a change: the fresh detail goes into the cache and every list and figure reloads. */
export function useRefreshAnnouncements() {
  const client = useQueryClient();
  return async (saved?: AnnouncementDetail) => {
    if (saved) client.setQueryData(announcementKeys.detail(saved.id), saved);
    await client.invalidateQueries({ queryKey: announcementKeys.all });
  };
}
