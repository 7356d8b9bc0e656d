import { eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db, DbOrTx } from '../../db/client.js';
import { memberAccounts, memberChangeRequests, members, user } from '../../db/schema/index.js';
import type { Actor } from '../../auth/actor.js';
import { authorizeAnywhere, scopeOf } from '../../auth/actor.js';
import type {
  approveChangeRequestBody,
  ChangeRequestDto,
  ChangeRequestPage,
  changeRequestListQuery,
  createChangeRequestBody,
  rejectChangeRequestBody,
} from '../../contracts/self-service.js';
import { identityChanges } from '../../contracts/self-service.js';
import { inScope } from '../../domain/auth/permissions.js';
import { fail } from '../../domain/errors.js';
import {
  changedValues,
  decisionProblem,
  IDENTITY_FIELDS,
  identityPatch,
  staleProblem,
  statusAfter,
  valuesOf,
  type ChangeRequestDecision,
  type ChangeRequestStatus,
} from '../../domain/members/self-service.js';
import { todayInVietnam } from '../../domain/text/dates.js';
import { foldVietnamese, givenName, nameSortKey } from '../../domain/text/vietnamese.js';
import { audit, type RequestContext } from '../audit/audit.service.js';
import { recordEvents } from '../members/members.events.js';
import { findActiveByCccd } from '../members/members.queries.js';
import { loadForAction } from '../org-units/org-units.service.js';
import { loadOwnMember } from './self-service.profile.js';
import { assertActiveMember, ownMemberId } from './self-service.policy.js';
import { asFieldValues, toChangeRequestDto } from './self-service.presenter.js';
import * as q from './self-service.queries.js';

type Ctx = RequestContext & { actor: Actor };

const TAKEN = 'Yêu cầu vừa được người khác xử lý hoặc thay đổi. Vui lòng tải lại danh sách.';

async function assertCccdFree(tx: DbOrTx, cccd: string | null | undefined, memberId: string, rule: boolean) {
  if (!cccd) return;
  if (!(await findActiveByCccd(tx, cccd, memberId))) return;
  const message = `Số CCCD ${cccd} đã có trong hồ sơ đoàn viên khác đang sinh hoạt.`;
  throw rule ? fail.rule(message, 'cccd') : fail.invalid('changes.cccd', message);
}

/** The member asks the branch to change identity fields; only values that differ from the record are kept. */
export async function createChangeRequest(
  db: Db,
  ctx: Ctx,
  body: z.output<typeof createChangeRequestBody>,
): Promise<ChangeRequestDto> {
  const id = await db.transaction(async (tx) => {
    const found = await loadOwnMember(tx, ctx.actor, true);
    const member = found.member;
    assertActiveMember(member.status);
    if (await q.pendingRequestOf(tx, member.id))
      throw fail.conflict(
        'Bạn đang có một yêu cầu chờ chi đoàn duyệt. Hãy chờ kết quả hoặc rút yêu cầu đó trước khi gửi yêu cầu mới.',
      );
    const changes = changedValues(member, body.changes, IDENTITY_FIELDS);
    const fields = Object.keys(changes);
    if (fields.length === 0)
      throw fail.invalid('changes', 'Thông tin đề nghị sửa giống hồ sơ hiện tại: không có gì để gửi.');
    await assertCccdFree(tx, changes.cccd, member.id, false);
    const previous = valuesOf(member, fields);
    const [created] = await tx
      .insert(memberChangeRequests)
      .values({
        memberId: member.id,
        unitId: member.unitId,
        changes,
        previous,
        note: body.note ?? null,
        requestedBy: ctx.actor.userId,
      })
      .returning();
    if (!created) throw new Error('insert returned no row');
    await audit(tx, ctx, {
      entity: 'member_change_request',
      entityId: created.id,
      action: 'create',
      unitId: member.unitId,
      unitPath: found.unitPath,
      before: previous,
      after: { memberId: member.id, changes, note: created.note },
    });
    return created.id;
  });
  return ownRequest(db, ctx.actor, id);
}

async function ownRequest(db: DbOrTx, actor: Actor, requestId: string): Promise<ChangeRequestDto> {
  const row = await q.findRequestOfMember(db, ownMemberId(actor), requestId);
  if (!row) throw fail.notFound('yêu cầu');
  return toChangeRequestDto(row);
}

/** The member takes back their pending request. */
export async function withdrawChangeRequest(
  db: Db,
  ctx: Ctx,
  requestId: string,
  version: number,
): Promise<ChangeRequestDto> {
  await db.transaction(async (tx) => {
    const row = await q.findRequestOfMember(tx, ownMemberId(ctx.actor), requestId);
    if (!row) throw fail.notFound('yêu cầu');
    await decide(tx, ctx, row, version, 'withdraw', null);
    await audit(tx, ctx, {
      entity: 'member_change_request',
      entityId: requestId,
      action: 'withdraw',
      unitId: row.request.unitId,
      unitPath: row.unitPath,
    });
  });
  return ownRequest(db, ctx.actor, requestId);
}

async function decide(
  tx: DbOrTx,
  ctx: Ctx,
  row: q.ChangeRequestListRow,
  version: number,
  decision: ChangeRequestDecision,
  note: string | null,
): Promise<void> {
  if (row.request.version !== version) throw fail.conflict(TAKEN);
  const problem = decisionProblem(row.request.status as ChangeRequestStatus, decision);
  if (problem) throw fail.conflict(problem);
  const decided = await q.decideRequest(tx, row.request.id, version, {
    status: statusAfter(decision),
    decidedBy: ctx.actor.userId,
    decisionNote: note,
  });
  if (!decided) throw fail.conflict(TAKEN);
}

