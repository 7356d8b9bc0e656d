import type { FastifyBaseLogger } from 'fastify';
import type { Database } from '../../db/client.js';
import { DomainError } from '../../domain/errors.js';
import { runCommit } from './member-import.commit.js';
import { cleanUpImports, DEFAULT_RETENTION_DAYS } from './member-import.cleanup.js';
import { JobAborted, JobCancelled, type JobControl } from './member-import.control.js';
import { runDryRun } from './member-import.dry-run.js';
import * as q from './member-import.queries.js';

/** How the worker polls, when a job's heartbeat counts as dead, and how often old jobs are cleaned up. */
export interface WorkerOptions {
  pollMs?: number;
  staleSeconds?: number;
  /** Give up a job after this many starts (a file that crashes the process must not loop forever). */
  maxAttempts?: number;
  /** Days a finished job keeps its file and rows, and an unwritten dry run stays open (default 7). */
  retentionDays?: number;
  /** At most one clean-up per this many milliseconds (default 5 minutes). */
  cleanupEveryMs?: number;
}

/**
 * The in-process worker of import jobs: a loop over a table queue (`import_jobs`) that runs dry runs and
 * commits one at a time. Jobs left `running` or `committing` by a stopped process are taken again once their
 * heartbeat is stale (at once on PGlite, which only one process can open). A dry run cancelled meanwhile stops
 * at its next batch. Every few minutes the loop also purges old jobs (`cleanUpImports`).
 */
export class ImportWorker {
  private readonly pollMs: number;
  private readonly staleSeconds: number;
  private readonly maxAttempts: number;
  private readonly abort = new AbortController();
  private wake: (() => void) | null = null;
  private loop: Promise<void> | null = null;
  private firstClaim = true;
  private readonly retentionDays: number;
  private readonly cleanupEveryMs: number;
  private lastCleanup = 0;

  constructor(
    private readonly database: Database,
    private readonly log: FastifyBaseLogger,
    options: WorkerOptions = {},
  ) {
    this.pollMs = options.pollMs ?? 1000;
    this.staleSeconds = options.staleSeconds ?? 60;
    this.maxAttempts = options.maxAttempts ?? 3;
    this.retentionDays = options.retentionDays ?? DEFAULT_RETENTION_DAYS;
    this.cleanupEveryMs = options.cleanupEveryMs ?? 5 * 60_000;
  }

  /** Starts the loop. */
  start(): void {
    this.loop ??= this.run();
  }

  /** Looks for work now (a job was queued). */
  notify(): void {
    this.wake?.();
  }

  /** Stops after the current batch; the job in hand is left for the next start. */
  async stop(): Promise<void> {
    this.abort.abort();
    this.notify();
    await this.loop;
  }

  private async run(): Promise<void> {
    while (!this.abort.signal.aborted) {
      let worked = false;
      try {
        await this.cleanUpWhenDue();
        worked = await this.runOne();
      } catch (error) {
        this.log.error({ err: error }, 'import worker failed');
      }
      if (!worked && !this.abort.signal.aborted)
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, this.pollMs);
          this.wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
      this.wake = null;
    }
  }

  /** Purges old jobs (file and rows) when the last clean-up is older than `cleanupEveryMs`. */
  private async cleanUpWhenDue(): Promise<void> {
    if (Date.now() - this.lastCleanup < this.cleanupEveryMs) return;
    this.lastCleanup = Date.now();
    const done = await cleanUpImports(this.database.db, { retentionDays: this.retentionDays });
    if (done.purged > 0) this.log.info(done, 'import jobs cleaned up');
  }

  /** Claims and runs one job; false when there was none. */
  async runOne(): Promise<boolean> {
    const { db, kind } = this.database;
    const stale = this.firstClaim && kind === 'pglite' ? 0 : this.staleSeconds;
    this.firstClaim = false;
    const job = await q.claimJob(db, stale);
    if (!job) return false;
    if (job.attempts > this.maxAttempts) {
      await this.fail(job.id, job.status, new DomainError('rule_violation', 'Xử lý tệp thất bại nhiều lần.'));
      return true;
    }
    const control: JobControl = {
      signal: this.abort.signal,
      progress: async (processed) => {
        // On PGlite a commit holds the only connection in its transaction: a beat outside it would wait forever.
        if (job.status === 'committing' && kind === 'pglite') return;
        if (!(await q.beat(db, job.id, job.status, processed))) throw new JobCancelled();
      },
    };
    try {
      if (job.status === 'committing') await runCommit(db, job, control);
      else await runDryRun(db, job, control);
    } catch (error) {
      if (error instanceof JobAborted) await q.release(db, job.id);
      else if (error instanceof JobCancelled) await this.dropCancelled(job.id);
      else await this.fail(job.id, job.status, error);
    }
    return true;
  }

  /** A dry run stopped by a cancel: the rows it stored after the cancel went are deleted too. */
  private async dropCancelled(jobId: string): Promise<void> {
    const now = await q.findJob(this.database.db, jobId);
    if (now?.status === 'cancelled') await q.deleteRows(this.database.db, jobId);
  }

  private async fail(jobId: string, status: string, error: unknown): Promise<void> {
    if (!(error instanceof DomainError)) this.log.error({ err: error, jobId }, 'import job failed');
    const message =
      error instanceof DomainError ? error.message : 'Đã có lỗi hệ thống khi xử lý tệp. Không có dữ liệu nào được ghi.';
    const details = error instanceof DomainError ? error.details : [];
    await q.updateJobIf(this.database.db, jobId, [status], {
      status: status === 'committing' ? 'dry_run_ready' : 'failed',
      error: { message, details },
      heartbeatAt: null,
      finishedAt: status === 'committing' ? null : new Date(),
    });
  }
}
