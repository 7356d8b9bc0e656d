import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { and, count, eq, inArray, sql } from 'drizzle-orm';
import { admissionCandidates, auditLog, memberCards, members, transfers, units } from '../../db/schema/index.js';
import { startTestApp, type TestApp } from '../../../tests/helpers/test-app.js';
import { ACTIVE_STATUSES } from '../../domain/members/reference-lists.js';
import { readXlsx } from '../member-import/member-import.fixtures.js';
import { issueIn } from '../documents/documents.fixtures.js';

let t: TestApp;
let ids: Record<string, string>;
let m: { id: string; fullName: string; cccd: string | null }[];
let decision: string;
let letter: string;

async function membersOf(code: string, n: number) {
  return t.database.db
    .select({ id: members.id, fullName: members.fullName, cccd: members.cccd })
    .from(members)
    .innerJoin(units, eq(units.id, members.unitId))
    .where(eq(units.code, code))
    .orderBy(members.sortKey)
    .limit(n);
}

beforeAll(async () => {
  t = await startTestApp();
  ids = {};
  for (const code of ['HCH', 'TDP1', 'TDP2', 'HAN', 'KP1']) ids[code] = await t.unitId(code);
  m = [...(await membersOf('TDP1', 3)), ...(await membersOf('KP1', 2))];
  const { db } = t.database;
  const admitted = await db.transaction((tx) => issueIn(tx, 'HCH', { issuedOn: '2026-03-10' }));
  decision = admitted.numberText;
  const sent = await db.transaction((tx) => issueIn(tx, 'HCH', { kind: 'transfer_letter', issuedOn: '2026-04-01' }));
  letter = sent.numberText;
  const letterId = sent.id;
  await db.insert(admissionCandidates).values({
    unitId: ids.TDP1!,
    fullName: m[0]!.fullName,
    birthDate: '2008-05-12',
    gender: 'male',
    source: 'youth',
    applicationDate: '2026-01-10',
    status: 'admitted',
    approvingUnitId: ids.HCH,
    approvedOn: '2026-03-10',
    decisionId: admitted.id,
    ceremonyOn: '2026-03-26',
    memberId: m[0]!.id,
  });
  await db.insert(memberCards).values([
    { memberId: m[0]!.id, unitId: ids.HCH!, cardNumber: 'HCH-000901', issuedOn: '2026-03-26', reason: 'admission' },
    { memberId: m[1]!.id, unitId: ids.HCH!, cardNumber: 'HCH-000902', issuedOn: '2026-02-02', reason: 'reissue_lost' },
    { memberId: m[2]!.id, unitId: ids.HCH!, cardNumber: 'HCH-000903', issuedOn: '2025-06-01', reason: 'initial' },
    { memberId: m[3]!.id, unitId: ids.HAN!, cardNumber: 'HAN-000904', issuedOn: '2026-03-01', reason: 'initial' },
  ]);
  const base = { kind: 'external', fromUnitId: ids.TDP1!, fromGrassrootsId: ids.HCH };
  await db.insert(transfers).values([
    {
      ...base,
      memberId: m[0]!.id,
      toGrassrootsId: ids.HAN,
      code: 'R-OUT-1',
      status: 'sent',
      sentOn: '2026-04-01',
      letterId,
      feePaidUntil: '2026-03',
    },
    {
      ...base,
      memberId: m[1]!.id,
      destinationText: 'Đoàn phường Bến Nghé, TP. Hồ Chí Minh',
      code: 'R-OUT-2',
      status: 'accepted',
      sentOn: '2026-02-01',
      acceptedOn: '2026-02-20',
    },
    {
      ...base,
      memberId: m[2]!.id,
      toGrassrootsId: ids.HAN,
      code: 'R-OUT-OLD',
      status: 'accepted',
      sentOn: '2025-11-01',
      acceptedOn: '2025-11-05',
    },
    {
      ...base,
      kind: 'internal',
      memberId: m[2]!.id,
      toGrassrootsId: ids.HCH,
      toUnitId: ids.TDP2,
      code: 'R-INTERNAL',
      status: 'accepted',
      sentOn: '2026-05-01',
      acceptedOn: '2026-05-01',
    },
    {
      kind: 'external',
      memberId: m[3]!.id,
      fromUnitId: ids.KP1!,
      fromGrassrootsId: ids.HAN,
      toGrassrootsId: ids.HCH,
      toUnitId: ids.TDP2,
      code: 'R-IN-1',
      status: 'accepted',
      sentOn: '2026-04-28',
      acceptedOn: '2026-05-02',
    },
    {
      kind: 'external',
      memberId: m[4]!.id,
      fromUnitId: ids.KP1!,
      fromGrassrootsId: ids.HAN,
      toGrassrootsId: ids.HCH,
      code: 'R-IN-DRAFT',
      status: 'draft',
    },
  ]);
});
afterAll(async () => {
  await t.close();
});

