import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { errorResponses, id } from '../../contracts/common.js';
import { documentDto, documentListQuery, documentPage } from '../../contracts/documents.js';
import { requireActor } from '../../auth/request.js';
import { contentDisposition } from '../../domain/documents/file-name.js';
import type { App, AppDeps } from '../../http/types.js';
import { DOCX_TYPE } from './documents.render.js';
import { documentFile, getDocument, listDocuments, type FileDownload } from './documents.service.js';

const tags = ['documents'];

/** Sends a .docx as a download, with an ASCII file name and its UTF-8 form. */
export function sendDocx(reply: FastifyReply, file: FileDownload): FastifyReply {
  return reply
    .type(DOCX_TYPE)
    .header('content-disposition', contentDisposition(file.fileName))
    .header('cache-control', 'private, no-store')
    .send(file.bytes);
}

/** Official documents: list, metadata and the rendered .docx. */
export async function documentRoutes(app: App, deps: AppDeps): Promise<void> {
  const { db } = deps.database;

  app.get(
    '/api/documents',
    {
      schema: {
        tags,
        summary: 'Văn bản do đơn vị và các đơn vị trực thuộc ban hành, mới nhất trước',
        querystring: documentListQuery,
        response: { 200: documentPage, ...errorResponses },
      },
    },
    async (request) => listDocuments(db, await requireActor(request, deps), request.query),
  );

  app.get(
    '/api/documents/:id',
    {
      schema: {
        tags,
        summary: 'Thông tin một văn bản',
        params: z.object({ id }),
        response: { 200: documentDto, ...errorResponses },
      },
    },
    async (request) => getDocument(db, await requireActor(request, deps), request.params.id),
  );

  app.get(
    '/api/documents/:id/file',
    {
      schema: {
        tags,
        summary: 'Tải văn bản dạng Word (.docx), dựng từ mẫu đơn vị đang dùng',
        params: z.object({ id }),
      },
    },
    async (request, reply) =>
      sendDocx(reply, await documentFile(db, await requireActor(request, deps), request.params.id)),
  );
}
