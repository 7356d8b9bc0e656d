import type { Db } from '../../db/client.js';
import { loadActor } from '../../auth/actor.js';
import { DomainError, fail } from '../../domain/errors.js';
import {
  buildMapping,
  cellText,
  findHeaderRow,
  mappingProblems,
  type CellValue,
  type ImportColumn,
  type ImportMapping,
} from '../../domain/members/import-headers.js';
import { readMemberRow, type MappedColumn } from '../../domain/members/import-row.js';
import { readSheets, type FileKind, type SheetRow } from './import-file.js';
import { classifyRows, type ClassifiedRow, type PendingRow, type RawCell } from './member-import.classify.js';
import { importContext } from './member-import.context.js';
import { BATCH_ROWS, checkAborted, JobCancelled, type JobControl } from './member-import.control.js';
import * as q from './member-import.queries.js';
import { derivedName } from './member-import.write.js';

const HEADER_SCAN_ROWS = 30;

/** The columns that feed a field under a mapping. */
export function mappedColumns(columns: readonly ImportColumn[], mapping: ImportMapping): MappedColumn[] {
  return columns.flatMap((c) => {
    const field = mapping[c.letter];
    return field ? [{ ...c, field }] : [];
  });
}

/** The non-empty cells of a row under the header's columns, as the spreadsheet shows them. */
export function rawCells(cells: readonly CellValue[], columns: readonly ImportColumn[]): RawCell[] {
  return columns.flatMap((c) => {
    const value = cellText(cells[c.index] ?? null);
    return value === '' ? [] : [{ column: c.letter, header: c.header, value }];
  });
}

/**
 * A classified row as stored. A rejected row keeps its cells as written (`derived.raw`): its values hold only the
 * cells that could be read, and the preview shows the rest as they are in the file.
 */
export function storedRow(jobId: string, row: ClassifiedRow, columns: readonly ImportColumn[] = []): q.NewJobRow {
  const raw = row.outcome === 'reject' && row.cells ? { raw: rawCells(row.cells, columns) } : null;
  return {
    jobId,
    rowNumber: row.rowNumber,
    outcome: row.outcome,
    values: row.values,
    branchRef: row.branchRef,
    unitId: row.branch?.id ?? row.existing?.unitId ?? null,
    memberId: row.existing?.id ?? null,
    errors: row.issues,
    changes: row.changes,
    derived: row.outcome === 'create' && row.values.fullName ? derivedName(row.values.fullName) : raw,
  };
}

async function* rest(head: SheetRow[], it: AsyncIterator<SheetRow>): AsyncGenerator<SheetRow> {
  yield* head;
  for (;;) {
    const next = await it.next();
    if (next.done) return;
    yield next.value;
  }
}

interface Located {
  sheetName: string;
  headerRow: number;
  columns: ImportColumn[];
  rows: AsyncIterable<SheetRow>;
}

/** The first sheet whose first rows hold a header row, positioned after the header. */
async function locateHeader(kind: FileKind, bytes: Buffer, fileName: string): Promise<Located> {
  const tried: string[] = [];
  for await (const sheet of readSheets(kind, bytes, fileName)) {
    const it = sheet.rows[Symbol.asyncIterator]();
    const head: SheetRow[] = [];
    while (head.length < HEADER_SCAN_ROWS) {
      const next = await it.next();
      if (next.done) break;
      head.push(next.value);
    }
    const found = findHeaderRow(
      head.map((r) => r.cells),
      HEADER_SCAN_ROWS,
    );
    if (!found) {
      tried.push(`"${sheet.name}"`);
      for (let next = await it.next(); !next.done; next = await it.next());
      continue;
    }
    const headerRow = head[found.rowIndex]!.number;
    return { sheetName: sheet.name, headerRow, columns: found.columns, rows: rest(head.slice(found.rowIndex + 1), it) };
  }
  throw fail.invalid(
    'file',
    `Không tìm thấy dòng tiêu đề trong ${HEADER_SCAN_ROWS} dòng đầu của ${tried.length > 1 ? 'các trang tính' : 'trang tính'} ` +
      `${tried.join(', ') || '(tệp không có trang tính nào)'}: cần một dòng có cột "Họ và tên" và ít nhất hai cột khác ` +
      'như "Ngày sinh", "Giới tính", "Số CCCD".',
  );
}

/**
 * The dry run: finds the header row, applies the mapping (detected, saved for the unit, asked for), reads
 * and classifies every row in batches, and stores each row's outcome and problems. Writes no member. Every
 * write to the job is conditional on the status it was taken in: once cancelled, `JobCancelled` stops it.
 */
export async function runDryRun(db: Db, job: q.JobRow, control: JobControl): Promise<void> {
  const actor = await loadActor(db, job.actorId);
  if (!actor) throw fail.forbidden('Tài khoản đã tải tệp lên không còn hoạt động.');
  const unitCheck = await importContext(db, actor, job);
  await q.deleteRows(db, job.id);
  const bytes = await q.loadJobFile(db, job.id);
  const located = await locateHeader(job.fileKind as FileKind, bytes, job.fileName);
  const saved = await q.savedMappingFor(db, unitCheck.unit.path);
  const mapping = buildMapping(located.columns, saved, job.requestedMapping as ImportMapping | null);
  const status = [job.status];
  const header = { sheetName: located.sheetName, headerRow: located.headerRow, columns: located.columns, mapping };
  if (!(await q.updateJobIf(db, job.id, status, header))) throw new JobCancelled();
  const problems = mappingProblems(mapping, located.columns);
  if (problems.length > 0) throw new DomainError('validation', problems[0]!.message, problems);
  const columns = mappedColumns(located.columns, mapping);
  const ctx = await importContext(db, actor, job, columns);

  let total = 0;
  let skipped = 0;
  let pending: PendingRow[] = [];
  const flush = async () => {
    const classified = await classifyRows(db, ctx, pending, false);
    await q.insertRows(
      db,
      classified.map((r) => storedRow(job.id, r, located.columns)),
    );
    pending = [];
    await control.progress(total);
    checkAborted(control);
  };
  for await (const row of located.rows) {
    total++;
    const read = readMemberRow(row.cells, columns);
    if (read.skip) {
      skipped++;
      continue;
    }
    pending.push({
      rowNumber: row.number,
      values: read.values,
      branchRef: read.branchRef,
      issues: read.issues,
      cells: row.cells,
    });
    if (pending.length >= BATCH_ROWS) await flush();
  }
  if (pending.length > 0) await flush();
  if (total === skipped)
    throw fail.invalid(
      'file',
      `Không có dòng dữ liệu nào dưới dòng tiêu đề (dòng ${located.headerRow}, trang tính "${located.sheetName}").`,
    );
  for (const [rowNumber, issues] of ctx.firstDuplicates) await q.rejectRow(db, job.id, rowNumber, issues);
  const ready = await q.updateJobIf(db, job.id, status, {
    status: 'dry_run_ready',
    totalRows: total,
    processedRows: total,
    counts: await q.countOutcomes(db, job.id, skipped),
    error: null,
    heartbeatAt: null,
  });
  if (!ready) throw new JobCancelled();
}
