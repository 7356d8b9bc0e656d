import { z } from 'zod';
import { errorResponses, id } from '../../contracts/common.js';
import {
  annulDisciplineBody,
  createDisciplineBody,
  disciplineDto,
  disciplineList,
  disciplineListQuery,
  disciplineOptions,
  disciplineOptionsQuery,
} from '../../contracts/discipline.js';
import { requestContext, requireActor } from '../../auth/request.js';
import type { App, AppDeps } from '../../http/types.js';
import {
  annulDiscipline,
  createDiscipline,
  disciplineOptions as optionsFor,
  getDiscipline,
  listDisciplines,
} from './discipline.service.js';

const params = z.object({ id });
const tags = ['discipline'];

/** Discipline (kỷ luật) of members and units: decisions with their vote, annulment, the options of the form. */
export async function disciplineRoutes(app: App, deps: AppDeps): Promise<void> {
  const { db } = deps.database;

  app.get(
    '/api/disciplines',
    {
      schema: {
        tags,
        summary: 'Các quyết định kỷ luật của một đơn vị (cả cấp dưới) hoặc của một đoàn viên',
        querystring: disciplineListQuery,
        response: { 200: disciplineList, ...errorResponses },
      },
    },
    async (request) => listDisciplines(db, await requireActor(request, deps), request.query),
  );

  app.get(
    '/api/disciplines/options',
    {
      schema: {
        tags,
        summary: 'Hình thức kỷ luật, đơn vị có thẩm quyền và quy định biểu quyết cho một đối tượng',
        querystring: disciplineOptionsQuery,
        response: { 200: disciplineOptions, ...errorResponses },
      },
    },
    async (request) => optionsFor(db, await requireActor(request, deps), request.query),
  );

  app.get(
    '/api/disciplines/:id',
    {
      schema: { tags, summary: 'Một quyết định kỷ luật', params, response: { 200: disciplineDto, ...errorResponses } },
    },
    async (request) => getDiscipline(db, await requireActor(request, deps), request.params.id),
  );

  app.post(
    '/api/disciplines',
    {
      schema: {
        tags,
        summary: 'Ghi quyết định kỷ luật (biểu quyết của hội nghị, quyết định, hiệu lực)',
        body: createDisciplineBody,
        response: { 200: disciplineDto, ...errorResponses },
      },
    },
    async (request) => createDiscipline(db, await requestContext(request, deps), request.body),
  );

  app.post(
    '/api/disciplines/:id/annul',
    {
      schema: {
        tags,
        summary: 'Hủy quyết định kỷ luật (không tự khôi phục hậu quả)',
        params,
        body: annulDisciplineBody,
        response: { 200: disciplineDto, ...errorResponses },
      },
    },
    async (request) => annulDiscipline(db, await requestContext(request, deps), request.params.id, request.body),
  );
}
