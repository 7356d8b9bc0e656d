import { fromNodeHeaders } from 'better-auth/node';
import type { FastifyReply } from 'fastify';
import { changePasswordBody, loginBody, meResponse } from '../../contracts/auth.js';
import { errorResponse, okResponse } from '../../contracts/common.js';
import { DomainError } from '../../domain/errors.js';
import { loadActor } from '../../auth/actor.js';
import { requestContext, requireActor } from '../../auth/request.js';
import type { App, AppDeps } from '../../http/types.js';
import { audit } from '../audit/audit.service.js';
import { assertMayTryLogin, describeActor, recordLoginOutcome } from './session.service.js';

function forwardCookies(from: Response, reply: FastifyReply): void {
  const cookies = from.headers.getSetCookie();
  if (cookies.length > 0) reply.header('set-cookie', cookies);
}

const errors = { 400: errorResponse, 401: errorResponse, 403: errorResponse, 423: errorResponse, 429: errorResponse };

/** Login, logout, the signed-in account, password change. */
export async function sessionRoutes(app: App, deps: AppDeps): Promise<void> {
  const { db } = deps.database;

  app.post(
    '/api/auth/login',
    {
      schema: { tags: ['auth'], summary: 'Đăng nhập', body: loginBody, response: { 200: meResponse, ...errors } },
      config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      const username = request.body.username.toLowerCase();
      await assertMayTryLogin(db, username);
      const response = await deps.auth.api.signInUsername({
        body: { username, password: request.body.password },
        headers: fromNodeHeaders(request.headers),
        asResponse: true,
      });
      await recordLoginOutcome(db, username, request.ip, response.ok);
      const body = (await response.json()) as { user?: { id: string } };
      const actor = body.user ? await loadActor(db, body.user.id) : null;
      if (!actor) throw new DomainError('unauthenticated', 'Tên đăng nhập hoặc mật khẩu không đúng.');
      forwardCookies(response, reply);
      return describeActor(db, actor);
    },
  );

  app.post(
    '/api/auth/logout',
    { schema: { tags: ['auth'], summary: 'Đăng xuất', response: { 200: okResponse } } },
    async (request, reply) => {
      const response = await deps.auth.api.signOut({ headers: fromNodeHeaders(request.headers), asResponse: true });
      forwardCookies(response, reply);
      return { ok: true as const };
    },
  );

  app.get(
    '/api/auth/me',
    {
      schema: {
        tags: ['auth'],
        summary: 'Tài khoản đang đăng nhập',
        response: { 200: meResponse, 401: errorResponse },
      },
    },
    async (request) => {
      return describeActor(db, await requireActor(request, deps));
    },
  );

  app.post(
    '/api/auth/password',
    {
      schema: {
        tags: ['auth'],
        summary: 'Đổi mật khẩu',
        body: changePasswordBody,
        response: { 200: okResponse, ...errors },
      },
      config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      const ctx = await requestContext(request, deps);
      const response = await deps.auth.api.changePassword({
        body: {
          currentPassword: request.body.currentPassword,
          newPassword: request.body.newPassword,
          revokeOtherSessions: true,
        },
        headers: fromNodeHeaders(request.headers),
        asResponse: true,
      });
      if (!response.ok) {
        const message = 'Mật khẩu hiện tại không đúng.';
        throw new DomainError('validation', message, [{ field: 'currentPassword', message }]);
      }
      forwardCookies(response, reply);
      await audit(db, ctx, {
        entity: 'account',
        entityId: ctx.actor.userId,
        action: 'change_password',
        unitId: null,
        unitPath: null,
      });
      return { ok: true as const };
    },
  );
}
