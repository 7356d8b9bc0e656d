import type { CellIssue } from '../../domain/members/import-row.js';

/**
 * What the worker gives a running job: a stop signal and a way to report progress (and stay alive). `progress`
 * throws `JobCancelled` when the job was cancelled in the meantime.
 */
export interface JobControl {
  signal: AbortSignal;
  progress(processedRows: number): Promise<void>;
}

/** Thrown between batches when the app stops; the job is left for the next worker. */
export class JobAborted extends Error {
  constructor() {
    super('import job aborted');
    this.name = 'JobAborted';
  }
}

/** Thrown when the job is no longer in the status the worker took it in (cancelled): the worker writes nothing more. */
export class JobCancelled extends Error {
  constructor() {
    super('import job cancelled');
    this.name = 'JobCancelled';
  }
}

/** Stops the job when the app is stopping. */
export function checkAborted(control: JobControl): void {
  if (control.signal.aborted) throw new JobAborted();
}

/** Rows per batch: classified, stored and written together. */
export const BATCH_ROWS = 1000;

/** "Dòng 7, cột "Số CCCD" (F): ..." */
export function issueText(rowNumber: number, issue: CellIssue): string {
  const where = issue.column ? `Dòng ${rowNumber}, cột "${issue.header}" (${issue.column})` : `Dòng ${rowNumber}`;
  return `${where}: ${issue.message}`;
}
