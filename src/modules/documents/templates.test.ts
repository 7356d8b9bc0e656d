import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, count, eq } from 'drizzle-orm';
import PizZip from 'pizzip';
import { auditLog, documentTemplates } from '../../db/schema/index.js';
import { startTestApp, type TestApp } from '../../../tests/helpers/test-app.js';
import type { DocumentTemplateDto } from '../../contracts/documents.js';
import { DOCUMENT_KIND_KEYS } from '../../domain/documents/document-kinds.js';
import { editedTemplate, issueIn, putTemplate } from './documents.fixtures.js';
import { defaultTemplate, docxText } from './documents.render.js';

let t: TestApp;
let hch: string;
let admin: string;
const OWN = 'MẪU RIÊNG CỦA PHƯỜNG';

beforeAll(async () => {
  t = await startTestApp();
  hch = await t.unitId('HCH');
  admin = (await t.accountWithRole('unit_admin', 'HCH')).cookie;
});
afterAll(async () => {
  await t.close();
});

const stored = async () =>
  (await t.database.db.select({ n: count() }).from(documentTemplates).where(eq(documentTemplates.unitId, hch)))[0]!.n;
const audits = async () => (await t.database.db.select({ n: count() }).from(auditLog))[0]!.n;
const ownTemplate = () =>
  editedTemplate('admission_approval', (xml) =>
    xml.replace('ĐOÀN TNCS HỒ CHÍ MINH', `ĐOÀN TNCS HỒ CHÍ MINH – ${OWN} {memberName}`),
  );

