import { sql } from 'drizzle-orm';
import type { Db } from '../src/db/client.js';
import { rows } from '../src/db/rows.js';
import { FAMILY, GIVEN_FEMALE, GIVEN_MALE, MIDDLE_FEMALE, MIDDLE_MALE } from '../src/seed/names.js';

/** Size of a generated country. */
export interface Scale {
  provinces: number;
  grassrootsPerProvince: number;
  branchesPerGrassroots: number;
  members: number;
}

export const SCALES: Record<string, Scale> = {
  national: { provinces: 34, grassrootsPerProvince: 300, branchesPerGrassroots: 40, members: 6_000_000 },
  million: { provinces: 34, grassrootsPerProvince: 100, branchesPerGrassroots: 20, members: 1_000_000 },
  small: { provinces: 6, grassrootsPerProvince: 50, branchesPerGrassroots: 10, members: 50_000 },
};

const label = (column: string) => `'u' || replace(${column}::text, '-', '')`;

/** Fills an empty migrated database with a generated country: units level by level, then members, in SQL. */
export async function generateCountry(db: Db, scale: Scale): Promise<{ units: number; members: number }> {
  // The per-row subtree rollup triggers (migration 0012) stand aside during the bulk load; one rebuild at the end.
  await subtreeTriggers(db, 'disable');
  try {
    await generateUnitsAndMembers(db, scale);
  } finally {
    await subtreeTriggers(db, 'enable');
  }
  await db.execute(sql.raw('select subtree_rollups_rebuild()'));
  // Each batch above rewrote every per-unit count row: compact that table, then set statistics and the visibility
  // map (index-only scans) as autovacuum would on a settled database.
  await db.execute(sql.raw('vacuum full unit_member_counts'));
  await db.execute(sql.raw('vacuum analyze'));
  return countCountry(db);
}

async function subtreeTriggers(db: Db, action: 'enable' | 'disable'): Promise<void> {
  await db.execute(sql.raw(`alter table units ${action} trigger units_subtree`));
  await db.execute(sql.raw(`alter table unit_member_counts ${action} trigger unit_member_counts_size`));
}

/** Units level by level, their first versions, then the members. */
async function generateUnitsAndMembers(db: Db, scale: Scale): Promise<void> {
  await db.execute(
    sql.raw(`
    insert into units (id, parent_id, path, code, name, kind, sector, founded_on)
    select id, null, (${label('id')})::ltree, 'TW', 'Trung ương Đoàn TNCS Hồ Chí Minh', 'centre', 'other', '1931-03-26'
    from (select gen_random_uuid() as id) g`),
  );
  await db.execute(
    sql.raw(`
    insert into units (id, parent_id, path, code, name, kind, sector, founded_on)
    select g.id, g.pid, g.ppath || (${label('g.id')})::ltree, 'P' || n, 'Tỉnh đoàn số ' || n, 'province', 'other', '1976-01-01'
    from (select gen_random_uuid() as id, r.id as pid, r.path as ppath, n
          from units r cross join generate_series(1, ${scale.provinces}) n where r.parent_id is null) g`),
  );
  await db.execute(
    sql.raw(`
    insert into units (id, parent_id, path, code, name, kind, sector, founded_on)
    select g.id, g.pid, g.ppath || (${label('g.id')})::ltree, 'X' || n,
      (array['Đoàn xã ', 'Đoàn phường ', 'Đoàn trường THPT ', 'Đoàn cơ sở Công ty '])[1 + n % 4] || 'Số ' || n || ' ' || g.pcode,
      'grassroots', (array['residential', 'residential', 'school', 'enterprise'])[1 + n % 4], '2025-07-01'
    from (select gen_random_uuid() as id, p.id as pid, p.path as ppath, p.code as pcode, n
          from units p cross join generate_series(1, ${scale.grassrootsPerProvince}) n where p.kind = 'province') g`),
  );
  await db.execute(
    sql.raw(`
    insert into units (id, parent_id, path, code, name, kind, sector, founded_on)
    select g.id, g.pid, g.ppath || (${label('g.id')})::ltree, 'B' || n, 'Chi đoàn ' || n || ' ' || g.pname, 'branch', g.psector, '2025-07-01'
    from (select gen_random_uuid() as id, x.id as pid, x.path as ppath, x.name as pname, x.sector as psector, n
          from units x cross join generate_series(1, ${scale.branchesPerGrassroots}) n where x.kind = 'grassroots') g`),
  );
  await db.execute(
    sql.raw(`
    insert into unit_versions (unit_id, parent_id, path, code, name, kind, valid_from)
    select id, parent_id, path, code, name, kind, founded_on from units`),
  );
  await insertMembers(db, scale.members);
}

