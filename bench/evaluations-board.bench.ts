import { sql } from 'drizzle-orm';
import { rows } from '../src/db/rows.js';
import type { BenchContext } from './context.js';

/** The root's cycle of a programme for `year`: opened through the API unless a reused database has it. */
async function rootCycle(ctx: BenchContext, programme: string, year: number): Promise<string> {
  const found = await rows<{ id: string }>(
    ctx.database.db,
    sql`select id from evaluation_cycles where owner_unit_id = ${ctx.ids.root}::uuid and programme = ${programme}
        and year = ${year}::int and kind = 'year'`,
  );
  if (found[0]) return found[0].id;
  const started = performance.now();
  const res = await ctx.app.inject({
    method: 'POST',
    url: '/api/evaluations/cycles',
    headers: { cookie: ctx.cookie },
    payload: { programme, ownerUnitId: ctx.ids.root, kind: 'year', year, reinspection: 'none' },
  });
  if (res.statusCode !== 200) throw new Error(`open ${programme}: ${res.statusCode} ${res.body}`);
  const { id } = res.json<{ id: string }>();
  // Spread the subjects over the states of their step, as a cycle half way through would have them.
  await ctx.database.db.execute(sql`
    update evaluations set status = (array['ready', 'submitted', 'returned', 'approved'])[1 + abs(hashtext(id::text)) % 4]
    where cycle_id = ${id}::uuid`);
  await ctx.database.db.execute(sql`analyze evaluations`);
  const [n] = await rows<{ n: number }>(
    ctx.database.db,
    sql`select count(*)::int as n from evaluations where cycle_id = ${id}::uuid`,
  );
  console.log(
    `${programme} ${year}: ${n!.n} subjects enrolled (${((performance.now() - started) / 1000).toFixed(1)} s)`,
  );
  return id;
}

/**
 * The progress board of the whole country: a "3 chủ động" cycle of every đoàn cơ sở and a branch rating of every
 * branch, both owned by the centre; the board, a province's board, the late list and the dashboard.
 */
export async function benchBoard(ctx: BenchContext): Promise<void> {
  const year = new Date().getFullYear() - 1;
  const runs = ctx.national ? 5 : 10;
  for (const programme of ['grassroots3Proactive', 'branchRating']) {
    const cycle = await rootCycle(ctx, programme, year);
    await ctx.time(`board of the whole country (${programme})`, runs, () =>
      ctx.get(`/api/evaluations/cycles/${cycle}/board`),
    );
    await ctx.time(`board of a province (${programme})`, runs, () =>
      ctx.get(`/api/evaluations/cycles/${cycle}/board?unitId=${ctx.ids.province}`),
    );
    await ctx.time(`late subjects, first page (${programme})`, runs, () =>
      ctx.get(`/api/evaluations/cycles/${cycle}/evaluations?late=true`),
    );
  }
  await ctx.time('evaluation dashboard of the whole country', runs, () =>
    ctx.get(`/api/evaluations/dashboard?programme=grassroots3Proactive&fromYear=${year - 1}&toYear=${year}`),
  );
}
