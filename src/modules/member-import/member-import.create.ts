import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { rows } from '../../db/rows.js';
import { importJobRows, memberEvents, members } from '../../db/schema/index.js';
import { typedList } from '../../db/sql-lists.js';
import type { Branch } from './member-import.branches.js';
import { activeByCccd, resolveBranchIds } from './member-import.branches.js';
import type { ImportContext } from './member-import.classify.js';
import { provinceFor, type ProvinceCache } from './member-import.write.js';

/** A row the commit refuses, with why. */
export interface Failure {
  rowNumber: number;
  issues: { column: string; header: string; message: string }[];
}

/** Member columns filled from the stored values: [value key, SQL type, column]. */
const VALUE_COLUMNS: [string, string, string][] = [
  ['fullName', 'text', 'full_name'],
  ['birthDate', 'date', 'birth_date'],
  ['gender', 'text', 'gender'],
  ['ethnicity', 'text', 'ethnicity'],
  ['religion', 'text', 'religion'],
  ['cccd', 'text', 'cccd'],
  ['phone', 'text', 'phone'],
  ['email', 'text', 'email'],
  ['joinedOn', 'date', 'joined_on'],
  ['admittedAt', 'text', 'admitted_at'],
  ['cardNumber', 'text', 'card_number'],
  ['cardIssuedOn', 'date', 'card_issued_on'],
  ['position', 'text', 'position'],
  ['educationLevel', 'text', 'education_level'],
  ['qualification', 'text', 'qualification'],
  ['occupation', 'text', 'occupation'],
  ['schoolClass', 'text', 'school_class'],
  ['workplace', 'text', 'workplace'],
  ['hometown', 'text', 'hometown'],
  ['permanentAddress', 'text', 'permanent_address'],
  ['residenceAddress', 'text', 'residence_address'],
  ['partyJoinedOn', 'date', 'party_joined_on'],
];
const RECORD = sql.raw(
  [...VALUE_COLUMNS.map(([key, type]) => `"${key}" ${type}`), '"birthYearOnly" boolean', '"partyMember" boolean'].join(
    ', ',
  ),
);
const TARGET = sql.raw([...VALUE_COLUMNS.map(([, , column]) => column), 'birth_year_only', 'party_member'].join(', '));
const SOURCE = sql.raw(
  [
    ...VALUE_COLUMNS.map(([key]) => `v."${key}"`),
    'coalesce(v."birthYearOnly", false)',
    'coalesce(v."partyMember", false)',
  ].join(', '),
);
const WINDOW = 10_000;
const CHECK_BATCH = 5_000;
const CHANGED = 'Số CCCD này vừa được thêm vào một hồ sơ khác từ lúc kiểm tra: hãy kiểm tra lại.';
const BRANCH_GONE = 'Chi đoàn của dòng này đã ngừng hoạt động hoặc không còn trong phạm vi quản lý của bạn.';

/**
 * Re-checks the rows to create against the database as it is now: their branch is still an open branch of the
 * unit inside the write scope (one query), and no active member has taken their CCCD since the dry run
 * (looked up by batches on the CCCD index).
 */
