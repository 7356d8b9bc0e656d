import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { rows } from '../../db/rows.js';
import { withinScope } from '../../db/scope.js';

/** Everything the indicator SQL needs: the subtree, scope, period bounds and rule values. */
export interface IndicatorArgs {
  path: string;
  scope: readonly string[];
  from: string;
  to: string;
  /** First month whose meetings count for a regular / remote branch (start of the period holding `from`). */
  fromRegular: string;
  fromRemote: string;
  /** Last month whose period is judged for a regular / remote branch (a running period is not required yet). */
  judgedRegular: string;
  judgedRemote: string;
  regularEvery: number;
  remoteEvery: number;
  requiredRegular: number;
  requiredRemote: number;
  /** Months in [from, to] (a branch reviewing every month has this many). */
  months: number;
  minMembers: number;
  /** First day of `from` and the day after `to`. */
  fromDay: string;
  toEnd: string;
  /** Present on or after this day = seen. */
  seenSince: string;
  statuses: readonly string[];
  grassrootsKinds: readonly string[];
}

const list = (values: readonly string[]) =>
  sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  );

/**
 * The per-branch figures of the open branches of the subtree (`stats`): remote or not, meeting periods held and
 * required, members in the union (per-unit rollups), present/expected (the per-meeting counts of held meetings) and
 * months with a member review. Meetings are read per branch from `meetings_unit_stats_idx` alone (a lateral
 * walk: the planner would otherwise hash every meeting of the country), grouped by (branch, meeting slot).
 */
function statsCte(a: IndicatorArgs): SQL {
  const step = sql`(case when r.unit_id is null then ${a.regularEvery}::int else ${a.remoteEvery}::int end)`;
  const fromMin = a.fromRegular < a.fromRemote ? a.fromRegular : a.fromRemote;
  return sql`
    b as materialized (
      select u.id, u.name, u.parent_id, u.path from units u
      where u.path <@ ${a.path}::ltree and u.kind = 'branch' and u.closed_on is null and ${withinScope(sql`u.path`, a.scope)}
    ),
    r as (
      select distinct d.unit_id from branch_designations d join b on b.id = d.unit_id
      where d.kind = 'remote' and d.valid_from < ${a.toEnd}::date and (d.valid_to is null or d.valid_to > ${a.fromDay}::date)
    ),
    ms as (
      select b.id as unit_id,
        substr(mt.period, 1, 4)::int * 12 + ((substr(mt.period, 6, 2)::int - 1) / ${step}) * ${step} as slot,
        sum(mt.present_count) filter (where mt.period >= ${a.from}) as present,
        sum(mt.expected_count) filter (where mt.period >= ${a.from}) as expected,
        bool_or(
          mt.period >= (case when r.unit_id is null then ${a.fromRegular} else ${a.fromRemote} end)
          and mt.period <= (case when r.unit_id is null then ${a.judgedRegular} else ${a.judgedRemote} end)
        ) as counts
      from b left join r on r.unit_id = b.id
      cross join lateral (
        select period, present_count, expected_count from meetings
        where unit_id = b.id and status = 'held' and period >= ${fromMin} and period <= ${a.to}
        offset 0
      ) mt
      group by 1, 2
    ),
    m as (
      select unit_id, count(*) filter (where counts) as held, coalesce(sum(present), 0) as present,
             coalesce(sum(expected), 0) as expected
      from ms group by unit_id
    ),
    c as (
      select k.unit_id, sum(k.member_count) as n from b join unit_member_counts k on k.unit_id = b.id
      where k.status in (${list(a.statuses)}) group by k.unit_id
    ),
    v as (
      select rv.unit_id, count(distinct rv.period) as n from b join member_reviews rv on rv.unit_id = b.id
      where rv.period >= ${a.from} and rv.period <= ${a.to} group by rv.unit_id
    ),
    stats as (
      select b.id, b.name, b.parent_id, b.path, (r.unit_id is not null) as remote,
        coalesce(m.held, 0)::int as held,
        (case when r.unit_id is null then ${a.requiredRegular}::int else ${a.requiredRemote}::int end) as required,
        coalesce(c.n, 0)::int as members, coalesce(m.present, 0)::bigint as present,
        coalesce(m.expected, 0)::bigint as expected, coalesce(v.n, 0)::int as reviewed
      from b left join r on r.unit_id = b.id left join m on m.unit_id = b.id
      left join c on c.unit_id = b.id left join v on v.unit_id = b.id
    )`;
}

/**
 * The commune-level unions (đoàn cơ sở, residential) of the subtree with their pilot branch of the period. The
 * pilot designations of the subtree are few: they are read once, then matched to each commune by path.
 */
