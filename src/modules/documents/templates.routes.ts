import type { FastifyRequest } from 'fastify';
import type {} from '@fastify/multipart';
import { z } from 'zod';
import { errorResponses, id } from '../../contracts/common.js';
import { documentTemplateDto, MAX_TEMPLATE_BYTES, templateParams } from '../../contracts/documents.js';
import { requestContext, requireActor } from '../../auth/request.js';
import { fail } from '../../domain/errors.js';
import type { App, AppDeps } from '../../http/types.js';
import { sendDocx } from './documents.routes.js';
import {
  authorizeTemplates,
  listTemplates,
  previewTemplate,
  resetTemplate,
  templateFile,
  uploadTemplate,
  type TemplateUpload,
} from './templates.service.js';

const tags = ['documents'];
const TOO_LARGE = `Tệp mẫu vượt quá ${MAX_TEMPLATE_BYTES / 1024 / 1024} MB.`;

async function readTemplateUpload(request: FastifyRequest): Promise<TemplateUpload> {
  if (!request.isMultipart()) throw fail.invalid('file', 'Hãy gửi tệp dạng multipart/form-data, trong trường "file".');
  let upload: TemplateUpload | null = null;
  try {
    for await (const part of request.parts({ limits: { fileSize: MAX_TEMPLATE_BYTES, files: 1 } })) {
      if (part.type !== 'file') continue;
      const bytes = await part.toBuffer();
      if (part.fieldname === 'file' && !upload)
        upload = { fileName: part.filename.normalize('NFC').trim() || 'mau-van-ban.docx', bytes };
    }
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw fail.invalid('file', TOO_LARGE);
    if (code?.startsWith('FST_')) throw fail.invalid('file', 'Biểu mẫu tải lên không hợp lệ (chỉ gửi một tệp).');
    throw error;
  }
  if (!upload) throw fail.invalid('file', 'Chưa chọn tệp mẫu để tải lên (trường "file").');
  if (!/\.docx$/i.test(upload.fileName))
    throw fail.rule(`Tệp "${upload.fileName}" không phải tệp Word .docx: hãy lưu mẫu dạng .docx.`, 'file');
  return upload;
}

/** A unit's own .docx templates of official documents: list, upload, back to default, download, preview. */
export async function documentTemplateRoutes(app: App, deps: AppDeps): Promise<void> {
  const { db } = deps.database;

  app.get(
    '/api/units/:unitId/document-templates',
    {
      schema: {
        tags,
        summary: 'Mẫu văn bản đơn vị đang dùng cho từng loại (mặc định, riêng hoặc của cấp trên)',
        params: z.object({ unitId: id }),
        response: { 200: z.array(documentTemplateDto), ...errorResponses },
      },
    },
    async (request) => listTemplates(db, await requireActor(request, deps), request.params.unitId),
  );

  app.put(
    '/api/units/:unitId/document-templates/:kind',
    {
      schema: {
        tags,
        summary: 'Tải lên mẫu riêng (.docx, multipart: file) cho một loại văn bản',
        consumes: ['multipart/form-data'],
        params: templateParams,
        response: { 200: documentTemplateDto, ...errorResponses },
      },
    },
    async (request) => {
      const ctx = await requestContext(request, deps);
      await authorizeTemplates(db, ctx.actor, request.params.unitId);
      const upload = await readTemplateUpload(request);
      return uploadTemplate(db, ctx, request.params.unitId, request.params.kind, upload);
    },
  );

  app.delete(
    '/api/units/:unitId/document-templates/:kind',
    {
      schema: {
        tags,
        summary: 'Trở về mẫu mặc định (mẫu riêng được giữ lại trong lịch sử)',
        params: templateParams,
        response: { 200: documentTemplateDto, ...errorResponses },
      },
    },
    async (request) =>
      resetTemplate(db, await requestContext(request, deps), request.params.unitId, request.params.kind),
  );

  app.get(
    '/api/units/:unitId/document-templates/:kind/file',
    { schema: { tags, summary: 'Tải tệp mẫu đơn vị đang dùng (.docx)', params: templateParams } },
    async (request, reply) =>
      sendDocx(
        reply,
        await templateFile(db, await requireActor(request, deps), request.params.unitId, request.params.kind),
      ),
  );

  app.get(
    '/api/units/:unitId/document-templates/:kind/preview',
    { schema: { tags, summary: 'Xem trước mẫu với dữ liệu mẫu (.docx)', params: templateParams } },
    async (request, reply) =>
      sendDocx(
        reply,
        await previewTemplate(db, await requireActor(request, deps), request.params.unitId, request.params.kind),
      ),
  );
}
