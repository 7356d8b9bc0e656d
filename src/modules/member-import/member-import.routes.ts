import { PassThrough } from 'node:stream';
import type { FastifyRequest } from 'fastify';
import type {} from '@fastify/multipart';
import { z } from 'zod';
import { errorResponses, id } from '../../contracts/common.js';
import {
  importFieldsResponse,
  importJobDto,
  importJobList,
  importJobListQuery,
  importMappingBody,
  importRowsPage,
  importRowsQuery,
  importUploadFields,
  MAX_IMPORT_BYTES,
} from '../../contracts/member-import.js';
import { requestContext, requireActor } from '../../auth/request.js';
import { DomainError, fail } from '../../domain/errors.js';
import type { App, AppDeps } from '../../http/types.js';
import { retentionDaysFrom } from './member-import.cleanup.js';
import {
  cancelImport,
  commitImport,
  createImport,
  getImport,
  importFields,
  importRows,
  listImports,
  reportFor,
  setImportMapping,
  type ImportUpload,
} from './member-import.service.js';
import { ImportWorker } from './member-import.worker.js';

const params = z.object({ id });
const tags = ['member-imports'];
const TOO_LARGE = `Tệp vượt quá ${MAX_IMPORT_BYTES / 1024 / 1024} MB: hãy chia danh sách thành nhiều tệp nhỏ hơn.`;

async function readUpload(
  request: FastifyRequest,
): Promise<Pick<ImportUpload, 'fileName' | 'bytes'> & { fields: unknown }> {
  if (!request.isMultipart()) throw fail.invalid('file', 'Hãy gửi tệp dạng multipart/form-data, trong trường "file".');
  const fields: Record<string, string> = {};
  let file: { fileName: string; bytes: Buffer } | null = null;
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        const bytes = await part.toBuffer();
        if (part.fieldname === 'file' && !file)
          file = { fileName: part.filename.normalize('NFC').trim() || 'tep-tai-len', bytes };
      } else fields[part.fieldname] = String(part.value);
    }
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw fail.invalid('file', TOO_LARGE);
    if (code?.startsWith('FST_')) throw fail.invalid('file', 'Biểu mẫu tải lên không hợp lệ (chỉ gửi một tệp).');
    throw error;
  }
  if (!file) throw fail.invalid('file', 'Chưa chọn tệp để tải lên (trường "file").');
  return { ...file, fields };
}

/** Member import: upload, dry run, mapping correction, commit, cancel, result report; starts the import worker. */
export async function memberImportRoutes(app: App, deps: AppDeps): Promise<void> {
  const { db } = deps.database;
  const worker = new ImportWorker(deps.database, app.log, { retentionDays: retentionDaysFrom(process.env) });
  app.addHook('onReady', async () => worker.start());
  app.addHook('onClose', async () => worker.stop());

  app.get(
    '/api/member-imports/fields',
    { schema: { tags, summary: 'Các trường nhập được', response: { 200: importFieldsResponse, ...errorResponses } } },
    async (request) => {
      await requireActor(request, deps);
      return importFields();
    },
  );

  app.get(
    '/api/member-imports',
    {
      schema: {
        tags,
        summary: 'Các lượt nhập gần đây của một đơn vị',
        querystring: importJobListQuery,
        response: { 200: importJobList, ...errorResponses },
      },
    },
    async (request) => listImports(db, await requireActor(request, deps), request.query.unitId),
  );

  app.post(
    '/api/member-imports',
    {
      schema: {
        tags,
        summary: 'Tải lên tệp .xlsx/.csv (multipart: file, unitId, defaultBranchId, mapping) và kiểm tra thử',
        consumes: ['multipart/form-data'],
        response: { 202: importJobDto, ...errorResponses },
      },
    },
    async (request, reply) => {
      const ctx = await requestContext(request, deps);
      const { fields, ...file } = await readUpload(request);
      const parsed = importUploadFields.safeParse(fields);
      if (!parsed.success) {
        const details = parsed.error.issues.map((i) => ({ field: i.path.join('.'), message: i.message }));
        throw new DomainError('validation', details[0]?.message ?? 'Dữ liệu không hợp lệ.', details);
      }
      const jobId = await createImport(db, ctx, { ...file, ...parsed.data });
      worker.notify();
      return reply.status(202).send(await getImport(db, ctx.actor, jobId));
    },
  );

  app.get(
    '/api/member-imports/:id',
    {
      schema: {
        tags,
        summary: 'Trạng thái, tiến độ và kết quả kiểm tra',
        params,
        response: { 200: importJobDto, ...errorResponses },
      },
    },
    async (request) => getImport(db, await requireActor(request, deps), request.params.id),
  );

  app.get(
    '/api/member-imports/:id/rows',
    {
      schema: {
        tags,
        summary: 'Các dòng theo kết quả (mặc định: bị từ chối)',
        params,
        querystring: importRowsQuery,
        response: { 200: importRowsPage, ...errorResponses },
      },
    },
    async (request) => importRows(db, await requireActor(request, deps), request.params.id, request.query),
  );

  app.put(
    '/api/member-imports/:id/mapping',
    {
      schema: {
        tags,
        summary: 'Sửa cách ghép cột rồi kiểm tra lại (save: lưu cho đơn vị)',
        params,
        body: importMappingBody,
        response: { 202: importJobDto, ...errorResponses },
      },
    },
    async (request, reply) => {
      const ctx = await requestContext(request, deps);
      await setImportMapping(db, ctx, request.params.id, request.body);
      worker.notify();
      return reply.status(202).send(await getImport(db, ctx.actor, request.params.id));
    },
  );

  app.post(
    '/api/member-imports/:id/commit',
    {
      schema: {
        tags,
        summary: 'Ghi vào hồ sơ (tất cả hoặc không)',
        params,
        response: { 202: importJobDto, ...errorResponses },
      },
    },
    async (request, reply) => {
      const ctx = await requestContext(request, deps);
      await commitImport(db, ctx, request.params.id);
      worker.notify();
      return reply.status(202).send(await getImport(db, ctx.actor, request.params.id));
    },
  );

  app.post(
    '/api/member-imports/:id/cancel',
    {
      schema: {
        tags,
        summary: 'Hủy lượt nhập chưa ghi (đang chờ, đang kiểm tra hoặc đã kiểm tra xong)',
        params,
        response: { 200: importJobDto, ...errorResponses },
      },
    },
    async (request) => {
      const ctx = await requestContext(request, deps);
      await cancelImport(db, ctx, request.params.id);
      return getImport(db, ctx.actor, request.params.id);
    },
  );

  app.get(
    '/api/member-imports/:id/report.xlsx',
    { schema: { tags, summary: 'Báo cáo kết quả (.xlsx, thêm cột "Kết quả" và "Lỗi")', params } },
    async (request, reply) => {
      const { job, write } = await reportFor(db, await requireActor(request, deps), request.params.id);
      const stream = new PassThrough();
      write(stream).catch((error: unknown) => stream.destroy(error as Error));
      const name = `ket-qua-${job.fileName.replace(/\.[^.]+$/, '')}.xlsx`;
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header(
          'content-disposition',
          `attachment; filename="ket-qua-nhap.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`,
        )
        .send(stream);
    },
  );
}
