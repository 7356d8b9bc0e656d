import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { startTestApp, type TestApp } from '../../../tests/helpers/test-app.js';
import type { IndicatorsResponse } from '../../contracts/branch-indicators.js';
import { rows } from '../../db/rows.js';
import { insertMeeting, insertMembers, insertUnit } from './branch-indicators.fixtures.js';

/**
 * `branch_meeting_years` and `branch_seen_months` are kept by triggers (migration 0010). After each kind of write
 * they must equal what `branch_rollups_rebuild()` computes from the meetings and `member_last_seen` themselves.
 */
let t: TestApp;
let tinhdoan: string;
const ids: Record<string, string> = {};
let memberIds: string[] = [];

type Snapshot = { years: unknown[]; seen: unknown[] };

/** Both rollups, without rows that hold nothing (the triggers keep emptied rows, a rebuild does not write them). */
async function snapshot(): Promise<Snapshot> {
  const db = t.database.db;
  return {
    years: await rows(
      db,
      sql`select unit_id, year, held_mask, present, expected from branch_meeting_years
          where held_mask <> 0 or present <> array_fill(0, array[12]) or expected <> array_fill(0, array[12])
          order by unit_id, year`,
    ),
    seen: await rows(
      db,
      sql`select unit_id, month, members from branch_seen_months where members <> 0 order by unit_id, month`,
    ),
  };
}

/** The rollups as kept, then as rebuilt from their sources: the two must be equal. */
async function expectRollupsExact(): Promise<Snapshot> {
  const kept = await snapshot();
  await t.database.db.execute(sql`select branch_rollups_rebuild()`);
  expect(kept).toEqual(await snapshot());
  return kept;
}

const exec = (query: ReturnType<typeof sql>) => t.database.db.execute(query);

beforeAll(async () => {
  t = await startTestApp();
  tinhdoan = await t.as('tinhdoan');
  const dng = await t.unitId('DNG');
  ids.g = await insertUnit(t, dng, 'grassroots', 'Đoàn xã Tổng Hợp');
  ids.a = await insertUnit(t, ids.g, 'branch', 'Chi đoàn Xóm Một');
  ids.b = await insertUnit(t, ids.g, 'branch', 'Chi đoàn Xóm Hai');
  memberIds = await insertMembers(t, ids.a, 4, dng);
}, 60_000);

afterAll(async () => {
  await t?.close();
});

describe('branch rollups kept by triggers', () => {
  it('follow held meetings: new, recounted, moved to another year, cancelled and deleted', async () => {
    const first = await insertMeeting(t, ids.a!, '2024-11', { expected: 4, present: 3 });
    await insertMeeting(t, ids.a!, '2024-11', { expected: 4, present: 2 });
    const moving = await insertMeeting(t, ids.a!, '2024-12', { expected: 4, present: 4 });
    await exec(sql`insert into meetings (unit_id, period, status) values (${ids.a!}::uuid, '2025-01', 'planned')`);
    const kept = await expectRollupsExact();
    expect(kept.years).toContainEqual({
      unit_id: ids.a,
      year: 2024,
      held_mask: (1 << 10) | (1 << 11),
      present: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 5, 4],
      expected: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 8, 4],
    });

    await exec(sql`update meetings set present_count = 1 where id = ${first}::uuid`);
    await exec(sql`update meetings set period = '2025-01', held_on = '2025-01-08' where id = ${moving}::uuid`);
    await expectRollupsExact();

    await exec(sql`update meetings set status = 'cancelled' where id = ${first}::uuid`);
    await exec(sql`delete from meetings where id = ${moving}::uuid`);
    const after = await expectRollupsExact();
    expect(after.years).toContainEqual(expect.objectContaining({ unit_id: ids.a, year: 2024, held_mask: 1 << 10 }));
  });

  it('follow the last-seen rows: new, moved to a later month or another branch, removed', async () => {
    const [m1, m2, m3] = memberIds as [string, string, string];
    for (const id of [m1, m2, m3])
      await exec(
        sql`insert into member_last_seen (member_id, last_present_on, unit_id) values (${id}::uuid, '2024-11-10', ${ids.a!}::uuid)`,
      );
    expect((await expectRollupsExact()).seen).toContainEqual({ unit_id: ids.a, month: '2024-11', members: 3 });
    await exec(sql`update member_last_seen set last_present_on = '2024-12-05' where member_id = ${m1}::uuid`);
    await exec(sql`update member_last_seen set unit_id = ${ids.b!}::uuid where member_id = ${m2}::uuid`);
    await exec(sql`delete from member_last_seen where member_id = ${m3}::uuid`);
    const kept = await expectRollupsExact();
    expect(kept.seen).toEqual(
      expect.arrayContaining([
        { unit_id: ids.a, month: '2024-12', members: 1 },
        { unit_id: ids.b, month: '2024-11', members: 1 },
      ]),
    );
  });

  it('give the indicators of a period across two years from both years', async () => {
    await insertMeeting(t, ids.a!, '2025-01', { expected: 4, present: 4 });
    await insertMeeting(t, ids.b!, '2024-12', { expected: 5, present: 5 });
    await insertMeeting(t, ids.b!, '2025-01', { expected: 5, present: 3 });
    const res = await t.call('GET', `/api/branch-indicators?unitId=${ids.g!}&from=2024-12&to=2025-01`, tinhdoan);
    expect(res.statusCode).toBe(200);
    const { figures } = res.json<IndicatorsResponse>();
    // A held nothing in 2024-12 (its meeting moved to January, then deleted); B held both months.
    expect(figures.meetingCharter).toMatchObject({ numerator: 1, denominator: 2 });
    // A's January meeting (4/4) and B's two (5/5, 3/5).
    expect(figures.attendance).toMatchObject({ numerator: 12, denominator: 14 });
  });
});
