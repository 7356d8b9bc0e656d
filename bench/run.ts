import pg from 'pg';
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { createAuth } from '../src/auth/auth.js';
import { hash } from '../src/auth/passwords.js';
import { createDb, type Database } from '../src/db/client.js';
import { runMigrations } from '../src/db/migrate.js';
import { rows } from '../src/db/rows.js';
import { account, roleAssignments, user } from '../src/db/schema/index.js';
import { createApp } from '../src/http/app.js';
import { ensureReferenceData } from '../src/seed/reference.js';
import { countCountry, generateCountry, SCALES } from './generate.js';
import type { BenchContext } from './context.js';
import { benchMeetings } from './meetings.bench.js';
import { benchIndicators } from './indicators.bench.js';
import { benchEvidence } from './evaluations-evidence.bench.js';
import { benchBoard } from './evaluations-board.bench.js';

/**
 * `npm run bench`: builds a generated country and times the tree and member endpoints through the HTTP app.
 * PostgreSQL when BENCH_DATABASE_URL (or DATABASE_URL) is set, else PGlite; BENCH_SCALE=national|small.
 */
const serverUrl = process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL || '';
const scaleArg = process.argv.indexOf('--scale');
const scaleName =
  (scaleArg > 0 ? process.argv[scaleArg + 1] : undefined) ??
  process.env.BENCH_SCALE ??
  (serverUrl ? 'national' : 'small');
const scale = SCALES[scaleName];
if (!scale) throw new Error(`BENCH_SCALE phải là ${Object.keys(SCALES).join(' hoặc ')}`);

const reuse = process.env.BENCH_REUSE === '1';
/** BENCH_ONLY=branch-life times only the branch meetings and indicators (on a reused database, say). */
const branchLifeOnly = process.env.BENCH_ONLY === 'branch-life';

