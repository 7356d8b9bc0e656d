import { z } from 'zod';
import { DOCUMENT_KIND_KEYS } from '../domain/documents/document-kinds.js';
import { id, isoDate, pageOf } from './common.js';

/** A document kind (see DOCUMENT_KINDS). */
export const documentKind = z.enum(DOCUMENT_KIND_KEYS, { error: 'Loại văn bản không hợp lệ.' });

/** A year of documents or registers. */
export const documentYear = z.coerce
  .number({ error: 'Năm không hợp lệ.' })
  .int({ error: 'Năm không hợp lệ.' })
  .min(1956, { error: 'Năm không hợp lệ.' })
  .max(2200, { error: 'Năm không hợp lệ.' });

/** Filters of the document list. */
export const documentListQuery = z.object({
  /** Documents issued by this unit and the units below it. */
  unitId: id,
  kind: documentKind.optional(),
  year: documentYear.optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type DocumentListQuery = z.infer<typeof documentListQuery>;

/** An issued document's metadata. */
export const documentDto = z.object({
  id,
  /** The issuing unit. */
  unitId: id,
  unitName: z.string(),
  kind: z.string(),
  /** The kind's title ("Quyết định chuẩn y kết nạp đoàn viên"). */
  kindTitle: z.string(),
  year: z.number().int(),
  number: z.number().int(),
  /** Number and symbol as printed: "15-QĐ/ĐTN". */
  numberText: z.string(),
  issuedOn: isoDate,
  place: z.string().nullable(),
  subject: z.string(),
  signerTitle: z.string().nullable(),
  signerName: z.string().nullable(),
  /** The entity the document decides on ("admission_candidate", "transfer"...), and its id. */
  entity: z.string().nullable(),
  entityId: z.string().nullable(),
  createdByName: z.string().nullable(),
  createdAt: z.string(),
  /** File name of the download: "15-QĐ-ĐTN.docx". */
  fileName: z.string(),
});
export type DocumentDto = z.infer<typeof documentDto>;

/** A page of documents, newest first. */
export const documentPage = pageOf(documentDto);
export type DocumentPage = z.infer<typeof documentPage>;

/** Path parameters of a unit's template of one kind. */
export const templateParams = z.object({ unitId: id, kind: documentKind });

/** Where the template a unit uses for a kind comes from. */
export const templateSource = z.enum(['default', 'own', 'inherited']);

/** The template a unit uses for one kind of document. */
export const documentTemplateDto = z.object({
  kind: documentKind,
  kindTitle: z.string(),
  /** default: shipped in templates/; own: uploaded by this unit; inherited: uploaded by a unit above. */
  source: templateSource,
  /** The unit whose template applies (own or inherited), null for the default. */
  fromUnitId: id.nullable(),
  fromUnitName: z.string().nullable(),
  fileName: z.string(),
  uploadedByName: z.string().nullable(),
  uploadedAt: z.string().nullable(),
  /** Earlier templates of this unit and kind, kept inactive. */
  previousCount: z.number().int(),
});
export type DocumentTemplateDto = z.infer<typeof documentTemplateDto>;

/** The largest template accepted. */
export const MAX_TEMPLATE_BYTES = 5 * 1024 * 1024;
