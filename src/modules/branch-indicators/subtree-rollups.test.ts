import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { startTestApp, type TestApp } from '../../../tests/helpers/test-app.js';
import { loadActor, type Actor } from '../../auth/actor.js';
import { rows } from '../../db/rows.js';
import { insertMeeting, insertMembers, insertUnit } from './branch-indicators.fixtures.js';
import * as q from './indicators.queries.js';
import { prepareIndicators } from './indicators.service.js';
import { rollupYear } from './subtree-rollups.queries.js';

/**
 * The subtree rollups of migration 0012 are kept by triggers on units, member counts, branch-years and last-seen
 * months. After each kind of write they must equal `subtree_rollups_rebuild()`, and the indicators read from them
 * must equal the indicators read branch by branch.
 */
let t: TestApp;
let admin: Actor;
let dng: string;
const ids: Record<string, string> = {};
const members: Record<string, string[]> = {};

const exec = (query: ReturnType<typeof sql>) => t.database.db.execute(query);

/** The subtree rollups and branch sizes without rows that hold nothing (the triggers keep emptied rows). */
async function snapshot() {
  const db = t.database.db;
  return {
    sizes: await rows(db, sql`select unit_id, members from branch_sizes where members <> 0 order by 1`),
    branches: await rows(
      db,
      sql`select path::text, members, branches from subtree_branch_sizes where branches <> 0 order by 1, 2`,
    ),
    masks: await rows(
      db,
      sql`select path::text, year, what, mask, branches from subtree_month_masks where branches <> 0 order by 1, 2, 3, 4`,
    ),
    attendance: await rows(
      db,
      sql`select path::text, month, present::int, expected::int from subtree_attendance
          where present <> 0 or expected <> 0 order by 1, 2`,
    ),
    seen: await rows(
      db,
      sql`select path::text, month, members from subtree_seen_months where members <> 0 order by 1, 2`,
    ),
  };
}

async function expectRollupsExact(): Promise<void> {
  const kept = await snapshot();
  await exec(sql`select subtree_rollups_rebuild()`);
  const rebuilt = await snapshot();
  for (const key of Object.keys(kept) as (keyof typeof kept)[])
    expect({ [key]: kept[key] }).toEqual({ [key]: rebuilt[key] });
}

const asNumbers = <T extends object>(row: T) =>
  Object.fromEntries(
    Object.entries(row).map(([k, v]) => [k, typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : v]),
  );

/** Totals, members seen and per-child figures of a unit: from the rollups, then branch by branch: equal. */
async function expectSameFigures(unitId: string, from: string, to: string): Promise<q.BranchSums> {
  const db = t.database.db;
  const { args } = await prepareIndicators(db, admin, { unitId, from, to });
  expect(rollupYear(args)).not.toBeNull();
  const detailed = { ...args, noRollups: true };
  const rolled = asNumbers(await q.branchTotals(db, args));
  expect(rolled).toEqual(asNumbers(await q.branchTotals(db, detailed)));
  expect(await q.seenMembers(db, args)).toBe(await q.seenMembers(db, detailed));
  expect((await q.childTotals(db, args)).map(asNumbers)).toEqual((await q.childTotals(db, detailed)).map(asNumbers));
  return rolled as unknown as q.BranchSums;
}

beforeAll(async () => {
  t = await startTestApp();
  const [user] = await rows<{ id: string }>(t.database.db, sql`select id from "user" where username = 'admin'`);
  admin = (await loadActor(t.database.db, user!.id))!;
  dng = await t.unitId('DNG');
  ids.g1 = await insertUnit(t, dng, 'grassroots', 'Đoàn xã Cây Một');
  ids.g2 = await insertUnit(t, dng, 'grassroots', 'Đoàn xã Cây Hai');
  ids.a = await insertUnit(t, ids.g1, 'branch', 'Chi đoàn Gốc A');
  ids.b = await insertUnit(t, ids.g1, 'branch', 'Chi đoàn Gốc B');
  ids.c = await insertUnit(t, ids.g2, 'branch', 'Chi đoàn Gốc C');
  members.a = await insertMembers(t, ids.a, 10, dng);
  members.b = await insertMembers(t, ids.b, 3, dng);
  members.c = await insertMembers(t, ids.c, 9, dng);
}, 60_000);

