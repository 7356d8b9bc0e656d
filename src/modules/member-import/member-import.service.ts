import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Writable } from 'node:stream';
import type { Db, DbOrTx } from '../../db/client.js';
import { importJobs } from '../../db/schema/index.js';
import { authorize, scopeOf, type Actor } from '../../auth/actor.js';
import type {
  ImportJobDto,
  importJobList,
  importMappingBody,
  importRowsPage,
  importRowsQuery,
} from '../../contracts/member-import.js';
import { DomainError, fail } from '../../domain/errors.js';
import { IMPORT_FIELDS } from '../../domain/members/import-fields.js';
import {
  mappingProblems,
  requestedMappingProblems,
  toSavedMapping,
  type ImportColumn,
  type ImportMapping,
} from '../../domain/members/import-headers.js';
import { audit, type RequestContext } from '../audit/audit.service.js';
import { seesPersonalData } from '../members/members.service.js';
import { loadForAction } from '../org-units/org-units.service.js';
import { sniffFile } from './import-file.js';
import { importContext } from './member-import.context.js';
import { maskFor, toJobDto, toPreviewRow } from './member-import.presenter.js';
import { loadReportSource, writeReport } from './member-import.report.js';
import * as q from './member-import.queries.js';

type Ctx = RequestContext & { actor: Actor };

/** An uploaded file with the form's fields. */
export interface ImportUpload {
  fileName: string;
  bytes: Buffer;
  unitId: string;
  defaultBranchId?: string;
  mapping?: ImportMapping;
}

const PREVIEW_ROWS = 20;

/** The target fields with their Vietnamese labels, for the mapping step. */
export function importFields() {
  return { fields: IMPORT_FIELDS.map(({ key, label, required, kind }) => ({ key, label, required, kind })) };
}

/** A job in the actor's scope that the actor may import into: 404 outside the scope, 403 without `member.write`. */
async function loadJob(db: DbOrTx, actor: Actor, jobId: string) {
  const found = await q.findJobInScope(db, scopeOf(actor, 'member.read'), jobId);
  if (!found) throw fail.notFound('lượt nhập');
  authorize(actor, 'member.write', found.unitPath, 'lượt nhập');
  return found;
}

/** Stores the file as a queued job; the worker runs the dry run. Refuses what is not a spreadsheet at once. */
export async function createImport(db: Db, ctx: Ctx, upload: ImportUpload): Promise<string> {
  const fileKind = sniffFile(upload.fileName, upload.bytes);
  await importContext(db, ctx.actor, { unitId: upload.unitId, defaultBranchId: upload.defaultBranchId });
  const problems = upload.mapping ? requestedMappingProblems(upload.mapping) : [];
  if (problems.length > 0) throw new DomainError('validation', problems[0]!.message, problems);
  return q.insertJob(db, {
    actorId: ctx.actor.userId,
    unitId: upload.unitId,
    defaultBranchId: upload.defaultBranchId ?? null,
    fileName: upload.fileName,
    fileKind,
    fileSize: upload.bytes.length,
    fileData: upload.bytes,
    requestedMapping: upload.mapping ?? null,
    requestId: ctx.requestId,
  });
}

/** A job's status, progress, columns, mapping, counts and the first rows of each outcome. */
export async function getImport(db: DbOrTx, actor: Actor, jobId: string): Promise<ImportJobDto> {
  const found = await loadJob(db, actor, jobId);
  const mask = maskFor(found.job, seesPersonalData(actor, found.unitPath));
  const [create, update, unchanged, reject] = await Promise.all(
    (['create', 'update', 'unchanged', 'reject'] as const).map(async (outcome) =>
      (await q.rowsByOutcome(db, jobId, [outcome], 0, PREVIEW_ROWS)).map((r) => toPreviewRow(r, mask)),
    ),
  );
  return toJobDto(found, { create: create!, update: update!, unchanged: unchanged!, reject: reject! });
}