const dataRows = (rows: unknown[][]) => rows.slice(5);

/** Every sheet of a workbook with its rows as plain values. */
async function readSheets(bytes: Buffer): Promise<{ name: string; rows: unknown[][] }[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook.worksheets.map((sheet) => {
    const rows: unknown[][] = [];
    sheet.eachRow({ includeEmpty: true }, (row, n) => {
      rows[n - 1] = (row.values as unknown[]).slice(1);
    });
    return { name: sheet.name, rows: Array.from(rows, (r) => r ?? []) };
  });
}

describe('sổ danh sách đoàn viên', () => {
  it('lists the active members of the subtree by branch and name, with the title, unit and year', async () => {
    const res = await t.call('GET', `/api/units/${ids.HCH}/registers/members.xlsx?year=2026`, await t.as('xadoan'));
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/filename="so-danh-sach-doan-vien-HCH-2026\.xlsx"/);
    const { rows } = await readXlsx(res.rawPayload);
    expect(rows[0]![0]).toBe('Đoàn phường Hải Châu');
    expect(rows[1]![0]).toBe('SỔ DANH SÁCH ĐOÀN VIÊN');
    expect(String(rows[2]![0])).toMatch(/^Năm 2026 – Ngày \d{2}\/\d{2}\/\d{4}$/);
    expect(rows[4]!.slice(0, 3)).toEqual(['STT', 'Họ và tên', 'Ngày sinh']);
    const [expected] = await t.database.db
      .select({ n: count() })
      .from(members)
      .innerJoin(units, eq(units.id, members.unitId))
      .where(
        and(
          sql`${units.path} <@ (select path from units where id = ${ids.HCH}::uuid)`,
          inArray(members.status, [...ACTIVE_STATUSES]),
          sql`(${members.joinedOn} is null or ${members.joinedOn} <= '2026-12-31')`,
        ),
      );
    const data = dataRows(rows);
    expect(data).toHaveLength(expected!.n);
    expect(res.headers['x-total-count']).toBe(String(expected!.n));
    expect(data.map((r) => r[0])).toEqual(data.map((_r, i) => i + 1));
    const branches = data.map((r) => String(r[10]));
    expect(branches).toEqual([...branches].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(data.every((r) => r[6] === null || /^\d{12}$/.test(String(r[6])))).toBe(true);
  });

  it('masks CCCD and phone for a viewer, and audits the export', async () => {
    const viewer = await t.accountWithRole('viewer', 'HCH');
    const res = await t.call('GET', `/api/units/${ids.TDP1}/registers/members.xlsx`, viewer.cookie);
    const data = dataRows((await readXlsx(res.rawPayload)).rows);
    expect(data.length).toBeGreaterThan(0);
    expect(data.every((r) => r[6] === null || /^\*{9}\d{3}$/.test(String(r[6])))).toBe(true);
    const entries = await t.database.db.select().from(auditLog).where(eq(auditLog.entity, 'register_export'));
    const mine = entries.filter((e) => e.actorName === viewer.username);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ action: 'export', unitId: ids.TDP1 });
    expect(mine[0]!.after).toEqual({ register: 'members', year: null, rows: data.length, personal: false });
  });
});

