import { PassThrough } from 'node:stream';
import { z } from 'zod';
import { id } from '../../contracts/common.js';
import { documentYear } from '../../contracts/documents.js';
import { requestContext } from '../../auth/request.js';
import { contentDisposition } from '../../domain/documents/file-name.js';
import type { App, AppDeps } from '../../http/types.js';
import { prepareRegister, writeRegister, type RegisterKind } from './registers.service.js';

const tags = ['registers'];
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const SUMMARIES: Record<RegisterKind, string> = {
  members: 'Sổ danh sách đoàn viên (.xlsx) của đơn vị và cấp dưới',
  'admissions-cards': 'Sổ kết nạp và cấp thẻ đoàn viên (.xlsx), theo ngày cấp thẻ',
  transfers: 'Sổ chuyển đi, chuyển đến (.xlsx, hai trang "Chuyển đi", "Chuyển đến")',
};

/** The three registers of a đoàn cơ sở as .xlsx, streamed and audited, filtered by year. */
export async function registerRoutes(app: App, deps: AppDeps): Promise<void> {
  const { db } = deps.database;

  for (const kind of Object.keys(SUMMARIES) as RegisterKind[]) {
    app.get(
      `/api/units/:unitId/registers/${kind}.xlsx`,
      {
        schema: {
          tags,
          summary: SUMMARIES[kind],
          params: z.object({ unitId: id }),
          querystring: z.object({ year: documentYear.optional() }),
        },
      },
      async (request, reply) => {
        const ctx = await requestContext(request, deps);
        const prep = await prepareRegister(db, ctx, request.params.unitId, kind, request.query.year ?? null);
        const out = new PassThrough();
        writeRegister(db, prep, out).catch((error: unknown) => out.destroy(error as Error));
        return reply
          .type(XLSX_TYPE)
          .header('content-disposition', contentDisposition(prep.fileName))
          .header('x-total-count', String(prep.rows))
          .send(out);
      },
    );
  }
}
