import type { z } from 'zod';
import type { Db, DbOrTx } from '../../db/client.js';
import { announcements } from '../../db/schema/index.js';
import type { Actor } from '../../auth/actor.js';
import { scopeOf } from '../../auth/actor.js';
import type {
  AnnouncementDetail,
  AnnouncementPage,
  AnnouncementSummary,
  announcementListQuery,
  createAnnouncementBody,
  publishAnnouncementBody,
  updateAnnouncementBody,
  withdrawAnnouncementBody,
} from '../../contracts/announcements.js';
import { inScope } from '../../domain/auth/permissions.js';
import {
  announcementActions,
  announcementDirection,
  assertAnnouncementAction,
  decodeAnnouncementCursor,
  encodeAnnouncementCursor,
  readPercent,
  type AnnouncementAction,
} from '../../domain/branch-life/announcement.js';
import { fail } from '../../domain/errors.js';
import { audit, type RequestContext } from '../audit/audit.service.js';
import * as q from './announcements.queries.js';

type Ctx = RequestContext & { actor: Actor };

const PAGE = 20;
const STALE = 'Thông báo vừa được người khác thay đổi. Vui lòng tải lại trang và thực hiện lại.';
const WHAT = 'thông báo';

function summary(row: q.CountedAnnouncement): Omit<AnnouncementSummary, 'direction'> {
  return {
    id: row.id,
    unitId: row.unitId,
    unitName: row.unitName,
    title: row.title,
    status: row.status,
    publishedAt: row.publishedAt,
    withdrawnAt: row.withdrawnAt,
    createdAt: row.createdAt,
    audience: row.audience,
    read: row.read,
    percent: readPercent(row.read, row.audience),
  };
}

function detail(actor: Actor, row: q.CountedAnnouncement): AnnouncementDetail {
  const writable = inScope(scopeOf(actor, 'member.write'), row.issuerPath);
  return {
    ...summary(row),
    body: row.body,
    version: row.version,
    createdByName: row.createdByName,
    actions: announcementActions(row.status, writable),
  };
}

/** A unit's announcements: sent by it or below it, and received from its ancestors; 404 outside the read scope. */
export async function listAnnouncements(
  db: DbOrTx,
  actor: Actor,
  query: z.output<typeof announcementListQuery>,
): Promise<AnnouncementPage> {
  const scope = scopeOf(actor, 'member.read');
  const unit = await q.unitInScope(db, scope, query.unitId);
  if (!unit) throw fail.notFound('đơn vị');
  const cursor = query.cursor ? decodeAnnouncementCursor(query.cursor) : null;
  if (query.cursor && !cursor) throw fail.invalid('cursor', 'Vị trí trang không hợp lệ: hãy tải lại danh sách.');
  const found = await q.listForUnit(db, scope, unit, cursor, PAGE + 1);
  const items = found.slice(0, PAGE);
  const last = items.at(-1);
  return {
    items: items.map((row) => ({ ...summary(row), direction: announcementDirection(row.issuerPath, unit.path) })),
    next: found.length > PAGE && last ? encodeAnnouncementCursor(last.sortAt, last.id) : null,
  };
}

/** One announcement with the actor's figures and actions; 404 when the actor may not see it. */
export async function getAnnouncement(db: DbOrTx, actor: Actor, id: string): Promise<AnnouncementDetail> {
  const row = await q.visibleAnnouncement(db, scopeOf(actor, 'member.read'), id);
  if (!row) throw fail.notFound(WHAT);
  return detail(actor, row);
}

/** Drafts an announcement of a unit (member.write on it). */
export async function createAnnouncement(
  db: Db,
  ctx: Ctx,
  body: z.output<typeof createAnnouncementBody>,
): Promise<AnnouncementDetail> {
  const id = await db.transaction(async (tx) => {
    const unit = await q.unitInScope(tx, scopeOf(ctx.actor, 'member.read'), body.unitId);
    if (!unit) throw fail.notFound('đơn vị');
    if (!inScope(scopeOf(ctx.actor, 'member.write'), unit.path)) throw fail.forbidden();
    const [row] = await tx
      .insert(announcements)
      .values({ unitId: unit.id, title: body.title, body: body.body, createdBy: ctx.actor.userId })
      .returning();
    if (!row) throw new Error('announcement not inserted');
    await audit(tx, ctx, {
      entity: 'announcement',
      entityId: row.id,
      action: 'create',
      unitId: unit.id,
      unitPath: unit.path,
      after: row,
    });
    return row.id;
  });
  return getAnnouncement(db, ctx.actor, id);
}

/**
 * Runs one change on an announcement the actor writes on: 404 outside the read scope (or a received one), 403 when
 * read-only, 409 when the version is stale or the status does not allow the action. Audited in the same transaction.
 */
async function change(
  db: Db,
  ctx: Ctx,
  id: string,
  version: number,
  action: AnnouncementAction,
  changes: Partial<typeof announcements.$inferInsert>,
  note: Record<string, unknown> = {},
): Promise<AnnouncementDetail> {
  await db.transaction(async (tx) => {
    const scope = scopeOf(ctx.actor, 'member.read');
    const before = await q.visibleAnnouncement(tx, scope, id, true);
    if (!before || !inScope(scope, before.issuerPath)) throw fail.notFound(WHAT);
    if (!inScope(scopeOf(ctx.actor, 'member.write'), before.issuerPath)) throw fail.forbidden();
    if (before.version !== version) throw fail.conflict(STALE);
    assertAnnouncementAction(before.status, action);
    if (!(await q.saveAnnouncement(tx, id, version, changes))) throw fail.conflict(STALE);
    await audit(tx, ctx, {
      entity: 'announcement',
      entityId: id,
      action: action === 'edit' ? 'update' : action,
      unitId: before.unitId,
      unitPath: before.issuerPath,
      before: { title: before.title, status: before.status, version: before.version },
      after: { ...changes, ...note, version: version + 1 },
    });
  });
  return getAnnouncement(db, ctx.actor, id);
}

/** Edits a draft. */
export function updateAnnouncement(db: Db, ctx: Ctx, id: string, body: z.output<typeof updateAnnouncementBody>) {
  return change(db, ctx, id, body.version, 'edit', { title: body.title, body: body.body });
}

/** Publishes a draft to the members of the issuing unit's subtree; publishing twice is a conflict. */
export function publishAnnouncement(db: Db, ctx: Ctx, id: string, body: z.output<typeof publishAnnouncementBody>) {
  return change(db, ctx, id, body.version, 'publish', { status: 'published', publishedAt: new Date() });
}

/** Withdraws an announcement: members no longer see it; the reason goes to the audit log. */
export function withdrawAnnouncement(db: Db, ctx: Ctx, id: string, body: z.output<typeof withdrawAnnouncementBody>) {
  return change(
    db,
    ctx,
    id,
    body.version,
    'withdraw',
    { status: 'withdrawn', withdrawnAt: new Date() },
    { reason: body.reason ?? null },
  );
}