describe('sổ kết nạp và cấp thẻ', () => {
  it('lists the cards issued by the subtree in the year, by date, with the admission decision', async () => {
    const res = await t.call(
      'GET',
      `/api/units/${ids.HCH}/registers/admissions-cards.xlsx?year=2026`,
      await t.as('xadoan'),
    );
    expect(res.statusCode).toBe(200);
    const { rows } = await readXlsx(res.rawPayload);
    expect(rows[1]![0]).toBe('SỔ KẾT NẠP ĐOÀN VIÊN VÀ CẤP THẺ ĐOÀN VIÊN');
    expect(rows[4]).toEqual([
      'STT',
      'Họ và tên',
      'Ngày sinh',
      'Giới tính',
      'Chi đoàn',
      'Ngày kết nạp',
      'Quyết định chuẩn y',
      'Số thẻ đoàn viên',
      'Ngày cấp thẻ',
      'Lý do cấp',
      'Tình trạng thẻ',
      'Đơn vị cấp',
    ]);
    const data = dataRows(rows);
    expect(data.map((r) => [r[0], r[1], r[7], r[9]])).toEqual([
      [1, m[1]!.fullName, 'HCH-000902', 'Cấp lại do mất'],
      [2, m[0]!.fullName, 'HCH-000901', 'Kết nạp mới'],
    ]);
    expect(data[1]![5]).toEqual(new Date('2026-03-26T00:00:00Z'));
    expect(data[1]![6]).toBe(`${decision} ngày 10/03/2026`);
    const all = await t.call('GET', `/api/units/${ids.HCH}/registers/admissions-cards.xlsx`, await t.as('xadoan'));
    expect(dataRows((await readXlsx(all.rawPayload)).rows).map((r) => r[7])).toEqual([
      'HCH-000903',
      'HCH-000902',
      'HCH-000901',
    ]);
  });
});

describe('sổ chuyển đi, chuyển đến', () => {
  it('has a "Chuyển đi" and a "Chuyển đến" sheet, leaving out internal moves, drafts and other years', async () => {
    const res = await t.call('GET', `/api/units/${ids.HCH}/registers/transfers.xlsx?year=2026`, await t.as('xadoan'));
    expect(res.statusCode).toBe(200);
    const sheets = await readSheets(res.rawPayload);
    expect(sheets.map((s) => s.name)).toEqual(['Chuyển đi', 'Chuyển đến']);
    const [out, inbound] = sheets;
    expect(out!.rows[1]![0]).toBe('SỔ CHUYỂN SINH HOẠT ĐOÀN – CHUYỂN ĐI');
    const outRows = dataRows(out!.rows);
    expect(outRows.map((r) => [r[1], r[6], r[8]])).toEqual([
      [m[1]!.fullName, 'Đoàn phường Bến Nghé, TP. Hồ Chí Minh', 'R-OUT-2'],
      [m[0]!.fullName, 'Đoàn phường Hội An', 'R-OUT-1'],
    ]);
    expect(outRows[1]![7]).toBe(letter);
    expect(outRows[1]![10]).toBe('03/2026');
    expect(outRows[1]![11]).toBe('Đang chuyển');
    expect(String(outRows[1]![3])).toMatch(/^\d{12}$/);
    const inRows = dataRows(inbound!.rows);
    expect(inRows.map((r) => [r[1], r[5], r[10], r[11]])).toEqual([
      [m[3]!.fullName, 'Đoàn phường Hội An', 'Chi đoàn Tổ dân phố 2', 'Đã tiếp nhận'],
    ]);
    expect(res.headers['x-total-count']).toBe('3');
  });

  it('is refused outside the scope', async () => {
    const outsider = await t.accountWithRole('unit_admin', 'LDG');
    for (const kind of ['members', 'admissions-cards', 'transfers']) {
      const res = await t.call('GET', `/api/units/${ids.HCH}/registers/${kind}.xlsx`, outsider.cookie);
      expect(res.statusCode).toBe(404);
    }
  });
});
