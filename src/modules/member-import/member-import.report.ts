import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { DbOrTx } from '../../db/client.js';
import type { CellIssue } from '../../domain/members/import-row.js';
import { readSheets, type FileKind } from './import-file.js';
import * as q from './member-import.queries.js';

const OUTCOME_LABELS: Record<string, string> = {
  create: 'Thêm mới',
  update: 'Cập nhật',
  unchanged: 'Không thay đổi',
  reject: 'Lỗi',
};

const DATE_FORMAT = 'dd/mm/yyyy';

/** "Cột "Số CCCD" (F): ...; Cột ..." for the error cell of a row. */
function errorCell(issues: readonly CellIssue[]): string {
  return issues.map((i) => (i.column ? `Cột "${i.header}" (${i.column}): ${i.message}` : i.message)).join('\n');
}

/** What a report is written from: the uploaded file and each stored row's outcome and problems. */
export interface ReportSource {
  bytes: Buffer;
  results: Map<number, { outcome: string; errors: unknown }>;
}

/** Reads a job's file and row results; null when the clean-up has emptied the file. */
export async function loadReportSource(db: DbOrTx, job: q.JobRow): Promise<ReportSource | null> {
  const bytes = await q.loadJobFile(db, job.id);
  if (bytes.length === 0) return null;
  const results = new Map((await q.rowResults(db, job.id)).map((r) => [r.rowNumber, r]));
  return { bytes, results };
}

/**
 * Writes the result report: the imported sheet as uploaded (same rows, same row numbers, title rows kept)
 * with two more columns after the header's last one, "Kết quả" and "Lỗi". Streamed, row by row.
 */
export async function writeReport(job: q.JobRow, source: ReportSource, out: Writable): Promise<void> {
  const { bytes, results } = source;
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet('Kết quả nhập');
  const headerRow = job.headerRow ?? 0;
  const lastColumn = Math.max(0, ...((job.columns ?? []) as { index: number }[]).map((c) => c.index)) + 1;
  sheet.getColumn(lastColumn + 1).width = 16;
  sheet.getColumn(lastColumn + 2).width = 60;
  for await (const source of readSheets(job.fileKind as FileKind, bytes, job.fileName)) {
    const matches = source.name === job.sheetName || job.fileKind === 'csv';
    for await (const row of source.rows) {
      if (!matches) continue;
      const target = sheet.getRow(row.number);
      row.cells.forEach((value, i) => {
        if (value === null) return;
        const cell = target.getCell(i + 1);
        cell.value = value;
        if (value instanceof Date) cell.numFmt = DATE_FORMAT;
      });
      const outcome = lastColumn + 1;
      if (row.number === headerRow) {
        target.getCell(outcome).value = 'Kết quả';
        target.getCell(outcome + 1).value = 'Lỗi';
        target.font = { bold: true };
      } else if (row.number > headerRow) {
        const result = results.get(row.number);
        if (result) {
          target.getCell(outcome).value = OUTCOME_LABELS[result.outcome] ?? result.outcome;
          const issues = result.errors as CellIssue[];
          if (issues.length > 0) {
            const cell = target.getCell(outcome + 1);
            cell.value = errorCell(issues);
            cell.font = { color: { argb: 'FFC00000' } };
            cell.alignment = { wrapText: true, vertical: 'top' };
          }
        }
      }
      target.commit();
    }
    if (matches) break;
  }
  await sheet.commit();
  await workbook.commit();
}
