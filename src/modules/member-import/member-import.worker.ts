import type { FastifyBaseLogger } from 'fastify';
import type { Database } from '../../db/client.js';
import { DomainError } from '../../domain/errors.js';
import { runCommit } from './member-import.commit.js';
import { JobAborted, type JobControl } from './member-import.control.js';
import { runDryRun } from './member-import.dry-run.js';
import * as q from './member-import.queries.js';

/** How the worker polls and when a job's heartbeat counts as dead. */
export interface WorkerOptions {
  pollMs?: number;
  staleSeconds?: number;
  /** Give up a job after this many starts (a file that crashes the process must not loop forever). */
  maxAttempts?: number;
}

/**
 * The in-process worker of import jobs: a loop over a table queue (`import_jobs`) that runs dry runs and
 * commits one at a time. Jobs left `running` or `committing` by a stopped process are taken again once their
 * heartbeat is stale (at once on PGlite, which only one process can open).
 */
export class ImportWorker {
  private readonly pollMs: number;
  private readonly staleSeconds: number;
  private readonly maxAttempts: number;
  private readonly abort = new AbortController();
  private wake: (() => void) | null = null;
  private loop: Promise<void> | null = null;
  private firstClaim = true;

  constructor(
    private readonly database: Database,
    private readonly log: FastifyBaseLogger,
    options: WorkerOptions = {},
  ) {
    this.pollMs = options.pollMs ?? 1000;
    this.staleSeconds = options.staleSeconds ?? 60;
    this.maxAttempts = options.maxAttempts ?? 3;
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
        if (job.status === 'running' || kind === 'postgres') await q.beat(db, job.id, processed);
      },
    };
    try {
      if (job.status === 'committing') await runCommit(db, job, control);
      else await runDryRun(db, job, control);
    } catch (error) {
      if (error instanceof JobAborted) await q.release(db, job.id);
      else await this.fail(job.id, job.status, error);
    }
    return true;
  }

  private async fail(jobId: string, status: string, error: unknown): Promise<void> {
    if (!(error instanceof DomainError)) this.log.error({ err: error, jobId }, 'import job failed');
    const message =
      error instanceof DomainError ? error.message : 'Đã có lỗi hệ thống khi xử lý tệp. Không có dữ liệu nào được ghi.';
    const details = error instanceof DomainError ? error.details : [];
    await q.updateJob(this.database.db, jobId, {
      status: status === 'committing' ? 'dry_run_ready' : 'failed',
      error: { message, details },
      heartbeatAt: null,
      finishedAt: status === 'committing' ? null : new Date(),
    });
  }
}
