import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { documents } from '../../db/schema/index.js';
import { startTestApp, type TestApp } from '../../../tests/helpers/test-app.js';
import type { DocumentDto, DocumentPage } from '../../contracts/documents.js';
import { DECISION_DATA, issueIn } from './documents.fixtures.js';
import { docxText } from './documents.render.js';

let t: TestApp;
let hch: string;
let tdp1: string;
beforeAll(async () => {
  t = await startTestApp();
  hch = await t.unitId('HCH');
  tdp1 = await t.unitId('TDP1');
});
afterAll(async () => {
  await t.close();
});

describe('numbering per issuing unit and year', () => {
  it('gives 1 then 2 in one unit and year, and restarts at 1 in a new year', async () => {
    const { db } = t.database;
    const first = await db.transaction((tx) => issueIn(tx, 'NTH', { issuedOn: '2026-03-01' }));
    const second = await db.transaction((tx) => issueIn(tx, 'NTH', { issuedOn: '2026-04-02' }));
    expect([first.number, second.number]).toEqual([1, 2]);
    expect(second.numberText).toBe('2-QĐ/ĐTN');
    const other = await db.transaction((tx) => issueIn(tx, 'PCT', { issuedOn: '2026-04-02' }));
    expect(other.number).toBe(1);
    const nextYear = await db.transaction((tx) => issueIn(tx, 'NTH', { issuedOn: '2027-01-05' }));
    expect(nextYear.number).toBe(1);
  });

  it('never gives one number twice to concurrent transactions, and a rollback gives its number back', async () => {
    const { db } = t.database;
    const issued = await Promise.all(
      Array.from({ length: 6 }, () => db.transaction((tx) => issueIn(tx, 'HTH', { issuedOn: '2026-05-05' }))),
    );
    expect(issued.map((d) => d.number).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6]);
    await expect(
      db.transaction(async (tx) => {
        await issueIn(tx, 'HTH', { issuedOn: '2026-05-06' });
        throw new Error('the procedure failed');
      }),
    ).rejects.toThrow('the procedure failed');
    const next = await db.transaction((tx) => issueIn(tx, 'HTH', { issuedOn: '2026-05-07' }));
    expect(next.number).toBe(7);
    const stored = await db
      .select({ n: documents.number })
      .from(documents)
      .where(and(eq(documents.unitId, await t.unitId('HTH')), eq(documents.year, 2026)));
    expect(stored).toHaveLength(7);
  });
});

