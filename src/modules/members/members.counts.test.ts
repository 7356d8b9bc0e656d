import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../db/rows.js';
import { sql } from 'drizzle-orm';
import { openTestDb } from '../../../tests/helpers/test-db.js';
import type { Database } from '../../db/client.js';

let database: Database;
beforeAll(async () => {
  database = await openTestDb();
});
afterAll(async () => {
  await database.close();
});

interface Diff {
  unit_id: string;
  status: string;
  live: number;
  kept: number;
}

/** Units and statuses where the kept rollup differs from a live count of the members table. */
async function mismatches(): Promise<Diff[]> {
  return rows<Diff>(
    database.db,
    sql`select coalesce(l.unit_id, k.unit_id) as unit_id, coalesce(l.status, k.status) as status,
               coalesce(l.n, 0)::int as live, coalesce(k.member_count, 0)::int as kept
          from (select unit_id, status, count(*) as n from members group by 1, 2) l
          full join unit_member_counts k on k.unit_id = l.unit_id and k.status = l.status
         where coalesce(l.n, 0) <> coalesce(k.member_count, 0)`,
  );
}

describe('per-unit member counts', () => {
  it('match the members table after the demo load', async () => {
    const [total] = await rows<{ n: number }>(
      database.db,
      sql`select sum(member_count)::int as n from unit_member_counts`,
    );
    expect(total?.n).toBeGreaterThan(1000);
    expect(await mismatches()).toEqual([]);
  });

  it('follow inserts, moves between branches, status changes and deletes, and roll back with the transaction', async () => {
    const [a, b] = await rows<{ id: string }>(
      database.db,
      sql`select id from units where code in ('TDP1', 'TDP2') order by code`,
    );
    await database.db.execute(
      sql`update members set unit_id = ${b!.id} where unit_id = ${a!.id} and status = 'active'`,
    );
    await database.db.execute(
      sql`update members set status = 'matured' where unit_id = ${b!.id} and birth_date < '1997-01-01'`,
    );
    await database.db.execute(
      sql`insert into members (unit_id, full_name, given_name, search_name, gender) values (${a!.id}, 'Lê Văn Bình', 'Bình', 'le van binh', 'male')`,
    );
    await database.db.execute(
      sql`delete from member_events where member_id in (select id from members where full_name = 'Lê Văn Bình')`,
    );
    await database.db.execute(sql`delete from members where full_name = 'Lê Văn Bình'`);
    await expect(
      database.db.transaction(async (tx) => {
        await tx.execute(sql`update members set unit_id = ${a!.id} where unit_id = ${b!.id}`);
        throw new Error('rollback');
      }),
    ).rejects.toThrow('rollback');
    expect(await mismatches()).toEqual([]);
    const [moved] = await rows<{ n: number }>(
      database.db,
      sql`select coalesce(sum(member_count), 0)::int as n from unit_member_counts where unit_id = ${a!.id} and status = 'active'`,
    );
    expect(moved?.n).toBe(0);
  });
});
