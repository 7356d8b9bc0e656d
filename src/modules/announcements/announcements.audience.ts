import { sql, type SQL } from 'drizzle-orm';
import { withinScope } from '../../db/scope.js';

/**
 * The audience of an announcement below `root` (an ltree expression) and inside the scope, as a derived table
 * `(member_id, full_name, sort_key, branch_id, branch_path)`: the current members in the union of each branch
 * (active, working away) plus those in temporary participation there (counted at the host, not at home). The
 * audience is today's, not frozen at publication.
 */
export function audienceOf(root: SQL, scope: readonly string[]): SQL {
  return sql`(
    select m.id as member_id, m.full_name, m.sort_key, u.id as branch_id, u.path as branch_path
    from members m
    join units u on u.id = m.unit_id
    where m.status in ('active', 'working_away') and u.path <@ ${root} and ${withinScope(sql`u.path`, scope)}
    union all
    select m.id, m.full_name, m.sort_key, hu.id, hu.path
    from transfers tr
    join members m on m.id = tr.member_id and m.status = 'temporary_elsewhere'
    join units hu on hu.id = tr.to_unit_id
    where tr.kind = 'temporary' and tr.status = 'accepted'
      and hu.path <@ ${root} and ${withinScope(sql`hu.path`, scope)}
  )`;
}

/** `path @> p1 OR path @> p2 ...`: the unit at `path` is an ancestor of (or is) a unit of the scope. */
export function aboveScope(path: SQL, scope: readonly string[]): SQL {
  if (scope.length === 0) return sql`false`;
  return sql`(${sql.join(
    scope.map((p) => sql`${path} @> ${p}::ltree`),
    sql` or `,
  )})`;
}

/** Audience and read counts of announcement `announcementId` (an SQL expression) below `root`. */
export function readCounts(announcementId: SQL, root: SQL, scope: readonly string[]): SQL {
  return sql`(
    select count(distinct x.member_id)::int as audience, count(distinct r.member_id)::int as read
    from ${audienceOf(root, scope)} x
    left join announcement_reads r on r.announcement_id = ${announcementId} and r.member_id = x.member_id
  )`;
}
