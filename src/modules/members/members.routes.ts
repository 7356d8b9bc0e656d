import { z } from 'zod';
import { errorResponses, id } from '../../contracts/common.js';
import {
  createMemberBody,
  duplicateGroup,
  mergeMembersBody,
  memberCommentBody,
  memberCount,
  memberCountQuery,
  memberDetail,
  memberListQuery,
  memberPage,
  updateMemberBody,
} from '../../contracts/members.js';
import { requestContext, requireActor } from '../../auth/request.js';
import type { App, AppDeps } from '../../http/types.js';
import { todayInVietnam } from '../../domain/text/dates.js';
import { fail } from '../../domain/errors.js';
import { countMembers, createMember, getMember, listMembers, putComment, updateMember } from './members.service.js';
import { findDuplicates, mergeMembers } from './members.duplicates.js';

const params = z.object({ id });
const tags = ['members'];

/** The member registry: lists, records, history, comments. */
export async function memberRoutes(app: App, deps: AppDeps): Promise<void> {
  const { db } = deps.database;

  app.get(
    '/api/members',
    {
      schema: {
        tags,
        summary: 'Danh sách đoàn viên của một đơn vị (cả cấp dưới)',
        querystring: memberListQuery,
        response: { 200: memberPage, ...errorResponses },
      },
    },
    async (request) => listMembers(db, await requireActor(request, deps), request.query),
  );

  app.get(
    '/api/members/count',
    {
      schema: {
        tags,
        summary: 'Số đoàn viên của danh sách đã lọc (gọi song song với trang đầu)',
        querystring: memberCountQuery,
        response: { 200: memberCount, ...errorResponses },
      },
    },
    async (request) => countMembers(db, await requireActor(request, deps), request.query),
  );

  app.get(
    '/api/members/duplicates',
    {
      schema: {
        tags,
        summary: 'Hồ sơ nghi trùng trong một đơn vị',
        querystring: z.object({ unitId: id }),
        response: { 200: z.array(duplicateGroup), ...errorResponses },
      },
    },
    async (request) => findDuplicates(db, await requireActor(request, deps), request.query.unitId),
  );

  app.post(
    '/api/members/merge',
    {
      schema: {
        tags,
        summary: 'Hợp nhất hai hồ sơ trùng',
        body: mergeMembersBody,
        response: { 200: memberDetail, ...errorResponses },
      },
    },
    async (request) => mergeMembers(db, await requestContext(request, deps), request.body.keepId, request.body.mergeId),
  );

  app.get(
    '/api/members/:id',
    { schema: { tags, summary: 'Hồ sơ đoàn viên', params, response: { 200: memberDetail, ...errorResponses } } },
    async (request) => getMember(db, await requireActor(request, deps), request.params.id),
  );

  app.post(
    '/api/members',
    {
      schema: {
        tags,
        summary: 'Thêm đoàn viên',
        body: createMemberBody,
        response: { 200: memberDetail, ...errorResponses },
      },
    },
    async (request) => createMember(db, await requestContext(request, deps), request.body),
  );

  app.patch(
    '/api/members/:id',
    {
      schema: {
        tags,
        summary: 'Sửa hồ sơ đoàn viên',
        params,
        body: updateMemberBody,
        response: { 200: memberDetail, ...errorResponses },
      },
    },
    async (request) => {
      if (Object.keys(request.body).length === 1) throw fail.invalid('version', 'Không có thông tin nào để sửa.');
      return updateMember(db, await requestContext(request, deps), request.params.id, request.body);
    },
  );

  app.put(
    '/api/members/:id/comments/:year',
    {
      schema: {
        tags,
        summary: 'Ghi nhận xét hằng năm',
        params: params.extend({
          year: z.coerce
            .number()
            .int()
            .min(1956, { error: 'Năm không hợp lệ.' })
            .max(2200, { error: 'Năm không hợp lệ.' }),
        }),
        body: memberCommentBody,
        response: { 200: memberDetail, ...errorResponses },
      },
    },
    async (request) => {
      if (request.params.year > Number(todayInVietnam().slice(0, 4)))
        throw fail.invalid('year', 'Không ghi nhận xét cho năm chưa tới.');
      return putComment(
        db,
        await requestContext(request, deps),
        request.params.id,
        request.params.year,
        request.body.content,
      );
    },
  );
}
