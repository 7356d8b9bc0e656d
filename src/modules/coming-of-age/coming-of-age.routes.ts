import { z } from 'zod';
import { errorResponses, id } from '../../contracts/common.js';
import {
  comingOfAgeExceptionDto,
  comingOfAgeList,
  comingOfAgeQuery,
  createExceptionBody,
  exceptionListQuery,
  processComingOfAgeBody,
  processComingOfAgeResult,
} from '../../contracts/coming-of-age.js';
import { requestContext, requireActor } from '../../auth/request.js';
import type { App, AppDeps } from '../../http/types.js';
import { getComingOfAgeList, processComingOfAge } from './coming-of-age.service.js';
import { createException, listExceptions, revokeException } from './coming-of-age.exceptions.js';

const params = z.object({ id });
const tags = ['coming-of-age'];

/** Coming of age (trưởng thành đoàn): the yearly list, exceptions, processing with certificates. */
export async function comingOfAgeRoutes(app: App, deps: AppDeps): Promise<void> {
  const { db } = deps.database;

  app.get(
    '/api/coming-of-age',
    {
      schema: {
        tags,
        summary: 'Danh sách đoàn viên đến tuổi trưởng thành trong năm của một đơn vị',
        querystring: comingOfAgeQuery,
        response: { 200: comingOfAgeList, ...errorResponses },
      },
    },
    async (request) => getComingOfAgeList(db, await requireActor(request, deps), request.query),
  );

  app.post(
    '/api/coming-of-age/process',
    {
      schema: {
        tags,
        summary: 'Xét trưởng thành đoàn cho một nhóm đoàn viên của Đoàn cơ sở (tất cả hoặc không)',
        body: processComingOfAgeBody,
        response: { 200: processComingOfAgeResult, ...errorResponses },
      },
    },
    async (request) => processComingOfAge(db, await requestContext(request, deps), request.body),
  );

  app.get(
    '/api/coming-of-age/exceptions',
    {
      schema: {
        tags,
        summary: 'Các trường hợp giữ lại sinh hoạt của đơn vị',
        querystring: exceptionListQuery,
        response: { 200: z.array(comingOfAgeExceptionDto), ...errorResponses },
      },
    },
    async (request) => listExceptions(db, await requireActor(request, deps), request.query),
  );

  app.post(
    '/api/coming-of-age/exceptions',
    {
      schema: {
        tags,
        summary: 'Ghi một trường hợp giữ lại sinh hoạt',
        body: createExceptionBody,
        response: { 200: comingOfAgeExceptionDto, ...errorResponses },
      },
    },
    async (request) => createException(db, await requestContext(request, deps), request.body),
  );

  app.post(
    '/api/coming-of-age/exceptions/:id/revoke',
    {
      schema: {
        tags,
        summary: 'Thu hồi một trường hợp giữ lại sinh hoạt',
        params,
        response: { 200: comingOfAgeExceptionDto, ...errorResponses },
      },
    },
    async (request) => revokeException(db, await requestContext(request, deps), request.params.id),
  );
}
