import { sql } from 'drizzle-orm';
import { rows } from '../src/db/rows.js';
import type { BenchContext } from './context.js';

const IN_UNION = sql`('active','working_away','temporary_elsewhere','in_transit')`;

/** A year of held meetings and the members' last presence, each only when its table is (nearly) empty. */
async function loadMeetingsAndLastSeen(
  ctx: BenchContext,
  year: number,
  count: (table: string) => Promise<number>,
): Promise<void> {
  const db = ctx.database.db;
  if ((await count('meetings')) < 1000) {
    await db.execute(sql`
      insert into meetings (unit_id, period, status, held_on, topic, expected_count, present_count, excused_count, absent_count)
      select b.id, to_char(m, 'YYYY-MM'), 'held', (m + interval '9 days')::date, 'Sinh hoạt thường kỳ',
             coalesce(k.n, 0), (coalesce(k.n, 0) * 0.75)::int, (coalesce(k.n, 0) * 0.15)::int,
             coalesce(k.n, 0) - (coalesce(k.n, 0) * 0.75)::int - (coalesce(k.n, 0) * 0.15)::int
      from units b
      cross join generate_series(${`${year}-01-01`}::date, ${`${year}-12-01`}::date, interval '1 month') m
      left join (select unit_id, sum(member_count)::int as n from unit_member_counts where status in ${IN_UNION}
                 group by unit_id) k on k.unit_id = b.id
      where b.kind = 'branch' and b.closed_on is null and abs(hashtext(b.id::text || m::text)) % 10 <> 0`);
    await db.execute(sql`analyze meetings`);
  }
  if ((await count('member_last_seen')) < 1000) {
    await db.execute(sql`
      insert into member_last_seen (member_id, last_present_on, unit_id)
      select id, ${`${year}-12-31`}::date - (abs(hashtext(id::text)) % 200), unit_id from members where status in ${IN_UNION}
      on conflict do nothing`);
    await db.execute(sql`analyze member_last_seen`);
  }
}

/** The rollups `branch_rollups_rebuild()` fills (migrations 0010 and 0012), analysed once it has. */
const ROLLUP_TABLES = [
  'branch_meeting_years',
  'branch_seen_months',
  'branch_sizes',
  'subtree_branch_sizes',
  'subtree_month_masks',
  'subtree_attendance',
  'subtree_seen_months',
];

/**
 * A year of monthly meetings for every open branch (about 10% of periods missing, counts from the branch's members),
 * the members' last presence and pilot branches for most residential communes; each step only when its table is
 * empty, so a reused database keeps what it has.
 */
async function generate(ctx: BenchContext, year: number): Promise<void> {
  const db = ctx.database.db;
  // "Empty" is below a thousand rows: another section may have written a meeting or two first.
  const count = async (table: string) =>
    (await rows<{ n: number }>(db, sql.raw(`select count(*)::int as n from (select 1 from ${table} limit 1000) x`)))[0]!
      .n;
  const started = performance.now();
  // Bulk loads skip the per-row rollup triggers and rebuild both rollups once at the end (migration 0010).
  const triggers = async (action: 'enable' | 'disable') => {
    await db.execute(sql.raw(`alter table meetings ${action} trigger meetings_rollup`));
    await db.execute(sql.raw(`alter table member_last_seen ${action} trigger member_last_seen_rollup`));
  };
  await triggers('disable');
  try {
    await loadMeetingsAndLastSeen(ctx, year, count);
  } finally {
    await triggers('enable');
  }
  if ((await count('branch_meeting_years')) === 0 || (await count('branch_seen_months')) === 0) {
    await db.execute(sql`select branch_rollups_rebuild()`);
    for (const table of ROLLUP_TABLES) await db.execute(sql.raw(`analyze ${table}`));
  }
  if ((await count('branch_designations')) === 0) {
    await db.execute(sql`
      insert into branch_designations (unit_id, kind, valid_from)
      select distinct on (g.id) b.id, 'pilot', ${`${year}-01-01`}::date
      from units g join units b on b.parent_id = g.id and b.kind = 'branch' and b.closed_on is null
      where g.kind in ('grassroots','grassroots_branch') and g.sector = 'residential' and g.closed_on is null
        and abs(hashtext(g.id::text)) % 5 <> 0
      order by g.id, b.name`);
    await db.execute(sql`
      insert into branch_designations (unit_id, kind, valid_from)
      select id, 'remote', ${`${year}-01-01`}::date from units
      where kind = 'branch' and closed_on is null and abs(hashtext(id::text)) % 20 = 0
      on conflict do nothing`);
    await db.execute(sql`analyze branch_designations`);
  }
  const [n] = await rows<{ meetings: number; seen: number }>(
    db,
    sql`select (select count(*) from meetings)::int as meetings, (select count(*) from member_last_seen)::int as seen`,
  );
  console.log(
    `indicators data: ${n!.meetings} meetings, ${n!.seen} last-seen rows (${((performance.now() - started) / 1000).toFixed(1)} s)`,
  );
}

/** Branch indicators: a year of monthly meetings, then the indicators of a province and of the whole country. */
export async function benchIndicators(ctx: BenchContext): Promise<void> {
  const year = new Date().getFullYear() - 1;
  await generate(ctx, year);
  const period = (unitId: string) => `unitId=${unitId}&from=${year}-01&to=${year}-12`;
  const runs = ctx.national ? 5 : 10;
  await ctx.time('indicators: a province, one year', runs, () =>
    ctx.get(`/api/branch-indicators?${period(ctx.ids.province)}`),
  );
  await ctx.time('indicators: the whole country, one year', ctx.national ? 3 : runs, () =>
    ctx.get(`/api/branch-indicators?${period(ctx.ids.root)}`),
  );
  await ctx.time('indicators: branches behind a figure (province)', runs, () =>
    ctx.get(`/api/branch-indicators/meetingCharter/units?${period(ctx.ids.province)}&meets=false`),
  );
  await ctx.time('indicators: by child unit (province)', runs, () =>
    ctx.get(`/api/branch-indicators/by-child?${period(ctx.ids.province)}`),
  );
  await ctx.time('indicators: branch book of a branch', runs, () =>
    ctx.get(`/api/units/${ctx.ids.branch}/branch-book?year=${year}`),
  );
}
