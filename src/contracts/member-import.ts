import { z } from 'zod';
import { IMPORT_FIELD_KEYS } from '../domain/members/import-fields.js';
import { id } from './common.js';
import { memberListQuery } from './members.js';

/** The largest file accepted for an import. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

/** A member field a column can feed; `branch` is the "Chi đoàn" column. */
export const importField = z.enum(IMPORT_FIELD_KEYS, { error: 'Trường không hợp lệ.' });

/** Column letter ("A", "B", ...) -> field; null leaves the column out. */
export const importMapping = z.record(
  z.string().regex(/^[A-Z]{1,3}$/, { error: 'Cột phải là chữ cái như A, B, AA.' }),
  importField.nullable(),
);
export type ImportMappingDto = z.infer<typeof importMapping>;

/** Text fields of the multipart upload (besides `file`). */
export const importUploadFields = z.object({
  /** The unit the file belongs to: members are placed in its branches. */
  unitId: id,
  /** The branch for rows without a "Chi đoàn" column or cell. */
  defaultBranchId: id.optional(),
  /** JSON of a column mapping applied over the detected one. */
  mapping: z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (!v) return undefined;
      try {
        return JSON.parse(v) as unknown;
      } catch {
        ctx.addIssue({ code: 'custom', message: 'Ánh xạ cột phải là JSON.' });
        return z.NEVER;
      }
    })
    .pipe(importMapping.optional()),
});

/** A corrected mapping; `save: true` keeps it for the unit's next files. */
export const importMappingBody = z.object({
  mapping: importMapping,
  save: z.boolean().default(false),
});

/** A target field with its Vietnamese label, for the mapping step. */
export const importFieldDto = z.object({
  key: importField,
  label: z.string(),
  /** Needed to create a member. */
  required: z.boolean(),
  kind: z.string(),
});
export const importFieldsResponse = z.object({ fields: z.array(importFieldDto) });

/** Where a job stands. */
export const IMPORT_STATUSES = [
  'queued',
  'running',
  'dry_run_ready',
  'committing',
  'done',
  'failed',
  'cancelled',
] as const;
/** What can be done with a job now: correct the mapping, write it, cancel it, download its report. */
export const IMPORT_ACTIONS = ['mapping', 'commit', 'cancel', 'report'] as const;
export const IMPORT_OUTCOMES = ['create', 'update', 'unchanged', 'reject'] as const;

/** A column of the file's header row. */
export const importColumnDto = z.object({
  index: z.number().int(),
  letter: z.string(),
  header: z.string(),
  /** The field detected from the header. */
  detected: importField.nullable(),
  /** The field the last dry run used. */
  field: importField.nullable(),
});

/** A problem in a row: the column as in the file, and a message naming row and column. */
export const importIssueDto = z.object({
  column: z.string(),
  header: z.string(),
  message: z.string(),
  /** "Dòng 7, cột "Số CCCD" (F): ..." */
  text: z.string(),
});

/** A cell of a rejected row as written in the file (CCCD and phone masked without the personal-data permission). */
export const importRawCellDto = z.object({ column: z.string(), header: z.string(), value: z.string() });

/** A field an update changes. */
export const importChangeDto = z.object({ field: z.string(), before: z.unknown(), after: z.unknown() });

/** A row of the dry run as shown in the preview. */
export const importPreviewRow = z.object({
  row: z.number().int(),
  outcome: z.enum(IMPORT_OUTCOMES),
  values: z.record(z.string(), z.unknown()),
  branchRef: z.string().nullable(),
  unitId: id.nullable(),
  memberId: id.nullable(),
  errors: z.array(importIssueDto),
  changes: z.array(importChangeDto).nullable(),
  /** The non-empty cells of a rejected row as in the file (null for other rows). */
  raw: z.array(importRawCellDto).nullable(),
});

/** Rows by outcome. */
export const importCounts = z.object({
  create: z.number().int(),
  update: z.number().int(),
  unchanged: z.number().int(),
  reject: z.number().int(),
  /** Rows without name, CCCD or birth date (titles, footers, column numbers). */
  skipped: z.number().int(),
});

/** An import job: status, progress, the header row, mapping, counts, and the first rows of each outcome. */
export const importJobDto = z.object({
  id,
  unitId: id,
  unitName: z.string(),
  defaultBranchId: id.nullable(),
  fileName: z.string(),
  fileKind: z.enum(['xlsx', 'csv']),
  fileSize: z.number().int(),
  status: z.enum(IMPORT_STATUSES),
  sheetName: z.string().nullable(),
  headerRow: z.number().int().nullable(),
  columns: z.array(importColumnDto),
  mapping: importMapping.nullable(),
  /** Data rows in the file (known once the file has been read). */
  totalRows: z.number().int().nullable(),
  processedRows: z.number().int(),
  counts: importCounts.nullable(),
  error: z.object({ message: z.string(), details: z.unknown() }).nullable(),
  /** The file and the rows were deleted after the retention period; the job stays as history. */
  purged: z.boolean(),
  /** What the actor can do with the job now. */
  actions: z.array(z.enum(IMPORT_ACTIONS)),
  preview: z.object({
    create: z.array(importPreviewRow),
    update: z.array(importPreviewRow),
    unchanged: z.array(importPreviewRow),
    reject: z.array(importPreviewRow),
  }),
  createdBy: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type ImportJobDto = z.infer<typeof importJobDto>;

/** Recent jobs of a unit's subtree (without preview). */
export const importJobList = z.object({ items: z.array(importJobDto.omit({ preview: true, columns: true })) });

/** Jobs of a unit. */
export const importJobListQuery = z.object({ unitId: id });

/** Rows of a job by outcome, paged by row number (for the full list of problems). */
export const importRowsQuery = z.object({
  outcome: z.enum(IMPORT_OUTCOMES).default('reject'),
  after: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export const importRowsPage = z.object({ items: z.array(importPreviewRow), next: z.number().int().nullable() });

/** Filters of an export: those of `GET /api/members` without paging. */
export const memberExportQuery = memberListQuery.omit({ limit: true, cursor: true });
export type MemberExportQuery = z.output<typeof memberExportQuery>;
