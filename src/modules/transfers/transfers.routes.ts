import { z } from 'zod';
import { errorResponses, id, okResponse } from '../../contracts/common.js';
import {
  acceptTransferBody,
  cancelTransferBody,
  createTransferBody,
  destinationOption,
  destinationQuery,
  endTransferBody,
  hostedMember,
  hostedQuery,
  returnTransferBody,
  sendTransferBody,
  temporaryCommentBody,
  transferDetail,
  transferListQuery,
  transferLookupQuery,
  transferLookupResult,
  transferPage,
  transferSummary,
  updateTransferBody,
} from '../../contracts/transfers.js';
import { requestContext, requireActor } from '../../auth/request.js';
import type { App, AppDeps } from '../../http/types.js';
import {
  hostedMembers,
  getTransfer,
  listTransfers,
  lookupTransfer,
  searchDestinations,
  transferSummary as summary,
} from './transfers.read.js';
import { createTransfer, updateDraft } from './transfers.service.js';
import { acceptTransfer, cancelTransfer, returnTransfer, sendTransfer } from './transfers.steps.js';
import { commentTemporary, endLapsedTemporaries, endTemporary } from './transfers.temporary.js';

const params = z.object({ id });
const tags = ['transfers'];
const detail = { 200: transferDetail, ...errorResponses };
const SWEEP_EVERY_MS = 60 * 60_000;

/** Transfers of union activity (chuyển sinh hoạt đoàn) and temporary participation. */
export async function transferRoutes(app: App, deps: AppDeps): Promise<void> {
  const { db } = deps.database;

  let timer: NodeJS.Timeout | null = null;
  const sweep = async () => {
    try {
      await endLapsedTemporaries(db);
    } catch (error) {
      app.log.error({ err: error }, 'ending lapsed temporary participations failed');
    }
  };
  app.addHook('onReady', async () => {
    await sweep();
    timer = setInterval(() => void sweep(), SWEEP_EVERY_MS);
    timer.unref();
  });
  app.addHook('onClose', async () => {
    if (timer) clearInterval(timer);
  });

  app.get(
    '/api/transfers',
    {
      schema: {
        tags,
        summary: 'Danh sách chuyển sinh hoạt đi, đến, tạm thời (trong phạm vi)',
        querystring: transferListQuery,
        response: { 200: transferPage, ...errorResponses },
      },
    },
    async (request) => listTransfers(db, await requireActor(request, deps), request.query),
  );

  app.get(
    '/api/transfers/summary',
    {
      schema: {
        tags,
        summary: 'Số đề nghị đang mở, quá hạn, sinh hoạt tạm thời',
        querystring: hostedQuery,
        response: { 200: transferSummary, ...errorResponses },
      },
    },
    async (request) => summary(db, await requireActor(request, deps), request.query.unitId),
  );

  app.get(
    '/api/transfers/incoming',
    {
      schema: {
        tags,
        summary: 'Tra cứu giấy giới thiệu đang chờ tiếp nhận theo mã hoặc số CCCD',
        querystring: transferLookupQuery,
        response: { 200: transferLookupResult, ...errorResponses },
      },
      config: { rateLimit: { max: 60, timeWindow: '1 minute' } },
    },
    async (request) => lookupTransfer(db, await requireActor(request, deps), request.query),
  );

  app.get(
    '/api/transfers/destinations',
    {
      schema: {
        tags,
        summary: 'Tìm đoàn cơ sở hoặc chi đoàn nơi đến trên cả nước',
        querystring: destinationQuery,
        response: { 200: z.array(destinationOption), ...errorResponses },
      },
    },
    async (request) => searchDestinations(db, await requireActor(request, deps), request.query),
  );

  app.get(
    '/api/transfers/hosted',
    {
      schema: {
        tags,
        summary: 'Đoàn viên sinh hoạt tạm thời tại đơn vị',
        querystring: hostedQuery,
        response: { 200: z.array(hostedMember), ...errorResponses },
      },
    },
    async (request) => hostedMembers(db, await requireActor(request, deps), request.query.unitId),
  );

  app.get(
    '/api/transfers/:id',
    { schema: { tags, summary: 'Chi tiết chuyển sinh hoạt', params, response: detail } },
    async (request) => getTransfer(db, await requireActor(request, deps), request.params.id),
  );

  app.post(
    '/api/transfers',
    {
      schema: {
        tags,
        summary: 'Chuyển trong đoàn cơ sở, lập đề nghị chuyển đi, hoặc đăng ký sinh hoạt tạm thời',
        body: createTransferBody,
        response: detail,
      },
    },
    async (request) => createTransfer(db, await requestContext(request, deps), request.body),
  );

  app.patch(
    '/api/transfers/:id',
    {
      schema: {
        tags,
        summary: 'Sửa đề nghị (nhận xét, đoàn phí, nơi đến)',
        params,
        body: updateTransferBody,
        response: detail,
      },
    },
    async (request) => updateDraft(db, await requestContext(request, deps), request.params.id, request.body),
  );

  app.post(
    '/api/transfers/:id/send',
    { schema: { tags, summary: 'Cấp giấy giới thiệu và gửi', params, body: sendTransferBody, response: detail } },
    async (request) => sendTransfer(db, await requestContext(request, deps), request.params.id, request.body),
  );

  app.post(
    '/api/transfers/:id/accept',
    { schema: { tags, summary: 'Tiếp nhận đoàn viên', params, body: acceptTransferBody, response: detail } },
    async (request) => acceptTransfer(db, await requestContext(request, deps), request.params.id, request.body),
  );

  app.post(
    '/api/transfers/:id/return',
    {
      schema: {
        tags,
        summary: 'Trả lại (kèm lý do)',
        params,
        body: returnTransferBody,
        response: { 200: okResponse, ...errorResponses },
      },
    },
    async (request) => returnTransfer(db, await requestContext(request, deps), request.params.id, request.body),
  );

  app.post(
    '/api/transfers/:id/cancel',
    { schema: { tags, summary: 'Hủy đề nghị', params, body: cancelTransferBody, response: detail } },
    async (request) => cancelTransfer(db, await requestContext(request, deps), request.params.id, request.body),
  );

  app.post(
    '/api/transfers/:id/end',
    { schema: { tags, summary: 'Kết thúc sinh hoạt tạm thời', params, body: endTransferBody, response: detail } },
    async (request) => endTemporary(db, await requestContext(request, deps), request.params.id, request.body),
  );

  app.post(
    '/api/transfers/:id/comments',
    {
      schema: {
        tags,
        summary: 'Nhận xét của chi đoàn nơi sinh hoạt tạm thời',
        params,
        body: temporaryCommentBody,
        response: detail,
      },
    },
    async (request) => commentTemporary(db, await requestContext(request, deps), request.params.id, request.body),
  );
}
