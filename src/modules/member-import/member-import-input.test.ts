import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count } from 'drizzle-orm';
import { importJobs, members } from '../../db/schema/index.js';
import { startTestApp, type TestApp } from '../../../tests/helpers/test-app.js';
import type { ImportJobDto } from '../../contracts/member-import.js';
import type { CellValue } from '../../domain/members/import-headers.js';
import { buildXlsx, dryRun, TITLE_ROWS, upload, waitFor } from './member-import.fixtures.js';

let t: TestApp;
let hch: string;
beforeAll(async () => {
  t = await startTestApp();
  hch = await t.unitId('HCH');
});
afterAll(async () => {
  await t.close();
});

const jobCount = async () => (await t.database.db.select({ n: count() }).from(importJobs))[0]?.n ?? 0;
const memberCount = async () => (await t.database.db.select({ n: count() }).from(members))[0]?.n ?? 0;
const ROW: CellValue[] = [1, 'Nguyễn Văn An', '05/03/2001', 'Nam', '048201000001', 'TDP1'];
const xlsx = (header: CellValue[], rows: CellValue[][] = [ROW]) => buildXlsx([...TITLE_ROWS, header, ...rows]);
const HEADER = ['STT', 'Họ và tên', 'Ngày sinh', 'Giới tính', 'Số CCCD', 'Chi đoàn'];

describe('files that are not member lists', () => {
  it('refuses a file that is not a spreadsheet, an empty file and an old .xls at once, storing nothing', async () => {
    const cookie = await t.as('xadoan');
    const jobs = await jobCount();
    const pdf = await upload(
      t,
      cookie,
      { unitId: hch },
      { name: 'quyet-dinh.pdf', bytes: Buffer.from('%PDF-1.7\0\0') },
    );
    expect(pdf.statusCode).toBe(400);
    expect(pdf.json().error).toMatchObject({
      message: 'Tệp "quyet-dinh.pdf" không phải bảng tính: hãy tải lên tệp Excel (.xlsx) hoặc CSV (.csv).',
      details: [{ field: 'file' }],
    });
    const empty = await upload(t, cookie, { unitId: hch }, { name: 'trong.xlsx', bytes: Buffer.alloc(0) });
    expect(empty.json().error.message).toBe('Tệp "trong.xlsx" rỗng: không có dữ liệu nào.');
    const xls = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0]), Buffer.alloc(100)]);
    const old = await upload(t, cookie, { unitId: hch }, { name: 'cu.xls', bytes: xls });
    expect(old.json().error.message).toMatch(/Excel 97-2003 \(\.xls\)/);
    const none = await upload(t, cookie, { unitId: hch }, null);
    expect(none.json().error.message).toBe('Chưa chọn tệp để tải lên (trường "file").');
    expect(await jobCount()).toBe(jobs);
  });

  it('refuses a file over 50 MB', async () => {
    const big = Buffer.alloc(50 * 1024 * 1024 + 10, 0x41);
    const res = await upload(t, await t.as('xadoan'), { unitId: hch }, { name: 'lon.csv', bytes: big });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toBe('Tệp vượt quá 50 MB: hãy chia danh sách thành nhiều tệp nhỏ hơn.');
  });

  it('fails the job with a clear message when no header row is found, or a corrupt workbook', async () => {
    const cookie = await t.as('xadoan');
    const bytes = await buildXlsx([['DANH SÁCH ĐOÀN VIÊN'], ['Tên', 'Tuổi'], ['An', 20]], 'Trang 1');
    const job = await dryRun(t, cookie, { unitId: hch }, { name: 'sai.xlsx', bytes });
    expect(job.status).toBe('failed');
    expect(job.error?.message).toBe(
      'Không tìm thấy dòng tiêu đề trong 30 dòng đầu của trang tính "Trang 1": cần một dòng có cột "Họ và tên" ' +
        'và ít nhất hai cột khác như "Ngày sinh", "Giới tính", "Số CCCD".',
    );
    const good = await xlsx(HEADER);
    const broken = Buffer.concat([good.subarray(0, 200), Buffer.from('xl/workbook.xml')]);
    const corrupt = await dryRun(t, cookie, { unitId: hch }, { name: 'hong.xlsx', bytes: broken });
    expect(corrupt.status).toBe('failed');
    expect(corrupt.error?.message).toMatch(/không phải bảng tính.*bị hỏng/);
  });

  it('fails a header-only file: no data rows', async () => {
    const job = await dryRun(
      t,
      await t.as('xadoan'),
      { unitId: hch },
      { name: 'rong.xlsx', bytes: await xlsx(HEADER, []) },
    );
    expect(job.error?.message).toBe('Không có dòng dữ liệu nào dưới dòng tiêu đề (dòng 5, trang tính "Danh sách").');
  });
});

