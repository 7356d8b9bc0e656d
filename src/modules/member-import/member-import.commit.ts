import { sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.js';
import { importJobRows, type ImportCounts } from '../../db/schema/index.js';
import { loadActor } from '../../auth/actor.js';
import { fail } from '../../domain/errors.js';
import type { ImportColumn, ImportMapping } from '../../domain/members/import-headers.js';
import type { ImportValues } from '../../domain/members/import-row.js';
import { todayInVietnam } from '../../domain/text/dates.js';
import { audit } from '../audit/audit.service.js';
import { classifyRows, type ClassifiedRow, type ImportContext, type PendingRow } from './member-import.classify.js';
import { importContext } from './member-import.context.js';
import { BATCH_ROWS, checkAborted, issueText, type JobControl } from './member-import.control.js';
import { mappedColumns } from './member-import.dry-run.js';
import * as q from './member-import.queries.js';
import { createFailures, insertCreates, type Failure } from './member-import.create.js';
import { writeUpdateBatch, type ProvinceCache, type WriteTally } from './member-import.write.js';

class CommitRefused extends Error {
  constructor(readonly failures: Failure[]) {
    super('import commit refused');
  }
}

function toPending(row: q.StoredValues): PendingRow {
  return { rowNumber: row.rowNumber, values: row.values as ImportValues, branchRef: row.branchRef, issues: [] };
}

function failureOf(ctx: ImportContext, stored: q.StoredValues, now: ClassifiedRow): Failure | null {
  if (now.outcome === 'reject') return { rowNumber: now.rowNumber, issues: now.issues };
  const flipped = (stored.outcome === 'create') !== (now.outcome === 'create');
  if (!flipped) return null;
  const column = ctx.columns.get('cccd');
  const message =
    now.outcome === 'create'
      ? 'Hồ sơ có số CCCD này không còn đang sinh hoạt trong đơn vị từ lúc kiểm tra: hãy kiểm tra lại.'
      : 'Số CCCD này vừa được thêm vào một hồ sơ khác từ lúc kiểm tra: hãy kiểm tra lại.';
  return {
    rowNumber: now.rowNumber,
    issues: [{ column: column?.letter ?? '', header: column?.header ?? '', message }],
  };
}

async function recordFailures(db: DbOrTx, jobId: string, failures: Failure[]): Promise<void> {
  for (let i = 0; i < failures.length; i += BATCH_ROWS) {
    const json = JSON.stringify(
      failures.slice(i, i + BATCH_ROWS).map((f) => ({ row_number: f.rowNumber, errors: f.issues })),
    );
    await db.execute(sql`
      update ${importJobRows} r set outcome = 'reject', errors = v.errors
      from jsonb_to_recordset(${json}::jsonb) as v(row_number int, errors jsonb)
      where r.job_id = ${jobId}::uuid and r.row_number = v.row_number`);
  }
}

/** Updates: re-classified against the members as they are now (locked), then written batch by batch. */
async function commitUpdates(
  tx: DbOrTx,
  ctx: ImportContext,
  job: q.JobRow,
  tally: WriteTally,
  failures: Failure[],
  write: (rows: ClassifiedRow[]) => Promise<void>,
): Promise<void> {
  let after = 0;
  for (;;) {
    const stored = await q.storedValues(tx, job.id, ['update'], after, BATCH_ROWS);
    if (stored.length === 0) return;
    after = stored[stored.length - 1]!.rowNumber;
    const classified = await classifyRows(tx, ctx, stored.map(toPending), true);
    classified.forEach((row, i) => {
      const failure = failureOf(ctx, stored[i]!, row);
      if (failure) failures.push(failure);
    });
    if (failures.length === 0) await write(classified);
  }
}

/**
 * The commit, in one transaction with one audit row. Everything the database may have changed since the dry
 * run is checked again: the unit and the actor's rights, each new member's branch and CCCD (set-based), each
 * updated member (locked, classified again). If any row no longer passes, nothing is written: the rows are
 * marked rejected with the reasons and the job goes back to `dry_run_ready`. New members are inserted straight
 * from the stored rows; rows found unchanged are not written.
 */
export async function runCommit(db: Db, job: q.JobRow, control: JobControl): Promise<void> {
  const actor = await loadActor(db, job.actorId);
  if (!actor) throw fail.forbidden('Tài khoản đã tải tệp lên không còn hoạt động.');
  const columns = mappedColumns((job.columns ?? []) as ImportColumn[], (job.mapping ?? {}) as ImportMapping);
  const skipped = job.counts?.skipped ?? 0;
  const today = todayInVietnam();
  try {
    await db.transaction(async (tx) => {
      const ctx = { ...(await importContext(tx, actor, job, columns)), checkValues: false };
      const tally: WriteTally = { create: 0, update: 0, unchanged: await q.countStored(tx, job.id, 'unchanged') };
      const cache: ProvinceCache = new Map();
      const failures = await createFailures(tx, ctx, job.id);
      await commitUpdates(tx, ctx, job, tally, failures, async (rows) => {
        await writeUpdateBatch(tx, rows, tally, cache, today, actor.userId);
        await control.progress(tally.update);
        checkAborted(control);
      });
      for (const [rowNumber, issues] of ctx.firstDuplicates) failures.push({ rowNumber, issues });
      if (failures.length > 0) throw new CommitRefused(failures);
      tally.create = await insertCreates(tx, ctx, job.id, cache, today, actor.userId, async (created) => {
        await control.progress(tally.update + created);
        checkAborted(control);
      });
      const counts: ImportCounts = { ...tally, reject: 0, skipped };
      await audit(
        tx,
        { actor, requestId: job.commitRequestId },
        {
          entity: 'member_import',
          entityId: job.id,
          action: 'commit',
          unitId: ctx.unit.id,
          unitPath: ctx.unit.path,
          after: {
            fileName: job.fileName,
            rows: job.totalRows,
            created: tally.create,
            updated: tally.update,
            unchanged: tally.unchanged,
            skipped,
          },
        },
      );
      await q.updateJob(tx, job.id, {
        status: 'done',
        counts,
        processedRows: job.totalRows ?? 0,
        error: null,
        heartbeatAt: null,
        finishedAt: new Date(),
      });
    });
  } catch (error) {
    if (!(error instanceof CommitRefused)) throw error;
    const { failures } = error;
    failures.sort((a, b) => a.rowNumber - b.rowNumber);
    await recordFailures(db, job.id, failures);
    const texts = failures.slice(0, 20).flatMap((f) => f.issues.map((i) => issueText(f.rowNumber, i)));
    await q.updateJob(db, job.id, {
      status: 'dry_run_ready',
      counts: await q.countOutcomes(db, job.id, skipped),
      heartbeatAt: null,
      error: {
        message:
          `Không ghi được: ${failures.length} dòng không còn hợp lệ so với lúc kiểm tra. ` +
          `Không có dữ liệu nào được ghi. ${texts[0] ?? ''}`.trim(),
        details: texts,
      },
    });
  }
}
