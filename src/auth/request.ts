import type { FastifyRequest } from 'fastify';
import { fromNodeHeaders } from 'better-auth/node';
import type { AppDeps } from '../http/types.js';
import { DomainError } from '../domain/errors.js';
import { loadActor, type Actor } from './actor.js';
import type { RequestContext } from '../modules/audit/audit.service.js';

const resolved = new WeakMap<FastifyRequest, Promise<Actor | null>>();

async function resolveActor(request: FastifyRequest, deps: AppDeps): Promise<Actor | null> {
  const found = await deps.auth.api.getSession({ headers: fromNodeHeaders(request.headers) });
  if (!found) return null;
  return loadActor(deps.database.db, found.user.id);
}

/** The signed-in actor of a request, or null (resolved once per request). */
export function currentActor(request: FastifyRequest, deps: AppDeps): Promise<Actor | null> {
  let pending = resolved.get(request);
  if (!pending) {
    pending = resolveActor(request, deps);
    resolved.set(request, pending);
  }
  return pending;
}

/** The signed-in actor; 401 with a Vietnamese message when there is none. */
export async function requireActor(request: FastifyRequest, deps: AppDeps): Promise<Actor> {
  const actor = await currentActor(request, deps);
  if (!actor) throw new DomainError('unauthenticated', 'Bạn cần đăng nhập để tiếp tục.');
  return actor;
}

/** The actor and request id, as services need them for authorization and audit. */
export async function requestContext(
  request: FastifyRequest,
  deps: AppDeps,
): Promise<RequestContext & { actor: Actor }> {
  const actor = await requireActor(request, deps);
  return { actor, requestId: String(request.id) };
}
