import { z } from 'zod';
import { errorResponses } from '../../contracts/common.js';
import { recordRuleBody, ruleKey, ruleSetDto } from '../../contracts/rules.js';
import { requestContext, requireActor } from '../../auth/request.js';
import type { App, AppDeps } from '../../http/types.js';
import { listRules, recordRule } from './rules.service.js';

const tags = ['rules'];

/** Configurable rules: the values in force with their history, and new values from a date (system admin). */
export async function ruleRoutes(app: App, deps: AppDeps): Promise<void> {
  const { db } = deps.database;

  app.get(
    '/api/rules',
    {
      schema: {
        tags,
        summary: 'Các quy định: giá trị đang áp dụng và lịch sử',
        response: { 200: z.array(ruleSetDto), ...errorResponses },
      },
    },
    async (request) => listRules(db, await requireActor(request, deps)),
  );

  app.post(
    '/api/rules/:key',
    {
      schema: {
        tags,
        summary: 'Ghi giá trị mới của một quy định, áp dụng từ một ngày (quản trị hệ thống)',
        params: z.object({ key: ruleKey }),
        body: recordRuleBody,
        response: { 200: ruleSetDto, ...errorResponses },
      },
    },
    async (request) => recordRule(db, await requestContext(request, deps), request.params.key, request.body),
  );
}
