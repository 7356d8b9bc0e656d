import type { Db, DbOrTx } from '../../db/client.js';
import type { Actor } from '../../auth/actor.js';
import { scopeOf } from '../../auth/actor.js';
import type { DocumentDto, DocumentListQuery, DocumentPage } from '../../contracts/documents.js';
import { fail } from '../../domain/errors.js';
import { DOCUMENT_KIND_KEYS, type DocumentKind } from '../../domain/documents/document-kinds.js';
import type { DocumentData } from '../../domain/documents/document-data.js';
import { documentFileName } from '../../domain/documents/file-name.js';
import { buildTemplateData } from '../../domain/documents/template-data.js';
import { loadForAction } from '../org-units/org-units.service.js';
import * as q from './documents.queries.js';
import { toDocumentDto } from './documents.presenter.js';
import { defaultTemplate, renderDocx } from './documents.render.js';
import { templateBytes, templatesInUse } from './templates.queries.js';

/** A file ready to be sent. */
export interface FileDownload {
  fileName: string;
  bytes: Buffer;
}

function encodeCursor(c: q.DocumentCursor): string {
  return Buffer.from(JSON.stringify(c)).toString('base64url');
}

function decodeCursor(value: string): q.DocumentCursor {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(value, 'base64url').toString());
    if (
      Array.isArray(parsed) &&
      parsed.length === 3 &&
      parsed.every((p) => typeof p === 'string') &&
      /^\d{4}-\d{2}-\d{2}$/.test(parsed[0] as string) &&
      /^[0-9a-f-]{36}$/.test(parsed[2] as string)
    )
      return parsed as q.DocumentCursor;
  } catch {
    // fall through to the error below
  }
  throw fail.invalid('cursor', 'Con trỏ trang không hợp lệ.');
}

/** Documents issued by a unit's subtree (in the actor's scope), newest first, filtered by kind and year. */
export async function listDocuments(db: Db, actor: Actor, query: DocumentListQuery): Promise<DocumentPage> {
  const unit = await loadForAction(db, actor, query.unitId, 'member.read');
  const found = await q.listDocuments(
    db,
    scopeOf(actor, 'member.read'),
    { unitPath: unit.path, kind: query.kind, year: query.year },
    { limit: query.limit, cursor: query.cursor ? decodeCursor(query.cursor) : undefined },
  );
  const page = found.slice(0, query.limit);
  const last = page[page.length - 1];
  return {
    items: page.map(toDocumentDto),
    next:
      found.length > query.limit && last
        ? encodeCursor([last.document.issuedOn, last.cursorAt, last.document.id])
        : null,
  };
}

async function findVisible(db: DbOrTx, actor: Actor, documentId: string) {
  const found = await q.findDocumentInScope(db, scopeOf(actor, 'member.read'), documentId);
  if (!found) throw fail.notFound('văn bản');
  return found;
}

/** A document's metadata; 404 when neither its issuing unit nor the member's unit is in the actor's scope. */
export async function getDocument(db: DbOrTx, actor: Actor, documentId: string): Promise<DocumentDto> {
  return toDocumentDto(await findVisible(db, actor, documentId));
}

/** The template a unit uses for a kind: its own or its nearest ancestor's, else the default. */
export async function templateFor(db: DbOrTx, unitPath: string, kind: DocumentKind) {
  const [own] = await templatesInUse(db, unitPath, kind);
  const bytes = own ? await templateBytes(db, own.id) : null;
  return { stored: own ?? null, bytes: bytes ?? (await defaultTemplate(kind)) };
}

function isKind(kind: string): kind is DocumentKind {
  return (DOCUMENT_KIND_KEYS as string[]).includes(kind);
}

/** Renders an issued document with the template its issuing unit uses, as .docx. */
export async function documentFile(db: DbOrTx, actor: Actor, documentId: string): Promise<FileDownload> {
  const { document: doc, unitPath } = await findVisible(db, actor, documentId);
  if (!isKind(doc.kind)) throw fail.rule(`Loại văn bản "${doc.kind}" không có mẫu.`);
  const [issuer, template] = await Promise.all([
    q.issuerAsOf(db, doc.unitId, unitPath, doc.issuedOn),
    templateFor(db, unitPath, doc.kind),
  ]);
  const data = buildTemplateData(
    {
      kind: doc.kind,
      number: doc.number,
      symbol: doc.symbol,
      numberText: doc.numberText,
      issuedOn: doc.issuedOn,
      place: doc.place,
      subject: doc.subject,
      data: doc.data as DocumentData,
      signerTitle: doc.signerTitle,
      signerName: doc.signerName,
    },
    issuer,
  );
  return { fileName: documentFileName(doc.numberText), bytes: renderDocx(template.bytes, data) };
}
