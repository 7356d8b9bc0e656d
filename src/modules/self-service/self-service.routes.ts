import { z } from 'zod';
import { errorResponse, errorResponses, id } from '../../contracts/common.js';
import {
  cardVerification,
  changeRequestDto,
  contactBody,
  createChangeRequestBody,
  memberCard,
  photoDto,
  selfProfile,
  withdrawChangeRequestBody,
} from '../../contracts/self-service.js';
import { requestContext, requireActor } from '../../auth/request.js';
import type { App, AppDeps } from '../../http/types.js';
import { ownCard, ownCardQr, verifyCard, type CardKeys } from './self-service.card.js';
import { cadreSelfServiceRoutes } from './self-service.cadre.routes.js';
import { uploadPhoto } from './self-service.photos.js';
import { readPhotoUpload } from './self-service.upload.js';
import { ownProfile, updateContact } from './self-service.profile.js';
import { createChangeRequest, withdrawChangeRequest } from './self-service.requests.js';

const tags = ['self-service'];

/** The auth secret signs card references; the public address starts the verification link. */
function cardKeys(deps: AppDeps): CardKeys {
  const { secret, baseURL } = deps.auth.options;
  if (!secret) throw new Error('auth secret missing');
  return { secret, publicUrl: typeof baseURL === 'string' ? baseURL : 'http://localhost:3000' };
}

/** Member self-service: own profile, e-card and QR, contact corrections, change requests, photo; card verification. */
export async function selfServiceRoutes(app: App, deps: AppDeps): Promise<void> {
  const { db } = deps.database;
  const keys = cardKeys(deps);

  app.get(
    '/api/me/member',
    {
      schema: {
        tags,
        summary: 'Hồ sơ của tôi (tài khoản đoàn viên)',
        response: { 200: selfProfile, ...errorResponses },
      },
    },
    async (request) => ownProfile(db, await requireActor(request, deps)),
  );

  app.patch(
    '/api/me/contact',
    {
      schema: {
        tags,
        summary: 'Đoàn viên tự sửa thông tin liên hệ (điện thoại, thư điện tử, nơi ở)',
        body: contactBody,
        response: { 200: selfProfile, ...errorResponses },
      },
    },
    async (request) => updateContact(db, await requestContext(request, deps), request.body),
  );

  app.post(
    '/api/me/change-requests',
    {
      schema: {
        tags,
        summary: 'Đoàn viên đề nghị sửa thông tin nhân thân (chi đoàn duyệt)',
        body: createChangeRequestBody,
        response: { 200: changeRequestDto, ...errorResponses },
      },
    },
    async (request) => createChangeRequest(db, await requestContext(request, deps), request.body),
  );

  app.post(
    '/api/me/change-requests/:id/withdraw',
    {
      schema: {
        tags,
        summary: 'Rút yêu cầu đang chờ duyệt',
        params: z.object({ id }),
        body: withdrawChangeRequestBody,
        response: { 200: changeRequestDto, ...errorResponses },
      },
    },
    async (request) =>
      withdrawChangeRequest(db, await requestContext(request, deps), request.params.id, request.body.version),
  );

  app.get(
    '/api/me/card',
    { schema: { tags, summary: 'Thẻ đoàn viên điện tử', response: { 200: memberCard, ...errorResponses } } },
    async (request) => ownCard(db, await requireActor(request, deps), keys),
  );

  app.get(
    '/api/me/card/qr.svg',
    { schema: { tags, summary: 'Mã QR của thẻ đoàn viên (SVG)', produces: ['image/svg+xml'] } },
    async (request, reply) => {
      const svg = await ownCardQr(db, await requireActor(request, deps), keys);
      return reply.type('image/svg+xml').header('cache-control', 'private, no-store').send(svg);
    },
  );

  app.put(
    '/api/me/photo',
    {
      schema: {
        tags,
        summary: 'Đoàn viên tải ảnh của mình (JPEG, PNG, WebP; tối đa 2 MB; multipart, trường "file")',
        consumes: ['multipart/form-data'],
        response: { 200: photoDto, ...errorResponses },
      },
    },
    async (request) => {
      const ctx = await requestContext(request, deps);
      return uploadPhoto(db, ctx, { own: true }, await readPhotoUpload(request));
    },
  );

  app.get(
    '/api/cards/verify/:ref',
    {
      schema: {
        tags,
        summary: 'Xác thực thẻ đoàn viên từ mã QR (không cần đăng nhập)',
        params: z.object({ ref: z.string().max(200) }),
        response: { 200: cardVerification, 404: errorResponse, 429: errorResponse },
      },
      config: { rateLimit: { max: 60, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return verifyCard(db, keys.secret, request.params.ref);
    },
  );

  await cadreSelfServiceRoutes(app, deps);
}
