import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { createDb, type Database } from '../src/db/client.js';
import { runMigrations } from '../src/db/migrate.js';
import { ensureReferenceData } from '../src/seed/reference.js';
import { loadDemo } from '../src/seed/demo.js';
import { measureImport, writeImportFile } from '../src/modules/member-import/import-throughput.js';
import { units } from '../src/db/schema/index.js';
import { eq } from 'drizzle-orm';

/**
 * `npx tsx bench/import.ts`: import throughput. Generates an .xlsx of BENCH_IMPORT_ROWS new members
 * (100,000 by default) in a temporary folder, then uploads, dry-runs and commits it through the import service
 * as the demo cadre of Đoàn phường Hải Châu, on the demo data. PGlite on disk in a temporary folder (as the app
 * runs with DATA_DIR) unless BENCH_DATABASE_URL is set; BENCH_PGLITE=memory keeps PGlite in memory.
 */
const rows = Number(process.env.BENCH_IMPORT_ROWS ?? 100_000);
const serverUrl = process.env.BENCH_DATABASE_URL ?? '';
const work = mkdtempSync(join(tmpdir(), 'doanso-import-'));

async function openBenchDb(): Promise<Database> {
  if (!serverUrl) return createDb(process.env.BENCH_PGLITE === 'memory' ? {} : { dataDir: join(work, 'pglite') });
  const name = 'doanso_bench_import';
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return createDb({ url: url.toString() });
}

async function main(): Promise<void> {
  const database = await openBenchDb();
  try {
    await runMigrations(database);
    await ensureReferenceData(database.db);
    await loadDemo(database.db);
    const path = join(work, 'danh-sach.xlsx');
    const written = performance.now();
    await writeImportFile(path, rows, ['TDP1', 'TDP2', 'TDP3', 'TDP4', 'TDP5', 'TDP6', 'TDP7']);
    console.log(`${rows} rows written in ${((performance.now() - written) / 1000).toFixed(1)} s`);
    const [hch] = await database.db.select({ id: units.id }).from(units).where(eq(units.code, 'HCH'));
    const result = await measureImport(database, { path, unitId: hch!.id, username: 'xadoan' });
    const where =
      database.kind === 'pglite' ? `PGlite (${serverUrl ? '' : (process.env.BENCH_PGLITE ?? 'disk')})` : 'PostgreSQL';
    console.log(`import of ${result.rows} rows (${(result.fileBytes / 1024 / 1024).toFixed(1)} MiB .xlsx) on ${where}`);
    console.log(`  dry run   ${result.dryRunSeconds.toFixed(1)} s`);
    console.log(`  commit    ${result.commitSeconds.toFixed(1)} s`);
    console.log(
      `  total     ${(result.dryRunSeconds + result.commitSeconds).toFixed(1)} s, ${Math.round(result.rowsPerSecond)} rows/s`,
    );
    console.log(
      `  peak RSS  ${Math.round(result.peakRssMiB)} MiB (${Math.round(result.startRssMiB)} MiB at the start)`,
    );
    console.log(`  counts    ${JSON.stringify(result.counts)}`);
  } finally {
    await database.close();
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
