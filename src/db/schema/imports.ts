import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { user } from './auth.js';
import { units } from './org.js';
import { bytea } from './types.js';

/** Counts of a dry run or a commit, by outcome. */
export interface ImportCounts {
  create: number;
  update: number;
  unchanged: number;
  reject: number;
  skipped: number;
}

/** Member import jobs (nhập danh sách đoàn viên từ Excel/CSV): the uploaded file, its mapping and progress. */
export const importJobs = pgTable(
  'import_jobs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    actorId: text('actor_id')
      .notNull()
      .references(() => user.id),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    defaultBranchId: uuid('default_branch_id').references(() => units.id),
    fileName: text('file_name').notNull(),
    fileKind: text('file_kind').notNull(),
    fileSize: integer('file_size').notNull(),
    /** The uploaded file as sent: dry runs, commits and the report read it again after a restart. */
    fileData: bytea('file_data').notNull(),
    status: text('status').notNull().default('queued'),
    sheetName: text('sheet_name'),
    /** The header row as numbered in the spreadsheet (1-based). */
    headerRow: integer('header_row'),
    /** Columns of the header row: [{ index, letter, header, field }] (field as detected). */
    columns: jsonb('columns').notNull().default([]),
    /** Column letter -> field, as used by the last dry run. */
    mapping: jsonb('mapping'),
    /** Column letter -> field asked for at upload or by a correction; applied over detection and saved ones. */
    requestedMapping: jsonb('requested_mapping'),
    totalRows: integer('total_rows'),
    processedRows: integer('processed_rows').notNull().default(0),
    counts: jsonb('counts').$type<ImportCounts>(),
    /** Why the job failed or why a commit was refused: { message, details }. */
    error: jsonb('error'),
    attempts: integer('attempts').notNull().default(0),
    heartbeatAt: timestamp('heartbeat_at', { withTimezone: true }),
    requestId: text('request_id'),
    commitRequestId: text('commit_request_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [
    index('import_jobs_unit_idx').on(t.unitId, t.createdAt),
    index('import_jobs_pending_idx')
      .on(t.createdAt)
      .where(sql`${t.status} in ('queued','running','committing')`),
    check(
      'import_jobs_status_check',
      sql`${t.status} in ('queued','running','dry_run_ready','committing','done','failed','cancelled')`,
    ),
    check('import_jobs_kind_check', sql`${t.fileKind} in ('xlsx','csv')`),
  ],
);

/** The outcome of each data row of a job's last dry run (or of a refused commit). */
export const importJobRows = pgTable(
  'import_job_rows',
  {
    /** The job (no foreign key: rows are written by the hundred thousand and deleted with the job's dry run). */
    jobId: uuid('job_id').notNull(),
    /** The row number as shown by the spreadsheet. */
    rowNumber: integer('row_number').notNull(),
    outcome: text('outcome').notNull(),
    /** Member fields read from the row (only the filled, mapped columns). */
    values: jsonb('values').notNull(),
    /** The "Chi đoàn" cell as written. */
    branchRef: text('branch_ref'),
    /** The branch the member will be (or stay) in. */
    unitId: uuid('unit_id'),
    /** The existing member an update changes. */
    memberId: uuid('member_id'),
    /** [{ column, header, message }] of a rejected row. */
    errors: jsonb('errors').notNull().default([]),
    /** [{ field, before, after }] of an update. */
    changes: jsonb('changes'),
    /** Name columns of a member to create: { givenName, searchName, sortKey }. */
    derived: jsonb('derived'),
  },
  (t) => [
    primaryKey({ columns: [t.jobId, t.rowNumber] }),
    index('import_job_rows_outcome_idx').on(t.jobId, t.outcome, t.rowNumber),
    check('import_job_rows_outcome_check', sql`${t.outcome} in ('create','update','unchanged','reject')`),
  ],
);

/** Column mappings saved by a unit (folded header -> field), reused for its next files and its subtree's. */
export const importMappings = pgTable('import_mappings', {
  unitId: uuid('unit_id')
    .primaryKey()
    .references(() => units.id),
  mapping: jsonb('mapping').notNull(),
  updatedBy: text('updated_by').references(() => user.id),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
