import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { rows } from '../../db/rows.js';
import { withinScope } from '../../db/scope.js';
import { monthsOfYear, periodMasks, yearsBetween } from '../../domain/branch-life/month-masks.js';
import { childKeys, rollupSumsCte, rollupYear, totalKeys } from './subtree-rollups.queries.js';

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
  /** Read every branch even where the subtree rollups could answer (tests compare the two). */
  noRollups?: boolean;
}

const list = (values: readonly string[]) =>
  sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  );

/** `case y.year when …` over the years of the period, `otherwise` for a year outside it. */
function perYear(years: number[], expr: (year: number) => SQL, otherwise = sql`0`): SQL {
  if (years.length === 0) return otherwise;
  return sql`(case y.year ${sql.join(
    years.map((year) => sql`when ${sql.raw(String(year))} then ${expr(year)}`),
    sql` `,
  )} else ${otherwise} end)`;
}

/** Held meeting periods of a branch-year: one test of `held_mask` per period mask (constants inlined). */
function heldPeriods(years: number[], from: string, to: string, every: number): SQL {
  return perYear(years, (year) => {
    const masks = periodMasks(year, from, to, every);
    if (masks.length === 0) return sql`0`;
    return sql.raw(masks.map((m) => `((y.held_mask & ${m}) <> 0)::int`).join(' + '));
  });
}

/** The sum of `column[m]` over the months of a branch-year inside [from, to]. */
function monthSum(years: number[], column: 'present' | 'expected', from: string, to: string): SQL {
  return perYear(years, (year) => {
    const months = monthsOfYear(year, from, to);
    if (months.length === 0) return sql`0`;
    return sql.raw(months.map((m) => `y.${column}[${m}]`).join(' + '));
  });
}

/**
 * The per-branch figures of the open branches of the subtree (`stats`): remote or not, meeting periods held and
 * required, members in the union (per-unit rollups), present/expected of held meetings and months with a member
 * review. Meetings are read from `branch_meeting_years` (one row per branch and year, kept by a trigger): periods
 * held are bit tests of its month mask, attendance sums of its monthly counts, never a walk of the meetings.
 */