/** Rows of one outcome, paged by row number. */
export async function importRows(
  db: DbOrTx,
  actor: Actor,
  jobId: string,
  query: z.output<typeof importRowsQuery>,
): Promise<z.infer<typeof importRowsPage>> {
  const found = await loadJob(db, actor, jobId);
  const mask = maskFor(found.job, seesPersonalData(actor, found.unitPath));
  const stored = await q.rowsByOutcome(db, jobId, [query.outcome], query.after, query.limit + 1);
  const items = stored.slice(0, query.limit).map((r) => toPreviewRow(r, mask));
  return { items, next: stored.length > query.limit ? (items[items.length - 1]?.row ?? null) : null };
}

/** The latest jobs of a unit's subtree. */
export async function listImports(db: DbOrTx, actor: Actor, unitId: string): Promise<z.infer<typeof importJobList>> {
  const unit = await loadForAction(db, actor, unitId, 'member.write');
  const found = await q.listJobs(db, scopeOf(actor, 'member.write'), unit.path);
  return {
    items: found.map((f) => {
      const { preview: _p, columns: _c, ...dto } = toJobDto(f, { create: [], update: [], unchanged: [], reject: [] });
      return dto;
    }),
  };
}

const BUSY: Record<string, string> = {
  queued: 'Tệp đang chờ xử lý: hãy đợi kết quả kiểm tra.',
  running: 'Tệp đang được kiểm tra: hãy đợi kết quả.',
  committing: 'Lượt nhập đang được ghi vào hồ sơ.',
  done: 'Lượt nhập này đã ghi xong: hãy tải lên tệp mới.',
  cancelled: 'Lượt nhập này đã bị hủy: hãy tải lên tệp mới.',
};

const PURGED =
  'Tệp và kết quả kiểm tra của lượt nhập này đã được xóa khi hết thời hạn lưu giữ ' +
  '(chỉ còn thông tin chung: tên tệp, số dòng, người nhập, thời gian).';

/** Why a job cannot be cancelled, by status (queued, running and dry_run_ready can). */
const NOT_CANCELLABLE: Record<string, string> = {
  committing: 'Lượt nhập đang được ghi vào hồ sơ: không hủy được nữa.',
  done: 'Lượt nhập này đã ghi xong vào hồ sơ: không hủy được.',
  failed: 'Lượt nhập này đã dừng vì lỗi, không cần hủy.',
  cancelled: 'Lượt nhập này đã được hủy trước đó.',
};

/** Applies a corrected mapping and runs the dry run again; `save` keeps it for the unit's next files. */
export async function setImportMapping(
  db: Db,
  ctx: Ctx,
  jobId: string,
  body: z.output<typeof importMappingBody>,
): Promise<void> {
  await db.transaction(async (tx) => {
    const found = await loadJob(tx, ctx.actor, jobId);
    const { job } = found;
    const busy = BUSY[job.status];
    if (busy) throw fail.conflict(busy);
    if (found.purged) throw fail.conflict(PURGED);
    const columns = (job.columns ?? []) as ImportColumn[];
    if (columns.length === 0)
      throw fail.rule('Chưa đọc được dòng tiêu đề của tệp nên không chọn cột được: hãy tải lên tệp khác.');
    const mapping: ImportMapping = { ...((job.mapping ?? {}) as ImportMapping), ...body.mapping };
    const problems = mappingProblems(mapping, columns);
    if (problems.length > 0) throw new DomainError('validation', problems[0]!.message, problems);
    if (body.save) {
      const saved = toSavedMapping(columns, mapping);
      await q.saveMapping(tx, job.unitId, saved, ctx.actor.userId);
      await audit(tx, ctx, {
        entity: 'member_import_mapping',
        entityId: job.unitId,
        action: 'update',
        unitId: job.unitId,
        unitPath: found.unitPath,
        after: saved,
      });
    }
    await q.deleteRows(tx, job.id);
    await q.updateJob(tx, job.id, {
      status: 'queued',
      requestedMapping: mapping,
      mapping,
      counts: null,
      error: null,
      processedRows: 0,
      totalRows: null,
      attempts: 0,
      heartbeatAt: null,
      finishedAt: null,
    });
  });
}