/** Change requests of the branches in the actor's member.write scope (optionally one unit's subtree). */
export async function listChangeRequests(
  db: Db,
  actor: Actor,
  query: z.output<typeof changeRequestListQuery>,
): Promise<ChangeRequestPage> {
  authorizeAnywhere(actor, 'member.write');
  const unitPath = query.unitId ? (await loadForAction(db, actor, query.unitId, 'member.write')).path : undefined;
  const rows = await q.listRequests(db, scopeOf(actor, 'member.write'), {
    unitPath,
    status: query.status,
    limit: query.limit,
    afterId: query.cursor,
  });
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  return { items: page.map(toChangeRequestDto), next: rows.length > query.limit && last ? last.request.id : null };
}

/** A request the actor may decide: 404 outside read scope, 403 when read-only. */
async function requestForDecision(tx: DbOrTx, actor: Actor, requestId: string) {
  const row = await q.findRequestInScope(tx, scopeOf(actor, 'member.read'), requestId);
  if (!row) throw fail.notFound('yêu cầu');
  if (!inScope(scopeOf(actor, 'member.write'), row.unitPath)) throw fail.forbidden();
  return row;
}

async function decidedRequest(db: DbOrTx, actor: Actor, requestId: string): Promise<ChangeRequestDto> {
  const row = await q.findRequestInScope(db, scopeOf(actor, 'member.read'), requestId);
  if (!row) throw fail.notFound('yêu cầu');
  return toChangeRequestDto(row);
}

function validChanges(changes: unknown): Record<string, string | null> {
  const parsed = identityChanges.safeParse(changes);
  if (!parsed.success) throw fail.rule(parsed.error.issues[0]?.message ?? 'Thông tin đề nghị sửa không hợp lệ.');
  const out: Record<string, string | null> = {};
  for (const field of IDENTITY_FIELDS) {
    const value = parsed.data[field];
    if (value !== undefined) out[field] = value;
  }
  return out;
}

/** Approves a pending request: the changes are written to the record with a history event, in one transaction. */
export async function approveChangeRequest(
  db: Db,
  ctx: Ctx,
  requestId: string,
  body: z.output<typeof approveChangeRequestBody>,
): Promise<ChangeRequestDto> {
  await db.transaction(async (tx) => {
    const row = await requestForDecision(tx, ctx.actor, requestId);
    await decide(tx, ctx, row, body.version, 'approve', body.note ?? null);
    const found = await q.findMemberById(tx, row.request.memberId, true);
    if (!found) throw fail.notFound('đoàn viên');
    if (!inScope(scopeOf(ctx.actor, 'member.write'), found.unitPath))
      throw fail.rule('Đoàn viên đã chuyển sinh hoạt sang đơn vị ngoài phạm vi của bạn: không thể duyệt yêu cầu này.');
    const before = found.member;
    const changes = validChanges(row.request.changes);
    const previous = valuesOf(before, Object.keys(changes));
    const stale = staleProblem(asFieldValues(row.request.previous), before);
    if (stale) throw fail.rule(stale);
    await assertCccdFree(tx, changes.cccd, before.id, true);
    const fullName = changes.fullName;
    const [after] = await tx
      .update(members)
      .set({
        ...identityPatch(changes),
        ...(fullName
          ? { givenName: givenName(fullName), searchName: foldVietnamese(fullName), sortKey: nameSortKey(fullName) }
          : {}),
        version: before.version + 1,
        updatedAt: new Date(),
      })
      .where(eq(members.id, before.id))
      .returning();
    if (!after) throw fail.conflict(TAKEN);
    if (fullName) {
      const linked = tx
        .select({ id: memberAccounts.userId })
        .from(memberAccounts)
        .where(eq(memberAccounts.memberId, before.id));
      await tx.update(user).set({ name: fullName, updatedAt: new Date() }).where(inArray(user.id, linked));
    }
    await recordEvents(
      tx,
      after,
      [
        {
          kind: 'identity_change',
          before: previous,
          after: changes,
          note: 'Duyệt yêu cầu cập nhật thông tin của đoàn viên.',
        },
      ],
      todayInVietnam(),
      ctx.actor.userId,
    );
    await audit(tx, ctx, {
      entity: 'member_change_request',
      entityId: requestId,
      action: 'approve',
      unitId: after.unitId,
      unitPath: found.unitPath,
      before: previous,
      after: { memberId: after.id, changes, note: body.note ?? null },
    });
  });
  return decidedRequest(db, ctx.actor, requestId);
}

/** Rejects a pending request with a reason the member reads. */
export async function rejectChangeRequest(
  db: Db,
  ctx: Ctx,
  requestId: string,
  body: z.output<typeof rejectChangeRequestBody>,
): Promise<ChangeRequestDto> {
  await db.transaction(async (tx) => {
    const row = await requestForDecision(tx, ctx.actor, requestId);
    await decide(tx, ctx, row, body.version, 'reject', body.reason);
    await audit(tx, ctx, {
      entity: 'member_change_request',
      entityId: requestId,
      action: 'reject',
      unitId: row.request.unitId,
      unitPath: row.unitPath,
      after: { reason: body.reason },
    });
  });
  return decidedRequest(db, ctx.actor, requestId);
}