function statsCte(a: IndicatorArgs): SQL {
  const years = yearsBetween(a.from, a.to);
  const heldRegular = heldPeriods(years, a.fromRegular, a.judgedRegular, a.regularEvery);
  const heldRemote = heldPeriods(years, a.fromRemote, a.judgedRemote, a.remoteEvery);
  return sql`
    b as materialized (
      select u.id, u.name, u.parent_id, u.path from units u
      where u.path <@ ${a.path}::ltree and u.kind = 'branch' and u.closed_on is null and ${withinScope(sql`u.path`, a.scope)}
    ),
    r as (
      select distinct d.unit_id from branch_designations d join b on b.id = d.unit_id
      where d.kind = 'remote' and d.valid_from < ${a.toEnd}::date and (d.valid_to is null or d.valid_to > ${a.fromDay}::date)
    ),
    m as (
      select y.unit_id,
        sum(case when r.unit_id is null then ${heldRegular} else ${heldRemote} end) as held,
        sum(${monthSum(years, 'present', a.from, a.to)}) as present,
        sum(${monthSum(years, 'expected', a.from, a.to)}) as expected
      from b join branch_meeting_years y on y.unit_id = b.id
      left join r on r.unit_id = b.id
      where y.year between ${years[0]}::int and ${years[years.length - 1]}::int
      group by y.unit_id
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
 * The commune-level unions (đoàn cơ sở, residential) of the subtree with their pilot branch of the period. Each
 * pilot designation is matched to its commune-level ancestors by the unit ids its path labels carry (`labelOf`:
 * "u" and the id's hex digits), primary-key lookups instead of an ancestor search in the path index.
 */
function pilotCte(a: IndicatorArgs): SQL {
  const communes = sql`u.kind in (${list(a.grassrootsKinds)}) and u.sector = 'residential' and u.closed_on is null`;
  return sql`
    pd as materialized (
      select bu.path, bu.name, d.valid_from from branch_designations d join units bu on bu.id = d.unit_id
      where d.kind = 'pilot' and d.valid_from < ${a.toEnd}::date and (d.valid_to is null or d.valid_to > ${a.fromDay}::date)
        and bu.path <@ ${a.path}::ltree
    ),
    pc as (
      select distinct on (u.id) u.id, pd.name
      from pd cross join lateral unnest(string_to_array(pd.path::text, '.')) as a(label)
      join units u on u.id = substr(a.label, 2)::uuid
      where a.label ~ '^u[0-9a-f]{32}$' and ${communes} order by u.id, pd.valid_from desc
    ),
    g as (
      select u.id, u.name, u.parent_id, u.path, pc.name as pilot_name
      from units u left join pc on pc.id = u.id
      where u.path <@ ${a.path}::ltree and ${communes} and ${withinScope(sql`u.path`, a.scope)}
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

const NO_BRANCHES: BranchSums = { branches: 0, charter: 0, big: 0, present: 0, expected: 0, reviewed: 0 };

/** The subtree's figures from its rollups (migration 0012), or null when they cannot answer `a`. */
async function rolledUpTotals(db: DbOrTx, a: IndicatorArgs): Promise<BranchSums | null> {
  const year = rollupYear(a);
  if (year === null) return null;
  const [row] = await rows<BranchSums>(
    db,
    sql`with ${rollupSumsCte(a, year, totalKeys(a))} select branches, charter, big, present, expected, reviewed from rs`,
  );
  return row ?? NO_BRANCHES;
}

/** The branch figures of the whole subtree: from the subtree rollups when they can answer, else branch by branch. */
export async function branchTotals(db: DbOrTx, a: IndicatorArgs): Promise<BranchSums> {
  const rolled = await rolledUpTotals(db, a);
  if (rolled) return rolled;
  const [row] = await rows<BranchSums>(db, sql`with ${statsCte(a)} select ${branchSums(a)} from stats`);
  return row ?? NO_BRANCHES;
}

/** Commune-level unions of the subtree and those with a pilot branch in the period. */
export async function pilotTotals(db: DbOrTx, a: IndicatorArgs): Promise<{ communes: number; piloted: number }> {
  const [row] = await rows<{ communes: number; piloted: number }>(
    db,
    sql`with ${pilotCte(a)} select count(*)::int as communes, count(pilot_name)::int as piloted from g`,
  );
  return row ?? { communes: 0, piloted: 0 };
}

/** Members last seen since `seenSince`, per unit of the subtree: the months of `branch_seen_months` from then on. */
const seenRows = (a: IndicatorArgs) => sql`
  units u join branch_seen_months s on s.unit_id = u.id and s.month >= ${a.seenSince.slice(0, 7)}
  where u.path <@ ${a.path}::ltree and ${withinScope(sql`u.path`, a.scope)}`;

/**
 * Members present at a meeting of the subtree since `seenSince` (the rest of those in the union are "not seen"):
 * summed from `branch_seen_months`, the per-branch histogram of `member_last_seen` by month (`seenSince` is always
 * the first day of a month).
 */
export async function seenMembers(db: DbOrTx, a: IndicatorArgs): Promise<number> {
  const [row] =
    rollupYear(a) === null
      ? await rows<{ n: number }>(db, sql`select coalesce(sum(s.members), 0)::int as n from ${seenRows(a)}`)
      : await rows<{ n: number }>(
          db,
          sql`with ${totalKeys(a)} select coalesce(sum(s.members), 0)::int as n
              from rk join subtree_seen_months s on s.path = rk.key and s.month >= ${a.seenSince.slice(0, 7)}`,
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

/**
 * Branch figures and members seen per direct child: `bs(cp, branches, charter, big, present, expected, reviewed)`
 * and `sn(cp, n)`, from the children's subtree rollups when they can answer, else branch by branch.
 */
function childBranchCtes(a: IndicatorArgs, child: (col: SQL) => SQL): SQL {
  const year = rollupYear(a);
  if (year !== null) {
    return sql`${rollupSumsCte(a, year, childKeys(a))},
      bs as (select target as cp, branches, charter, big, present, expected, reviewed from rs),
      sn as (select target as cp, seen as n from rs)`;
  }
  return sql`${statsCte(a)},
      bs as (select ${child(sql`path`)} as cp, ${branchSums(a)} from stats group by 1),
      sn as (select ${child(sql`u.path`)} as cp, sum(s.members)::int as n from ${seenRows(a)}
               and nlevel(u.path) > nlevel(${a.path}::ltree) group by 1)`;
}

/** The figures per direct child (open) of the unit at `a.path`, in name order. */
export async function childTotals(db: DbOrTx, a: IndicatorArgs): Promise<ChildSums[]> {
  const child = (col: SQL) => sql`subpath(${col}, 0, nlevel(${a.path}::ltree) + 1)`;
  return rows<ChildSums>(
    db,
    sql`with ${childBranchCtes(a, child)}, ${pilotCte(a)},
      gs as (select ${child(sql`path`)} as cp, count(*)::int as communes, count(pilot_name)::int as piloted
             from g where nlevel(path) > nlevel(${a.path}::ltree) group by 1),
      mc as (select ${child(sql`u.path`)} as cp, sum(k.member_count)::int as n from units u
             join unit_member_counts k on k.unit_id = u.id
             where u.path <@ ${a.path}::ltree and nlevel(u.path) > nlevel(${a.path}::ltree)
               and k.status in (${list(a.statuses)}) and ${withinScope(sql`u.path`, a.scope)} group by 1)
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
