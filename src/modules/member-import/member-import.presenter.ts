import type { ImportJobDto } from '../../contracts/member-import.js';
import type { ImportColumn, ImportMapping } from '../../domain/members/import-headers.js';
import type { CellIssue } from '../../domain/members/import-row.js';
import { maskTail } from '../../domain/members/member-rules.js';
import { maskedChanges, type Change } from './member-import.classify.js';
import { issueText } from './member-import.control.js';
import type { JobRow, JobRowRecord } from './member-import.queries.js';

type PreviewRow = ImportJobDto['preview']['create'][number];

/** A stored row as the preview shows it; CCCD and phone masked without the personal-data permission. */
export function toPreviewRow(row: JobRowRecord, personal: boolean): PreviewRow {
  const values = { ...(row.values as Record<string, unknown>) };
  if (!personal)
    for (const key of ['cccd', 'phone'])
      if (typeof values[key] === 'string') values[key] = maskTail(values[key] as string);
  const errors = (row.errors as CellIssue[]).map((i) => ({ ...i, text: issueText(row.rowNumber, i) }));
  return {
    row: row.rowNumber,
    outcome: row.outcome as PreviewRow['outcome'],
    values,
    branchRef: row.branchRef,
    unitId: row.unitId,
    memberId: row.memberId,
    errors,
    changes: row.changes ? maskedChanges(row.changes as Change[], personal) : null,
  };
}

/** A job as the API shows it. */
export function toJobDto(
  found: { job: JobRow; unitName: string; authorName: string },
  preview: ImportJobDto['preview'],
): ImportJobDto {
  const { job } = found;
  const mapping = (job.mapping ?? null) as ImportMapping | null;
  return {
    id: job.id,
    unitId: job.unitId,
    unitName: found.unitName,
    defaultBranchId: job.defaultBranchId,
    fileName: job.fileName,
    fileKind: job.fileKind as ImportJobDto['fileKind'],
    fileSize: job.fileSize,
    status: job.status as ImportJobDto['status'],
    sheetName: job.sheetName,
    headerRow: job.headerRow,
    columns: ((job.columns ?? []) as ImportColumn[]).map((c) => ({
      index: c.index,
      letter: c.letter,
      header: c.header,
      detected: c.field,
      field: mapping?.[c.letter] ?? null,
    })),
    mapping,
    totalRows: job.totalRows,
    processedRows: job.processedRows,
    counts: job.counts ?? null,
    error: (job.error ?? null) as ImportJobDto['error'],
    preview,
    createdBy: found.authorName,
    createdAt: job.createdAt.toISOString(),
    updatedAt: job.updatedAt.toISOString(),
    finishedAt: job.finishedAt?.toISOString() ?? null,
  };
}
