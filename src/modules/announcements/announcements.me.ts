import type { z } from 'zod';
import type { Db, DbOrTx } from '../../db/client.js';
import type { Actor } from '../../auth/actor.js';
import type {
  MyAnnouncement,
  MyAnnouncementDetail,
  MyAnnouncementPage,
  myAnnouncementsQuery,
} from '../../contracts/announcements.js';
import { decodeAnnouncementCursor, encodeAnnouncementCursor } from '../../domain/branch-life/announcement.js';
import { fail } from '../../domain/errors.js';
import { audit, type RequestContext } from '../audit/audit.service.js';
import { ownMemberId } from '../self-service/self-service.policy.js';
import * as q from './announcements.me.queries.js';

const PAGE = 20;

/** The places of the signed-in member account; 404 for any account that is not a member account. */
async function placesOf(db: DbOrTx, actor: Actor): Promise<q.MemberPlaces> {
  const places = await q.memberPlaces(db, ownMemberId(actor));
  if (!places) throw fail.notFound('hồ sơ đoàn viên');
  return places;
}

function item(row: q.FeedRow): MyAnnouncement {
  return { id: row.id, unitName: row.unitName, title: row.title, publishedAt: row.publishedAt, readAt: row.readAt };
}

/** The member's feed: published by their branch, its ancestors and the host branch's line, newest first. */
export async function myAnnouncements(
  db: DbOrTx,
  actor: Actor,
  query: z.output<typeof myAnnouncementsQuery>,
): Promise<MyAnnouncementPage> {
  const places = await placesOf(db, actor);
  const cursor = query.cursor ? decodeAnnouncementCursor(query.cursor) : null;
  if (query.cursor && !cursor) throw fail.invalid('cursor', 'Vị trí trang không hợp lệ: hãy tải lại danh sách.');
  const [found, unread] = await Promise.all([q.feedPage(db, places, cursor, PAGE + 1), q.unreadCount(db, places)]);
  const items = found.slice(0, PAGE);
  const last = items.at(-1);
  return {
    items: items.map(item),
    next: found.length > PAGE && last ? encodeAnnouncementCursor(last.sortAt, last.id) : null,
    unread,
  };
}

/** One announcement of the member's feed; 404 when it is not theirs (another line, a draft, withdrawn). */
export async function myAnnouncement(db: DbOrTx, actor: Actor, id: string): Promise<MyAnnouncementDetail> {
  const places = await placesOf(db, actor);
  const row = await q.feedItem(db, places, id);
  if (!row) throw fail.notFound('thông báo');
  return { ...item(row), body: row.body };
}

/**
 * Records that the member read the announcement, once (a second call changes nothing). The read is kept at the
 * branch where the member takes part (the host branch during a temporary participation).
 */
export async function markRead(
  db: Db,
  ctx: RequestContext & { actor: Actor },
  id: string,
): Promise<MyAnnouncementDetail> {
  await db.transaction(async (tx) => {
    const places = await placesOf(tx, ctx.actor);
    const row = await q.feedItem(tx, places, id);
    if (!row) throw fail.notFound('thông báo');
    if (row.readAt) return;
    const unitId = places.hostUnitId ?? places.homeUnitId;
    if (!(await q.recordRead(tx, id, places.memberId, unitId))) return;
    await audit(tx, ctx, {
      entity: 'announcement_read',
      entityId: id,
      action: 'read',
      unitId,
      unitPath: places.hostPath ?? places.homePath,
      after: { announcementId: id, memberId: places.memberId, unitId },
    });
  });
  return myAnnouncement(db, ctx.actor, id);
}
