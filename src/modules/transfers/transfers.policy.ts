import type { Actor } from '../../auth/actor.js';
import { scopeOf } from '../../auth/actor.js';
import type { DbOrTx } from '../../db/client.js';
import { inScope } from '../../domain/auth/permissions.js';
import { fail } from '../../domain/errors.js';
import { isWithin } from '../../domain/org/unit-path.js';
import {
  nextStatus,
  reachFor,
  type TransferAction,
  type TransferKind,
  type TransferReach,
  type TransferState,
  type TransferStatus,
} from '../../domain/workflows/transfer.js';
import * as q from './transfers.queries.js';

/** The message of a stale version (409). */
export const STALE =
  'Đề nghị chuyển sinh hoạt vừa được người khác xử lý hoặc thay đổi. Vui lòng tải lại và thực hiện lại.';

/** The state-machine view of a stored transfer. */
export function stateOf(t: q.TransferRow): TransferState {
  return { kind: t.kind as TransferKind, status: t.status as TransferStatus };
}

/** True when some path of the scope is `path` itself, above it or below it. */
function reachesInto(scope: readonly string[], path: string): boolean {
  return inScope(scope, path) || scope.some((s) => isWithin(s, path));
}

/** member.write of the actor on each side of the transfer. */
export function reachOf(actor: Actor, row: q.JoinedTransfer): TransferReach {
  const write = scopeOf(actor, 'member.write');
  const t = row.transfer;
  const sendingGrassroots = row.fromGrassroots?.path ?? null;
  let receiverWrite = false;
  if (t.kind === 'external') {
    receiverWrite = row.toGrassroots
      ? reachesInto(write, row.toGrassroots.path)
      : write.some((s) => !sendingGrassroots || !isWithin(s, sendingGrassroots));
  }
  return {
    branchWrite: inScope(write, row.fromUnit.path),
    grassrootsWrite: sendingGrassroots ? inScope(write, sendingGrassroots) : false,
    receiverWrite,
    hostWrite: t.kind === 'temporary' && row.toUnit ? inScope(write, row.toUnit.path) : false,
  };
}

/**
 * Loads and locks a transfer for a step: 404 when the actor cannot reach it, 403 without the right on the
 * side that takes the step, 409 on a stale version, 422 when the state machine refuses the step.
 * Accepting and returning reach any sent external transfer (the receiving unit found it by code or CCCD).
 */
export async function loadForStep(
  tx: DbOrTx,
  actor: Actor,
  transferId: string,
  action: TransferAction,
  version: number | null,
): Promise<q.JoinedTransfer> {
  const receiving = action === 'accept' || action === 'return';
  const row = await q.findTransfer(tx, scopeOf(actor, 'member.read'), transferId, {
    lock: true,
    openToReceivers: receiving && scopeOf(actor, 'member.write').length > 0,
  });
  if (!row) throw fail.notFound('đề nghị chuyển sinh hoạt');
  const state = stateOf(row.transfer);
  if (!reachFor(state, action, reachOf(actor, row))) throw fail.forbidden();
  if (version !== null && row.transfer.version !== version) throw fail.conflict(STALE);
  nextStatus(state, action);
  return row;
}

/** Refuses when the actor lacks member.write on a unit it reads (403), or does not read it (404). */
export function assertWrite(actor: Actor, path: string, what: string, message?: string): void {
  if (inScope(scopeOf(actor, 'member.write'), path)) return;
  if (inScope(scopeOf(actor, 'member.read'), path)) throw fail.forbidden(message);
  throw fail.notFound(what);
}
