import type { ImportJobDto } from '../../contracts/member-import.js';
import type { ImportColumn, ImportMapping } from '../../domain/members/import-headers.js';
import type { CellIssue } from '../../domain/members/import-row.js';
import { maskTail } from '../../domain/members/member-rules.js';
import { maskedChanges, type Change, type RawCell } from './member-import.classify.js';
import { issueText } from './member-import.control.js';
import { CANCELLABLE, type JobRow, type JobRowRecord } from './member-import.queries.js';

type PreviewRow = ImportJobDto['preview']['create'][number];

/** How rows are shown to an actor: whether CCCD and phone are masked, and the file's columns holding them. */
export interface RowMask {
  personal: boolean;
  /** Letters of the columns mapped to CCCD or phone. */
  columns: Set<string>;
}

/** The mask of a job's rows for an actor who does (or does not) see personal data. */
export function maskFor(job: JobRow, personal: boolean): RowMask {
  const mapping = (job.mapping ?? {}) as ImportMapping;
  const columns = Object.entries(mapping).flatMap(([letter, field]) =>
    field === 'cccd' || field === 'phone' ? [letter] : [],
  );
  return { personal, columns: new Set(columns) };
}

function rawOf(row: JobRowRecord, mask: RowMask): RawCell[] | null {
  if (row.outcome !== 'reject') return null;
  const raw = (row.derived as { raw?: RawCell[] } | null)?.raw;
  if (!raw) return null;
  if (mask.personal) return raw;
  return raw.map((c) => (mask.columns.has(c.column) ? { ...c, value: maskTail(c.value) ?? '' } : c));
}

/** A stored row as the preview shows it; CCCD and phone masked without the personal-data permission. */
export function toPreviewRow(row: JobRowRecord, mask: RowMask): PreviewRow {
  const { personal } = mask;
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
    raw: rawOf(row, mask),
  };
}

/** What can be done with a job in its current state (every action needs `member.write`, checked to load it). */
export function jobActions(job: JobRow, purged: boolean): ImportJobDto['actions'] {
  const actions: ImportJobDto['actions'] = [];
  const counts = job.counts;
  const columns = (job.columns ?? []) as unknown[];
  if (!purged && columns.length > 0 && (job.status === 'dry_run_ready' || job.status === 'failed'))
    actions.push('mapping');
  if (job.status === 'dry_run_ready' && counts && counts.reject === 0 && counts.create + counts.update > 0)
    actions.push('commit');
  if ((CANCELLABLE as readonly string[]).includes(job.status)) actions.push('cancel');
  if (!purged && job.headerRow !== null && ['dry_run_ready', 'committing', 'done', 'failed'].includes(job.status))
    actions.push('report');
  return actions;
}

/** A job as the API shows it. */
export function toJobDto(
  found: { job: JobRow; unitName: string; authorName: string; purged: boolean },
  preview: ImportJobDto['preview'],
): ImportJobDto {
  const { job, purged } = found;
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
    purged,
    actions: jobActions(job, purged),
    preview,
    createdBy: found.authorName,
    createdAt: job.createdAt.toISOString(),
    updatedAt: job.updatedAt.toISOString(),
    finishedAt: job.finishedAt?.toISOString() ?? null,
  };
}
