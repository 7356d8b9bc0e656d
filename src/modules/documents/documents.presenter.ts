import type { DocumentDto } from '../../contracts/documents.js';
import { DOCUMENT_KINDS, type DocumentKind } from '../../domain/documents/document-kinds.js';
import { documentFileName } from '../../domain/documents/file-name.js';
import type { DocumentRow } from './documents.queries.js';

/** A document row with its issuing unit's name and its creator's name. */
export interface DocumentWithNames {
  document: DocumentRow;
  unitName: string;
  createdByName: string | null;
}

/** The API shape of an issued document's metadata. */
export function toDocumentDto({ document: d, unitName, createdByName }: DocumentWithNames): DocumentDto {
  return {
    id: d.id,
    unitId: d.unitId,
    unitName,
    kind: d.kind,
    kindTitle: DOCUMENT_KINDS[d.kind as DocumentKind]?.title ?? d.kind,
    year: d.year,
    number: d.number,
    numberText: d.numberText,
    issuedOn: d.issuedOn,
    place: d.place,
    subject: d.subject,
    signerTitle: d.signerTitle,
    signerName: d.signerName,
    entity: d.entity,
    entityId: d.entityId,
    createdByName,
    createdAt: d.createdAt.toISOString(),
    fileName: documentFileName(d.numberText),
  };
}