export async function createFailures(tx: DbOrTx, ctx: ImportContext, jobId: string): Promise<Failure[]> {
  const failures: Failure[] = [];
  const cccdColumn = ctx.columns.get('cccd');
  const branchColumn = ctx.columns.get('branch');
  const ids = await rows<{ unit_id: string }>(
    tx,
    sql`select distinct unit_id from ${importJobRows} where job_id = ${jobId}::uuid and outcome = 'create'`,
  );
  const valid = await resolveBranchIds(
    tx,
    ctx.writeScope,
    ctx.unit,
    ids.map((r) => r.unit_id),
  );
  const gone = ids.map((r) => r.unit_id).filter((id) => !valid.has(id));
  if (gone.length > 0) {
    const lost = await rows<{ row_number: number }>(
      tx,
      sql`select row_number from ${importJobRows} where job_id = ${jobId}::uuid and outcome = 'create'
          and unit_id in (${typedList(gone, 'uuid')})`,
    );
    const issue = { column: branchColumn?.letter ?? '', header: branchColumn?.header ?? '', message: BRANCH_GONE };
    failures.push(...lost.map((r) => ({ rowNumber: r.row_number, issues: [issue] })));
  }
  const issue = { column: cccdColumn?.letter ?? '', header: cccdColumn?.header ?? '', message: CHANGED };
  for (let after = 0; ;) {
    const batch = await rows<{ row_number: number; cccd: string }>(
      tx,
      sql`select row_number, values->>'cccd' as cccd from ${importJobRows}
          where job_id = ${jobId}::uuid and outcome = 'create' and row_number > ${after} and values ? 'cccd'
          order by row_number limit ${CHECK_BATCH}`,
    );
    if (batch.length === 0) break;
    after = batch[batch.length - 1]!.row_number;
    const taken = new Set(
      (
        await activeByCccd(
          tx,
          batch.map((r) => r.cccd),
          false,
        )
      ).map((e) => e.member.cccd),
    );
    for (const r of batch) if (taken.has(r.cccd)) failures.push({ rowNumber: r.row_number, issues: [issue] });
  }
  return failures;
}

/**
 * Inserts the rows to create straight from the stored dry run, by windows of row numbers: the members and
 * their `registered` events (as `createMember` records them: on the day of joining, or today) in one
 * statement per window. Returns how many members were created.
 */
export async function insertCreates(
  tx: DbOrTx,
  ctx: ImportContext,
  jobId: string,
  cache: ProvinceCache,
  today: string,
  actorId: string,
  onProgress: (created: number) => Promise<void>,
): Promise<number> {
  const ids = await rows<{ unit_id: string }>(
    tx,
    sql`select distinct unit_id from ${importJobRows} where job_id = ${jobId}::uuid and outcome = 'create'`,
  );
  const branches = await resolveBranchIds(
    tx,
    ctx.writeScope,
    ctx.unit,
    ids.map((r) => r.unit_id),
  );
  const provinces = [];
  for (const branch of branches.values())
    provinces.push({ unit_id: branch.id, province_id: await provinceFor(tx, cache, branch as Branch) });
  const [span] = await rows<{ lo: number | null; hi: number | null }>(
    tx,
    sql`select min(row_number) as lo, max(row_number) as hi from ${importJobRows}
        where job_id = ${jobId}::uuid and outcome = 'create'`,
  );
  if (span?.lo == null || span.hi == null) return 0;
  let created = 0;
  for (let lo = span.lo - 1; lo < span.hi; lo += WINDOW) {
    const [done] = await rows<{ n: number }>(
      tx,
      sql`
      with created as (
        insert into ${members} (unit_id, province_id, given_name, search_name, sort_key, ${TARGET}, status)
        select r.unit_id, p.province_id, d."givenName", d."searchName", d."sortKey", ${SOURCE}, 'active'
        from ${importJobRows} r
        cross join lateral jsonb_to_record(r.values) as v(${RECORD})
        cross join lateral jsonb_to_record(r.derived) as d("givenName" text, "searchName" text, "sortKey" text)
        left join jsonb_to_recordset(${JSON.stringify(provinces)}::jsonb) as p(unit_id uuid, province_id uuid)
          on p.unit_id = r.unit_id
        where r.job_id = ${jobId}::uuid and r.outcome = 'create'
          and r.row_number > ${lo} and r.row_number <= ${lo + WINDOW}
        order by r.row_number
        returning id, unit_id, status, joined_on),
      events as (
        insert into ${memberEvents} (member_id, unit_id, kind, on_date, after, actor_id)
        select id, unit_id, 'registered', coalesce(joined_on, ${today}::date),
          jsonb_build_object('unitId', unit_id, 'status', status), ${actorId}
        from created
        returning 1)
      select count(*)::int as n from events`,
    );
    created += done?.n ?? 0;
    await onProgress(created);
  }
  return created;
}
