import { z } from 'zod';
import { errorResponses, id } from '../../contracts/common.js';
import {
  memberDeathBody,
  memberExitResult,
  memberProcedureActions,
  removeMemberBody,
} from '../../contracts/member-exits.js';
import { requestContext, requireActor } from '../../auth/request.js';
import type { App, AppDeps } from '../../http/types.js';
import { memberProcedureActions as actionsFor, recordDeath, removeMember } from './member-exits.service.js';

const params = z.object({ id });
const tags = ['members'];

/** Name removal (xóa tên) and death (báo tử) of a member. */
export async function memberExitRoutes(app: App, deps: AppDeps): Promise<void> {
  const { db } = deps.database;

  app.get(
    '/api/members/:id/procedure-actions',
    {
      schema: {
        tags,
        summary: 'Các thủ tục tài khoản được thực hiện với đoàn viên (xóa tên, báo tử, kỷ luật, giới thiệu vào Đảng)',
        params,
        response: { 200: memberProcedureActions, ...errorResponses },
      },
    },
    async (request) => actionsFor(db, await requireActor(request, deps), request.params.id),
  );

  app.post(
    '/api/members/:id/remove',
    {
      schema: {
        tags,
        summary: 'Xóa tên đoàn viên (quyết định của Đoàn cơ sở)',
        params,
        body: removeMemberBody,
        response: { 200: memberExitResult, ...errorResponses },
      },
    },
    async (request) => removeMember(db, await requestContext(request, deps), request.params.id, request.body),
  );

  app.post(
    '/api/members/:id/death',
    {
      schema: {
        tags,
        summary: 'Báo tử đoàn viên',
        params,
        body: memberDeathBody,
        response: { 200: memberExitResult, ...errorResponses },
      },
    },
    async (request) => recordDeath(db, await requestContext(request, deps), request.params.id, request.body),
  );
}
