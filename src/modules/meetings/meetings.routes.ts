import { z } from 'zod';
import { errorResponses, id } from '../../contracts/common.js';
import {
  calendar,
  calendarQuery,
  cancelMeetingBody,
  checkInBody,
  checkInCode,
  checkInResult,
  createMeetingBody,
  invitableList,
  inviteBody,
  meetingAttachment,
  meetingAttendance,
  meetingDetail,
  meetingInvitation,
  meetingList,
  meetingListQuery,
  patchMeetingBody,
  planYearBody,
  putAttendanceBody,
} from '../../contracts/meetings.js';
import { contentDisposition } from '../../domain/documents/file-name.js';
import { requestContext, requireActor } from '../../auth/request.js';
import type { App, AppDeps } from '../../http/types.js';
import { addAttachment, deleteAttachment, readAttachment, readAttachmentUpload } from './meetings.attachments.js';
import { getAttendance, putAttendance } from './meetings.attendance.js';
import { calendarOf } from './meetings.calendar.js';
import { checkIn, createCheckInCode, type CheckInKeys } from './meetings.checkin.js';
import { invitable, invite, uninvite } from './meetings.invitations.js';
import { assertMayWrite } from './meetings.policy.js';
import { listMeetings } from './meetings.read.js';
import { cancelMeeting, createMeeting, getMeeting, patchMeeting, planYear } from './meetings.service.js';

const tags = ['meetings'];
const params = z.object({ id });

/** The auth secret signs check-in codes; the public address starts their link. */
function checkInKeys(deps: AppDeps): CheckInKeys {
  const { secret, baseURL } = deps.auth.options;
  if (!secret) throw new Error('auth secret missing');
  return { secret, publicUrl: typeof baseURL === 'string' ? baseURL : 'http://localhost:3000' };
}