describe('rendering', () => {
  it('renders the number, the heading, place and date, title, body, recipients and signer', async () => {
    const doc = await t.database.db.transaction((tx) => issueIn(tx, 'HCH'));
    const res = await t.call('GET', `/api/documents/${doc.id}/file`, await t.as('xadoan'));
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="${doc.number}-QD-DTN.docx"; filename*=UTF-8''${doc.number}-Q%C4%90-%C4%90TN.docx`,
    );
    const text = docxText(res.rawPayload);
    const lines = text.split('\n');
    expect(lines.slice(0, 6)).toEqual([
      'BCH ĐOÀN TP ĐÀ NẴNG',
      'BCH ĐOÀN PHƯỜNG HẢI CHÂU',
      '***',
      `Số: ${doc.numberText}`,
      'ĐOÀN TNCS HỒ CHÍ MINH',
      'Đà Nẵng, ngày 23 tháng 11 năm 2026',
    ]);
    expect(text).toContain('QUYẾT ĐỊNH\nV/v chuẩn y kết nạp đoàn viên\n');
    for (const paragraph of DECISION_DATA.body) expect(text).toContain(paragraph);
    expect(text).toContain('Nơi nhận:\n- Như Điều 1;\n- Lưu VP.\nTM. BAN CHẤP HÀNH\nBÍ THƯ\nTrần Minh Quân');
  });

  it('prints the province of a unit in Lâm Đồng and a list as a numbered table', async () => {
    const doc = await t.database.db.transaction((tx) =>
      issueIn(tx, 'HTH-X', {
        kind: 'batch_admission',
        issuedOn: '2026-01-05',
        data: {
          ...DECISION_DATA,
          rows: [{ fullName: 'K’Brơi', birthDate: '02/02/2009' }],
          columns: { fullName: 'Họ và tên', birthDate: 'Ngày sinh' },
        },
      }),
    );
    const res = await t.call('GET', `/api/documents/${doc.id}/file`, await t.as('admin'));
    const text = docxText(res.rawPayload);
    expect(text).toContain('BCH ĐOÀN HUYỆN ĐỨC TRỌNG\nBCH ĐOÀN XÃ HIỆP THẠNH');
    expect(text).toContain('Lâm Đồng, ngày 05 tháng 01 năm 2026');
    expect(text).toContain('STT\nHọ và tên\nNgày sinh\n1\nK’Brơi\n02/02/2009');
  });
});

describe('list and metadata', () => {
  it('lists the documents of a subtree, newest first, by kind and year, page by page', async () => {
    const { db } = t.database;
    await db.transaction((tx) => issueIn(tx, 'BVDN', { issuedOn: '2025-12-30', kind: 'transfer_letter' }));
    await db.transaction((tx) => issueIn(tx, 'BVDN', { issuedOn: '2026-02-01' }));
    await db.transaction((tx) => issueIn(tx, 'BVDN', { issuedOn: '2026-02-03' }));
    const cookie = await t.as('tinhdoan');
    const bvdn = await t.unitId('BVDN');
    const all = (await t.call('GET', `/api/documents?unitId=${bvdn}`, cookie)).json<DocumentPage>();
    expect(all.items.map((d) => d.issuedOn)).toEqual(['2026-02-03', '2026-02-01', '2025-12-30']);
    expect(all.items[0]).toMatchObject({
      unitName: 'Chi đoàn cơ sở Bệnh viện Đà Nẵng',
      kind: 'admission_approval',
      numberText: '2-QĐ/ĐTN',
      fileName: '2-QĐ-ĐTN.docx',
    });
    const first = (await t.call('GET', `/api/documents?unitId=${bvdn}&limit=2`, cookie)).json<DocumentPage>();
    expect(first.items).toHaveLength(2);
    const rest = (
      await t.call('GET', `/api/documents?unitId=${bvdn}&limit=2&cursor=${first.next}`, cookie)
    ).json<DocumentPage>();
    expect(rest.items.map((d) => d.issuedOn)).toEqual(['2025-12-30']);
    expect(rest.next).toBeNull();
    const year = (await t.call('GET', `/api/documents?unitId=${bvdn}&year=2025`, cookie)).json<DocumentPage>();
    expect(year.items.map((d) => d.kind)).toEqual(['transfer_letter']);
    const kind = (
      await t.call('GET', `/api/documents?unitId=${bvdn}&kind=admission_approval`, cookie)
    ).json<DocumentPage>();
    expect(kind.items).toHaveLength(2);
    const province = (
      await t.call('GET', `/api/documents?unitId=${await t.unitId('DNG')}&limit=200`, cookie)
    ).json<DocumentPage>();
    expect(province.items.some((d) => d.unitName === 'Đoàn phường Hải Châu')).toBe(true);
    expect(province.items.some((d) => d.unitName === 'Đoàn xã Hiệp Thạnh')).toBe(false);
    expect((await t.call('GET', `/api/documents?unitId=${bvdn}&cursor=xyz`, cookie)).statusCode).toBe(400);
  });

  it('shows a superior decision on a member to the member unit, without listing it there', async () => {
    const doc = await t.database.db.transaction((tx) =>
      issueIn(tx, 'DNG', { data: { ...DECISION_DATA, fields: { memberUnitId: tdp1 } } }),
    );
    const bithu = await t.as('bithu');
    const meta = await t.call('GET', `/api/documents/${doc.id}`, bithu);
    expect(meta.statusCode).toBe(200);
    expect(meta.json<DocumentDto>()).toMatchObject({ unitName: 'Thành đoàn Đà Nẵng', numberText: doc.numberText });
    expect((await t.call('GET', `/api/documents/${doc.id}/file`, bithu)).statusCode).toBe(200);
    const list = (await t.call('GET', `/api/documents?unitId=${tdp1}`, bithu)).json<DocumentPage>();
    expect(list.items.map((d) => d.id)).not.toContain(doc.id);
    const own = await t.database.db.transaction((tx) => issueIn(tx, 'HCH'));
    expect((await t.call('GET', `/api/documents/${own.id}`, bithu)).statusCode).toBe(404);
  });

  it('refuses actors outside the scope and member accounts', async () => {
    const doc = await t.database.db.transaction((tx) => issueIn(tx, 'HCH'));
    const outsider = await t.accountWithRole('unit_admin', 'HAN');
    for (const url of [`/api/documents/${doc.id}`, `/api/documents/${doc.id}/file`, `/api/documents?unitId=${hch}`]) {
      const res = await t.call('GET', url, outsider.cookie);
      expect(res.statusCode, url).toBe(404);
      expect(res.body).not.toContain('Hải Châu');
    }
    const member = await t.accountWithRole('member', 'TDP1');
    expect((await t.call('GET', `/api/documents/${doc.id}`, member.cookie)).statusCode).toBe(404);
    expect((await t.call('GET', `/api/documents?unitId=${tdp1}`, member.cookie)).statusCode).toBe(404);
    expect((await t.call('GET', `/api/documents/${doc.id}`)).statusCode).toBe(401);
  });
});