afterAll(async () => {
  await t?.close();
});

describe('subtree rollups kept by triggers', () => {
  it('hold the demo data and new branches with their members as a rebuild does', async () => {
    await expectRollupsExact();
    const [row] = await rows<{ branches: number }>(
      t.database.db,
      sql`select sum(s.branches)::int as branches from subtree_branch_sizes s join units u on u.path = s.path
          where u.id = ${ids.g1!}::uuid and s.members >= 9`,
    );
    expect(row!.branches).toBe(1);
  });

  it('follow meetings, reviews, member status changes and last-seen months', async () => {
    const held = await insertMeeting(t, ids.a!, '2025-03', { expected: 10, present: 8 });
    await insertMeeting(t, ids.a!, '2025-04', { expected: 10, present: 9 });
    await insertMeeting(t, ids.c!, '2025-03', { expected: 9, present: 9 });
    await exec(
      sql`insert into member_reviews (meeting_id, unit_id, period, items) values (${held}::uuid, ${ids.a!}::uuid, '2025-03', '[]'::jsonb)`,
    );
    await exec(sql`update members set status = 'working_away' where id = ${members.a![0]!}::uuid`);
    await exec(sql`update members set status = 'matured' where id = ${members.c![0]!}::uuid`);
    for (const id of members.a!.slice(0, 4))
      await exec(
        sql`insert into member_last_seen (member_id, last_present_on, unit_id) values (${id}::uuid, '2025-04-10', ${ids.a!}::uuid)`,
      );
    await exec(sql`update meetings set present_count = 5 where id = ${held}::uuid`);
    await expectRollupsExact();
    const g1 = await expectSameFigures(ids.g1!, '2025-01', '2025-06');
    expect(g1).toMatchObject({ branches: 2, big: 1, present: 14, expected: 20 });
    await expectSameFigures(dng, '2025-01', '2025-12');
    await expectSameFigures(dng, '2025-03', '2025-04');
  });

  it('follow branches closed, reopened, moved to another đoàn cơ sở and designated remote', async () => {
    await exec(sql`update units set closed_on = '2025-06-30' where id = ${ids.b!}::uuid`);
    await expectRollupsExact();
    await expectSameFigures(ids.g1!, '2025-01', '2025-12');
    await exec(sql`update units set closed_on = null where id = ${ids.b!}::uuid`);
    // The đoàn cơ sở moves under the other one, taking its branches (and their meetings) along.
    const [g2] = await rows<{ path: string }>(
      t.database.db,
      sql`select path::text from units where id = ${ids.g2!}::uuid`,
    );
    const [g1] = await rows<{ path: string }>(
      t.database.db,
      sql`select path::text from units where id = ${ids.g1!}::uuid`,
    );
    await exec(
      sql`update units set path = ${g2!.path}::ltree || subpath(path, nlevel(${g1!.path}::ltree) - 1)
          where path <@ ${g1!.path}::ltree`,
    );
    await exec(sql`update units set parent_id = ${ids.g2!}::uuid where id = ${ids.g1!}::uuid`);
    await exec(
      sql`insert into branch_designations (unit_id, kind, valid_from) values (${ids.c!}::uuid, 'remote', '2025-01-01')`,
    );
    // C meets once a quarter: enough for a remote branch, not for a regular one.
    for (const period of ['2025-06', '2025-09', '2025-12'])
      await insertMeeting(t, ids.c!, period, { expected: 8, present: 8 });
    await expectRollupsExact();
    const moved = await expectSameFigures(ids.g2!, '2025-01', '2025-12');
    expect(moved).toMatchObject({ branches: 3, charter: 1 });
    await expectSameFigures(dng, '2025-01', '2025-06');
  });

  it('answer the whole country from the provinces and refuse a period across two years', async () => {
    const root = await t.unitId('TW');
    await expectSameFigures(root, '2025-01', '2025-12');
    const { args } = await prepareIndicators(t.database.db, admin, { unitId: dng, from: '2024-12', to: '2025-01' });
    expect(rollupYear(args)).toBeNull();
  });
});
