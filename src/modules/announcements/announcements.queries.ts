import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { rows } from '../../db/rows.js';
import { announcements } from '../../db/schema/index.js';
import { withinScope } from '../../db/scope.js';
import type { AnnouncementStatus } from '../../domain/branch-life/announcement.js';
import { aboveScope, audienceOf, readCounts } from './announcements.audience.js';

/** A unit as announcements need it. */
export interface UnitRef {
  id: string;
  name: string;
  path: string;
}

/** A stored announcement with its issuing unit. */
export interface AnnouncementRow {
  id: string;
  unitId: string;
  unitName: string;
  issuerPath: string;
  title: string;
  body: string;
  status: AnnouncementStatus;
  version: number;
  publishedAt: string | null;
  withdrawnAt: string | null;
  createdAt: string;
  createdByName: string | null;
  sortAt: string;
}

/** An announcement row with the audience and read counts of the subtree looked at. */
export type CountedAnnouncement = AnnouncementRow & { audience: number; read: number };

const columns = sql`
  a.id, a.unit_id as "unitId", iu.name as "unitName", iu.path::text as "issuerPath", a.title, a.body, a.status,
  a.version, a.published_at::text as "publishedAt", a.withdrawn_at::text as "withdrawnAt",
  a.created_at::text as "createdAt", cu.name as "createdByName",
  coalesce(a.published_at, a.created_at)::text as "sortAt"`;

const from = sql`announcements a join units iu on iu.id = a.unit_id left join "user" cu on cu.id = a.created_by`;

/** A unit inside the scope, or null. */
export async function unitInScope(db: DbOrTx, scope: readonly string[], unitId: string): Promise<UnitRef | null> {
  const [row] = await rows<UnitRef>(
    db,
    sql`select id, name, path::text as path from units u where u.id = ${unitId} and ${withinScope(sql`u.path`, scope)}`,
  );
  return row ?? null;
}

/** Units by id (names of a trail), in no particular order. */
export async function unitsByIds(db: DbOrTx, ids: readonly string[]): Promise<UnitRef[]> {
  if (ids.length === 0) return [];
  const list = sql.join(
    ids.map((i) => sql`${i}::uuid`),
    sql`, `,
  );
  return rows<UnitRef>(db, sql`select id, name, path::text as path from units where id in (${list})`);
}

/** Open units directly below a path, in name order. */
export async function childUnits(db: DbOrTx, path: string): Promise<UnitRef[]> {
  return rows<UnitRef>(
    db,
    sql`select id, name, path::text as path from units
        where path ~ ${`${path}.*{1}`}::lquery and closed_on is null order by name, id`,
  );
}

/**
 * An announcement the reader may see: issued inside the read scope (any status), or published by an ancestor of a
 * unit of the scope. Counts cover the issuing unit's subtree inside the scope. `lock` locks the row (writes).
 */
export async function visibleAnnouncement(
  db: DbOrTx,
  scope: readonly string[],
  announcementId: string,
  lock = false,
): Promise<CountedAnnouncement | null> {
  const visible = sql`(${withinScope(sql`iu.path`, scope)} or (a.status = 'published' and ${aboveScope(sql`iu.path`, scope)}))`;
  const [row] = await rows<AnnouncementRow>(
    db,
    sql`select ${columns} from ${from} where a.id = ${announcementId} and ${visible} ${lock ? sql`for update of a` : sql``}`,
  );
  if (!row) return null;
  const [counts] = await rows<{ audience: number; read: number }>(
    db,
    sql`select * from ${readCounts(sql`${row.id}::uuid`, sql`${row.issuerPath}::ltree`, scope)} c`,
  );
  return { ...row, audience: counts?.audience ?? 0, read: counts?.read ?? 0 };
}

/** The keyset condition "after the cursor" on the sort time and id, newest first. */
function afterCursor(sortAt: SQL, cursor: { sortAt: string; id: string } | null): SQL {
  if (!cursor) return sql`true`;
  return sql`(${sortAt}, a.id) < (${cursor.sortAt}::timestamptz, ${cursor.id}::uuid)`;
}

/**
 * A page of a unit's announcements, newest first: those issued by the unit or below it (any status; the unit lies in
 * the read scope) and those published by its ancestors. Counts cover the deeper of the issuing and listed units.
 */
export async function listForUnit(
  db: DbOrTx,
  scope: readonly string[],
  unit: UnitRef,
  cursor: { sortAt: string; id: string } | null,
  limit: number,
): Promise<CountedAnnouncement[]> {
  const listed = sql`${unit.path}::ltree`;
  const sortAt = sql`coalesce(a.published_at, a.created_at)`;
  const root = sql`(case when iu.path <@ ${listed} then iu.path else ${listed} end)`;
  return rows<CountedAnnouncement>(
    db,
    sql`select ${columns}, s.audience, s.read
        from ${from}
        cross join lateral ${readCounts(sql`a.id`, root, scope)} s
        where ((iu.path <@ ${listed} and ${withinScope(sql`iu.path`, scope)})
               or (a.status = 'published' and iu.path @> ${listed} and nlevel(iu.path) < nlevel(${listed})))
          and ${afterCursor(sortAt, cursor)}
        order by ${sortAt} desc, a.id desc
        limit ${limit}`,
  );
}

/** Audience and reads per unit directly below `root` (or `root` itself for members placed right there). */
export async function readsByGroup(
  db: DbOrTx,
  scope: readonly string[],
  announcementId: string,
  rootPath: string,
): Promise<{ groupPath: string; audience: number; read: number }[]> {
  const root = sql`${rootPath}::ltree`;
  return rows(
    db,
    sql`select g.group_path::text as "groupPath", count(distinct g.member_id)::int as audience,
               count(distinct r.member_id)::int as read
        from (
          select x.member_id,
                 case when nlevel(x.branch_path) > nlevel(${root})
                      then subpath(x.branch_path, 0, nlevel(${root}) + 1) else x.branch_path end as group_path
          from ${audienceOf(root, scope)} x
        ) g
        left join announcement_reads r on r.announcement_id = ${announcementId} and r.member_id = g.member_id
        group by g.group_path`,
  );
}

/** Each member of the audience below `root`, in name order, with the time they read the announcement. */
export async function readsByMember(
  db: DbOrTx,
  scope: readonly string[],
  announcementId: string,
  rootPath: string,
): Promise<{ memberId: string; fullName: string; readAt: string | null }[]> {
  return rows(
    db,
    sql`select x.member_id as "memberId", x.full_name as "fullName", r.read_at::text as "readAt"
        from (select distinct on (member_id) * from ${audienceOf(sql`${rootPath}::ltree`, scope)} y order by member_id) x
        left join announcement_reads r on r.announcement_id = ${announcementId} and r.member_id = x.member_id
        order by x.sort_key, x.member_id`,
  );
}

/** Updates an announcement when its version is still `version` (bumping it); false when someone changed it meanwhile. */
export async function saveAnnouncement(
  db: DbOrTx,
  id: string,
  version: number,
  changes: Partial<typeof announcements.$inferInsert>,
): Promise<boolean> {
  const saved = await db
    .update(announcements)
    .set({ ...changes, version: version + 1, updatedAt: new Date() })
    .where(and(eq(announcements.id, id), eq(announcements.version, version)))
    .returning({ id: announcements.id });
  return saved.length > 0;
}
