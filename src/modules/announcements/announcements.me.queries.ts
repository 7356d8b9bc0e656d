import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { rows } from '../../db/rows.js';

/** Where a member takes part: their own branch, and the host branch of a running temporary participation. */
export interface MemberPlaces {
  memberId: string;
  homeUnitId: string;
  homePath: string;
  hostUnitId: string | null;
  hostPath: string | null;
}

/** A published announcement in a member's feed. */
export interface FeedRow {
  id: string;
  unitName: string;
  title: string;
  body: string;
  publishedAt: string;
  readAt: string | null;
  sortAt: string;
}

/** The member's branch and, when they are temporarily elsewhere, the host branch. */
export async function memberPlaces(db: DbOrTx, memberId: string): Promise<MemberPlaces | null> {
  const [row] = await rows<MemberPlaces>(
    db,
    sql`select m.id as "memberId", u.id as "homeUnitId", u.path::text as "homePath",
               h.id as "hostUnitId", h.path::text as "hostPath"
        from members m
        join units u on u.id = m.unit_id
        left join lateral (
          select hu.id, hu.path from transfers tr join units hu on hu.id = tr.to_unit_id
          where tr.member_id = m.id and tr.kind = 'temporary' and tr.status = 'accepted'
            and m.status = 'temporary_elsewhere'
          order by tr.starts_on desc nulls last limit 1
        ) h on true
        where m.id = ${memberId}`,
  );
  return row ?? null;
}

/** Published by the member's branch or an ancestor of it (or of the host branch). */
function feedWhere(places: MemberPlaces): SQL {
  const host = places.hostPath ? sql` or ${places.hostPath}::ltree <@ iu.path` : sql``;
  return sql`a.status = 'published' and (${places.homePath}::ltree <@ iu.path${host})`;
}

const feedColumns = sql`
  a.id, iu.name as "unitName", a.title, a.body, a.published_at::text as "publishedAt",
  r.read_at::text as "readAt", a.published_at::text as "sortAt"`;

const feedFrom = (memberId: string) => sql`
  announcements a
  join units iu on iu.id = a.unit_id
  left join announcement_reads r on r.announcement_id = a.id and r.member_id = ${memberId}`;

/** A page of the member's feed, newest first. */
export async function feedPage(
  db: DbOrTx,
  places: MemberPlaces,
  cursor: { sortAt: string; id: string } | null,
  limit: number,
): Promise<FeedRow[]> {
  const after = cursor ? sql`and (a.published_at, a.id) < (${cursor.sortAt}::timestamptz, ${cursor.id}::uuid)` : sql``;
  return rows<FeedRow>(
    db,
    sql`select ${feedColumns} from ${feedFrom(places.memberId)}
        where ${feedWhere(places)} ${after}
        order by a.published_at desc, a.id desc limit ${limit}`,
  );
}

/** Number of announcements in the feed the member has not read. */
export async function unreadCount(db: DbOrTx, places: MemberPlaces): Promise<number> {
  const [row] = await rows<{ n: number }>(
    db,
    sql`select count(*)::int as n from ${feedFrom(places.memberId)}
        where ${feedWhere(places)} and r.member_id is null`,
  );
  return row?.n ?? 0;
}

/** One announcement of the member's feed, or null when it is not theirs to see. */
export async function feedItem(db: DbOrTx, places: MemberPlaces, announcementId: string): Promise<FeedRow | null> {
  const [row] = await rows<FeedRow>(
    db,
    sql`select ${feedColumns} from ${feedFrom(places.memberId)} where a.id = ${announcementId} and ${feedWhere(places)}`,
  );
  return row ?? null;
}

/** Records the member's first read (nothing when already read); true when a row was written. */
export async function recordRead(
  db: DbOrTx,
  announcementId: string,
  memberId: string,
  unitId: string,
): Promise<boolean> {
  const written = await rows<{ id: string }>(
    db,
    sql`insert into announcement_reads (announcement_id, member_id, unit_id)
        values (${announcementId}, ${memberId}, ${unitId})
        on conflict do nothing returning announcement_id as id`,
  );
  return written.length > 0;
}
