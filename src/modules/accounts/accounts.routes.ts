import { z } from 'zod';
import {
  accountDto,
  accountListQuery,
  createAccountBody,
  grantRoleBody,
  resetPasswordBody,
  updateAccountBody,
} from '../../contracts/accounts.js';
import { errorResponses, id, okResponse, pageOf } from '../../contracts/common.js';
import { requestContext, requireActor } from '../../auth/request.js';
import { authorizeAnywhere } from '../../auth/actor.js';
import type { App, AppDeps } from '../../http/types.js';
import {
  createAccount,
  getAccount,
  grantRole,
  listAccounts,
  resetPassword,
  revokeRole,
  updateAccount,
} from './accounts.service.js';

const params = z.object({ id: z.string().min(1).max(100) });
const errors = errorResponses;
const tags = ['accounts'];

/** Accounts and their roles. */
export async function accountRoutes(app: App, deps: AppDeps): Promise<void> {
  const { db } = deps.database;

  app.get(
    '/api/accounts',
    {
      schema: {
        tags,
        summary: 'Danh sách tài khoản',
        querystring: accountListQuery,
        response: { 200: pageOf(accountDto), ...errors },
      },
    },
    async (request) => {
      const actor = await requireActor(request, deps);
      authorizeAnywhere(actor, 'account.read');
      return listAccounts(db, actor, request.query);
    },
  );

  app.post(
    '/api/accounts',
    { schema: { tags, summary: 'Tạo tài khoản', body: createAccountBody, response: { 200: accountDto, ...errors } } },
    async (request) => {
      return createAccount(db, await requestContext(request, deps), request.body);
    },
  );

  app.get(
    '/api/accounts/:id',
    { schema: { tags, summary: 'Chi tiết tài khoản', params, response: { 200: accountDto, ...errors } } },
    async (request) => {
      const actor = await requireActor(request, deps);
      authorizeAnywhere(actor, 'account.read');
      return getAccount(db, actor, request.params.id);
    },
  );

  app.patch(
    '/api/accounts/:id',
    {
      schema: {
        tags,
        summary: 'Sửa, khóa, mở khóa tài khoản',
        params,
        body: updateAccountBody,
        response: { 200: accountDto, ...errors },
      },
    },
    async (request) => {
      return updateAccount(db, await requestContext(request, deps), request.params.id, request.body);
    },
  );

  app.post(
    '/api/accounts/:id/password',
    {
      schema: {
        tags,
        summary: 'Đặt lại mật khẩu',
        params,
        body: resetPasswordBody,
        response: { 200: okResponse, ...errors },
      },
    },
    async (request) => {
      await resetPassword(db, await requestContext(request, deps), request.params.id, request.body.password);
      return { ok: true as const };
    },
  );

  app.post(
    '/api/accounts/:id/roles',
    {
      schema: { tags, summary: 'Giao vai trò', params, body: grantRoleBody, response: { 200: accountDto, ...errors } },
    },
    async (request) => {
      return grantRole(db, await requestContext(request, deps), request.params.id, request.body);
    },
  );

  app.delete(
    '/api/accounts/:id/roles/:roleId',
    {
      schema: {
        tags,
        summary: 'Thu hồi vai trò',
        params: params.extend({ roleId: id }),
        response: { 200: accountDto, ...errors },
      },
    },
    async (request) => revokeRole(db, await requestContext(request, deps), request.params.id, request.params.roleId),
  );
}