describe('unit templates', () => {
  it('lists every kind with the default for a unit without its own', async () => {
    const res = await t.call('GET', `/api/units/${hch}/document-templates`, admin);
    expect(res.statusCode).toBe(200);
    const list = res.json<DocumentTemplateDto[]>();
    expect(list.map((x) => x.kind)).toEqual(DOCUMENT_KIND_KEYS);
    expect(list[0]).toMatchObject({ source: 'default', fileName: 'admission-approval.docx', fromUnitId: null });
  });

  it('needs document.template: a cadre reads documents but not templates', async () => {
    const res = await t.call('GET', `/api/units/${hch}/document-templates`, await t.as('xadoan'));
    expect(res.statusCode).toBe(403);
  });

  it('refuses a bad template with 422 naming the problem, and stores nothing', async () => {
    const before = [await stored(), await audits()];
    const unclosed = await editedTemplate('admission_approval', (xml) => xml.replace('{numberText}', '{numberText'));
    const res = await putTemplate(t, admin, hch, 'admission_approval', { name: 'mau-loi.docx', bytes: unclosed });
    expect(res.statusCode).toBe(422);
    expect(res.json<{ error: { message: string } }>().error.message).toMatch(
      /^Mẫu văn bản có lỗi: Thẻ bắt đầu bằng "\{numberText.*" chưa được đóng: thiếu dấu "\}"\.$/,
    );
    const loop = await editedTemplate('admission_approval', (xml) => xml.replace('{/recipients}', ''));
    const looped = await putTemplate(t, admin, hch, 'admission_approval', { name: 'vong-lap.docx', bytes: loop });
    expect(looped.statusCode).toBe(422);
    expect(looped.body).toContain('Vòng lặp {#recipients} chưa được đóng');
    const notZip = await putTemplate(t, admin, hch, 'admission_approval', {
      name: 'mau.docx',
      bytes: Buffer.from('không phải tệp nén'),
    });
    expect(notZip.statusCode).toBe(422);
    expect(notZip.body).toContain('không phải tệp Word .docx');
    const zip = new PizZip();
    zip.file('xl/workbook.xml', '<workbook/>');
    const noDocument = await putTemplate(t, admin, hch, 'admission_approval', {
      name: 'bang-tinh.docx',
      bytes: zip.generate({ type: 'nodebuffer' }),
    });
    expect(noDocument.statusCode).toBe(422);
    expect(noDocument.body).toContain('thiếu phần word/document.xml');
    const macro = new PizZip(await defaultTemplate('admission_approval'));
    macro.file('word/vbaProject.bin', 'macro');
    const withMacro = await putTemplate(t, admin, hch, 'admission_approval', {
      name: 'co-macro.docx',
      bytes: macro.generate({ type: 'nodebuffer' }),
    });
    expect(withMacro.statusCode).toBe(422);
    expect(withMacro.body).toContain('có chứa macro');
    const bomb = new PizZip(await defaultTemplate('admission_approval'));
    bomb.file('word/media/big.bin', Buffer.alloc(60 * 1024 * 1024));
    const tooBig = await putTemplate(t, admin, hch, 'admission_approval', {
      name: 'lon.docx',
      bytes: bomb.generate({ type: 'nodebuffer', compression: 'DEFLATE' }),
    });
    expect(tooBig.statusCode).toBe(422);
    expect(tooBig.body).toContain('quá lớn khi giải nén');
    const wrongName = await putTemplate(t, admin, hch, 'admission_approval', { name: 'mau.doc', bytes: unclosed });
    expect(wrongName.statusCode).toBe(422);
    expect([await stored(), await audits()]).toEqual(before);
  });

  it('uses an uploaded template for the unit and the units below, for that kind only', async () => {
    const bytes = await ownTemplate();
    const res = await putTemplate(t, admin, hch, 'admission_approval', { name: 'Mẫu chuẩn y.docx', bytes });
    expect(res.statusCode).toBe(200);
    expect(res.json<DocumentTemplateDto>()).toMatchObject({
      source: 'own',
      fileName: 'Mẫu chuẩn y.docx',
      fromUnitName: 'Đoàn phường Hải Châu',
      uploadedByName: 'Thử unit_admin',
    });
    const doc = await t.database.db.transaction((tx) => issueIn(tx, 'HCH'));
    const text = docxText((await t.call('GET', `/api/documents/${doc.id}/file`, admin)).rawPayload);
    expect(text).toContain(`${OWN} Nguyễn Văn Thử`);
    expect(text).toContain(`Số: ${doc.numberText}`);
    const other = await t.database.db.transaction((tx) => issueIn(tx, 'HCH', { kind: 'removal_decision' }));
    expect(docxText((await t.call('GET', `/api/documents/${other.id}/file`, admin)).rawPayload)).not.toContain(OWN);
    const below = (await t.call('GET', `/api/units/${await t.unitId('TDP1')}/document-templates`, admin)).json<
      DocumentTemplateDto[]
    >();
    expect(below[0]).toMatchObject({ source: 'inherited', fromUnitId: hch });
    const file = await t.call('GET', `/api/units/${hch}/document-templates/admission_approval/file`, admin);
    expect(file.headers['content-disposition']).toContain("filename*=UTF-8''M%E1%BA%ABu%20chu%E1%BA%A9n%20y.docx");
    expect(Buffer.compare(file.rawPayload, bytes)).toBe(0);
  });

  it('previews the template in use with sample data under the unit heading', async () => {
    const res = await t.call('GET', `/api/units/${hch}/document-templates/admission_approval/preview`, admin);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain('filename="xem-truoc-admission-approval.docx"');
    const text = docxText(res.rawPayload);
    expect(text).toContain(`${OWN} Nguyễn Văn An`);
    expect(text).toContain('BCH ĐOÀN PHƯỜNG HẢI CHÂU');
    expect(text).toContain('Số: 15-QĐ/ĐTN');
    const batch = docxText(
      (await t.call('GET', `/api/units/${hch}/document-templates/batch_admission/preview`, admin)).rawPayload,
    );
    expect(batch).toContain('STT\nHọ và tên\nNgày sinh\nChi đoàn\n1\nNguyễn Văn An');
  });

  it('goes back to the default, keeping the own template as history', async () => {
    const second = await putTemplate(t, admin, hch, 'admission_approval', {
      name: 'lan-2.docx',
      bytes: await ownTemplate(),
    });
    expect(second.statusCode).toBe(200);
    const res = await t.call('DELETE', `/api/units/${hch}/document-templates/admission_approval`, admin);
    expect(res.statusCode).toBe(200);
    expect(res.json<DocumentTemplateDto>()).toMatchObject({ source: 'default', previousCount: 2 });
    const rows = await t.database.db
      .select({ active: documentTemplates.active, fileName: documentTemplates.fileName })
      .from(documentTemplates)
      .where(and(eq(documentTemplates.unitId, hch), eq(documentTemplates.kind, 'admission_approval')));
    expect(rows.map((r) => r.active)).toEqual([false, false]);
    const file = await t.call('GET', `/api/units/${hch}/document-templates/admission_approval/file`, admin);
    expect(Buffer.compare(file.rawPayload, await defaultTemplate('admission_approval'))).toBe(0);
    const again = await t.call('DELETE', `/api/units/${hch}/document-templates/admission_approval`, admin);
    expect(again.statusCode).toBe(404);
    const entries = await t.database.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.entity, 'document_template'));
    expect(entries.map((e) => e.action).sort()).toEqual(['reset', 'upload', 'upload']);
  });
});
