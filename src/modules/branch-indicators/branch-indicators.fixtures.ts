import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { TestApp } from '../../../tests/helpers/test-app.js';
import type { BranchDesignations } from '../../contracts/branch-indicators.js';
import { rows } from '../../db/rows.js';
import { childPath } from '../../domain/org/unit-path.js';
import { todayInVietnam } from '../../domain/text/dates.js';

/** What the scope cases need: a remote designation of TDP3 to end. */
export interface IndicatorFixtures {
  designationId: string;
}

/** Creates, as xadoan, a remote designation of TDP3 (the end endpoint's target). */
export async function indicatorScopeFixtures(t: TestApp): Promise<IndicatorFixtures> {
  const cookie = await t.as('xadoan');
  const res = await t.call('POST', `/api/units/${await t.unitId('TDP3')}/designations`, cookie, {
    kind: 'remote',
    validFrom: `${todayInVietnam().slice(0, 4)}-01-01`,
  });
  if (res.statusCode !== 200) throw new Error(`designation fixture: ${res.statusCode} ${res.body}`);
  const body = res.json<BranchDesignations>();
  return { designationId: body.items[0]!.id };
}

/** One case per endpoint of branch indicators, designations and the branch book. */
export function indicatorScopeCases(r: { unitId: (code: string) => string; fx: () => IndicatorFixtures }) {
  const year = todayInVietnam().slice(0, 4);
  const period = () => `unitId=${r.unitId('HCH')}&from=${year}-01&to=${todayInVietnam().slice(0, 7)}`;
  const read = (name: string, url: () => string) => ({ name, method: 'GET' as const, url, write: false });
  return [
    read('designations of a branch', () => `/api/units/${r.unitId('TDP2')}/designations`),
    {
      name: 'designate a branch',
      method: 'POST' as const,
      url: () => `/api/units/${r.unitId('TDP2')}/designations`,
      body: () => ({ kind: 'remote', validFrom: `${year}-02-01` }),
      write: true,
    },
    {
      name: 'end a designation',
      method: 'POST' as const,
      url: () => `/api/units/${r.unitId('TDP3')}/designations/${r.fx().designationId}/end`,
      body: () => ({ validTo: `${year}-12-31` }),
      write: true,
    },
    read('branch indicators', () => `/api/branch-indicators?${period()}`),
    read('branch indicators by child', () => `/api/branch-indicators/by-child?${period()}`),
    read('branches behind a figure', () => `/api/branch-indicators/meetingCharter/units?${period()}&meets=false`),
    read('branch book', () => `/api/units/${r.unitId('TDP1')}/branch-book?year=${year}`),
    read('branch book xlsx', () => `/api/units/${r.unitId('TDP1')}/branch-book.xlsx?year=${year}`),
    read('branch book docx', () => `/api/units/${r.unitId('TDP1')}/branch-book.docx?year=${year}`),
  ];
}

/** A unit inserted directly under `parentId` (tests of a small known subtree). */
export async function insertUnit(
  t: TestApp,
  parentId: string,
  kind: string,
  name: string,
  sector = 'residential',
): Promise<string> {
  const db = t.database.db;
  const [parent] = await rows<{ path: string }>(
    db,
    sql`select path::text as path from units where id = ${parentId}::uuid`,
  );
  const id = randomUUID();
  await db.execute(
    sql`insert into units (id, parent_id, path, code, name, kind, sector, founded_on)
        values (${id}::uuid, ${parentId}::uuid, ${childPath(parent!.path, id)}::ltree, ${`T${id.slice(0, 6)}`}, ${name},
                ${kind}, ${sector}, '2000-01-01')`,
  );
  return id;
}

/** `n` members in the union inserted into a branch; returns their ids. */
export async function insertMembers(t: TestApp, unitId: string, n: number, provinceId: string): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const id = randomUUID();
    const name = `Thành Viên ${String(i + 1).padStart(2, '0')}`;
    await t.database.db.execute(
      sql`insert into members (id, unit_id, province_id, full_name, given_name, search_name, sort_key, gender, status)
          values (${id}::uuid, ${unitId}::uuid, ${provinceId}::uuid, ${name}, ${name}, ${name.toLowerCase()},
                  ${name.toLowerCase()}, 'female', 'active')`,
    );
    ids.push(id);
  }
  return ids;
}

/** A held meeting of `period` with its counts. */
export async function insertMeeting(
  t: TestApp,
  unitId: string,
  period: string,
  counts: { expected: number; present: number },
): Promise<string> {
  const id = randomUUID();
  await t.database.db.execute(
    sql`insert into meetings (id, unit_id, period, status, held_on, topic, minutes, expected_count, present_count,
                              absent_count)
        values (${id}::uuid, ${unitId}::uuid, ${period}, 'held', ${`${period}-10`}::date, 'Sinh hoạt thường kỳ',
                'Chi đoàn triển khai nghị quyết.', ${counts.expected}, ${counts.present},
                ${counts.expected - counts.present})`,
  );
  return id;
}