async function openBenchDb(): Promise<Database> {
  if (!serverUrl) return createDb({});
  const name = 'doanso_bench';
  if (!reuse) {
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.query(`create database ${name}`);
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return createDb({ url: url.toString() });
}

/**
 * Clears every reference to an account (nullable columns set to null, rows of other tables removed) except in the
 * account tables themselves, which the caller empties next.
 */
async function forgetBenchUsers(database: Database): Promise<void> {
  const refs = await rows<{ table_name: string; column_name: string; is_nullable: string }>(
    database.db,
    sql`select k.table_name, k.column_name, c.is_nullable
        from information_schema.referential_constraints r
        join information_schema.key_column_usage k on k.constraint_name = r.constraint_name
        join information_schema.constraint_column_usage u on u.constraint_name = r.constraint_name
        join information_schema.columns c on c.table_name = k.table_name and c.column_name = k.column_name
        where u.table_name = 'user' and k.table_name not in ('role_assignments', 'account', 'session', 'user')`,
  );
  for (const ref of refs) {
    const table = `"${ref.table_name}"`;
    const column = `"${ref.column_name}"`;
    await database.db.execute(
      sql.raw(
        ref.is_nullable === 'YES'
          ? `update ${table} set ${column} = null where ${column} is not null`
          : `delete from ${table} where ${column} is not null`,
      ),
    );
  }
}

async function time(label: string, runs: number, fn: () => Promise<unknown>): Promise<void> {
  await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await fn();
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  const median = samples[Math.floor(samples.length / 2)] ?? 0;
  const p95 = samples[Math.min(samples.length - 1, Math.floor(samples.length * 0.95))] ?? 0;
  console.log(`${label.padEnd(58)} median ${median.toFixed(1).padStart(8)} ms   p95 ${p95.toFixed(1).padStart(8)} ms`);
}

async function main(): Promise<void> {
  const database = await openBenchDb();
  await runMigrations(database);
  await ensureReferenceData(database.db);
  const started = performance.now();
  const counts = reuse && serverUrl ? await countCountry(database.db) : await generateCountry(database.db, scale!);
  console.log(
    `${database.kind}, scale ${scaleName}: ${counts.units} units, ${counts.members} members ready in ${((performance.now() - started) / 1000).toFixed(1)} s\n`,
  );

  // A reused database keeps what the previous run's bench user wrote: forget who wrote it before the user goes.
  await forgetBenchUsers(database);
  for (const table of ['role_assignments', 'account', 'session', '"user"'])
    await database.db.execute(sql.raw(`delete from ${table}`));
  const userId = randomUUID();
  await database.db.insert(user).values({ id: userId, name: 'Bench', email: 'bench@bench.invalid', username: 'bench' });
  await database.db.insert(account).values({
    id: randomUUID(),
    accountId: userId,
    providerId: 'credential',
    userId,
    password: await hash('Bench@12345'),
  });
  const [root] = await rows<{ id: string }>(database.db, sql`select id from units where parent_id is null`);
  await database.db.insert(roleAssignments).values({ userId, unitId: root!.id, role: 'system_admin' });
  const auth = createAuth(database.db, {
    secret: 'bench-secret-bench-secret-bench-secret',
    baseURL: 'http://localhost',
  });
  const app = await createApp({ database, auth, logLevel: 'silent', webDist: '/nonexistent' });
  const login = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username: 'bench', password: 'Bench@12345' },
  });
  const cookie = String(login.headers['set-cookie']).split(';')[0]!;
  const get = async (url: string) => {
    const res = await app.inject({ method: 'GET', url, headers: { cookie } });
    if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
    return res.json<unknown>();
  };
  const pick = async (kind: string) =>
    (
      await rows<{ id: string }>(database.db, sql`select id from units where kind = ${kind} order by code desc limit 1`)
    )[0]!.id;
  const province = await pick('province');
  const grassroots = await pick('grassroots');
  const branch = await pick('branch');

  if (!branchLifeOnly) {
    await time('GET /api/auth/me (session + grants)', 30, () => get('/api/auth/me'));
    await time('GET /api/units/:branch (path, counts, actions)', 30, () => get(`/api/units/${branch}`));
    await time('GET /api/units/:grassroots', 30, () => get(`/api/units/${grassroots}`));
    await time('GET /api/units/:province (members from per-unit counts)', 20, () => get(`/api/units/${province}`));
    await time('GET /api/units/:centre (members from per-unit counts)', 20, () => get(`/api/units/${root!.id}`));
    await time('GET /api/units/:grassroots/children', 30, () => get(`/api/units/${grassroots}/children`));
    await time('GET /api/units/:province/children', 10, () => get(`/api/units/${province}/children`));
    await time('GET /api/units/search?q=phuong so 12 (whole country)', 20, () =>
      get('/api/units/search?q=ph%C6%B0%E1%BB%9Dng%20s%E1%BB%91%2012'),
    );
    await time('GET /api/units/tree-as-of (one province)', 5, () =>
      get(`/api/units/tree-as-of?date=2026-01-01&rootId=${province}`),
    );
    await time('GET /api/audit?limit=50', 20, () => get('/api/audit?limit=50'));

    console.log('\nMember registry: pages (GET /api/members; the total is a separate request, below)');
    const encoded = (text: string) => encodeURIComponent(text);
    const inProvince = `/api/members?unitId=${province}&limit=50`;
    const inCountry = `/api/members?unitId=${root!.id}&limit=50`;
    const { next } = (await get(inProvince)) as { next: string };
    const women = `gender=female&ethnicity=${encoded('Tày')}`;
    await time('branch, first page of 50', 30, () => get(`/api/members?unitId=${branch}&limit=50`));
    await time('grassroots union, first page of 50', 30, () => get(`/api/members?unitId=${grassroots}&limit=50`));
    await time('province, first page of 50', 20, () => get(inProvince));
    await time('province, second page (cursor)', 20, () => get(`${inProvince}&cursor=${next}`));
    await time('province, sorted by date of birth', 20, () => get(`${inProvince}&sort=birthDate`));
    await time('whole country, first page of 50', 20, () => get(inCountry));
    await time('whole country, sorted by date of birth', 10, () => get(`${inCountry}&sort=birthDate`));
    await time('q=nguyen van an (province)', 20, () => get(`${inProvince}&q=${encoded('nguyen van an')}`));
    await time('q=Nguyễn Văn An (whole country)', 20, () => get(`${inCountry}&q=${encoded('Nguyễn Văn An')}`));
    await time('q=le bao vy (province; sorts last)', 20, () => get(`${inProvince}&q=${encoded('le bao vy')}`));
    await time('q=Lê Bảo Vy (whole country; sorts last)', 20, () => get(`${inCountry}&q=${encoded('Lê Bảo Vy')}`));
    await time('q=<CCCD> (whole country)', 20, () => get(`${inCountry}&q=000000123456`));
    await time('province, women of Tày ethnicity', 20, () => get(`${inProvince}&${women}`));

    console.log('\nMember registry: totals (GET /api/members/count)');
    await time('province (per-unit counts)', 20, () => get(`/api/members/count?unitId=${province}`));
    await time('whole country (per-unit counts)', 20, () => get(`/api/members/count?unitId=${root!.id}`));
    await time('province, women of Tày ethnicity (exact count)', 10, () =>
      get(`/api/members/count?unitId=${province}&${women}`),
    );
    await time('province, q=nguyen van an (exact count)', 10, () =>
      get(`/api/members/count?unitId=${province}&q=${encoded('nguyen van an')}`),
    );
  }

  const ctx: BenchContext = {
    database,
    app,
    cookie,
    national: Boolean(serverUrl) && scaleName === 'national',
    ids: { root: root!.id, province, grassroots, branch },
    get,
    time,
  };
  // The indicators first: they generate a year of meetings when the table is (nearly) empty.
  console.log('\nBranch indicators');
  await benchIndicators(ctx);
  console.log('\nEvaluation evidence');
  await benchEvidence(ctx);
  console.log('\nEvaluation progress board');
  await benchBoard(ctx);
  console.log('\nBranch meetings');
  await benchMeetings(ctx);

  await app.close();
  await database.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