describe('column mapping', () => {
  it('refuses a field given to two columns, at upload and when correcting', async () => {
    const cookie = await t.as('xadoan');
    const twice = await upload(
      t,
      cookie,
      { unitId: hch, mapping: JSON.stringify({ C: 'birthDate', D: 'birthDate' }) },
      { name: 'a.xlsx', bytes: await xlsx(HEADER) },
    );
    expect(twice.statusCode).toBe(400);
    expect(twice.json().error.message).toBe(
      'Trường "Ngày sinh" được chọn cho hai cột: C và D. Mỗi trường chỉ lấy từ một cột.',
    );
    const job = await dryRun(t, cookie, { unitId: hch }, { name: 'b.xlsx', bytes: await xlsx(HEADER) });
    const res = await t.call('PUT', `/api/member-imports/${job.id}/mapping`, cookie, { mapping: { E: 'birthDate' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toBe(
      'Trường "Ngày sinh" được chọn cho hai cột: C ("Ngày sinh") và E ("Số CCCD"). Mỗi trường chỉ lấy từ một cột.',
    );
  });

  it('re-runs the dry run with a corrected mapping and reuses a saved one for the unit', async () => {
    const cookie = await t.as('xadoan');
    const header = ['TT', 'Họ tên', 'Năm sinh', 'Phái', 'Số định danh', 'Sinh hoạt tại', 'Ngày sinh của mẹ'];
    const rows = [[1, 'Trần Văn Bảo', '2001', 'Nam', '048201000501', 'TDP2', '01/01/1970']];
    const job = await dryRun(t, cookie, { unitId: hch }, { name: 'khac.xlsx', bytes: await xlsx(header, rows) });
    expect(job.mapping).toEqual({ A: null, B: 'fullName', C: 'birthDate', D: 'gender', E: 'cccd', F: null, G: null });
    expect(job.counts).toMatchObject({ reject: 1 });
    expect(job.preview.reject[0]!.errors[0]!.text).toBe(
      'Dòng 6: Tệp không có cột "Chi đoàn": hãy chọn chi đoàn mặc định khi tải tệp.',
    );
    const res = await t.call('PUT', `/api/member-imports/${job.id}/mapping`, cookie, {
      mapping: { F: 'branch' },
      save: true,
    });
    expect(res.statusCode).toBe(202);
    const again = await waitFor(t, cookie, job.id);
    expect(again.counts).toMatchObject({ create: 1, reject: 0 });
    expect(again.columns.find((c) => c.letter === 'F')).toMatchObject({ detected: null, field: 'branch' });
    const next = await dryRun(t, cookie, { unitId: hch }, { name: 'khac-2.xlsx', bytes: await xlsx(header, rows) });
    expect(next.mapping?.F).toBe('branch');
  });

  it('lists the target fields with Vietnamese labels', async () => {
    const res = await t.call('GET', '/api/member-imports/fields', await t.as('bithu'));
    const fields = res.json<{ fields: { key: string; label: string; required: boolean }[] }>().fields;
    expect(fields.find((f) => f.key === 'fullName')).toEqual({
      key: 'fullName',
      label: 'Họ và tên',
      required: true,
      kind: 'name',
    });
    expect(fields.map((f) => f.key)).toContain('branch');
  });
});

describe('csv and the default branch', () => {
  it('reads a CSV with a BOM, semicolons and no branch column into the default branch', async () => {
    const cookie = await t.as('xadoan');
    const csv =
      '\ufeffDANH SÁCH ĐOÀN VIÊN\r\n\r\nSTT;Ho va ten;Ngay sinh;Gioi tinh;So CCCD;So dien thoai\r\n' +
      '1;Trương Thị Cúc;7/8/2004;Nu;048304000601;="0905111601"\r\n' +
      '2;"Phan  Văn   Dũng";2003;nam;048203000602;+84 905 111 602\r\n';
    const tdp7 = await t.unitId('TDP7');
    const job = await dryRun(
      t,
      cookie,
      { unitId: hch, defaultBranchId: tdp7 },
      { name: 'danh-sach.csv', bytes: Buffer.from(csv) },
    );
    expect(job).toMatchObject({ fileKind: 'csv', headerRow: 3, counts: { create: 2, reject: 0 } });
    expect(job.preview.create.map((r) => [r.values.fullName, r.values.phone, r.unitId])).toEqual([
      ['Trương Thị Cúc', '0905111601', tdp7],
      ['Phan Văn Dũng', '0905111602', tdp7],
    ]);
  });

  it('refuses a default branch outside the unit', async () => {
    const res = await upload(
      t,
      await t.as('xadoan'),
      { unitId: hch, defaultBranchId: await t.unitId('KP1') },
      { name: 'a.csv', bytes: Buffer.from('Họ và tên,Ngày sinh,Giới tính\nA B,2001,Nam') },
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].field).toBe('defaultBranchId');
  });
});

describe('who may import', () => {
  it('hides jobs from actors outside the unit, refuses viewers and anonymous callers', async () => {
    const cookie = await t.as('xadoan');
    const job = await dryRun(t, cookie, { unitId: hch }, { name: 'c.xlsx', bytes: await xlsx(HEADER) });
    const bithu = await t.as('bithu');
    for (const path of ['', '/report.xlsx', '/rows'])
      expect((await t.call('GET', `/api/member-imports/${job.id}${path}`, bithu)).statusCode).toBe(404);
    expect((await t.call('POST', `/api/member-imports/${job.id}/commit`, bithu)).statusCode).toBe(404);
    expect((await t.call('GET', `/api/member-imports/${job.id}`)).statusCode).toBe(401);
    const before = await memberCount();
    const viewer = await t.accountWithRole('viewer', 'HCH');
    const res = await upload(t, viewer.cookie, { unitId: hch }, { name: 'd.xlsx', bytes: await xlsx(HEADER) });
    expect(res.statusCode).toBe(403);
    expect((await t.call('GET', `/api/member-imports/${job.id}`, viewer.cookie)).statusCode).toBe(403);
    expect((await t.call('POST', `/api/member-imports/${job.id}/commit`, viewer.cookie)).statusCode).toBe(403);
    const outsider = await upload(t, bithu, { unitId: hch }, { name: 'e.xlsx', bytes: await xlsx(HEADER) });
    expect(outsider.statusCode).toBe(404);
    expect(await memberCount()).toBe(before);
    const list = await t.call('GET', `/api/member-imports?unitId=${hch}`, cookie);
    expect(list.json<{ items: ImportJobDto[] }>().items.map((j) => j.id)).toContain(job.id);
  });
});