/** How many units and members the database holds. */
export async function countCountry(db: Db): Promise<{ units: number; members: number }> {
  const [count] = await rows<{ units: number; members: number }>(
    db,
    sql`select (select count(*)::int from units) as units, (select count(*)::int from members) as members`,
  );
  return { units: Number(count?.units ?? 0), members: Number(count?.members ?? 0) };
}

const MIDDLE = [...MIDDLE_MALE, ...MIDDLE_FEMALE];
const GIVEN = [...GIVEN_MALE, ...GIVEN_FEMALE];
const arr = (list: readonly string[]) => `array[${list.map((x) => `'${x}'`).join(',')}]`;
const fold = (expr: string) => `lower(unaccent_immutable(replace(replace(${expr}, 'đ', 'dz'), 'Đ', 'Dz')))`;

/** Members spread over all branches with varied Vietnamese names, CCCD, phone and birth dates, in batches. */
async function insertMembers(db: Db, total: number): Promise<void> {
  await db.execute(
    sql.raw(`create temporary table bench_branches as
    select row_number() over (order by u.id) as rn, u.id,
      (select pr.id from units pr where pr.path @> u.path and pr.kind = 'province') as province_id
    from units u where u.kind = 'branch'`),
  );
  const batch = 500_000;
  for (let start = 1; start <= total; start += batch) {
    const end = Math.min(total, start + batch - 1);
    await db.execute(
      sql.raw(`
      with n as (select count(*) as c from bench_branches),
      g as (
        select i, (${arr(FAMILY)})[1 + (i * 7) % ${FAMILY.length}] || ' ' || (${arr(MIDDLE)})[1 + (i * 13) % ${MIDDLE.length}]
                  || ' ' || (${arr(GIVEN)})[1 + (i * 31) % ${GIVEN.length}] as full_name,
               (${arr(GIVEN)})[1 + (i * 31) % ${GIVEN.length}] as given_name
        from generate_series(${start}, ${end}) i)
      insert into members (unit_id, province_id, full_name, given_name, search_name, sort_key, birth_date, gender, ethnicity,
                           religion, cccd, phone, joined_on, card_number, status)
      select b.id, b.province_id, g.full_name, g.given_name, lower(unaccent_immutable(g.full_name)),
             ${fold('g.given_name')} || ' ' || ${fold('g.full_name')},
             date '1996-01-01' + (g.i % 4700), case when g.i % 2 = 0 then 'male' else 'female' end,
             case when g.i % 20 = 0 then 'Tày' else 'Kinh' end, case when g.i % 9 = 0 then 'Phật giáo' else 'Không' end,
             lpad(g.i::text, 12, '0'), '09' || lpad((g.i % 100000000)::text, 8, '0'), date '2012-03-26' + (g.i % 4000),
             'DV' || lpad(g.i::text, 8, '0'), case when g.i % 25 = 0 then 'working_away' else 'active' end
      from g join bench_branches b on b.rn = 1 + (g.i % (select c from n))`),
    );
  }
  await db.execute(sql.raw('drop table bench_branches'));
}
