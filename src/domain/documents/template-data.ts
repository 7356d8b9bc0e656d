import type { DocumentData } from './document-data.js';
import { DOCUMENT_KINDS, type DocumentKind } from './document-kinds.js';
import {
  aboutText,
  defaultSignerTitle,
  documentDateText,
  headingName,
  placeDateText,
  placeFromProvinceName,
} from './document-text.js';
import { bodyXml, rowsTableXml } from './ooxml.js';
import { formatDateVi } from '../text/dates.js';

/** The issuing unit as it was on the date of issue, with its superior and its province. */
export interface IssuerContext {
  name: string;
  kind: string;
  /** The superior unit's name (printed above the issuer), null for a root unit. */
  parentName: string | null;
  /** The province the unit lies in (the place is derived from it), null above province level. */
  provinceName: string | null;
}

/** What is rendered: an issued document, or sample data for a template preview. */
export interface RenderableDocument {
  kind: DocumentKind;
  number: number;
  symbol: string;
  numberText: string;
  issuedOn: string;
  place: string | null;
  subject: string;
  data: DocumentData;
  signerTitle: string | null;
  signerName: string | null;
}

/** One row of the attached list as a template sees it: its number and the column values. */
export type TemplateRow = Record<string, string> & { stt: string };

/**
 * The values a .docx template is rendered with (docxtemplater tags). Named `fields` are also available
 * at the top level, except where they would hide one of these names.
 */
export interface TemplateData {
  /** Superior body, upper case: "BCH ĐOÀN TP ĐÀ NẴNG". */
  superiorName: string;
  /** Issuing body, upper case: "BCH ĐOÀN PHƯỜNG HẢI CHÂU". */
  issuerName: string;
  /** The issuing unit's name as stored: "Đoàn phường Hải Châu". */
  unitName: string;
  numberText: string;
  number: string;
  symbol: string;
  year: string;
  place: string;
  /** "ngày 23 tháng 11 năm 2026". */
  dateText: string;
  /** "Đà Nẵng, ngày 23 tháng 11 năm 2026". */
  placeDate: string;
  /** dd/mm/yyyy. */
  issuedOn: string;
  /** Type of document in capitals: "QUYẾT ĐỊNH". */
  title: string;
  /** "V/v chuẩn y kết nạp đoàn viên mới", empty for letters and certificates. */
  about: string;
  hasAbout: boolean;
  subject: string;
  body: string[];
  /** The body as formatted paragraphs (raw XML tag `{@bodyXml}`). */
  bodyXml: string;
  hasRows: boolean;
  rows: TemplateRow[];
  columns: { key: string; label: string }[];
  /** The list as a bordered, numbered table (raw XML tag `{@rowsTable}`), empty without rows. */
  rowsTable: string;
  recipients: string[];
  hasRecipients: boolean;
  /** Lines of the signer's title joined by line breaks: "TM. BAN CHẤP HÀNH\nBÍ THƯ". */
  signerTitle: string;
  signerName: string;
  fields: Record<string, string>;
  [field: string]: unknown;
}

/**
 * The signer's title as printed: the given one, else the default of the unit's level. A single "TM. ..." line
 * (on behalf of a committee) is followed by the signer's position, "BÍ THƯ", as the layout asks.
 */
function signerTitleLines(given: string | null, unitKind: string): string {
  if (!given || !given.trim()) return defaultSignerTitle(unitKind);
  const lines = given.trim().split(/\r?\n/);
  return lines.length === 1 && /^TM\.\s/iu.test(lines[0]!) ? `${lines[0]}\nBÍ THƯ` : lines.join('\n');
}

const nonEmpty = (value: string | null | undefined): value is string => Boolean(value && value.trim());

/** Assembles the data a template is rendered with from a document and its issuer (pure: no I/O). */
export function buildTemplateData(doc: RenderableDocument, issuer: IssuerContext): TemplateData {
  const kind = DOCUMENT_KINDS[doc.kind];
  const fields = doc.data.fields ?? {};
  const place = doc.place ?? placeFromProvinceName(issuer.provinceName) ?? '';
  const about = nonEmpty(fields.about) ? fields.about : kind.about ? aboutText(doc.subject) : '';
  const rows = (doc.data.rows ?? []).map((row, i) => ({ ...row, stt: String(i + 1) }));
  const columns = Object.entries(doc.data.columns ?? {}).map(([key, label]) => ({ key, label }));
  const computed = {
    superiorName: nonEmpty(fields.superiorName)
      ? fields.superiorName
      : issuer.parentName
        ? headingName(issuer.parentName)
        : '',
    issuerName: nonEmpty(fields.issuerName) ? fields.issuerName : headingName(issuer.name),
    unitName: issuer.name,
    numberText: doc.numberText,
    number: String(doc.number),
    symbol: doc.symbol,
    year: doc.issuedOn.slice(0, 4),
    place,
    dateText: documentDateText(doc.issuedOn),
    placeDate: placeDateText(place, doc.issuedOn),
    issuedOn: formatDateVi(doc.issuedOn),
    title: nonEmpty(fields.title) ? fields.title : kind.heading,
    about,
    hasAbout: about !== '',
    subject: doc.subject,
    body: doc.data.body,
    bodyXml: bodyXml(doc.data.body),
    hasRows: rows.length > 0,
    rows,
    columns,
    rowsTable: rowsTableXml(doc.data.columns, doc.data.rows),
    recipients: doc.data.recipients,
    hasRecipients: doc.data.recipients.length > 0,
    signerTitle: signerTitleLines(doc.signerTitle, issuer.kind),
    signerName: doc.signerName ?? '',
    fields,
  };
  return { ...fields, ...computed };
}

/** The tags a template may use, by key (their descriptions are in the web catalogue and the README). */
export const TEMPLATE_PLACEHOLDERS: readonly { key: string; tag: string }[] = [
  { key: 'superiorName', tag: '{superiorName}' },
  { key: 'issuerName', tag: '{issuerName}' },
  { key: 'unitName', tag: '{unitName}' },
  { key: 'numberText', tag: '{numberText}' },
  { key: 'placeDate', tag: '{placeDate}' },
  { key: 'dateParts', tag: '{place} {dateText} {issuedOn} {year}' },
  { key: 'title', tag: '{title}' },
  { key: 'about', tag: '{#hasAbout}{about}{/hasAbout}' },
  { key: 'subject', tag: '{subject}' },
  { key: 'body', tag: '{#body}{.}{/body}' },
  { key: 'bodyXml', tag: '{@bodyXml}' },
  { key: 'rowsTable', tag: '{@rowsTable}' },
  { key: 'rows', tag: '{#rows}{stt}. {fullName}{/rows}' },
  { key: 'recipients', tag: '{#recipients}{.}{/recipients}' },
  { key: 'signerTitle', tag: '{signerTitle}' },
  { key: 'signerName', tag: '{signerName}' },
  { key: 'fields', tag: '{memberName} {birthDate} {branchName}' },
];
