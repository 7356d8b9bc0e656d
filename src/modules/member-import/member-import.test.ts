import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, count, eq, sql } from 'drizzle-orm';
import { auditLog, memberEvents, members, units } from '../../db/schema/index.js';
import { startTestApp, type TestApp } from '../../../tests/helpers/test-app.js';
import type { CellValue } from '../../domain/members/import-headers.js';
import { buildXlsx, dryRun, readXlsx, TITLE_ROWS, waitFor } from './member-import.fixtures.js';

let t: TestApp;
let hch: string;
let existing: typeof members.$inferSelect;
beforeAll(async () => {
  t = await startTestApp();
  hch = await t.unitId('HCH');
  const [row] = await t.database.db
    .select({ member: members })
    .from(members)
    .innerJoin(units, eq(units.id, members.unitId))
    .where(and(eq(units.code, 'TDP3'), eq(members.status, 'active')))
    .limit(1);
  existing = row!.member;
});
afterAll(async () => {
  await t.close();
});

const memberCount = async () => (await t.database.db.select({ n: count() }).from(members))[0]?.n ?? 0;
const HEADER = [
  'STT',
  'Họ và tên',
  'Ngày sinh',
  'Giới tính',
  'Dân tộc',
  'Số CCCD',
  'Số điện thoại',
  'Ngày vào Đoàn',
  'Chi đoàn',
  'Chức vụ',
];
const sheet = (rows: CellValue[][]) => buildXlsx([...TITLE_ROWS, HEADER, ...rows]);
const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

describe('dry run', () => {
  it('classifies each row as create, update, unchanged or reject, naming row and column', async () => {
    const cookie = await t.as('xadoan');
    const bytes = await sheet([
      [1, 'Nguyễn Văn An', '05/03/2001', 'Nam', 'Kinh', '048201000001', '0905 111 001', '26/03/2017', 'TDP1'],
      [2, 'Trần Thị Bình', 37137, 'nữ', 'kinh', '048301000002', null, utc(2018, 3, 26), 'chi doan to dan pho 2'],
      [3, 'Lê Văn Cường', '2002', 'Nam', null, '048202000003', null, null, 'TDP4'],
      [4, existing.fullName, null, null, null, existing.cccd, null, null, null, 'Bí thư'],
      [5, 'Phạm Thị Dung', '31/02/2001', 'Nữ', null, '04830100000', null, null, 'TDP1'],
      [6, '12345', '01/01/2000', 'Nam', null, '048200000007', null, null, 'TDP1'],
      [7, 'Võ Văn Em', '01/01/2000', 'Nam', null, '048200000008', null, null, 'KP1'],
      [8, 'Đỗ Thị Giang', '02/02/2002', 'Nữ', null, '048302000009', null, null, 'TDP5'],
      [9, 'Đỗ Thị Hà', '03/03/2003', 'Nữ', null, '048302000009', null, null, 'TDP5'],
      [],
      [null, null, null, null, null, null, null, 'Người lập biểu'],
    ]);
    const job = await dryRun(t, cookie, { unitId: hch }, { name: 'danh sách đoàn viên.xlsx', bytes });
    expect(job).toMatchObject({ status: 'dry_run_ready', fileName: 'danh sách đoàn viên.xlsx', headerRow: 5 });
    expect(job.counts).toEqual({ create: 3, update: 1, unchanged: 0, reject: 5, skipped: 1 });
    expect(job.columns.slice(0, 3).map((c) => [c.letter, c.header, c.field])).toEqual([
      ['A', 'STT', null],
      ['B', 'Họ và tên', 'fullName'],
      ['C', 'Ngày sinh', 'birthDate'],
    ]);
    expect(job.preview.create.map((r) => [r.row, r.values.birthDate, r.values.birthYearOnly])).toEqual([
      [6, '2001-03-05', false],
      [7, '2001-09-03', false],
      [8, '2002-01-01', true],
    ]);
    expect(job.preview.create[1]!.values.joinedOn).toBe('2018-03-26');
    expect(job.preview.update[0]).toMatchObject({
      row: 9,
      memberId: existing.id,
      changes: [{ field: 'position', before: existing.position, after: 'Bí thư' }],
    });
    const texts = job.preview.reject.flatMap((r) => r.errors.map((e) => e.text));
    expect(texts).toEqual([
      'Dòng 10, cột "Ngày sinh" (C): Ngày 31/02/2001 không tồn tại.',
      'Dòng 10, cột "Số CCCD" (F): Số CCCD phải gồm đúng 12 chữ số (đang có 11 chữ số).',
      'Dòng 11, cột "Họ và tên" (B): Họ và tên chỉ gồm chữ cái (không có chữ số hay ký hiệu).',
      'Dòng 12, cột "Chi đoàn" (I): Không tìm thấy chi đoàn "KP1" (theo mã hoặc tên) trong Đoàn phường Hải Châu thuộc phạm vi quản lý của bạn.',
      'Dòng 13, cột "Số CCCD" (F): Số CCCD 048302000009 trùng với dòng 14 trong tệp.',
      'Dòng 14, cột "Số CCCD" (F): Số CCCD 048302000009 trùng với dòng 13 trong tệp.',
    ]);

    const before = await memberCount();
    const refused = await t.call('POST', `/api/member-imports/${job.id}/commit`, cookie);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.message).toMatch(/^Còn 5 dòng bị từ chối/);
    expect(await memberCount()).toBe(before);

    const report = await t.call('GET', `/api/member-imports/${job.id}/report.xlsx`, cookie);
    expect(report.statusCode).toBe(200);
    const { rows } = await readXlsx(report.rawPayload);
    expect(rows[0]![0]).toBe('ĐOÀN TNCS HỒ CHÍ MINH');
    expect(rows[4]!.slice(10, 12)).toEqual(['Kết quả', 'Lỗi']);
    expect(rows[5]![10]).toBe('Thêm mới');
    expect(rows[9]!.slice(10, 12)).toEqual([
      'Lỗi',
      'Cột "Ngày sinh" (C): Ngày 31/02/2001 không tồn tại.\nCột "Số CCCD" (F): Số CCCD phải gồm đúng 12 chữ số (đang có 11 chữ số).',
    ]);
    expect(rows[6]![2]).toBe(37137);
  });
});

