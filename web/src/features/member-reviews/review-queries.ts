import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import type { MeetingReview, PutReviewBody, UnitReviews } from '../../../../src/contracts/member-reviews';
import { api } from '../../lib/api';
import { sendApi } from '../members/member-api';

/** Every review query starts with 'member-reviews': invalidating it refreshes panels and month summaries. */
export const reviewKeys = {
  all: ['member-reviews'] as const,
  meeting: (meetingId: string) => ['member-reviews', 'meeting', meetingId] as const,
  unit: (unitId: string, year: number) => ['member-reviews', 'unit', unitId, year] as const,
};

/** The checklist and recorded review of a meeting. */
export const meetingReviewOptions = (meetingId: string) =>
  queryOptions({
    queryKey: reviewKeys.meeting(meetingId),
    queryFn: () => api.get<MeetingReview>(`/meetings/${meetingId}/review`),
  });

/** Records the review of a meeting. */
export const putMeetingReview = (meetingId: string, body: PutReviewBody) =>
  sendApi<MeetingReview>('PUT', `/meetings/${meetingId}/review`, body);

/** The months a unit reviewed in a year (a branch), or its branches with their counts, a page at a time. */
export const unitReviewsOptions = (unitId: string, year: number) =>
  infiniteQueryOptions({
    queryKey: reviewKeys.unit(unitId, year),
    queryFn: ({ pageParam }) =>
      api.get<UnitReviews>(`/units/${unitId}/reviews`, { year, cursor: pageParam, limit: 50 }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next ?? undefined,
  });
