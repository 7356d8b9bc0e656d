import type { Db, DbOrTx } from '../../db/client.js';
import type { Actor } from '../../auth/actor.js';
import type { DocumentTemplateDto } from '../../contracts/documents.js';
import { fail } from '../../domain/errors.js';
import {
  DOCUMENT_KIND_KEYS,
  DOCUMENT_KINDS,
  defaultTemplateFileName,
  type DocumentKind,
} from '../../domain/documents/document-kinds.js';
import { sampleDocument } from '../../domain/documents/document-samples.js';
import { buildTemplateData, type TemplateData } from '../../domain/documents/template-data.js';
import { todayInVietnam } from '../../domain/text/dates.js';
import { audit, type RequestContext } from '../audit/audit.service.js';
import { loadForAction } from '../org-units/org-units.service.js';
import { issuerAsOf } from './documents.queries.js';
import { checkTemplate, renderDocx } from './documents.render.js';
import type { FileDownload } from './documents.service.js';
import { templateFor } from './documents.service.js';
import * as q from './templates.queries.js';

type Ctx = RequestContext & { actor: Actor };

/** An uploaded .docx. */
export interface TemplateUpload {
  fileName: string;
  bytes: Buffer;
}

function toDto(
  kind: DocumentKind,
  unitId: string,
  stored: q.TemplateInUse | undefined,
  previous: Map<string, number>,
): DocumentTemplateDto {
  const source = !stored ? 'default' : stored.unitId === unitId ? 'own' : 'inherited';
  return {
    kind,
    kindTitle: DOCUMENT_KINDS[kind].title,
    source,
    fromUnitId: stored?.unitId ?? null,
    fromUnitName: stored?.unitName ?? null,
    fileName: stored?.fileName ?? defaultTemplateFileName(kind),
    uploadedByName: stored?.uploadedByName ?? null,
    uploadedAt: stored ? new Date(stored.uploadedAt).toISOString() : null,
    previousCount: previous.get(kind) ?? 0,
  };
}

/** Checks `document.template` on the unit before an upload is read: 404 outside the scope, 403 without the right. */
export async function authorizeTemplates(db: DbOrTx, actor: Actor, unitId: string): Promise<void> {
  await loadForAction(db, actor, unitId, 'document.template');
}

/** For every kind, the template the unit uses (default, own, or a unit above's); needs `document.template`. */
export async function listTemplates(db: DbOrTx, actor: Actor, unitId: string): Promise<DocumentTemplateDto[]> {
  const unit = await loadForAction(db, actor, unitId, 'document.template');
  const [inUse, previous] = await Promise.all([q.templatesInUse(db, unit.path), q.previousCounts(db, unit.id)]);
  const byKind = new Map(inUse.map((t) => [t.kind, t]));
  return DOCUMENT_KIND_KEYS.map((kind) => toDto(kind, unit.id, byKind.get(kind), previous));
}

async function sampleData(db: DbOrTx, unit: { id: string; path: string }, kind: DocumentKind): Promise<TemplateData> {
  const today = todayInVietnam();
  return buildTemplateData(sampleDocument(kind, today), await issuerAsOf(db, unit.id, unit.path, today));
}

async function templateDto(db: DbOrTx, unit: { id: string; path: string }, kind: DocumentKind) {
  const [stored] = await q.templatesInUse(db, unit.path, kind);
  return toDto(kind, unit.id, stored, await q.previousCounts(db, unit.id));
}

/**
 * Stores a unit's own template of a kind after checking it renders (zip, word/document.xml, docxtemplater
 * syntax); the previous one is kept inactive. A bad template is refused with 422 and nothing is stored.
 */
export async function uploadTemplate(
  db: Db,
  ctx: Ctx,
  unitId: string,
  kind: DocumentKind,
  upload: TemplateUpload,
): Promise<DocumentTemplateDto> {
  return db.transaction(async (tx) => {
    const unit = await loadForAction(tx, ctx.actor, unitId, 'document.template', true);
    if (unit.closedOn) throw fail.rule('Đơn vị đã ngừng hoạt động: không tải mẫu văn bản mới.');
    checkTemplate(upload.bytes, upload.fileName, await sampleData(tx, unit, kind));
    const previous = await q.deactivateOwn(tx, unit.id, kind);
    const id = await q.insertTemplate(tx, {
      unitId: unit.id,
      kind,
      fileName: upload.fileName,
      data: upload.bytes,
      uploadedBy: ctx.actor.userId,
    });
    await audit(tx, ctx, {
      entity: 'document_template',
      entityId: id,
      action: 'upload',
      unitId: unit.id,
      unitPath: unit.path,
      before: previous ? { kind, fileName: previous.fileName } : null,
      after: { kind, fileName: upload.fileName, bytes: upload.bytes.length },
    });
    return templateDto(tx, unit, kind);
  });
}

/** Goes back to the default (or a unit above's) template: the unit's own one stays, inactive, as history. */
export async function resetTemplate(
  db: Db,
  ctx: Ctx,
  unitId: string,
  kind: DocumentKind,
): Promise<DocumentTemplateDto> {
  return db.transaction(async (tx) => {
    const unit = await loadForAction(tx, ctx.actor, unitId, 'document.template', true);
    const previous = await q.deactivateOwn(tx, unit.id, kind);
    if (!previous) throw fail.notFound('mẫu riêng của đơn vị cho loại văn bản này');
    await audit(tx, ctx, {
      entity: 'document_template',
      entityId: previous.id,
      action: 'reset',
      unitId: unit.id,
      unitPath: unit.path,
      before: { kind, fileName: previous.fileName },
      after: { kind, active: false },
    });
    return templateDto(tx, unit, kind);
  });
}

/** The template the unit uses for a kind, as stored (to start a new one from it). */
export async function templateFile(
  db: DbOrTx,
  actor: Actor,
  unitId: string,
  kind: DocumentKind,
): Promise<FileDownload> {
  const unit = await loadForAction(db, actor, unitId, 'document.template');
  const { stored, bytes } = await templateFor(db, unit.path, kind);
  return { fileName: stored?.fileName ?? defaultTemplateFileName(kind), bytes };
}

/** The template the unit uses for a kind, rendered with sample data under the unit's own heading. */
export async function previewTemplate(
  db: DbOrTx,
  actor: Actor,
  unitId: string,
  kind: DocumentKind,
): Promise<FileDownload> {
  const unit = await loadForAction(db, actor, unitId, 'document.template');
  const { bytes } = await templateFor(db, unit.path, kind);
  const name = defaultTemplateFileName(kind).replace(/\.docx$/, '');
  return { fileName: `xem-truoc-${name}.docx`, bytes: renderDocx(bytes, await sampleData(db, unit, kind)) };
}
