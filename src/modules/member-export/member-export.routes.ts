import { PassThrough, type Writable } from 'node:stream';
import type { FastifyReply } from 'fastify';
import { memberExportQuery } from '../../contracts/member-import.js';
import { requestContext } from '../../auth/request.js';
import type { Db } from '../../db/client.js';
import type { App, AppDeps } from '../../http/types.js';
import { prepareExport, writeCsv, writeXlsx, type PreparedExport } from './member-export.service.js';

const tags = ['members'];

function stream(
  reply: FastifyReply,
  db: Db,
  prep: PreparedExport,
  write: (db: Db, prep: PreparedExport, out: Writable) => Promise<void>,
  type: string,
  extension: string,
) {
  const out = new PassThrough();
  write(db, prep, out).catch((error: unknown) => out.destroy(error as Error));
  const name = `danh-sach-doan-vien-${prep.unit.code}-${prep.today.replace(/-/g, '')}.${extension}`;
  const ascii = name.normalize('NFD').replace(/[^\x20-\x7e]/g, '');
  return reply
    .type(type)
    .header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`)
    .header('x-total-count', String(prep.total))
    .send(out);
}

/** Member list export (.xlsx in the "Danh sách đoàn viên" layout, .csv), streamed and audited. */
export async function memberExportRoutes(app: App, deps: AppDeps): Promise<void> {
  const { db } = deps.database;

  app.get(
    '/api/members/export.xlsx',
    {
      schema: {
        tags,
        summary: 'Xuất danh sách đoàn viên ra Excel (cùng bộ lọc với danh sách)',
        querystring: memberExportQuery,
      },
    },
    async (request, reply) => {
      const prep = await prepareExport(db, await requestContext(request, deps), request.query, 'xlsx');
      return stream(
        reply,
        db,
        prep,
        writeXlsx,
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'xlsx',
      );
    },
  );

  app.get(
    '/api/members/export.csv',
    {
      schema: { tags, summary: 'Xuất danh sách đoàn viên ra CSV (UTF-8 có BOM)', querystring: memberExportQuery },
    },
    async (request, reply) => {
      const prep = await prepareExport(db, await requestContext(request, deps), request.query, 'csv');
      return stream(reply, db, prep, writeCsv, 'text/csv; charset=utf-8', 'csv');
    },
  );
}
