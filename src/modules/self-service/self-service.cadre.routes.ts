import { z } from 'zod';
import { errorResponses, id } from '../../contracts/common.js';
import { memberAccountSummary } from '../../contracts/members.js';
import {
  approveChangeRequestBody,
  changeRequestDto,
  changeRequestListQuery,
  changeRequestPage,
  createMemberAccountBody,
  photoDto,
  rejectChangeRequestBody,
} from '../../contracts/self-service.js';
import { requestContext, requireActor } from '../../auth/request.js';
import type { App, AppDeps } from '../../http/types.js';
import { createMemberAccount } from './self-service.accounts.js';
import { readPhoto, uploadPhoto } from './self-service.photos.js';
import { approveChangeRequest, listChangeRequests, rejectChangeRequest } from './self-service.requests.js';
import { readPhotoUpload } from './self-service.upload.js';

const params = z.object({ id });
const tags = ['self-service'];

/** Self-service seen from the branch: member accounts, member photos, change requests to decide. */
export async function cadreSelfServiceRoutes(app: App, deps: AppDeps): Promise<void> {
  const { db } = deps.database;

  app.post(
    '/api/members/:id/account',
    {
      schema: {
        tags,
        summary: 'Tạo tài khoản cho đoàn viên (vai trò "Đoàn viên" trên chi đoàn của họ)',
        params,
        body: createMemberAccountBody,
        response: { 200: memberAccountSummary, ...errorResponses },
      },
    },
    async (request) => createMemberAccount(db, await requestContext(request, deps), request.params.id, request.body),
  );

  app.get(
    '/api/members/:id/photo',
    { schema: { tags, summary: 'Ảnh của đoàn viên', params, produces: ['image/jpeg', 'image/png', 'image/webp'] } },
    async (request, reply) => {
      const photo = await readPhoto(db, await requireActor(request, deps), request.params.id);
      return reply
        .type(photo.contentType)
        .header('cache-control', 'private, no-cache')
        .header('content-disposition', 'inline')
        .send(photo.data);
    },
  );

  app.put(
    '/api/members/:id/photo',
    {
      schema: {
        tags,
        summary: 'Tải ảnh cho đoàn viên (JPEG, PNG, WebP; tối đa 2 MB; multipart, trường "file")',
        params,
        consumes: ['multipart/form-data'],
        response: { 200: photoDto, ...errorResponses },
      },
    },
    async (request) => {
      const ctx = await requestContext(request, deps);
      const bytes = await readPhotoUpload(request);
      return uploadPhoto(db, ctx, { own: false, memberId: request.params.id }, bytes);
    },
  );

  app.get(
    '/api/member-change-requests',
    {
      schema: {
        tags,
        summary: 'Yêu cầu cập nhật thông tin của đoàn viên trong phạm vi (mặc định: chờ duyệt)',
        querystring: changeRequestListQuery,
        response: { 200: changeRequestPage, ...errorResponses },
      },
    },
    async (request) => listChangeRequests(db, await requireActor(request, deps), request.query),
  );

  app.post(
    '/api/member-change-requests/:id/approve',
    {
      schema: {
        tags,
        summary: 'Duyệt yêu cầu: ghi thay đổi vào hồ sơ',
        params,
        body: approveChangeRequestBody,
        response: { 200: changeRequestDto, ...errorResponses },
      },
    },
    async (request) => approveChangeRequest(db, await requestContext(request, deps), request.params.id, request.body),
  );

  app.post(
    '/api/member-change-requests/:id/reject',
    {
      schema: {
        tags,
        summary: 'Từ chối yêu cầu, kèm lý do',
        params,
        body: rejectChangeRequestBody,
        response: { 200: changeRequestDto, ...errorResponses },
      },
    },
    async (request) => rejectChangeRequest(db, await requestContext(request, deps), request.params.id, request.body),
  );
}
