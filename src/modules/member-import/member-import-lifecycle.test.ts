import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, count, eq, sql } from 'drizzle-orm';
import { auditLog, importJobRows, importJobs, members } from '../../db/schema/index.js';
import { startTestApp, type TestApp } from '../../../tests/helpers/test-app.js';
import type { ImportJobDto } from '../../contracts/member-import.js';
import type { CellValue } from '../../domain/members/import-headers.js';
import { cleanUpImports, DEFAULT_RETENTION_DAYS, retentionDaysFrom } from './member-import.cleanup.js';
import { buildXlsx, dryRun, TITLE_ROWS, upload, waitFor } from './member-import.fixtures.js';
import { ImportWorker } from './member-import.worker.js';

let t: TestApp;
let hch: string;
let cookie: string;
beforeAll(async () => {
  t = await startTestApp();
  hch = await t.unitId('HCH');
  cookie = await t.as('xadoan');
});
afterAll(async () => {
  await t.close();
});

const HEADER = ['STT', 'Họ và tên', 'Ngày sinh', 'Giới tính', 'Số CCCD', 'Số điện thoại', 'Chi đoàn'];
const sheet = (rows: CellValue[][]) => buildXlsx([...TITLE_ROWS, HEADER, ...rows]);
let serial = 0;
/** A valid row with a CCCD of its own (048 2 01 + a serial). */
const person = (name: string): CellValue[] => {
  serial++;
  return [serial, name, '05/03/2001', 'Nam', `0482019${String(serial).padStart(5, '0')}`, null, 'TDP1'];
};

async function readyJob(name: string, rows: CellValue[][] = [person('Nguyễn Văn Hủy')]): Promise<ImportJobDto> {
  const job = await dryRun(t, cookie, { unitId: hch }, { name, bytes: await sheet(rows) });
  expect(job.status).toBe('dry_run_ready');
  return job;
}

const rowCount = async (jobId: string) =>
  (await t.database.db.select({ n: count() }).from(importJobRows).where(eq(importJobRows.jobId, jobId)))[0]!.n;
const stored = async (jobId: string) =>
  (await t.database.db.select().from(importJobs).where(eq(importJobs.id, jobId)))[0]!;
const auditsOf = async (jobId: string) =>
  t.database.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entity, 'member_import'), eq(auditLog.entityId, jobId)));
const cancel = (jobId: string) => t.call('POST', `/api/member-imports/${jobId}/cancel`, cookie);
/** Parks a job in a status the worker will not take (a heartbeat in the future). */
const park = async (jobId: string, status: string) =>
  t.database.db.execute(
    sql`update import_jobs set status = ${status}, heartbeat_at = now() + interval '1 hour' where id = ${jobId}::uuid`,
  );

