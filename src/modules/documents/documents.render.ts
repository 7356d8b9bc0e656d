import { readFile } from 'node:fs/promises';
import Docxtemplater from 'docxtemplater';
import PizZip from 'pizzip';
import { fail } from '../../domain/errors.js';
import { defaultTemplateFileName, type DocumentKind } from '../../domain/documents/document-kinds.js';
import { templateErrorMessage, type TemplateProblem } from '../../domain/documents/template-errors.js';
import type { TemplateData } from '../../domain/documents/template-data.js';

/** Folder of the default templates (templates/ at the repository root). */
const TEMPLATES_DIR = new URL('../../../templates/', import.meta.url);

/** The MIME type of a .docx file. */
export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const OPTIONS = {
  paragraphLoop: true,
  linebreaks: true,
  errorLogging: false,
  nullGetter: () => '',
} as const;

/** The most a template may hold once unzipped (a small zip can expand enormously). */
const MAX_UNPACKED_BYTES = 50 * 1024 * 1024;

const defaults = new Map<DocumentKind, Buffer>();

/** The default template of a kind, from templates/ (read once). */
export async function defaultTemplate(kind: DocumentKind): Promise<Buffer> {
  const cached = defaults.get(kind);
  if (cached) return cached;
  const bytes = await readFile(new URL(defaultTemplateFileName(kind), TEMPLATES_DIR));
  defaults.set(kind, bytes);
  return bytes;
}

function problemsOf(error: unknown): TemplateProblem[] | null {
  if (typeof error !== 'object' || error === null) return null;
  const props = (error as { properties?: { errors?: unknown[]; id?: string } }).properties;
  if (!props) return null;
  const list = Array.isArray(props.errors) ? props.errors : [error];
  return list.map((e) => ((e as { properties?: TemplateProblem }).properties ?? {}) as TemplateProblem);
}

function openZip(bytes: Buffer, fileName: string): PizZip {
  let zip: PizZip;
  try {
    zip = new PizZip(bytes);
  } catch {
    throw fail.rule(`Tệp "${fileName}" không phải tệp Word .docx (không đọc được dạng nén zip).`, 'file');
  }
  if (!zip.file('word/document.xml'))
    throw fail.rule(`Tệp "${fileName}" không phải văn bản Word .docx: thiếu phần word/document.xml.`, 'file');
  if (Object.keys(zip.files).some((name) => /vbaProject\.bin$/i.test(name)))
    throw fail.rule(`Tệp "${fileName}" có chứa macro: hãy lưu mẫu dạng .docx không có macro.`, 'file');
  const unpacked = Object.values(zip.files).reduce(
    (sum, f) => sum + ((f as unknown as { _data?: { uncompressedSize?: number } })._data?.uncompressedSize ?? 0),
    0,
  );
  if (unpacked > MAX_UNPACKED_BYTES)
    throw fail.rule(`Tệp "${fileName}" quá lớn khi giải nén (quá ${MAX_UNPACKED_BYTES / 1024 / 1024} MB).`, 'file');
  return zip;
}

function compile(zip: PizZip): Docxtemplater {
  try {
    return new Docxtemplater(zip, OPTIONS);
  } catch (error) {
    const problems = problemsOf(error);
    if (problems) throw fail.rule(templateErrorMessage(problems), 'file');
    throw fail.rule('Không đọc được nội dung mẫu văn bản (XML trong tệp bị hỏng).', 'file');
  }
}

/** Renders a .docx template with the data; a template error becomes a Vietnamese 422 naming the problem. */
export function renderDocx(template: Buffer, data: TemplateData, fileName = 'mẫu văn bản'): Buffer {
  const doc = compile(openZip(template, fileName));
  try {
    doc.render(data);
  } catch (error) {
    const problems = problemsOf(error);
    if (problems) throw fail.rule(templateErrorMessage(problems), 'file');
    throw error;
  }
  return doc.getZip().generate({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/**
 * Checks an uploaded template: a zip holding word/document.xml that docxtemplater compiles and renders with
 * the sample data. Refuses with a Vietnamese message naming the first problems (e.g. an unclosed tag).
 */
export function checkTemplate(bytes: Buffer, fileName: string, sample: TemplateData): void {
  if (bytes.length === 0) throw fail.rule(`Tệp "${fileName}" rỗng.`, 'file');
  renderDocx(bytes, sample, fileName);
}

/** The text of a rendered .docx (its paragraphs joined by new lines), for checks and tests. */
export function docxText(bytes: Buffer): string {
  const xml = new PizZip(bytes).file('word/document.xml')?.asText() ?? '';
  return xml
    .split(/<\/w:p>/)
    .map((p) =>
      [...p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:br\/>/g)]
        .map((m) => (m[0] === '<w:br/>' ? '\n' : m[1]))
        .join(''),
    )
    .filter((line) => line !== '')
    .join('\n')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}