/** Sinh hoạt chi đoàn: year plans, meetings, attendance, QR check-in, invitations and calendar. */
export async function meetingRoutes(app: App, deps: AppDeps): Promise<void> {
  const { db } = deps.database;
  const keys = checkInKeys(deps);
  const detail = { 200: meetingDetail, ...errorResponses };
  const attendance = { 200: meetingAttendance, ...errorResponses };
  const attachments = { 200: z.array(meetingAttachment), ...errorResponses };
  const invitations = { 200: z.array(meetingInvitation), ...errorResponses };

  app.post(
    '/api/units/:id/meeting-plan',
    {
      schema: {
        tags,
        summary: 'Lập kế hoạch sinh hoạt cả năm của chi đoàn (bỏ qua kỳ đã có buổi)',
        params,
        body: planYearBody,
        response: { 200: meetingList, ...errorResponses },
      },
    },
    async (request) => planYear(db, await requestContext(request, deps), request.params.id, request.body),
  );

  app.get(
    '/api/meetings',
    {
      schema: {
        tags,
        summary: 'Sinh hoạt trong năm: các buổi của một chi đoàn, hoặc từng chi đoàn của đơn vị cấp trên',
        querystring: meetingListQuery,
        response: { 200: meetingList, ...errorResponses },
      },
    },
    async (request) => listMeetings(db, await requireActor(request, deps), request.query),
  );

  app.post(
    '/api/meetings',
    { schema: { tags, summary: 'Thêm buổi sinh hoạt', body: createMeetingBody, response: detail } },
    async (request) => createMeeting(db, await requestContext(request, deps), request.body),
  );

  app.get(
    '/api/meetings/:id',
    { schema: { tags, summary: 'Một buổi sinh hoạt', params, response: detail } },
    async (request) => getMeeting(db, await requireActor(request, deps), request.params.id),
  );

  app.patch(
    '/api/meetings/:id',
    {
      schema: {
        tags,
        summary: 'Sửa kế hoạch hoặc ghi nhận buổi sinh hoạt đã tổ chức (heldOn)',
        params,
        body: patchMeetingBody,
        response: detail,
      },
    },
    async (request) => patchMeeting(db, await requestContext(request, deps), request.params.id, request.body),
  );

  app.post(
    '/api/meetings/:id/cancel',
    { schema: { tags, summary: 'Hủy buổi sinh hoạt', params, body: cancelMeetingBody, response: detail } },
    async (request) => cancelMeeting(db, await requestContext(request, deps), request.params.id, request.body),
  );

  app.get(
    '/api/meetings/:id/attendance',
    { schema: { tags, summary: 'Danh sách điểm danh của buổi sinh hoạt', params, response: attendance } },
    async (request) => getAttendance(db, await requireActor(request, deps), request.params.id),
  );

  app.put(
    '/api/meetings/:id/attendance',
    {
      schema: {
        tags,
        summary: 'Ghi điểm danh (có mặt, vắng có phép, vắng không phép), tất cả hoặc không',
        params,
        body: putAttendanceBody,
        response: attendance,
      },
    },
    async (request) => putAttendance(db, await requestContext(request, deps), request.params.id, request.body),
  );

  app.post(
    '/api/meetings/:id/check-in-code',
    {
      schema: {
        tags,
        summary: 'Tạo mã QR điểm danh (hiệu lực vài phút)',
        params,
        response: { 200: checkInCode, ...errorResponses },
      },
    },
    async (request) => createCheckInCode(db, await requestContext(request, deps), request.params.id, keys),
  );

  app.post(
    '/api/me/check-in',
    {
      schema: {
        tags,
        summary: 'Đoàn viên điểm danh bằng mã QR',
        body: checkInBody,
        response: { 200: checkInResult, ...errorResponses },
      },
      config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
    },
    async (request) => checkIn(db, await requestContext(request, deps), request.body.code, keys.secret),
  );

  app.post(
    '/api/meetings/:id/attachments',
    {
      schema: {
        tags,
        summary: 'Đính kèm ảnh hoặc tệp (JPEG, PNG, WebP, PDF, .docx, .xlsx; tối đa 10 MB; trường "file")',
        consumes: ['multipart/form-data'],
        params,
        response: attachments,
      },
    },
    async (request) => {
      const ctx = await requestContext(request, deps);
      await assertMayWrite(db, ctx.actor, request.params.id);
      return addAttachment(db, ctx, request.params.id, await readAttachmentUpload(request));
    },
  );

  const attachmentParams = z.object({ id, attachmentId: id });

  app.get(
    '/api/meetings/:id/attachments/:attachmentId',
    { schema: { tags, summary: 'Tải tệp đính kèm', params: attachmentParams } },
    async (request, reply) => {
      const { id: meetingId, attachmentId } = request.params;
      const file = await readAttachment(db, await requireActor(request, deps), meetingId, attachmentId);
      const inline = file.mimeType.startsWith('image/') || file.mimeType === 'application/pdf';
      return reply
        .type(file.mimeType)
        .header('content-disposition', contentDisposition(file.fileName, inline ? 'inline' : 'attachment'))
        .header('cache-control', 'private, no-store')
        .header('x-content-type-options', 'nosniff')
        .send(Buffer.from(file.content));
    },
  );

  app.delete(
    '/api/meetings/:id/attachments/:attachmentId',
    { schema: { tags, summary: 'Xóa tệp đính kèm', params: attachmentParams, response: attachments } },
    async (request) =>
      deleteAttachment(db, await requestContext(request, deps), request.params.id, request.params.attachmentId),
  );

  app.get(
    '/api/meetings/:id/invitable',
    {
      schema: {
        tags,
        summary: 'Cán bộ Đoàn cấp trên có thể mời dự buổi sinh hoạt',
        params,
        response: { 200: invitableList, ...errorResponses },
      },
    },
    async (request) => invitable(db, await requireActor(request, deps), request.params.id),
  );

  app.post(
    '/api/meetings/:id/invitations',
    { schema: { tags, summary: 'Mời cán bộ cấp trên dự', params, body: inviteBody, response: invitations } },
    async (request) => invite(db, await requestContext(request, deps), request.params.id, request.body.userId),
  );

  app.delete(
    '/api/meetings/:id/invitations/:userId',
    {
      schema: {
        tags,
        summary: 'Rút lời mời',
        params: z.object({ id, userId: z.string().min(1).max(100) }),
        response: invitations,
      },
    },
    async (request) => uninvite(db, await requestContext(request, deps), request.params.id, request.params.userId),
  );

  app.get(
    '/api/me/calendar',
    {
      schema: {
        tags,
        summary: 'Lịch sinh hoạt của tôi (được mời, chi đoàn của tôi, chi đoàn tôi phụ trách)',
        querystring: calendarQuery,
        response: { 200: calendar, ...errorResponses },
      },
    },
    async (request) => calendarOf(db, await requireActor(request, deps), request.query.from, request.query.to),
  );
}
