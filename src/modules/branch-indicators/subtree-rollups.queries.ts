import { sql, type SQL } from 'drizzle-orm';
import { ACTIVE_STATUSES } from '../../domain/members/reference-lists.js';
import { monthsOfYear, periodMasks } from '../../domain/branch-life/month-masks.js';
import type { IndicatorArgs } from './indicators.queries.js';

/** Branch sizes are filed up to this many members (`subtree_branch_sizes`, migration 0012). */
const SIZE_CAP = 100;

const yearOf = (month: string) => Number(month.slice(0, 4));

/** True when `path` lies inside one of the scope paths (so its whole subtree does). */
function wholeSubtreeInScope(path: string, scope: readonly string[]): boolean {
  return scope.some((s) => path === s || path.startsWith(`${s}.`));
}

/**
 * The year whose subtree rollups answer the indicators of `a`, or null when they cannot: a period across two
 * years (a branch's periods would be judged over both), a subtree only partly in scope, a size rule above the cap,
 * or other statuses than the in-union ones the rollup counts. The caller then reads the branches one by one.
 */
export function rollupYear(a: IndicatorArgs): number | null {
  if (a.noRollups) return null;
  const year = yearOf(a.from);
  if (yearOf(a.to) !== year || yearOf(a.fromRegular) !== year || yearOf(a.fromRemote) !== year) return null;
  if (a.minMembers > SIZE_CAP || !wholeSubtreeInScope(a.path, a.scope)) return null;
  const sameStatuses =
    a.statuses.length === ACTIVE_STATUSES.length && ACTIVE_STATUSES.every((s) => a.statuses.includes(s));
  return sameStatuses ? year : null;
}

/** Periods held by a month mask (`column`): one bit test per period mask, constants inlined. */
function heldOf(column: string, masks: number[]): SQL {
  if (masks.length === 0) return sql`0`;
  return sql.raw(`(${masks.map((m) => `((${column} & ${m}) <> 0)::int`).join(' + ')})`);
}

/** Months of `window` present in a mask `column`. */
function monthsIn(column: string, months: number[]): SQL {
  if (months.length === 0) return sql`0`;
  return sql.raw(`(${months.map((m) => `((${column} >> ${m - 1}) & 1)`).join(' + ')})`);
}

/**
 * Rollup keys of the subtree at `a.path`: its own path, and, for the root (whose own rows hold only what the root
 * unit itself has), its children's paths. `target` is the path the figures are for.
 */
export function totalKeys(a: IndicatorArgs): SQL {
  return sql`rk as (
    select ${a.path}::ltree as target, ${a.path}::ltree as key
    union all
    select ${a.path}::ltree, c.path from units c
    where nlevel(${a.path}::ltree) = 1 and c.parent_id = (select id from units where path = ${a.path}::ltree)
  )`;
}

/** Rollup keys of each open direct child of `a.path` (children are never the root: each is its own key). */
export function childKeys(a: IndicatorArgs): SQL {
  return sql`rk as (
    select c.path as target, c.path as key from units c
    where c.parent_id = (select id from units where path = ${a.path}::ltree) and c.closed_on is null
  )`;
}

/**
 * CTEs ending in `rs(target, branches, charter, big, present, expected, reviewed, seen)`: the branch figures and
 * members seen of each target of `keys`, summed from the subtree rollups of `year`. Every open branch is counted as
 * a regular one, then the few branches designated remote in the period are moved to the remote rule one by one.
 */
export function rollupSumsCte(a: IndicatorArgs, year: number, keys: SQL): SQL {
  const regular = (column: string) => heldOf(column, periodMasks(year, a.fromRegular, a.judgedRegular, a.regularEvery));
  const remote = (column: string) => heldOf(column, periodMasks(year, a.fromRemote, a.judgedRemote, a.remoteEvery));
  const window = monthsOfYear(year, a.from, a.to);
  const unrowed = a.requiredRegular <= 0 ? sql`coalesce(r_sz.branches, 0) - coalesce(r_hm.rowed, 0)` : sql`0`;
  return sql`${keys},
    rt as (select distinct target from rk),
    r_sz as (
      select rk.target, sum(s.branches)::int as branches,
        coalesce(sum(s.branches) filter (where s.members >= ${a.minMembers}::int), 0)::int as big
      from rk join subtree_branch_sizes s on s.path = rk.key group by 1
    ),
    r_hm as (
      select rk.target, sum(m.branches)::int as rowed,
        coalesce(sum(m.branches) filter (where ${regular('m.mask')} >= ${a.requiredRegular}::int), 0)::int as charter
      from rk join subtree_month_masks m on m.path = rk.key and m.year = ${year}::int and m.what = 'held' group by 1
    ),
    r_rv as (
      select rk.target,
        coalesce(sum(m.branches) filter (where ${monthsIn('m.mask', window)} >= ${a.months}::int), 0)::int as reviewed
      from rk join subtree_month_masks m on m.path = rk.key and m.year = ${year}::int and m.what = 'reviewed' group by 1
    ),
    r_at as (
      select rk.target, sum(x.present)::bigint as present, sum(x.expected)::bigint as expected
      from rk join subtree_attendance x on x.path = rk.key and x.month >= ${a.from} and x.month <= ${a.to} group by 1
    ),
    r_sn as (
      select rk.target, sum(s.members)::int as seen
      from rk join subtree_seen_months s on s.path = rk.key and s.month >= ${a.seenSince.slice(0, 7)} group by 1
    ),
    r_rb as (
      select distinct u.id, u.path from branch_designations d join units u on u.id = d.unit_id
      where d.kind = 'remote' and d.valid_from < ${a.toEnd}::date and (d.valid_to is null or d.valid_to > ${a.fromDay}::date)
        and u.kind = 'branch' and u.closed_on is null and u.path <@ ${a.path}::ltree
    ),
    r_ra as (
      select rt.target, sum(
        (${remote('coalesce(y.held_mask, 0)')} >= ${a.requiredRemote}::int)::int
        - (${regular('coalesce(y.held_mask, 0)')} >= ${a.requiredRegular}::int)::int
      )::int as moved
      from rt join r_rb on r_rb.path <@ rt.target
      left join branch_meeting_years y on y.unit_id = r_rb.id and y.year = ${year}::int
      group by 1
    ),
    rs as (
      select rt.target, coalesce(r_sz.branches, 0)::int as branches,
        (coalesce(r_hm.charter, 0) + ${unrowed} + coalesce(r_ra.moved, 0))::int as charter,
        coalesce(r_sz.big, 0)::int as big, coalesce(r_at.present, 0)::bigint as present,
        coalesce(r_at.expected, 0)::bigint as expected, coalesce(r_rv.reviewed, 0)::int as reviewed,
        coalesce(r_sn.seen, 0)::int as seen
      from rt left join r_sz on r_sz.target = rt.target left join r_hm on r_hm.target = rt.target
      left join r_rv on r_rv.target = rt.target left join r_at on r_at.target = rt.target
      left join r_sn on r_sn.target = rt.target left join r_ra on r_ra.target = rt.target
    )`;
}