/** Asks the worker to write a dry-run-ready job; refused while any row is rejected (all or nothing). */
export async function commitImport(db: Db, ctx: Ctx, jobId: string): Promise<void> {
  const { job } = await loadJob(db, ctx.actor, jobId);
  if (job.status !== 'dry_run_ready')
    throw fail.conflict(BUSY[job.status] ?? 'Tệp chưa kiểm tra xong (hoặc đã lỗi): không ghi được.');
  const counts = job.counts;
  if (counts && counts.reject > 0)
    throw fail.rule(
      `Còn ${counts.reject} dòng bị từ chối: hãy sửa tệp theo báo cáo lỗi rồi tải lên lại. ` +
        'Việc nhập chỉ ghi khi mọi dòng đều hợp lệ.',
    );
  if (!counts || counts.create + counts.update === 0) throw fail.rule('Không có dòng nào cần thêm mới hoặc cập nhật.');
  const claimed = await db
    .update(importJobs)
    .set({
      status: 'committing',
      commitRequestId: ctx.requestId,
      attempts: 0,
      heartbeatAt: null,
      error: null,
      processedRows: 0,
      updatedAt: new Date(),
    })
    .where(and(eq(importJobs.id, jobId), eq(importJobs.status, 'dry_run_ready')))
    .returning({ id: importJobs.id });
  if (claimed.length === 0) throw fail.conflict('Lượt nhập vừa được yêu cầu ghi.');
}

/**
 * Cancels a job that is queued, being checked or checked and not yet written: the status becomes `cancelled`, the
 * dry-run rows are deleted, and a dry run in progress stops at its next batch (the worker finds the status changed
 * and writes nothing more). Refused (409) once the commit has started or for a job already finished. Audited.
 */
export async function cancelImport(db: Db, ctx: Ctx, jobId: string): Promise<void> {
  await db.transaction(async (tx) => {
    const found = await loadJob(tx, ctx.actor, jobId);
    const { job } = found;
    const refused = NOT_CANCELLABLE[job.status];
    if (refused) throw fail.conflict(refused);
    if (!(await q.cancelJob(tx, jobId))) {
      const now = await q.findJob(tx, jobId);
      throw fail.conflict(
        NOT_CANCELLABLE[now?.status ?? ''] ?? 'Lượt nhập vừa thay đổi trạng thái: hãy tải lại trang.',
      );
    }
    await q.deleteRows(tx, jobId);
    await audit(tx, ctx, {
      entity: 'member_import',
      entityId: jobId,
      action: 'cancel',
      unitId: job.unitId,
      unitPath: found.unitPath,
      before: { status: job.status, counts: job.counts },
      after: { status: 'cancelled', fileName: job.fileName, rows: job.totalRows },
    });
  });
}

/**
 * The result report of a job whose file has been read: the job and a writer of the .xlsx. The file and the row
 * results are read before anything is sent, so that a job purged meanwhile gets a message, not a broken download.
 */
export async function reportFor(db: DbOrTx, actor: Actor, jobId: string) {
  const { job, purged } = await loadJob(db, actor, jobId);
  if (purged) throw fail.conflict(`Không còn báo cáo kết quả. ${PURGED}`);
  if (job.status === 'cancelled') throw fail.conflict('Lượt nhập này đã bị hủy nên không có báo cáo kết quả.');
  if (job.headerRow === null || job.status === 'queued' || job.status === 'running')
    throw fail.conflict('Chưa có báo cáo: tệp chưa được kiểm tra xong.');
  const source = await loadReportSource(db, job);
  if (!source) throw fail.conflict(`Không còn báo cáo kết quả. ${PURGED}`);
  return { job, write: (out: Writable) => writeReport(job, source, out) };
}
