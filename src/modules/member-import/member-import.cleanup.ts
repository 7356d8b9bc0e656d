import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { rows } from '../../db/rows.js';
import { importJobRows, importJobs, units } from '../../db/schema/index.js';
import { audit } from '../audit/audit.service.js';

/** Days a finished job keeps its file and rows, and an unwritten dry run stays open, unless configured. */
export const DEFAULT_RETENTION_DAYS = 7;

/**
 * The retention from `IMPORT_RETENTION_DAYS` (whole days, at least 1; 7 when unset). Read once when the routes are
 * registered; a wrong value stops the start with a message.
 */
export function retentionDaysFrom(env: Record<string, string | undefined>): number {
  const text = env.IMPORT_RETENTION_DAYS?.trim();
  if (!text) return DEFAULT_RETENTION_DAYS;
  const days = Number(text);
  if (!Number.isInteger(days) || days < 1)
    throw new Error(`IMPORT_RETENTION_DAYS phải là một số nguyên ngày từ 1 trở lên (đang là "${text}").`);
  return days;
}

/** What a clean-up is told. */
export interface CleanupOptions {
  /** Days after which finished jobs are purged and unwritten dry runs are closed and purged. */
  retentionDays: number;
  /** The clock (tests). */
  now?: Date;
  /** Jobs purged per call at most (the next call takes the rest). */
  limit?: number;
}

/** What a clean-up did. */
export interface CleanupResult {
  /** Jobs whose file and rows were deleted. */
  purged: number;
  /** Of those, dry runs left unwritten that were closed as cancelled. */
  expired: number;
  /** Dry-run rows deleted. */
  rows: number;
}

/** Why an abandoned dry run was closed, shown with the job. */
export function expiredMessage(days: number): string {
  return (
    `Lượt nhập đã tự động bị hủy vì kết quả kiểm tra không được ghi vào hồ sơ trong ${days} ngày. ` +
    'Không có dữ liệu nào được ghi: hãy tải tệp lên lại nếu vẫn cần nhập.'
  );
}

const FINISHED = sql`status in ('done','failed','cancelled')`;

/**
 * Purges old import jobs: finished ones (done, failed, cancelled) whose `finished_at` is older than the retention,
 * and dry runs left `dry_run_ready` without a change for as long (those are closed as `cancelled`, so they can no
 * longer be written). Their file is emptied and their dry-run rows deleted; the job row stays as history (file
 * name, size, counts, author, dates). One transaction and one audit row (no actor: the system) per job; a job a
 * user touched meanwhile (a commit asked for) is left alone by the conditional update.
 */
export async function cleanUpImports(db: Db, options: CleanupOptions): Promise<CleanupResult> {
  const now = options.now ?? new Date();
  const cutoff = new Date(now.getTime() - options.retentionDays * 86_400_000).toISOString();
  const due = sql`octet_length(file_data) > 0 and (
      (${FINISHED} and finished_at < ${cutoff}::timestamptz)
      or (status = 'dry_run_ready' and updated_at < ${cutoff}::timestamptz))`;
  const candidates = await rows<{ id: string }>(
    db,
    sql`select id from ${importJobs} where ${due} order by created_at limit ${options.limit ?? 100}`,
  );
  const result: CleanupResult = { purged: 0, expired: 0, rows: 0 };
  const message = JSON.stringify({ message: expiredMessage(options.retentionDays), details: [] });
  for (const { id } of candidates) {
    await db.transaction(async (tx) => {
      const [job] = await rows<{
        before: string;
        status: string;
        file_name: string;
        unit_id: string;
        unit_path: string;
      }>(
        tx,
        sql`
        with old as (select id, status from ${importJobs} where id = ${id}::uuid and ${due} for update)
        update ${importJobs} j set
          file_data = ''::bytea,
          status = case when old.status = 'dry_run_ready' then 'cancelled' else old.status end,
          error = case when old.status = 'dry_run_ready' then ${message}::jsonb else j.error end,
          finished_at = coalesce(j.finished_at, ${now.toISOString()}::timestamptz),
          heartbeat_at = null,
          updated_at = ${now.toISOString()}::timestamptz
        from old, ${units} u
        where j.id = old.id and u.id = j.unit_id
        returning old.status as before, j.status, j.file_name, j.unit_id, u.path as unit_path`,
      );
      if (!job) return;
      const deleted = await rows<{ n: number }>(
        tx,
        sql`with gone as (delete from ${importJobRows} where job_id = ${id}::uuid returning 1)
            select count(*)::int as n from gone`,
      );
      const n = deleted[0]?.n ?? 0;
      await audit(
        tx,
        { actor: null, requestId: null },
        {
          entity: 'member_import',
          entityId: id,
          action: job.before === 'dry_run_ready' ? 'expire' : 'purge',
          unitId: job.unit_id,
          unitPath: job.unit_path,
          before: { status: job.before, rows: n },
          after: { status: job.status, fileName: job.file_name, fileDeleted: true },
        },
      );
      result.purged++;
      result.rows += n;
      if (job.before === 'dry_run_ready') result.expired++;
    });
  }
  return result;
}
