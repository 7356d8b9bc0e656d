import { sql } from 'drizzle-orm';
import { rows } from '../src/db/rows.js';
import { todayInVietnam } from '../src/domain/text/dates.js';
import type { BenchContext } from './context.js';

const SIZE = 40;

async function call(ctx: BenchContext, method: 'POST' | 'PATCH' | 'PUT', url: string, payload: unknown) {
  const res = await ctx.app.inject({ method, url, payload: payload as object, headers: { cookie: ctx.cookie } });
  if (res.statusCode !== 200) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
  return res.json<{ id: string; version: number }>();
}

/** Gives the branch at least `SIZE` members attending at home (generated in SQL when it has fewer). */
async function ensureMembers(ctx: BenchContext): Promise<void> {
  const { db } = ctx.database;
  const branch = ctx.ids.branch;
  const [have] = await rows<{ n: number }>(
    db,
    sql`select count(*)::int as n from members where unit_id = ${branch}::uuid and status in ('active', 'working_away')`,
  );
  const missing = SIZE - Number(have?.n ?? 0);
  if (missing <= 0) return;
  await db.execute(sql`
    insert into members (unit_id, province_id, full_name, given_name, search_name, sort_key, gender, birth_date)
    select u.id, (select p.id from units p where u.path <@ p.path and p.kind = 'province' limit 1),
           'Đoàn Viên Thử ' || g, 'Thử ' || g, 'doan vien thu ' || g, 'thu ' || lpad(g::text, 3, '0'),
           case when g % 2 = 0 then 'female' else 'male' end, date '2000-01-01' + g
      from units u, generate_series(1, ${missing}) g where u.id = ${branch}::uuid`);
}

/** Branch meetings: recording attendance for a 40-member meeting (PUT /api/meetings/:id/attendance). */
export async function benchMeetings(ctx: BenchContext): Promise<void> {
  await ensureMembers(ctx);
  const today = todayInVietnam();
  const created = await call(ctx, 'POST', '/api/meetings', {
    unitId: ctx.ids.branch,
    period: today.slice(0, 7),
    plannedOn: today,
    topic: 'Đo tốc độ điểm danh',
  });
  const meeting = await call(ctx, 'PATCH', `/api/meetings/${created.id}`, { version: created.version, heldOn: today });
  const url = `/api/meetings/${meeting.id}/attendance`;
  const roster = (await ctx.get(url)) as { items: { memberId: string }[] };
  let version = meeting.version;
  const members = roster.items.slice(0, SIZE).map((r) => r.memberId);
  const statuses = ['present', 'excused', 'absent'] as const;
  let round = 0;
  await ctx.time(`PUT /api/meetings/:id/attendance (${members.length} members)`, 20, async () => {
    round++;
    const items = members.map((memberId, i) => ({ memberId, status: statuses[(i + round) % 3] }));
    version = (await call(ctx, 'PUT', url, { version, items })).version;
  });
}