describe('cancel', () => {
  it('cancels a checked job: rows deleted, audited, nothing can be written or downloaded afterwards', async () => {
    const job = await readyJob('huy-sau-kiem-tra.xlsx', [person('Trần Văn Hủy'), person('Lê Thị Hủy')]);
    expect(job.actions).toEqual(['mapping', 'commit', 'cancel', 'report']);
    expect(await rowCount(job.id)).toBe(2);
    const before = await t.database.db.select({ n: count() }).from(members);

    const res = await cancel(job.id);
    expect(res.statusCode).toBe(200);
    const cancelled = res.json<ImportJobDto>();
    expect(cancelled).toMatchObject({ status: 'cancelled', error: null, purged: false, actions: [] });
    expect(cancelled.finishedAt).not.toBeNull();
    expect(cancelled.counts).toMatchObject({ create: 2 });
    expect(cancelled.preview.create).toEqual([]);
    expect(await rowCount(job.id)).toBe(0);

    const audits = await auditsOf(job.id);
    expect(audits.map((a) => a.action)).toEqual(['cancel']);
    expect(audits[0]).toMatchObject({
      unitId: hch,
      before: { status: 'dry_run_ready' },
      after: { status: 'cancelled', fileName: 'huy-sau-kiem-tra.xlsx' },
    });

    const commit = await t.call('POST', `/api/member-imports/${job.id}/commit`, cookie);
    expect(commit.statusCode).toBe(409);
    expect(commit.json().error.message).toBe('Lượt nhập này đã bị hủy: hãy tải lên tệp mới.');
    const mapping = await t.call('PUT', `/api/member-imports/${job.id}/mapping`, cookie, { mapping: {} });
    expect(mapping.statusCode).toBe(409);
    const report = await t.call('GET', `/api/member-imports/${job.id}/report.xlsx`, cookie);
    expect(report.statusCode).toBe(409);
    expect(report.json().error.message).toBe('Lượt nhập này đã bị hủy nên không có báo cáo kết quả.');
    const again = await cancel(job.id);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toBe('Lượt nhập này đã được hủy trước đó.');
    expect(await t.database.db.select({ n: count() }).from(members)).toEqual(before);
  });

  it('cancels a queued job, which the worker then never takes', async () => {
    const job = await readyJob('huy-khi-cho.xlsx');
    await park(job.id, 'queued');
    const res = await cancel(job.id);
    expect(res.statusCode).toBe(200);
    expect(res.json<ImportJobDto>().status).toBe('cancelled');
    await t.database.db.execute(sql`update import_jobs set heartbeat_at = null where id = ${job.id}::uuid`);
    // The worker takes jobs in order: once a later job is checked, the cancelled one was passed over.
    await readyJob('sau-huy-khi-cho.xlsx');
    expect(await stored(job.id)).toMatchObject({ status: 'cancelled', attempts: 1 });
    expect(await rowCount(job.id)).toBe(0);
  });

  it('stops a dry run in progress at its next batch and writes nothing more', async () => {
    const names = ['An', 'Bình', 'Cường', 'Dũng', 'Giang', 'Hà', 'Khánh', 'Linh'];
    const lines = ['Họ và tên,Ngày sinh,Giới tính,Số CCCD,Chi đoàn'];
    for (let i = 0; i < 12_000; i++)
      lines.push(`Nguyễn Văn ${names[i % names.length]},01/01/2000,Nam,0482009${String(i).padStart(5, '0')},TDP1`);
    const res = await upload(
      t,
      cookie,
      { unitId: hch },
      { name: 'lon.csv', bytes: Buffer.from(lines.join('\r\n'), 'utf8') },
    );
    expect(res.statusCode).toBe(202);
    const jobId = res.json<ImportJobDto>().id;
    const deadline = Date.now() + 60_000;
    for (;;) {
      const [now] = await t.database.db
        .select({ status: importJobs.status, processedRows: importJobs.processedRows })
        .from(importJobs)
        .where(eq(importJobs.id, jobId));
      if (!now) throw new Error('no job');
      if (now.status === 'running' && now.processedRows > 0) break;
      expect(now.status).not.toBe('dry_run_ready');
      if (Date.now() > deadline) throw new Error(`dry run did not start: ${now.status}`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const cancelled = await cancel(jobId);
    expect(cancelled.statusCode).toBe(200);
    const processed = cancelled.json<ImportJobDto>().processedRows;
    expect(processed).toBeLessThan(12_000);

    await readyJob('sau-huy-khi-kiem-tra.xlsx');
    const after = await stored(jobId);
    expect(after).toMatchObject({ status: 'cancelled', heartbeatAt: null, counts: null, totalRows: null });
    expect(after.processedRows).toBe(processed);
    expect(await rowCount(jobId)).toBe(0);
    expect((await auditsOf(jobId)).map((a) => a.action)).toEqual(['cancel']);
  });

  it('refuses to cancel a job being written or written, or one that failed', async () => {
    const job = await readyJob('dang-ghi.xlsx');
    await park(job.id, 'committing');
    const writing = await cancel(job.id);
    expect(writing.statusCode).toBe(409);
    expect(writing.json().error.message).toBe('Lượt nhập đang được ghi vào hồ sơ: không hủy được nữa.');
    expect((await stored(job.id)).status).toBe('committing');
    expect(await rowCount(job.id)).toBe(1);

    await t.database.db.execute(sql`update import_jobs set heartbeat_at = null where id = ${job.id}::uuid`);
    const done = await waitFor(t, cookie, job.id, ['done', 'dry_run_ready', 'failed']);
    expect(done.status).toBe('done');
    expect(done.actions).toEqual(['report']);
    const written = await cancel(job.id);
    expect(written.statusCode).toBe(409);
    expect(written.json().error.message).toBe('Lượt nhập này đã ghi xong vào hồ sơ: không hủy được.');

    const failed = await dryRun(
      t,
      cookie,
      { unitId: hch },
      { name: 'khong-tieu-de.xlsx', bytes: await buildXlsx([['x']]) },
    );
    expect(failed.status).toBe('failed');
    const refused = await cancel(failed.id);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toBe('Lượt nhập này đã dừng vì lỗi, không cần hủy.');
    expect(await auditsOf(job.id)).toHaveLength(1);
    expect(await auditsOf(failed.id)).toHaveLength(0);
  });
});

describe('rejected rows', () => {
  it('show the cells of the row as written in the file', async () => {
    const job = await dryRun(
      t,
      cookie,
      { unitId: hch },
      {
        name: 'loi.xlsx',
        bytes: await sheet([[1, 'Phạm Thị Lỗi', '31/02/2001', 'Nữ', '04830100000', '0905 123 456', 'TDP1']]),
      },
    );
    const [row] = job.preview.reject;
    expect(row!.values).toMatchObject({ fullName: 'Phạm Thị Lỗi', phone: '0905123456' });
    expect(row!.values.birthDate).toBeUndefined();
    expect(row!.raw).toEqual([
      { column: 'A', header: 'STT', value: '1' },
      { column: 'B', header: 'Họ và tên', value: 'Phạm Thị Lỗi' },
      { column: 'C', header: 'Ngày sinh', value: '31/02/2001' },
      { column: 'D', header: 'Giới tính', value: 'Nữ' },
      { column: 'E', header: 'Số CCCD', value: '04830100000' },
      { column: 'F', header: 'Số điện thoại', value: '0905 123 456' },
      { column: 'G', header: 'Chi đoàn', value: 'TDP1' },
    ]);
    const page = await t.call('GET', `/api/member-imports/${job.id}/rows?outcome=reject`, cookie);
    expect(page.json<{ items: ImportJobDto['preview']['reject'] }>().items[0]!.raw).toEqual(row!.raw);
    const ok = await readyJob('hop-le.xlsx');
    expect(ok.preview.create[0]!.raw).toBeNull();
  });
});

describe('clean-up', () => {
  const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000);
  const age = async (jobId: string, column: 'finished_at' | 'updated_at', days: number) =>
    t.database.db.execute(
      sql`update import_jobs set ${sql.raw(column)} = ${daysAgo(days).toISOString()}::timestamptz
          where id = ${jobId}::uuid`,
    );

  it('reads the retention from IMPORT_RETENTION_DAYS', () => {
    expect(retentionDaysFrom({})).toBe(DEFAULT_RETENTION_DAYS);
    expect(retentionDaysFrom({ IMPORT_RETENTION_DAYS: ' 30 ' })).toBe(30);
    expect(() => retentionDaysFrom({ IMPORT_RETENTION_DAYS: '0' })).toThrow(/IMPORT_RETENTION_DAYS/);
    expect(() => retentionDaysFrom({ IMPORT_RETENTION_DAYS: 'bảy' })).toThrow(/số nguyên/);
  });

  it('purges finished jobs and closes abandoned dry runs past the retention, keeping the job rows', async () => {
    const done = await readyJob('cu-da-ghi.xlsx');
    await t.call('POST', `/api/member-imports/${done.id}/commit`, cookie);
    expect((await waitFor(t, cookie, done.id, ['done', 'failed'])).status).toBe('done');
    const abandoned = await readyJob('bo-quen.xlsx', [person('Đỗ Văn Quên'), [99, '12345', null, 'Nam']]);
    const cancelled = await readyJob('cu-da-huy.xlsx');
    expect((await cancel(cancelled.id)).statusCode).toBe(200);
    const recentDone = await readyJob('moi-da-ghi.xlsx');
    await t.call('POST', `/api/member-imports/${recentDone.id}/commit`, cookie);
    await waitFor(t, cookie, recentDone.id, ['done', 'failed']);
    const recentReady = await readyJob('moi-kiem-tra.xlsx');
    await age(done.id, 'finished_at', 8);
    await age(cancelled.id, 'finished_at', 10);
    await age(abandoned.id, 'updated_at', 8);
    await age(recentReady.id, 'updated_at', 6);
    expect(await rowCount(abandoned.id)).toBe(2);

    const result = await cleanUpImports(t.database.db, { retentionDays: 7 });
    expect(result).toEqual({ purged: 3, expired: 1, rows: 3 });
    expect(await cleanUpImports(t.database.db, { retentionDays: 7 })).toEqual({ purged: 0, expired: 0, rows: 0 });

    for (const id of [done.id, abandoned.id, cancelled.id]) {
      const [row] = await t.database.db
        .select({ size: sql<number>`octet_length(file_data)` })
        .from(importJobs)
        .where(eq(importJobs.id, id));
      expect(row!.size).toBe(0);
      expect(await rowCount(id)).toBe(0);
    }
    for (const id of [recentDone.id, recentReady.id]) {
      expect((await stored(id)).fileSize).toBeGreaterThan(0);
      expect(await rowCount(id)).toBe(1);
    }

    const history = (await t.call('GET', `/api/member-imports/${done.id}`, cookie)).json<ImportJobDto>();
    expect(history).toMatchObject({
      status: 'done',
      fileName: 'cu-da-ghi.xlsx',
      purged: true,
      actions: [],
      counts: { create: 1, reject: 0 },
      createdBy: expect.any(String),
    });
    expect(history.fileSize).toBeGreaterThan(0);
    expect(history.preview.create).toEqual([]);
    const report = await t.call('GET', `/api/member-imports/${done.id}/report.xlsx`, cookie);
    expect(report.statusCode).toBe(409);
    expect(report.json().error.message).toMatch(/^Không còn báo cáo kết quả\. Tệp và kết quả kiểm tra .* đã được xóa/);

    const expired = (await t.call('GET', `/api/member-imports/${abandoned.id}`, cookie)).json<ImportJobDto>();
    expect(expired).toMatchObject({ status: 'cancelled', purged: true, actions: [] });
    expect(expired.error?.message).toMatch(/^Lượt nhập đã tự động bị hủy vì kết quả kiểm tra không được ghi .* 7 ngày/);
    const commit = await t.call('POST', `/api/member-imports/${abandoned.id}/commit`, cookie);
    expect(commit.statusCode).toBe(409);
    const list = (await t.call('GET', `/api/member-imports?unitId=${hch}`, cookie)).json<{ items: ImportJobDto[] }>();
    expect(list.items.find((j) => j.id === abandoned.id)).toMatchObject({ purged: true, status: 'cancelled' });

    const audits = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'member_import'), sql`${auditLog.action} in ('purge','expire')`));
    expect(audits.map((a) => [a.entityId, a.action, a.actorId]).sort()).toEqual(
      [
        [done.id, 'purge', null],
        [abandoned.id, 'expire', null],
        [cancelled.id, 'purge', null],
      ].sort(),
    );
  });

  it('runs from the worker loop', async () => {
    const job = await readyJob('cu-bo-quen-2.xlsx');
    await age(job.id, 'updated_at', 30);
    const worker = new ImportWorker(t.database, t.app.log, { retentionDays: 7, pollMs: 20 });
    worker.start();
    try {
      const deadline = Date.now() + 30_000;
      while ((await stored(job.id)).status !== 'cancelled') {
        if (Date.now() > deadline) throw new Error('the worker did not clean up');
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    } finally {
      await worker.stop();
    }
    expect(await rowCount(job.id)).toBe(0);
  });
});
