import { and, asc, desc, eq, getTableColumns, gt, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { rows } from '../../db/rows.js';
import { importJobRows, importJobs, importMappings, units, user, type ImportCounts } from '../../db/schema/index.js';
import { withinScope } from '../../db/scope.js';
import type { SavedMapping } from '../../domain/members/import-headers.js';

const { fileData: _file, ...jobColumns } = getTableColumns(importJobs);

/** A job as stored, without the file. */
export type JobRow = Omit<typeof importJobs.$inferSelect, 'fileData'>;
/** A dry-run row as stored. */
export type JobRowRecord = typeof importJobRows.$inferSelect;
/** A dry-run row to store. */
export type NewJobRow = typeof importJobRows.$inferInsert;

/** Inserts a queued job and returns its id. */
export async function insertJob(db: DbOrTx, values: typeof importJobs.$inferInsert): Promise<string> {
  const [row] = await db.insert(importJobs).values(values).returning({ id: importJobs.id });
  if (!row) throw new Error('insert returned no row');
  return row.id;
}

/** The file was emptied by the clean-up (octet_length reads the stored length, not the file). */
const purged = sql<boolean>`octet_length(${importJobs.fileData}) = 0`;

/** A job whose unit lies in the scope, with the unit's name and path, the author's name, and whether it was purged. */
export async function findJobInScope(db: DbOrTx, scope: readonly string[], jobId: string) {
  const [row] = await db
    .select({ job: jobColumns, unitName: units.name, unitPath: units.path, authorName: user.name, purged })
    .from(importJobs)
    .innerJoin(units, eq(units.id, importJobs.unitId))
    .innerJoin(user, eq(user.id, importJobs.actorId))
    .where(and(eq(importJobs.id, jobId), withinScope(units.path, scope)));
  return row ?? null;
}

/** A job by id (the worker's view, no scope). */
export async function findJob(db: DbOrTx, jobId: string): Promise<JobRow | null> {
  const [row] = await db.select(jobColumns).from(importJobs).where(eq(importJobs.id, jobId));
  return row ?? null;
}

/** The latest jobs of a unit's subtree, inside the scope. */
export async function listJobs(db: DbOrTx, scope: readonly string[], unitPath: string, limit = 20) {
  return db
    .select({ job: jobColumns, unitName: units.name, unitPath: units.path, authorName: user.name, purged })
    .from(importJobs)
    .innerJoin(units, eq(units.id, importJobs.unitId))
    .innerJoin(user, eq(user.id, importJobs.actorId))
    .where(and(withinScope(units.path, scope), sql`${units.path} <@ ${unitPath}::ltree`))
    .orderBy(desc(importJobs.createdAt))
    .limit(limit);
}

/** The uploaded file of a job (empty once the clean-up has purged it). */
export async function loadJobFile(db: DbOrTx, jobId: string): Promise<Buffer> {
  const [row] = await db.select({ data: importJobs.fileData }).from(importJobs).where(eq(importJobs.id, jobId));
  if (!row) throw new Error(`import job ${jobId} has no file`);
  return row.data;
}

/** Changes a job's columns; `updated_at` follows. */
export async function updateJob(db: DbOrTx, jobId: string, patch: Partial<typeof importJobs.$inferInsert>) {
  await db
    .update(importJobs)
    .set({ ...patch, updatedAt: new Date() })
    .where(eq(importJobs.id, jobId));
}

/** Changes a job only while it is still in one of `statuses`; false when it is not (cancelled meanwhile). */
export async function updateJobIf(
  db: DbOrTx,
  jobId: string,
  statuses: readonly string[],
  patch: Partial<typeof importJobs.$inferInsert>,
): Promise<boolean> {
  const changed = await db
    .update(importJobs)
    .set({ ...patch, updatedAt: new Date() })
    .where(and(eq(importJobs.id, jobId), inArray(importJobs.status, [...statuses])))
    .returning({ id: importJobs.id });
  return changed.length > 0;
}

/**
 * Takes the oldest job waiting for the worker: queued, or running/committing with no live heartbeat
 * (its process stopped). One statement with SKIP LOCKED, so two app instances never take the same job.
 */
export async function claimJob(db: DbOrTx, staleSeconds: number): Promise<JobRow | null> {
  const claimed = await rows<{ id: string }>(
    db,
    sql`
    update ${importJobs} set
      status = case when status = 'queued' then 'running' else status end,
      heartbeat_at = now(), attempts = attempts + 1, updated_at = now()
    where id = (
      select id from ${importJobs}
      where status in ('queued','running','committing')
        and (heartbeat_at is null or heartbeat_at < now() - make_interval(secs => ${staleSeconds}))
      order by created_at
      limit 1
      for update skip locked)
    returning id`,
  );
  const id = claimed[0]?.id;
  return id ? findJob(db, id) : null;
}

/** Marks a job as alive (and its progress) while it is still in `status`; false when it is not (cancelled). */
export async function beat(db: DbOrTx, jobId: string, status: string, processedRows?: number): Promise<boolean> {
  const alive = await db
    .update(importJobs)
    .set({ heartbeatAt: new Date(), ...(processedRows !== undefined ? { processedRows } : {}) })
    .where(and(eq(importJobs.id, jobId), eq(importJobs.status, status)))
    .returning({ id: importJobs.id });
  return alive.length > 0;
}

/** Statuses a job can be cancelled from: before its commit starts. */
export const CANCELLABLE = ['queued', 'running', 'dry_run_ready'] as const;

/** Cancels a job still queued, being checked or checked; false when it has moved on (a commit started). */
export async function cancelJob(db: DbOrTx, jobId: string): Promise<boolean> {
  const now = new Date();
  const cancelled = await db
    .update(importJobs)
    .set({ status: 'cancelled', error: null, heartbeatAt: null, finishedAt: now, updatedAt: now })
    .where(and(eq(importJobs.id, jobId), inArray(importJobs.status, [...CANCELLABLE])))
    .returning({ id: importJobs.id });
  return cancelled.length > 0;
}

/** Forgets a job's heartbeat so that the next worker takes it at once (the app is stopping). */
export async function release(db: DbOrTx, jobId: string): Promise<void> {
  await db.update(importJobs).set({ heartbeatAt: null }).where(eq(importJobs.id, jobId));
}

/** Stores dry-run rows: one statement per batch, the rows as one JSON parameter. */
export async function insertRows(db: DbOrTx, values: NewJobRow[]): Promise<void> {
  if (values.length === 0) return;
  const json = JSON.stringify(
    values.map((v) => ({
      job_id: v.jobId,
      row_number: v.rowNumber,
      outcome: v.outcome,
      values: v.values,
      branch_ref: v.branchRef ?? null,
      unit_id: v.unitId ?? null,
      member_id: v.memberId ?? null,
      errors: v.errors ?? [],
      changes: v.changes ?? null,
      derived: v.derived ?? null,
    })),
  );
  await db.execute(sql`
    insert into ${importJobRows}
      (job_id, row_number, outcome, values, branch_ref, unit_id, member_id, errors, changes, derived)
    select job_id, row_number, outcome, values, branch_ref, unit_id, member_id, errors, changes, derived
    from jsonb_populate_recordset(null::import_job_rows, ${json}::jsonb)`);
}

/** Drops a job's dry-run rows (before a new dry run). */
export async function deleteRows(db: DbOrTx, jobId: string): Promise<void> {
  await db.delete(importJobRows).where(eq(importJobRows.jobId, jobId));
}

/** Rejects one stored row with more problems (a CCCD found again further down the file). */
export async function rejectRow(db: DbOrTx, jobId: string, rowNumber: number, errors: unknown[]): Promise<void> {
  await db
    .update(importJobRows)
    .set({ outcome: 'reject', errors: sql`${importJobRows.errors} || ${JSON.stringify(errors)}::jsonb` })
    .where(and(eq(importJobRows.jobId, jobId), eq(importJobRows.rowNumber, rowNumber)));
}

/** Rows by outcome. */
export async function countOutcomes(db: DbOrTx, jobId: string, skipped: number): Promise<ImportCounts> {
  const found = await db
    .select({ outcome: importJobRows.outcome, n: sql<number>`count(*)::int` })
    .from(importJobRows)
    .where(eq(importJobRows.jobId, jobId))
    .groupBy(importJobRows.outcome);
  const counts: ImportCounts = { create: 0, update: 0, unchanged: 0, reject: 0, skipped };
  for (const r of found) counts[r.outcome as keyof ImportCounts] = r.n;
  return counts;
}

/** Rows of one outcome after a row number (keyset). */
export async function rowsByOutcome(
  db: DbOrTx,
  jobId: string,
  outcomes: readonly string[],
  afterRow: number,
  limit: number,
): Promise<JobRowRecord[]> {
  return db
    .select()
    .from(importJobRows)
    .where(
      and(
        eq(importJobRows.jobId, jobId),
        inArray(importJobRows.outcome, [...outcomes]),
        gt(importJobRows.rowNumber, afterRow),
      ),
    )
    .orderBy(asc(importJobRows.rowNumber))
    .limit(limit);
}

/** What a commit reads back of each row, after a row number (keyset). */
export type StoredValues = Pick<JobRowRecord, 'rowNumber' | 'outcome' | 'values' | 'branchRef'>;

/** The values of the stored rows of some outcomes after a row number (keyset), for the commit. */
export async function storedValues(
  db: DbOrTx,
  jobId: string,
  outcomes: readonly string[],
  afterRow: number,
  limit: number,
): Promise<StoredValues[]> {
  return db
    .select({
      rowNumber: importJobRows.rowNumber,
      outcome: importJobRows.outcome,
      values: importJobRows.values,
      branchRef: importJobRows.branchRef,
    })
    .from(importJobRows)
    .where(
      and(
        eq(importJobRows.jobId, jobId),
        inArray(importJobRows.outcome, [...outcomes]),
        gt(importJobRows.rowNumber, afterRow),
      ),
    )
    .orderBy(asc(importJobRows.rowNumber))
    .limit(limit);
}

/** Stored rows by outcome. */
export async function countStored(db: DbOrTx, jobId: string, outcome: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(importJobRows)
    .where(and(eq(importJobRows.jobId, jobId), eq(importJobRows.outcome, outcome)));
  return row?.n ?? 0;
}

/** Outcome and problems of every stored row (the report). */
export async function rowResults(db: DbOrTx, jobId: string) {
  return db
    .select({ rowNumber: importJobRows.rowNumber, outcome: importJobRows.outcome, errors: importJobRows.errors })
    .from(importJobRows)
    .where(eq(importJobRows.jobId, jobId));
}

/** The mapping saved by the unit at `path` or its nearest ancestor. */
export async function savedMappingFor(db: DbOrTx, path: string): Promise<SavedMapping | null> {
  const [row] = await db
    .select({ mapping: importMappings.mapping })
    .from(importMappings)
    .innerJoin(units, eq(units.id, importMappings.unitId))
    .where(sql`${units.path} @> ${path}::ltree`)
    .orderBy(desc(sql`nlevel(${units.path})`))
    .limit(1);
  return (row?.mapping as SavedMapping | undefined) ?? null;
}

/** Saves a unit's mapping, merged over the headers it saved before. */
export async function saveMapping(db: DbOrTx, unitId: string, mapping: SavedMapping, actorId: string) {
  await db
    .insert(importMappings)
    .values({ unitId, mapping, updatedBy: actorId })
    .onConflictDoUpdate({
      target: importMappings.unitId,
      set: { mapping: sql`${importMappings.mapping} || excluded.mapping`, updatedBy: actorId, updatedAt: new Date() },
    });
}
