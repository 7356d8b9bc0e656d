import { PassThrough } from 'node:stream';
import { z } from 'zod';
import { errorResponses, id } from '../../contracts/common.js';
import {
  addCareActionBody,
  careListQuery,
  careRecordDetail,
  careRecordPage,
  careSuggestionList,
  careSummary,
  careUnitQuery,
  closeCareRecordBody,
  createCareRecordBody,
  doneCareActionBody,
  updateCareRecordBody,
} from '../../contracts/care.js';
import { requestContext, requireActor } from '../../auth/request.js';
import { contentDisposition } from '../../domain/documents/file-name.js';
import type { App, AppDeps } from '../../http/types.js';
import { addCareAction, deleteCareAction, markCareActionDone } from './care.actions.js';
import { prepareCareExport, writeCareExport } from './care.export.js';
import { careSuggestions, careSummary as summary, getCareRecord, listCareRecords } from './care.read.js';
import { closeCareRecord, createCareRecord, updateCareRecord } from './care.service.js';

const tags = ['care'];
const params = z.object({ id });
const actionParams = z.object({ id, actionId: id });
const detail = { 200: careRecordDetail, ...errorResponses };
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Care lists (chăm lo) of members and local youth, with help given and planned. */
export async function careRoutes(app: App, deps: AppDeps): Promise<void> {
  const { db } = deps.database;

  app.get(
    '/api/care-records',
    {
      schema: {
        tags,
        summary: 'Danh sách chăm lo của đơn vị và cấp dưới, theo tên',
        querystring: careListQuery,
        response: { 200: careRecordPage, ...errorResponses },
      },
    },
    async (request) => listCareRecords(db, await requireActor(request, deps), request.query),
  );

  app.get(
    '/api/care-records/summary',
    {
      schema: {
        tags,
        summary: 'Số người theo diện, hỗ trợ trong năm, theo đơn vị trực thuộc',
        querystring: careUnitQuery,
        response: { 200: careSummary, ...errorResponses },
      },
    },
    async (request) => summary(db, await requireActor(request, deps), request.query.unitId, request.query.year),
  );

  app.get(
    '/api/care-records/suggestions',
    {
      schema: {
        tags,
        summary: 'Đoàn viên được đánh dấu cần quan tâm nhưng chưa có trong danh sách',
        querystring: careUnitQuery,
        response: { 200: careSuggestionList, ...errorResponses },
      },
    },
    async (request) => careSuggestions(db, await requireActor(request, deps), request.query.unitId),
  );

  app.get(
    '/api/care-records.xlsx',
    {
      schema: {
        tags,
        summary: 'Xuất danh sách chăm lo (.xlsx)',
        querystring: careListQuery.omit({ limit: true, cursor: true }),
      },
    },
    async (request, reply) => {
      const ctx = await requestContext(request, deps);
      const prep = await prepareCareExport(db, ctx, request.query);
      const out = new PassThrough();
      writeCareExport(db, ctx.actor, prep, out).catch((error: unknown) => out.destroy(error as Error));
      return reply
        .type(XLSX_TYPE)
        .header('content-disposition', contentDisposition(prep.fileName))
        .header('x-total-count', String(prep.rows))
        .send(out);
    },
  );

  app.get(
    '/api/care-records/:id',
    { schema: { tags, summary: 'Hồ sơ chăm lo và các lần hỗ trợ', params, response: detail } },
    async (request) => getCareRecord(db, await requireActor(request, deps), request.params.id),
  );

  app.post(
    '/api/care-records',
    {
      schema: {
        tags,
        summary: 'Đưa đoàn viên hoặc thanh niên vào danh sách chăm lo',
        body: createCareRecordBody,
        response: detail,
      },
    },
    async (request) => createCareRecord(db, await requestContext(request, deps), request.body),
  );

  app.patch(
    '/api/care-records/:id',
    { schema: { tags, summary: 'Sửa hồ sơ chăm lo', params, body: updateCareRecordBody, response: detail } },
    async (request) => updateCareRecord(db, await requestContext(request, deps), request.params.id, request.body),
  );

  app.post(
    '/api/care-records/:id/close',
    { schema: { tags, summary: 'Kết thúc theo dõi (kèm lý do)', params, body: closeCareRecordBody, response: detail } },
    async (request) => closeCareRecord(db, await requestContext(request, deps), request.params.id, request.body),
  );

  app.post(
    '/api/care-records/:id/actions',
    {
      schema: { tags, summary: 'Ghi hỗ trợ đã trao hoặc dự kiến', params, body: addCareActionBody, response: detail },
    },
    async (request) => addCareAction(db, await requestContext(request, deps), request.params.id, request.body),
  );

  app.delete(
    '/api/care-records/:id/actions/:actionId',
    { schema: { tags, summary: 'Xóa hỗ trợ dự kiến', params: actionParams, response: detail } },
    async (request) =>
      deleteCareAction(db, await requestContext(request, deps), request.params.id, request.params.actionId),
  );

  app.post(
    '/api/care-records/:id/actions/:actionId/done',
    {
      schema: {
        tags,
        summary: 'Ghi nhận hỗ trợ dự kiến đã trao',
        params: actionParams,
        body: doneCareActionBody,
        response: detail,
      },
    },
    async (request) =>
      markCareActionDone(
        db,
        await requestContext(request, deps),
        request.params.id,
        request.params.actionId,
        request.body,
      ),
  );
}