function pilotCte(a: IndicatorArgs): SQL {
  return sql`
    pd as materialized (
      select bu.path, bu.name, d.valid_from from branch_designations d join units bu on bu.id = d.unit_id
      where d.kind = 'pilot' and d.valid_from < ${a.toEnd}::date and (d.valid_to is null or d.valid_to > ${a.fromDay}::date)
        and bu.path <@ ${a.path}::ltree
    ),
    g as (
      select u.id, u.name, u.parent_id, u.path,
        (select pd.name from pd where pd.path <@ u.path order by pd.valid_from desc limit 1) as pilot_name
      from units u
      where u.path <@ ${a.path}::ltree and u.kind in (${list(a.grassrootsKinds)}) and u.sector = 'residential'
        and u.closed_on is null and ${withinScope(sql`u.path`, a.scope)}
    )`;
}

/** Sums of the per-branch figures (one row, or one per group). */
const branchSums = (a: IndicatorArgs) => sql`
  count(*)::int as branches,
  count(*) filter (where held >= required)::int as charter,
  count(*) filter (where members >= ${a.minMembers}::int)::int as big,
  coalesce(sum(present), 0)::bigint as present,
  coalesce(sum(expected), 0)::bigint as expected,
  count(*) filter (where reviewed >= ${a.months}::int)::int as reviewed`;

/** Branch sums of the subtree. */
export interface BranchSums {
  branches: number;
  charter: number;
  big: number;
  present: string | number;
  expected: string | number;
  reviewed: number;
}

/** The branch figures of the whole subtree. */
export async function branchTotals(db: DbOrTx, a: IndicatorArgs): Promise<BranchSums> {
  const [row] = await rows<BranchSums>(db, sql`with ${statsCte(a)} select ${branchSums(a)} from stats`);
  return row ?? { branches: 0, charter: 0, big: 0, present: 0, expected: 0, reviewed: 0 };
}

/** Commune-level unions of the subtree and those with a pilot branch in the period. */
export async function pilotTotals(db: DbOrTx, a: IndicatorArgs): Promise<{ communes: number; piloted: number }> {
  const [row] = await rows<{ communes: number; piloted: number }>(
    db,
    sql`with ${pilotCte(a)} select count(*)::int as communes, count(pilot_name)::int as piloted from g`,
  );
  return row ?? { communes: 0, piloted: 0 };
}

/** Seen members per unit: a short range of `member_last_seen_unit_idx` per unit (never a walk of the members). */
const seenPerUnit = (a: IndicatorArgs) => sql`lateral (
  select count(*)::int as n from member_last_seen s where s.unit_id = u.id and s.last_present_on >= ${a.seenSince}::date
) x`;

/**
 * Members present at a meeting of the subtree since `seenSince` (the rest of those in the union are "not seen"):
 * counted per branch from `member_last_seen`, which keeps the branch of each member's latest presence.
 */
export async function seenMembers(db: DbOrTx, a: IndicatorArgs): Promise<number> {
  const [row] = await rows<{ n: number }>(
    db,
    sql`select coalesce(sum(x.n), 0)::int as n from units u cross join ${seenPerUnit(a)}
        where u.path <@ ${a.path}::ltree and ${withinScope(sql`u.path`, a.scope)}`,
  );
  return row?.n ?? 0;
}

/** One child unit's sums: branches, pilot, members in the union and seen. */
export interface ChildSums extends BranchSums {
  id: string;
  name: string;
  kind: string;
  communes: number;
  piloted: number;
  inUnion: number;
  seen: number;
}

/** The figures per direct child (open) of the unit at `a.path`, in name order. */
export async function childTotals(db: DbOrTx, a: IndicatorArgs): Promise<ChildSums[]> {
  const child = (col: SQL) => sql`subpath(${col}, 0, nlevel(${a.path}::ltree) + 1)`;
  return rows<ChildSums>(
    db,
    sql`with ${statsCte(a)}, ${pilotCte(a)},
      bs as (select ${child(sql`path`)} as cp, ${branchSums(a)} from stats group by 1),
      gs as (select ${child(sql`path`)} as cp, count(*)::int as communes, count(pilot_name)::int as piloted
             from g where nlevel(path) > nlevel(${a.path}::ltree) group by 1),
      mc as (select ${child(sql`u.path`)} as cp, sum(k.member_count)::int as n from units u
             join unit_member_counts k on k.unit_id = u.id
             where u.path <@ ${a.path}::ltree and nlevel(u.path) > nlevel(${a.path}::ltree)
               and k.status in (${list(a.statuses)}) and ${withinScope(sql`u.path`, a.scope)} group by 1),
      sn as (select ${child(sql`u.path`)} as cp, sum(x.n)::int as n from units u cross join ${seenPerUnit(a)}
             where u.path <@ ${a.path}::ltree and nlevel(u.path) > nlevel(${a.path}::ltree)
               and ${withinScope(sql`u.path`, a.scope)} group by 1)
      select cu.id, cu.name, cu.kind,
        coalesce(bs.branches, 0)::int as branches, coalesce(bs.charter, 0)::int as charter,
        coalesce(bs.big, 0)::int as big, coalesce(bs.present, 0)::bigint as present,
        coalesce(bs.expected, 0)::bigint as expected, coalesce(bs.reviewed, 0)::int as reviewed,
        coalesce(gs.communes, 0)::int as communes, coalesce(gs.piloted, 0)::int as piloted,
        coalesce(mc.n, 0)::int as "inUnion", coalesce(sn.n, 0)::int as seen
      from units cu
      left join bs on bs.cp = cu.path left join gs on gs.cp = cu.path
      left join mc on mc.cp = cu.path left join sn on sn.cp = cu.path
      where cu.parent_id = (select id from units where path = ${a.path}::ltree) and cu.closed_on is null
      order by cu.name, cu.id`,
  );
}

