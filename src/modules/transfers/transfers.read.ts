import type { z } from 'zod';
import type { Db, DbOrTx } from '../../db/client.js';
import type { Actor } from '../../auth/actor.js';
import { authorizeAnywhere, scopeOf } from '../../auth/actor.js';
import type {
  DestinationOption,
  destinationQuery,
  HostedMember,
  TransferDetail,
  transferListQuery,
  TransferLookupResult,
  transferLookupQuery,
  TransferPage,
  TransferSummary,
} from '../../contracts/transfers.js';
import { inScope } from '../../domain/auth/permissions.js';
import { fail } from '../../domain/errors.js';
import { todayInVietnam } from '../../domain/text/dates.js';
import { allowedTransferActions } from '../../domain/workflows/transfer.js';
import { normalizeTransferCode } from '../../domain/workflows/transfer-code.js';
import { GRASSROOTS_KINDS } from '../../domain/org/unit-kind.js';
import { loadForAction } from '../org-units/org-units.service.js';
import { reachOf, stateOf } from './transfers.policy.js';
import { toDetail, toHosted, toListItem, toLookup } from './transfers.presenter.js';
import * as q from './transfers.queries.js';
import { decodePairCursor, encodeCursor } from '../../db/cursor.js';

/** True when the actor sees CCCD and phone unmasked on a unit at `path`. */
function personalOn(actor: Actor, path: string | null | undefined): boolean {
  return Boolean(path) && inScope(scopeOf(actor, 'member.personal'), path!);
}

/** A transfer either side of which lies in the actor's scope, with the actions the actor may take; else 404. */
export async function getTransfer(db: DbOrTx, actor: Actor, transferId: string): Promise<TransferDetail> {
  const row = await q.findTransfer(db, scopeOf(actor, 'member.read'), transferId);
  if (!row) throw fail.notFound('đề nghị chuyển sinh hoạt');
  const comments = row.transfer.kind === 'temporary' ? await q.hostCommentsOf(db, [row.transfer.memberId]) : [];
  return toDetail(row, todayInVietnam(), {
    actions: allowedTransferActions(stateOf(row.transfer), reachOf(actor, row)),
    personal:
      personalOn(actor, row.fromUnit.path) ||
      (row.transfer.kind !== 'temporary' && row.transfer.status === 'accepted' && personalOn(actor, row.toUnit?.path)),
    comments,
  });
}

/** The scope of a list: a unit's subtree (404/403 as for any unit) or everything the actor reads. */
async function listScope(db: DbOrTx, actor: Actor, unitId: string | undefined): Promise<string[]> {
  authorizeAnywhere(actor, 'member.read');
  if (!unitId) return scopeOf(actor, 'member.read');
  const unit = await loadForAction(db, actor, unitId, 'member.read');
  return [unit.path];
}

/** Transfers sent from or addressed to the scope, newest first, with filters and the total count. */
export async function listTransfers(
  db: Db,
  actor: Actor,
  query: z.output<typeof transferListQuery>,
): Promise<TransferPage> {
  const scope = await listScope(db, actor, query.unitId);
  const today = todayInVietnam();
  const filter: q.TransferFilter = {
    direction: query.direction,
    kinds: query.kind,
    statuses: query.status,
    overdue: query.overdue,
    memberId: query.memberId,
    today,
  };
  const cursor = query.cursor ? decodePairCursor(query.cursor) : undefined;
  const [found, total] = await Promise.all([
    q.listTransfers(db, scope, filter, { limit: query.limit, cursor }),
    q.countTransfers(db, scope, filter),
  ]);
  const page = found.slice(0, query.limit);
  const last = page[page.length - 1];
  return {
    items: page.map((r) => toListItem(r, today)),
    next: found.length > query.limit && last ? encodeCursor([last.createdKey, last.transfer.id]) : null,
    total,
  };
}

/** Counts for the tabs of the transfers page. */
export async function transferSummary(db: Db, actor: Actor, unitId: string | undefined): Promise<TransferSummary> {
  const scope = await listScope(db, actor, unitId);
  const c = await q.summaryCounts(db, scope, todayInVietnam());
  return {
    outgoing: { open: c.outgoingOpen, overdue: c.outgoingOverdue },
    incoming: { open: c.incomingOpen, overdue: c.incomingOverdue },
    temporary: { hosted: c.hosted, pending: c.pending, away: c.away },
  };
}

/**
 * The receiving side finds a sent transfer by the exact code on the letter or the member's exact CCCD.
 * Only cadres with member.write somewhere may look up, only sent external transfers are found, and the answer
 * holds what the letter says (name, birth date, card number, sending unit, comment, fee), never CCCD or phone.
 */
export async function lookupTransfer(
  db: Db,
  actor: Actor,
  query: z.output<typeof transferLookupQuery>,
): Promise<TransferLookupResult> {
  authorizeAnywhere(actor, 'member.write');
  const code = query.code ? normalizeTransferCode(query.code) : null;
  if (query.code && !code)
    throw fail.invalid('code', 'Mã giấy giới thiệu có dạng GT-2026-XXXXXX (chữ và số in trên giấy).');
  const row = await q.lookupSent(db, code ? { code } : { cccd: query.cccd });
  if (!row) throw fail.notFound('giấy giới thiệu đang chờ tiếp nhận ứng với thông tin đã nhập');
  const province = await q.provinceNameOf(db, row.fromUnit.path);
  return toLookup(row, todayInVietnam(), {
    actions: allowedTransferActions(stateOf(row.transfer), reachOf(actor, row)),
    province,
  });
}

/** Open đoàn cơ sở (or branches) anywhere in the country, to address a transfer or a temporary participation. */
export async function searchDestinations(
  db: Db,
  actor: Actor,
  query: z.output<typeof destinationQuery>,
): Promise<DestinationOption[]> {
  authorizeAnywhere(actor, 'member.write');
  const kinds = query.level === 'branch' ? { leaf: true as const } : { grassroots: GRASSROOTS_KINDS };
  const found = await q.searchDestinations(db, query.q, kinds, 20);
  return found.map((u) => ({ id: u.id, name: u.name, code: u.code, context: u.context ?? '' }));
}

/** Members in temporary participation at the host branches of the scope, with the latest host comment. */
export async function hostedMembers(db: Db, actor: Actor, unitId: string | undefined): Promise<HostedMember[]> {
  const scope = await listScope(db, actor, unitId);
  const found = await q.hostedTemporaries(db, scope, todayInVietnam());
  const comments = await q.hostCommentsOf(
    db,
    found.map((r) => r.member.id),
  );
  return found.map((row) => {
    const latest =
      comments.find(
        (c) =>
          c.member_id === row.member.id && (c.after as { transferId?: string } | null)?.transferId === row.transfer.id,
      ) ?? null;
    return toHosted(row, {
      actions: allowedTransferActions(stateOf(row.transfer), reachOf(actor, row)),
      personal: personalOn(actor, row.toUnit?.path),
      latest,
    });
  });
}