describe('commit', () => {
  it('creates and updates all rows in one go, with history events and one audit row', async () => {
    const cookie = await t.as('xadoan');
    const bytes = await sheet([
      [1, 'Hoàng Văn Khải', '05/03/2001', 'Nam', 'Kinh', '048201000101', '0905111101', '26/03/2017', 'TDP1'],
      [2, 'Ngô Thị Lan'.normalize('NFD'), '2003', 'Nữ', 'Cơ Tu', '048303000102', null, null, 'Tổ dân phố 2'],
      [3, existing.fullName, null, null, null, existing.cccd, null, null, 'TDP4', 'Phó Bí thư'],
    ]);
    const job = await dryRun(t, cookie, { unitId: hch }, { name: 'dot-2.xlsx', bytes });
    expect(job.counts).toMatchObject({ create: 2, update: 1, reject: 0 });
    const before = await memberCount();
    const res = await t.call('POST', `/api/member-imports/${job.id}/commit`, cookie);
    expect(res.statusCode).toBe(202);
    const done = await waitFor(t, cookie, job.id, ['done', 'dry_run_ready', 'failed']);
    expect(done).toMatchObject({ status: 'done', counts: { create: 2, update: 1, unchanged: 0, reject: 0 } });
    expect(await memberCount()).toBe(before + 2);

    const [lan] = await t.database.db.select().from(members).where(eq(members.cccd, '048303000102'));
    expect(lan).toMatchObject({
      fullName: 'Ngô Thị Lan'.normalize('NFC'),
      givenName: 'Lan',
      searchName: 'ngo thi lan',
      birthDate: '2003-01-01',
      birthYearOnly: true,
      ethnicity: 'Cơ-tu',
      unitId: await t.unitId('TDP2'),
    });
    expect(lan!.provinceId).toBe(await t.unitId('DNG'));
    const lanEvents = await t.database.db.select().from(memberEvents).where(eq(memberEvents.memberId, lan!.id));
    expect(lanEvents.map((e) => e.kind)).toEqual(['registered']);

    const [moved] = await t.database.db.select().from(members).where(eq(members.id, existing.id));
    expect(moved).toMatchObject({
      position: 'Phó Bí thư',
      unitId: await t.unitId('TDP4'),
      version: existing.version + 1,
    });
    const kinds = (await t.database.db.select().from(memberEvents).where(eq(memberEvents.memberId, existing.id)))
      .map((e) => e.kind)
      .sort();
    expect(kinds).toEqual(expect.arrayContaining(['branch_change', 'position_change']));

    const audits = await t.database.db.select().from(auditLog).where(eq(auditLog.entity, 'member_import'));
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({
      action: 'commit',
      entityId: job.id,
      unitId: hch,
      after: { fileName: 'dot-2.xlsx', created: 2, updated: 1, unchanged: 0 },
    });
    existing = moved!;
  });

  it('writes nothing when a row fails at commit time', async () => {
    const cookie = await t.as('xadoan');
    const bytes = await sheet([
      [1, 'Lý Văn Mạnh', '05/03/2001', 'Nam', 'Kinh', '048201000201', null, null, 'TDP1'],
      [2, 'Lý Thị Ngọc', '06/03/2001', 'Nữ', 'Kinh', '048301000202', null, null, 'TDP1'],
    ]);
    const job = await dryRun(t, cookie, { unitId: hch }, { name: 'dot-3.xlsx', bytes });
    expect(job.counts).toMatchObject({ create: 2, reject: 0 });
    const other = await t.call('POST', '/api/members', cookie, {
      unitId: await t.unitId('TDP6'),
      fullName: 'Người Khác Nhập Trước',
      gender: 'female',
      cccd: '048301000202',
    });
    expect(other.statusCode).toBe(200);
    const before = await memberCount();
    await t.call('POST', `/api/member-imports/${job.id}/commit`, cookie);
    const back = await waitFor(t, cookie, job.id, ['done', 'dry_run_ready', 'failed']);
    expect(back.status).toBe('dry_run_ready');
    expect(back.error?.message).toMatch(/^Không ghi được: 1 dòng không còn hợp lệ/);
    expect(back.counts).toMatchObject({ create: 1, reject: 1 });
    expect(back.preview.reject[0]!.errors[0]!.text).toBe(
      'Dòng 7, cột "Số CCCD" (F): Số CCCD này vừa được thêm vào một hồ sơ khác từ lúc kiểm tra: hãy kiểm tra lại.',
    );
    expect(await memberCount()).toBe(before);
    const [none] = await t.database.db.select({ n: count() }).from(members).where(eq(members.cccd, '048201000201'));
    expect(none!.n).toBe(0);
  });
});

describe('jobs after a restart', () => {
  it('runs a job again whose process stopped in the middle (stale heartbeat)', async () => {
    const cookie = await t.as('xadoan');
    const bytes = await sheet([[1, 'Đinh Văn Phúc', '05/03/2001', 'Nam', 'Kinh', '048201000301', null, null, 'TDP1']]);
    const job = await dryRun(t, cookie, { unitId: hch }, { name: 'dot-4.xlsx', bytes });
    await t.database.db.execute(
      sql`update import_jobs set status = 'committing', heartbeat_at = '2000-01-01' where id = ${job.id}::uuid`,
    );
    const done = await waitFor(t, cookie, job.id, ['done', 'failed']);
    expect(done.status).toBe('done');
    const [row] = await t.database.db.select({ n: count() }).from(members).where(eq(members.cccd, '048201000301'));
    expect(row!.n).toBe(1);
  });
});