/** A keyset position in a name-ordered list. */
export type Keyset = [string, string] | null;

const after = (k: Keyset, name: SQL, id: SQL) => (k ? sql`and (${name}, ${id}) > (${k[0]}, ${k[1]}::uuid)` : sql``);

/** A branch row behind a figure. */
export interface BranchStatRow {
  id: string;
  name: string;
  parentName: string | null;
  remote: boolean;
  held: number;
  required: number;
  members: number;
  present: string | number;
  expected: string | number;
  reviewed: number;
}

/** Branches of the subtree matching `condition` (on `stats`), a page in name order. */
export async function branchRows(
  db: DbOrTx,
  a: IndicatorArgs,
  condition: SQL,
  keyset: Keyset,
  limit: number,
): Promise<BranchStatRow[]> {
  return rows<BranchStatRow>(
    db,
    sql`with ${statsCte(a)}
        select s.id, s.name, p.name as "parentName", s.remote, s.held, s.required, s.members, s.present, s.expected,
               s.reviewed
        from stats s left join units p on p.id = s.parent_id
        where ${condition} ${after(keyset, sql`s.name`, sql`s.id`)}
        order by s.name, s.id limit ${limit}`,
  );
}

/** The condition on `stats` of each branch indicator: in the numerator (true) or not. */
export function branchCondition(
  key: 'meetingCharter' | 'minMembers' | 'attendance' | 'monthlyReview',
  a: IndicatorArgs,
) {
  switch (key) {
    case 'meetingCharter':
      return sql`held >= required`;
    case 'minMembers':
      return sql`members >= ${a.minMembers}::int`;
    case 'attendance':
      return sql`expected > 0`;
    case 'monthlyReview':
      return sql`reviewed >= ${a.months}::int`;
  }
}

/** Commune-level unions with (true) or without a pilot branch, a page in name order. */
export async function grassrootsRows(db: DbOrTx, a: IndicatorArgs, meets: boolean, keyset: Keyset, limit: number) {
  return rows<{ id: string; name: string; parentName: string | null; pilotName: string | null }>(
    db,
    sql`with ${pilotCte(a)}
        select g.id, g.name, p.name as "parentName", g.pilot_name as "pilotName"
        from g left join units p on p.id = g.parent_id
        where g.pilot_name is ${meets ? sql`not null` : sql`null`} ${after(keyset, sql`g.name`, sql`g.id`)}
        order by g.name, g.id limit ${limit}`,
  );
}

/** Members in the union in the subtree not seen (true) or seen since `seenSince`, a page in name order. */
export async function memberRows(db: DbOrTx, a: IndicatorArgs, notSeen: boolean, keyset: Keyset, limit: number) {
  return rows<{ id: string; name: string; sortKey: string; parentName: string | null; lastPresentOn: string | null }>(
    db,
    sql`select mb.id, mb.full_name as name, mb.sort_key as "sortKey", u.name as "parentName", s.last_present_on::text as "lastPresentOn"
        from members mb join units u on u.id = mb.unit_id
        left join member_last_seen s on s.member_id = mb.id
        where mb.status in (${list(a.statuses)}) and u.path <@ ${a.path}::ltree and ${withinScope(sql`u.path`, a.scope)}
          and ${
            notSeen
              ? sql`(s.last_present_on is null or s.last_present_on < ${a.seenSince}::date)`
              : sql`s.last_present_on >= ${a.seenSince}::date`
          }
          ${after(keyset, sql`mb.sort_key`, sql`mb.id`)}
        order by mb.sort_key, mb.id limit ${limit}`,
  );
}

/** `not (condition)`. */
export function negate(condition: SQL): SQL {
  return sql`not (${condition})`;
}
