import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db, DbOrTx } from '../../db/client.js';
import { memberComments, members } from '../../db/schema/index.js';
import type { Actor } from '../../auth/actor.js';
import { actionsOn, scopeOf } from '../../auth/actor.js';
import type {
  createMemberBody,
  MemberCount,
  memberCountQuery,
  MemberDetail,
  MemberPage,
  memberListQuery,
  updateMemberBody,
} from '../../contracts/members.js';
import { inScope } from '../../domain/auth/permissions.js';
import { fail } from '../../domain/errors.js';
import { directEditProblem } from '../../domain/members/member-rules.js';
import { lockActiveCard } from '../member-cards/member-cards.queries.js';
import { idsOnPath } from '../../domain/org/unit-path.js';
import { todayInVietnam } from '../../domain/text/dates.js';
import { foldVietnamese, givenName, nameSortKey } from '../../domain/text/vietnamese.js';
import { audit, type RequestContext } from '../audit/audit.service.js';
import { provinceOf } from '../org-units/org-units.history.js';
import { selfServiceSummary } from '../self-service/self-service.summary.js';
import { loadForAction } from '../org-units/org-units.service.js';
import { eventsForChange, recordEvents } from './members.events.js';
import type { MemberFilter } from './members.filters.js';
import { maskPersonal, toRecord } from './members.presenter.js';
import * as q from './members.queries.js';
import { decodePairCursor as decodeCursor, encodeCursor } from '../../db/cursor.js';

type Ctx = RequestContext & { actor: Actor };

/** True when the actor may see CCCD and phone unmasked for a unit at `path`. */
export function seesPersonalData(actor: Actor, path: string): boolean {
  return inScope(scopeOf(actor, 'member.personal'), path);
}

/** True for a cursor key that is a date of birth (or the mark of the undated rows that come last). */
const isDateKey = (key: string) => /^\d{4}-\d{2}-\d{2}$/.test(key);

/** The unit's subtree filter, after checking `member.read` on the unit (404 outside the scope). */
async function listFilter(db: Db, actor: Actor, query: z.output<typeof memberCountQuery>) {
  const unit = await loadForAction(db, actor, query.unitId, 'member.read');
  const provinceId = await provinceOf(db, unit.path);
  const wholeSubtree = unit.id === provinceId ? 'province' : unit.parentId === null ? 'tree' : undefined;
  const filter: MemberFilter = { ...query, unitPath: unit.path, provinceId, wholeSubtree, today: todayInVietnam() };
  return { unit, scope: scopeOf(actor, 'member.read'), filter };
}

/** A page of the members of a unit's subtree, with filters, in keyset order (the count is `countMembers`). */
export async function listMembers(db: Db, actor: Actor, query: z.output<typeof memberListQuery>): Promise<MemberPage> {
  const cursor = query.cursor ? decodeCursor(query.cursor) : undefined;
  if (cursor && query.sort === 'birthDate' && !isDateKey(cursor[0]))
    throw fail.invalid('cursor', 'Con trỏ trang không hợp lệ.');
  const { unit, scope, filter } = await listFilter(db, actor, query);
  const rows = await q.listMembers(db, scope, filter, { sort: query.sort, limit: query.limit, cursor });
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1]?.member;
  const personal = seesPersonalData(actor, unit.path);
  const next =
    rows.length > query.limit && last
      ? encodeCursor([query.sort === 'name' ? last.sortKey : (last.birthDate ?? q.UNDATED), last.id])
      : null;
  return { items: page.map(({ member, unitName }) => ({ ...toRecord(member, personal), unitName })), next };
}

/** How many members of a unit's subtree match the filters (from the per-unit counts when only statuses are set). */
export async function countMembers(
  db: Db,
  actor: Actor,
  query: z.output<typeof memberCountQuery>,
): Promise<MemberCount> {
  const { scope, filter } = await listFilter(db, actor, query);
  return { total: await q.countMembers(db, scope, filter) };
}

/** One member record with path, timeline and comments; 404 outside the actor's scope. */
export async function getMember(db: DbOrTx, actor: Actor, memberId: string): Promise<MemberDetail> {
  const found = await q.findMemberInScope(db, scopeOf(actor, 'member.read'), memberId);
  if (!found) throw fail.notFound('đoàn viên');
  const [events, comments, unitPath, selfService] = await Promise.all([
    q.eventsOf(db, memberId),
    q.commentsOf(db, memberId),
    q.unitNamesOnPath(db, idsOnPath(found.unitPath)),
    selfServiceSummary(db, memberId),
  ]);
  const personal = seesPersonalData(actor, found.unitPath);
  return {
    ...toRecord(found.member, personal),
    unitName: found.unitName,
    unitPath,
    events: events.map(({ event, unitName }) => ({
      id: String(event.id),
      kind: event.kind,
      onDate: event.onDate,
      unitName: unitName ?? null,
      before: personal ? event.before : maskPersonal(event.before),
      after: personal ? event.after : maskPersonal(event.after),
      note: event.note,
    })),
    comments: comments.map((c) => ({ year: c.year, content: c.content, updatedAt: c.updatedAt.toISOString() })),
    actions: actionsOn(actor, found.unitPath).filter((a) => a.startsWith('member.')),
    ...selfService,
  };
}

async function loadBranch(tx: DbOrTx, actor: Actor, unitId: string) {
  const found = await q.findBranchInScope(tx, scopeOf(actor, 'member.write'), unitId);
  if (!found) {
    await loadForAction(tx, actor, unitId, 'member.write');
    throw fail.invalid('unitId', 'Đơn vị đã ngừng hoạt động.');
  }
  if (!found.isLeaf) throw fail.invalid('unitId', 'Đoàn viên phải sinh hoạt ở một chi đoàn: hãy chọn chi đoàn.');
  return found.unit;
}

