import { z } from 'zod';
import { errorResponses, id } from '../../contracts/common.js';
import { meetingReview, putReviewBody, unitReviews, unitReviewsQuery } from '../../contracts/member-reviews.js';
import { requestContext, requireActor } from '../../auth/request.js';
import type { App, AppDeps } from '../../http/types.js';
import { getMeetingReview, putMeetingReview } from './member-reviews.service.js';
import { getUnitReviews } from './member-reviews.units.js';

const params = z.object({ id });
const tags = ['member-reviews'];

/** Monthly member review (rà soát) recorded with a meeting. */
export async function memberReviewRoutes(app: App, deps: AppDeps): Promise<void> {
  const { db } = deps.database;
  const review = { 200: meetingReview, ...errorResponses };

  app.get(
    '/api/meetings/:id/review',
    { schema: { tags, summary: 'Rà soát đoàn viên của một buổi sinh hoạt', params, response: review } },
    async (request) => getMeetingReview(db, await requireActor(request, deps), request.params.id),
  );

  app.put(
    '/api/meetings/:id/review',
    {
      schema: {
        tags,
        summary: 'Ghi kết quả rà soát đoàn viên của buổi sinh hoạt',
        params,
        body: putReviewBody,
        response: review,
      },
    },
    async (request) => putMeetingReview(db, await requestContext(request, deps), request.params.id, request.body),
  );

  app.get(
    '/api/units/:id/reviews',
    {
      schema: {
        tags,
        summary: 'Các tháng đã rà soát đoàn viên (chi đoàn) hoặc số tháng rà soát của từng chi đoàn (cấp trên)',
        params,
        querystring: unitReviewsQuery,
        response: { 200: unitReviews, ...errorResponses },
      },
    },
    async (request) => getUnitReviews(db, await requireActor(request, deps), request.params.id, request.query),
  );
}
