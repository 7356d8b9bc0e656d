import { sql } from 'drizzle-orm';
import { rows } from '../src/db/rows.js';
import { GRASSROOTS_KINDS } from '../src/domain/org/unit-kind.js';
import { todayInVietnam } from '../src/domain/text/dates.js';
import { computeEvidence } from '../src/modules/evaluations/evidence.queries.js';
import type { BenchContext } from './context.js';

const IN_UNION = sql`('active','working_away','temporary_elsewhere','in_transit')`;

/** Rows of a table, counted up to a thousand ("empty" is below that: other sections may have written a few). */
async function fewRows(ctx: BenchContext, table: string): Promise<number> {
  const [row] = await rows<{ n: number }>(
    ctx.database.db,
    sql.raw(`select count(*)::int as n from (select 1 from ${table} limit 1000) x`),
  );
  return row?.n ?? 0;
}

/**
 * Fee payments and member reviews in the province, each only when its table is (nearly) empty: one payment per
 * member in the union (paid up to a month between September and December; one in ten never paid) and a review at
 * two thirds of the year's held meetings (the meetings come from the indicators section, which runs first).
 */
async function generate(ctx: BenchContext, provincePath: string, year: number): Promise<void> {
  const db = ctx.database.db;
  const started = performance.now();
  if ((await fewRows(ctx, 'fee_payments')) < 1000) {
    await db.execute(sql`
      insert into fee_payments (member_id, unit_id, month, rate_class, amount, collected_on)
      select m.id, m.unit_id, ${`${year}-`} || lpad((12 - abs(hashtext(m.id::text)) % 4)::text, 2, '0'),
             'without_salary', 2000, ${`${year}-12-20`}::date
      from members m join units u on u.id = m.unit_id
      where u.path <@ ${provincePath}::ltree and m.status in ${IN_UNION} and abs(hashtext(m.id::text)) % 10 <> 0
      on conflict do nothing`);
    await db.execute(sql`analyze fee_payments`);
  }
  if ((await fewRows(ctx, 'member_reviews')) < 1000) {
    // The per-row review trigger (migration 0012) stands aside; each branch-year is recounted once afterwards.
    await db.execute(sql`alter table member_reviews disable trigger member_reviews_rollup`);
    try {
      await insertReviews(ctx, provincePath, year);
    } finally {
      await db.execute(sql`alter table member_reviews enable trigger member_reviews_rollup`);
    }
    await db.execute(sql`
      select branch_meeting_year_refresh(r.unit_id, ${year}::int)
      from (select distinct unit_id from member_reviews where period like ${`${year}-%`}) r`);
    await db.execute(sql`analyze member_reviews`);
  }
  console.log(`evidence data ready (${((performance.now() - started) / 1000).toFixed(1)} s)`);
}

/** A review at two thirds of the province's held meetings of the year. */
async function insertReviews(ctx: BenchContext, provincePath: string, year: number): Promise<void> {
  await ctx.database.db.execute(sql`
    insert into member_reviews (meeting_id, unit_id, period, items)
    select mt.id, mt.unit_id, mt.period, '[]'::jsonb
    from meetings mt join units u on u.id = mt.unit_id
    where u.path <@ ${provincePath}::ltree and mt.status = 'held' and mt.period like ${`${year}-%`}
      and abs(hashtext(mt.id::text)) % 3 <> 0
    on conflict do nothing`);
}

/** Ids of the open units of a subtree whose kind is in `kinds`. */
async function unitsOf(ctx: BenchContext, path: string, kinds: readonly string[]): Promise<string[]> {
  const found = await rows<{ id: string }>(
    ctx.database.db,
    sql`select id from units where path <@ ${path}::ltree and closed_on is null
        and kind in (${sql.join(
          kinds.map((k) => sql`${k}`),
          sql`, `,
        )})`,
  );
  return found.map((r) => r.id);
}

/**
 * Automatic evidence of the evaluations (`computeEvidence`): every đoàn cơ sở of one province for the past year and
 * its first half, every branch of the province, and the members of one đoàn cơ sở. Run after the indicators
 * section, whose generated meetings it reads.
 */
export async function benchEvidence(ctx: BenchContext, time: BenchContext['time'] = ctx.time): Promise<void> {
  const db = ctx.database.db;
  const year = new Date().getFullYear() - 1;
  const today = todayInVietnam();
  const [province] = await rows<{ path: string }>(
    db,
    sql`select path::text as path from units where id = ${ctx.ids.province}::uuid`,
  );
  const [grassroots] = await rows<{ path: string }>(
    db,
    sql`select path::text as path from units where id = ${ctx.ids.grassroots}::uuid`,
  );
  await generate(ctx, province!.path, year);
  const unions = await unitsOf(ctx, province!.path, GRASSROOTS_KINDS);
  const branches = await unitsOf(ctx, province!.path, ['branch']);
  const members = (
    await rows<{ id: string }>(
      db,
      sql`select m.id from members m join units u on u.id = m.unit_id
          where u.path <@ ${grassroots!.path}::ltree and m.status in ${IN_UNION}`,
    )
  ).map((r) => r.id);
  const runs = ctx.national ? 5 : 10;
  const run = (subject: 'member' | 'branch' | 'grassroots', ids: string[], half: 0 | 1) => () =>
    computeEvidence(db, { subject, ids, year, half, today });
  await time(`evidence: ${unions.length} đoàn cơ sở of a province, one year`, runs, run('grassroots', unions, 0));
  await time(`evidence: ${unions.length} đoàn cơ sở of a province, first half`, runs, run('grassroots', unions, 1));
  await time(`evidence: ${branches.length} branches of a province, one year`, runs, run('branch', branches, 0));
  await time(`evidence: ${members.length} members of a đoàn cơ sở, one year`, runs, run('member', members, 0));
}
