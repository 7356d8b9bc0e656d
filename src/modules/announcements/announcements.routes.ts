import { z } from 'zod';
import { errorResponses, id } from '../../contracts/common.js';
import {
  announcementDetail,
  announcementListQuery,
  announcementPage,
  announcementReads,
  announcementReadsQuery,
  createAnnouncementBody,
  myAnnouncementDetail,
  myAnnouncementPage,
  myAnnouncementsQuery,
  publishAnnouncementBody,
  updateAnnouncementBody,
  withdrawAnnouncementBody,
} from '../../contracts/announcements.js';
import { requestContext, requireActor } from '../../auth/request.js';
import type { App, AppDeps } from '../../http/types.js';
import { markRead, myAnnouncement, myAnnouncements } from './announcements.me.js';
import { getAnnouncementReads } from './announcements.reads.js';
import {
  createAnnouncement,
  getAnnouncement,
  listAnnouncements,
  publishAnnouncement,
  updateAnnouncement,
  withdrawAnnouncement,
} from './announcements.service.js';

const params = z.object({ id });
const tags = ['announcements'];

/** Announcements to the members of a subtree, with read tracking. */
export async function announcementRoutes(app: App, deps: AppDeps): Promise<void> {
  const { db } = deps.database;
  const detail = { 200: announcementDetail, ...errorResponses };
  const mine = { 200: myAnnouncementDetail, ...errorResponses };

  app.get(
    '/api/announcements',
    {
      schema: {
        tags,
        summary: 'Thông báo của đơn vị: đã gửi (của đơn vị và cấp dưới) và nhận từ cấp trên',
        querystring: announcementListQuery,
        response: { 200: announcementPage, ...errorResponses },
      },
    },
    async (request) => listAnnouncements(db, await requireActor(request, deps), request.query),
  );

  app.post(
    '/api/announcements',
    { schema: { tags, summary: 'Soạn thông báo (bản nháp)', body: createAnnouncementBody, response: detail } },
    async (request) => createAnnouncement(db, await requestContext(request, deps), request.body),
  );

  app.get(
    '/api/announcements/:id',
    { schema: { tags, summary: 'Một thông báo', params, response: detail } },
    async (request) => getAnnouncement(db, await requireActor(request, deps), request.params.id),
  );

  app.patch(
    '/api/announcements/:id',
    {
      schema: { tags, summary: 'Sửa thông báo đang soạn', params, body: updateAnnouncementBody, response: detail },
    },
    async (request) => updateAnnouncement(db, await requestContext(request, deps), request.params.id, request.body),
  );

  app.post(
    '/api/announcements/:id/publish',
    { schema: { tags, summary: 'Phát hành thông báo', params, body: publishAnnouncementBody, response: detail } },
    async (request) => publishAnnouncement(db, await requestContext(request, deps), request.params.id, request.body),
  );

  app.post(
    '/api/announcements/:id/withdraw',
    { schema: { tags, summary: 'Thu hồi thông báo', params, body: withdrawAnnouncementBody, response: detail } },
    async (request) => withdrawAnnouncement(db, await requestContext(request, deps), request.params.id, request.body),
  );

  app.get(
    '/api/announcements/:id/reads',
    {
      schema: {
        tags,
        summary: 'Theo dõi đọc thông báo: theo đơn vị trực thuộc, hoặc từng đoàn viên của chi đoàn',
        params,
        querystring: announcementReadsQuery,
        response: { 200: announcementReads, ...errorResponses },
      },
    },
    async (request) => getAnnouncementReads(db, await requireActor(request, deps), request.params.id, request.query),
  );

  app.get(
    '/api/me/announcements',
    {
      schema: {
        tags,
        summary: 'Thông báo gửi tới tôi (tài khoản đoàn viên)',
        querystring: myAnnouncementsQuery,
        response: { 200: myAnnouncementPage, ...errorResponses },
      },
    },
    async (request) => myAnnouncements(db, await requireActor(request, deps), request.query),
  );

  app.get(
    '/api/me/announcements/:id',
    { schema: { tags, summary: 'Một thông báo gửi tới tôi', params, response: mine } },
    async (request) => myAnnouncement(db, await requireActor(request, deps), request.params.id),
  );

  app.post(
    '/api/me/announcements/:id/read',
    { schema: { tags, summary: 'Ghi nhận tôi đã đọc thông báo (một lần)', params, response: mine } },
    async (request) => markRead(db, await requestContext(request, deps), request.params.id),
  );
}