async function assertCccdFree(tx: DbOrTx, cccd: string | null | undefined, exceptId?: string): Promise<void> {
  if (!cccd) return;
  const other = await q.findActiveByCccd(tx, cccd, exceptId);
  if (other) throw fail.invalid('cccd', `Số CCCD ${cccd} đã có trong hồ sơ đoàn viên khác đang sinh hoạt.`);
}

function derivedName(fullName: string) {
  return { givenName: givenName(fullName), searchName: foldVietnamese(fullName), sortKey: nameSortKey(fullName) };
}

/** Creates a member record in a branch, with its first history event. */
export async function createMember(db: Db, ctx: Ctx, body: z.output<typeof createMemberBody>): Promise<MemberDetail> {
  const id = await db.transaction(async (tx) => {
    const branch = await loadBranch(tx, ctx.actor, body.unitId);
    await assertCccdFree(tx, body.cccd);
    const [member] = await tx
      .insert(members)
      .values({ ...body, ...derivedName(body.fullName), provinceId: await provinceOf(tx, branch.path) })
      .returning();
    if (!member) throw new Error('insert returned no row');
    await recordEvents(
      tx,
      member,
      [{ kind: 'registered', after: { unitId: branch.id, status: member.status } }],
      body.joinedOn ?? todayInVietnam(),
      ctx.actor.userId,
    );
    await audit(tx, ctx, {
      entity: 'member',
      entityId: member.id,
      action: 'create',
      unitId: branch.id,
      unitPath: branch.path,
      after: member,
    });
    return member.id;
  });
  return getMember(db, ctx.actor, id);
}

/** Changes a member record; branch, status, position, card and identity changes become dated events. */
export async function updateMember(
  db: Db,
  ctx: Ctx,
  memberId: string,
  body: z.output<typeof updateMemberBody>,
): Promise<MemberDetail> {
  await db.transaction(async (tx) => {
    const found = await q.findMemberInScope(tx, scopeOf(ctx.actor, 'member.read'), memberId, true);
    if (!found) throw fail.notFound('đoàn viên');
    if (!inScope(scopeOf(ctx.actor, 'member.write'), found.unitPath)) throw fail.forbidden();
    const before = found.member;
    if (before.version !== body.version)
      throw fail.conflict('Hồ sơ vừa được người khác thay đổi. Vui lòng tải lại và thực hiện lại.');
    const { version: _v, ...changes } = body;
    const editProblem = directEditProblem(before, changes);
    if (editProblem) throw fail.invalid(changes.unitId ? 'unitId' : 'status', editProblem);
    const cardChanges =
      (changes.cardNumber !== undefined && changes.cardNumber !== before.cardNumber) ||
      (changes.cardIssuedOn !== undefined && changes.cardIssuedOn !== before.cardIssuedOn);
    if (cardChanges && (await lockActiveCard(tx, memberId)))
      throw fail.invalid(
        'cardNumber',
        'Thẻ đoàn viên đã có trong sổ cấp thẻ: cấp lại hoặc thu hồi thẻ ở mục "Thẻ đoàn viên" của hồ sơ.',
      );
    let unitPath = found.unitPath;
    let provinceId = before.provinceId;
    if (changes.unitId && changes.unitId !== before.unitId) {
      const branch = await loadBranch(tx, ctx.actor, changes.unitId);
      unitPath = branch.path;
      provinceId = await provinceOf(tx, branch.path);
    }
    if (changes.cccd !== undefined && changes.cccd !== before.cccd) await assertCccdFree(tx, changes.cccd, memberId);
    const [after] = await tx
      .update(members)
      .set({
        ...changes,
        ...(changes.fullName ? derivedName(changes.fullName) : {}),
        provinceId,
        version: before.version + 1,
        updatedAt: new Date(),
      })
      .where(and(eq(members.id, memberId), eq(members.version, body.version)))
      .returning();
    if (!after) throw fail.conflict('Hồ sơ vừa được người khác thay đổi. Vui lòng tải lại và thực hiện lại.');
    await recordEvents(tx, after, eventsForChange(before, after), todayInVietnam(), ctx.actor.userId);
    await audit(tx, ctx, {
      entity: 'member',
      entityId: memberId,
      action: 'update',
      unitId: after.unitId,
      unitPath,
      before,
      after,
    });
  });
  return getMember(db, ctx.actor, memberId);
}

/** Writes (or rewrites) the comment of one year on a member's book. */
export async function putComment(
  db: Db,
  ctx: Ctx,
  memberId: string,
  year: number,
  content: string,
): Promise<MemberDetail> {
  await db.transaction(async (tx) => {
    const found = await q.findMemberInScope(tx, scopeOf(ctx.actor, 'member.read'), memberId);
    if (!found) throw fail.notFound('đoàn viên');
    if (!inScope(scopeOf(ctx.actor, 'member.write'), found.unitPath)) throw fail.forbidden();
    const [existing] = await tx
      .select()
      .from(memberComments)
      .where(and(eq(memberComments.memberId, memberId), eq(memberComments.year, year)));
    await tx
      .insert(memberComments)
      .values({ memberId, year, content, authorId: ctx.actor.userId })
      .onConflictDoUpdate({
        target: [memberComments.memberId, memberComments.year],
        set: { content, authorId: ctx.actor.userId, updatedAt: new Date() },
      });
    await audit(tx, ctx, {
      entity: 'member_comment',
      entityId: `${memberId}/${year}`,
      action: existing ? 'update' : 'create',
      unitId: found.member.unitId,
      unitPath: found.unitPath,
      before: existing ? { content: existing.content } : null,
      after: { year, content },
    });
  });
  return getMember(db, ctx.actor, memberId);
}
