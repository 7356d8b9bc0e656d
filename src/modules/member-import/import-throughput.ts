import { readFile } from 'node:fs/promises';
import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { Database } from '../../db/client.js';
import { user, type ImportCounts } from '../../db/schema/index.js';
import { loadActor } from '../../auth/actor.js';
import { runCommit } from './member-import.commit.js';
import type { JobControl } from './member-import.control.js';
import { runDryRun } from './member-import.dry-run.js';
import * as q from './member-import.queries.js';
import { commitImport, createImport } from './member-import.service.js';
import { FAMILY, GIVEN_FEMALE, GIVEN_MALE, MIDDLE_MALE } from '../../seed/names.js';

const GIVEN = [...GIVEN_MALE, ...GIVEN_FEMALE];
const MIDDLE = MIDDLE_MALE;
const HEADER = [
  'STT',
  'Họ và tên',
  'Ngày sinh',
  'Giới tính',
  'Dân tộc',
  'Tôn giáo',
  'Số CCCD',
  'Số điện thoại',
  'Ngày vào Đoàn',
  'Số thẻ đoàn viên',
  'Chi đoàn',
  'Chức vụ',
  'Trình độ học vấn',
  'Nghề nghiệp',
  'Quê quán',
  'Nơi ở hiện nay',
  'Đảng viên',
];

/**
 * Writes an .xlsx "Danh sách đoàn viên" of `rows` new members (streamed to `path`): title rows, the header,
 * dates as text, as Excel serials, as date cells and as a year alone, branches by code.
 */
export async function writeImportFile(path: string, rows: number, branchCodes: readonly string[]): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet('Danh sách');
  sheet.addRow(['ĐOÀN PHƯỜNG HẢI CHÂU']).commit();
  sheet.addRow(['DANH SÁCH ĐOÀN VIÊN']).commit();
  sheet.addRow([]).commit();
  sheet.addRow(HEADER).commit();
  for (let i = 0; i < rows; i++) {
    const female = i % 2 === 1;
    const name = `${FAMILY[i % FAMILY.length]} ${female ? 'Thị' : MIDDLE[i % MIDDLE.length]} ${GIVEN[i % GIVEN.length]}`;
    const day = 1 + (i % 28);
    const month = 1 + (i % 12);
    const year = 1996 + (i % 12);
    const birth =
      i % 4 === 0
        ? `${day}/${month}/${year}`
        : i % 4 === 1
          ? new Date(Date.UTC(year, month - 1, day))
          : i % 4 === 2
            ? Math.round(Date.UTC(year, month - 1, day) / 86400000) + 25569
            : String(year);
    const row = sheet.addRow([
      i + 1,
      name,
      birth,
      female ? 'Nữ' : 'Nam',
      'Kinh',
      'Không',
      `099${String(i).padStart(9, '0')}`,
      `0977${String(i).padStart(6, '0')}`,
      `26/03/${year + 16}`,
      `DVB${String(i).padStart(7, '0')}`,
      branchCodes[i % branchCodes.length],
      i % 50 === 0 ? 'Bí thư' : null,
      'THPT',
      'Công nhân',
      'Hải Châu, Đà Nẵng',
      `${1 + (i % 300)} Lê Lợi, Hải Châu`,
      i % 20 === 0 ? 'x' : null,
    ]);
    if (birth instanceof Date) row.getCell(3).numFmt = 'dd/mm/yyyy';
    row.commit();
  }
  await sheet.commit();
  await workbook.commit();
}

/** Figures of one measured import. */
export interface ImportThroughput {
  rows: number;
  fileBytes: number;
  dryRunSeconds: number;
  commitSeconds: number;
  rowsPerSecond: number;
  peakRssMiB: number;
  /** Resident memory when the import started (the database, the demo data, the file). */
  startRssMiB: number;
  counts: ImportCounts | null;
}

/**
 * Runs one import of the file at `path` through the service (upload, dry run, commit) as `username` into the unit
 * `unitId`, timing the dry run and the commit and sampling the process's resident memory.
 */
export async function measureImport(
  database: Database,
  options: { path: string; unitId: string; username: string },
): Promise<ImportThroughput> {
  const { db } = database;
  const start = process.memoryUsage().rss;
  let peak = start;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 50);
  try {
    const [account] = await db.select({ id: user.id }).from(user).where(eq(user.username, options.username));
    const actor = account ? await loadActor(db, account.id) : null;
    if (!actor) throw new Error(`no active account ${options.username}`);
    const ctx = { actor, requestId: 'bench' };
    const bytes = await readFile(options.path);
    const control: JobControl = { signal: new AbortController().signal, progress: async () => {} };
    const started = performance.now();
    const jobId = await createImport(db, ctx, { fileName: 'bench.xlsx', bytes, unitId: options.unitId });
    await runDryRun(db, (await q.findJob(db, jobId))!, control);
    const dryRunDone = performance.now();
    const [rejected] = await q.rowsByOutcome(db, jobId, ['reject'], 0, 1);
    if (rejected) throw new Error(`row ${rejected.rowNumber} rejected: ${JSON.stringify(rejected.errors)}`);
    await commitImport(db, ctx, jobId);
    await runCommit(db, (await q.findJob(db, jobId))!, control);
    const finished = performance.now();
    const job = await q.findJob(db, jobId);
    if (job?.status !== 'done') throw new Error(`import ended ${job?.status}: ${JSON.stringify(job?.error)}`);
    const rows = job.totalRows ?? 0;
    return {
      rows,
      fileBytes: bytes.length,
      dryRunSeconds: (dryRunDone - started) / 1000,
      commitSeconds: (finished - dryRunDone) / 1000,
      rowsPerSecond: rows / ((finished - started) / 1000),
      peakRssMiB: Math.max(peak, process.memoryUsage().rss) / 1024 / 1024,
      startRssMiB: start / 1024 / 1024,
      counts: job.counts,
    };
  } finally {
    clearInterval(sampler);
  }
}
