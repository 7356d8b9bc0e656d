import { z } from 'zod';
import { errorResponses, id } from '../../contracts/common.js';
import {
  branchBook,
  branchBookQuery,
  branchDesignations,
  byChildResponse,
  createDesignationBody,
  endDesignationBody,
  indicatorKey,
  indicatorListPage,
  indicatorListQuery,
  indicatorQuery,
  indicatorsResponse,
} from '../../contracts/branch-indicators.js';
import { requestContext, requireActor } from '../../auth/request.js';
import { contentDisposition } from '../../domain/documents/file-name.js';
import { todayInVietnam } from '../../domain/text/dates.js';
import type { App, AppDeps } from '../../http/types.js';
import { audit } from '../audit/audit.service.js';
import { DOCX_TYPE } from '../documents/documents.render.js';
import { bookData, getBranchBook, loadBookBranch } from './branch-book.service.js';
import { branchBookDocx } from './branch-book.docx.js';
import { branchBookXlsx } from './branch-book.xlsx.js';
import { createDesignation, endDesignationOf, getDesignations } from './designations.service.js';
import { getIndicatorList, getIndicators, getIndicatorsByChild } from './indicators.service.js';

const tags = ['branch-indicators'];
const params = z.object({ id });
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const designations = { 200: branchDesignations, ...errorResponses };

/** Branch indicators, the digital branch book and branch designations (pilot, remote). */
export async function branchIndicatorRoutes(app: App, deps: AppDeps): Promise<void> {
  const { db } = deps.database;
  const thisYear = () => Number(todayInVietnam().slice(0, 4));

  app.get(
    '/api/units/:id/designations',
    {
      schema: {
        tags,
        summary: 'Lịch sử chỉ định chi đoàn (chỉ đạo, vùng sâu vùng xa)',
        params,
        response: designations,
      },
    },
    async (request) => getDesignations(db, await requireActor(request, deps), request.params.id),
  );

  app.post(
    '/api/units/:id/designations',
    {
      schema: {
        tags,
        summary: 'Chỉ định chi đoàn chỉ đạo (do đoàn cơ sở chọn) hoặc chi đoàn vùng sâu, vùng xa',
        params,
        body: createDesignationBody,
        response: designations,
      },
    },
    async (request) => createDesignation(db, await requestContext(request, deps), request.params.id, request.body),
  );

  app.post(
    '/api/units/:id/designations/:designationId/end',
    {
      schema: {
        tags,
        summary: 'Kết thúc một lần chỉ định',
        params: z.object({ id, designationId: id }),
        body: endDesignationBody,
        response: designations,
      },
    },
    async (request) =>
      endDesignationOf(
        db,
        await requestContext(request, deps),
        request.params.id,
        request.params.designationId,
        request.body,
      ),
  );

  app.get(
    '/api/branch-indicators',
    {
      schema: {
        tags,
        summary: 'Chỉ tiêu chi đoàn của một đơn vị trong một kỳ',
        querystring: indicatorQuery,
        response: { 200: indicatorsResponse, ...errorResponses },
      },
    },
    async (request) => getIndicators(db, await requireActor(request, deps), request.query),
  );

  app.get(
    '/api/branch-indicators/by-child',
    {
      schema: {
        tags,
        summary: 'Chỉ tiêu chi đoàn theo từng đơn vị trực thuộc',
        querystring: indicatorQuery,
        response: { 200: byChildResponse, ...errorResponses },
      },
    },
    async (request) => getIndicatorsByChild(db, await requireActor(request, deps), request.query),
  );

  app.get(
    '/api/branch-indicators/:indicator/units',
    {
      schema: {
        tags,
        summary: 'Danh sách chi đoàn (đoàn cơ sở, đoàn viên) đằng sau một chỉ tiêu',
        params: z.object({ indicator: indicatorKey }),
        querystring: indicatorListQuery,
        response: { 200: indicatorListPage, ...errorResponses },
      },
    },
    async (request) => getIndicatorList(db, await requireActor(request, deps), request.params.indicator, request.query),
  );

  app.get(
    '/api/units/:id/branch-book',
    {
      schema: {
        tags,
        summary: 'Sổ chi đoàn của một năm',
        params,
        querystring: branchBookQuery,
        response: { 200: branchBook, ...errorResponses },
      },
    },
    async (request) =>
      getBranchBook(db, await requireActor(request, deps), request.params.id, request.query.year ?? thisYear()),
  );

  for (const format of ['xlsx', 'docx'] as const) {
    app.get(
      `/api/units/:id/branch-book.${format}`,
      {
        schema: {
          tags,
          summary: format === 'xlsx' ? 'Sổ chi đoàn (.xlsx)' : 'Sổ chi đoàn để in (.docx)',
          params,
          querystring: branchBookQuery,
        },
      },
      async (request, reply) => {
        const ctx = await requestContext(request, deps);
        const year = request.query.year ?? thisYear();
        const branch = await loadBookBranch(db, ctx.actor, request.params.id);
        const data = await bookData(db, branch, year);
        const file = format === 'xlsx' ? await branchBookXlsx(data) : await branchBookDocx(data);
        await audit(db, ctx, {
          entity: 'branch_book',
          entityId: branch.id,
          action: `export_${format}`,
          unitId: branch.id,
          unitPath: branch.path,
          after: { year },
        });
        return reply
          .type(format === 'xlsx' ? XLSX_TYPE : DOCX_TYPE)
          .header('content-disposition', contentDisposition(`So-chi-doan-${branch.code}-${year}.${format}`))
          .send(file);
      },
    );
  }
}
