import { sql } from 'drizzle-orm';
import type { Db } from '../src/db/client.js';
import { rows } from '../src/db/rows.js';

/** Size of a generated country. */
export interface Scale {
  provinces: number;
  grassrootsPerProvince: number;
  branchesPerGrassroots: number;
  members: number;
}

export const SCALES: Record<string, Scale> = {
  national: { provinces: 34, grassrootsPerProvince: 300, branchesPerGrassroots: 30, members: 2_000_000 },
  small: { provinces: 6, grassrootsPerProvince: 50, branchesPerGrassroots: 10, members: 50_000 },
};

const label = (column: string) => `'u' || replace(${column}::text, '-', '')`;

/** Fills an empty migrated database with a generated country: units level by level, then members, in SQL. */
export async function generateCountry(db: Db, scale: Scale): Promise<{ units: number; members: number }> {
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
  await db.execute(
    sql.raw(`
    with b as (select id, row_number() over (order by id) as rn, (select id from units pr where pr.path @> u.path and pr.kind = 'province') as province_id
               from units u where kind = 'branch'),
         nb as (select count(*) as c from b)
    insert into members (unit_id, province_id, full_name, given_name, search_name, birth_date, gender)
    select b.id, b.province_id, 'Nguyễn Văn ' || i, 'Văn ' || i, 'nguyen van ' || i, date '1996-01-01' + (i % 5000), case when i % 2 = 0 then 'male' else 'female' end
    from generate_series(1, ${scale.members}) i
    join b on b.rn = 1 + (i % (select c from nb))`),
  );
  await db.execute(sql.raw('analyze'));
  return countCountry(db);
}

/** How many units and members the database holds. */
export async function countCountry(db: Db): Promise<{ units: number; members: number }> {
  const [count] = await rows<{ units: number; members: number }>(
    db,
    sql`select (select count(*)::int from units) as units, (select count(*)::int from members) as members`,
  );
  return { units: Number(count?.units ?? 0), members: Number(count?.members ?? 0) };
}
