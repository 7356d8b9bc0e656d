import { eq } from 'drizzle-orm';
import PizZip from 'pizzip';
import type { LightMyRequestResponse } from 'fastify';
import type { DbOrTx } from '../../db/client.js';
import { units } from '../../db/schema/index.js';
import type { DocumentData } from '../../domain/documents/document-data.js';
import type { DocumentKind } from '../../domain/documents/document-kinds.js';
import type { TestApp } from '../../../tests/helpers/test-app.js';
import { multipart } from '../member-import/member-import.fixtures.js';
import { issueDocument, type IssuedDocument, type IssueDocumentInput } from './documents.issue.js';
import { defaultTemplate } from './documents.render.js';

/** The data of a test decision: two body paragraphs, recipients, a member. */
export const DECISION_DATA: DocumentData = {
  body: [
    'Căn cứ Điều lệ Đoàn TNCS Hồ Chí Minh;',
    'QUYẾT ĐỊNH:',
    'Điều 1. Chuẩn y kết nạp đoàn viên Nguyễn Văn Thử, sinh ngày 01/02/2009.',
  ],
  recipients: ['- Như Điều 1;', '- Lưu VP.'],
  fields: { memberName: 'Nguyễn Văn Thử' },
};

/** Issues a document of a unit (by code) in its own transaction, as a procedure would. */
export async function issueIn(
  db: DbOrTx,
  unitCode: string,
  over: Partial<IssueDocumentInput> = {},
): Promise<IssuedDocument> {
  const [unit] = await db.select({ id: units.id, path: units.path }).from(units).where(eq(units.code, unitCode));
  if (!unit) throw new Error(`no unit ${unitCode}`);
  return issueDocument(
    db,
    { actor: null, requestId: null },
    {
      unitId: unit.id,
      unitPath: unit.path,
      kind: 'admission_approval',
      issuedOn: '2026-11-23',
      subject: 'Chuẩn y kết nạp đoàn viên',
      data: DECISION_DATA,
      signerName: 'Trần Minh Quân',
      ...over,
    },
  );
}

/** A default template whose document.xml is changed by `edit` (a unit's own template, or a broken one). */
export async function editedTemplate(kind: DocumentKind, edit: (xml: string) => string): Promise<Buffer> {
  const zip = new PizZip(await defaultTemplate(kind));
  zip.file('word/document.xml', edit(zip.file('word/document.xml')!.asText()));
  return zip.generate({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** Uploads a template file for a unit and kind (PUT multipart). */
export async function putTemplate(
  t: TestApp,
  cookie: string,
  unitId: string,
  kind: string,
  file: { name: string; bytes: Buffer },
): Promise<LightMyRequestResponse> {
  const body = multipart({}, file);
  return t.app.inject({
    method: 'PUT',
    url: `/api/units/${unitId}/document-templates/${kind}`,
    headers: { cookie, ...body.headers },
    payload: body.payload,
  });
}
