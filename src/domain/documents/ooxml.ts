/**
 * Small builders of WordprocessingML (the XML inside a .docx): the default templates are written with them,
 * and so are the parts of a document whose shape depends on the data (body paragraphs, the list table).
 */

/** Text made safe inside XML; characters XML 1.0 forbids are dropped. */
export function escapeXml(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** Character formatting of a run. */
export interface RunStyle {
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  /** Size in points. */
  size?: number;
}

/** Paragraph formatting. */
export interface ParagraphStyle {
  align?: 'left' | 'center' | 'right' | 'both';
  /** First-line indent in twentieths of a point (567 = 1 cm). */
  firstLine?: number;
  /** Space before and after, in twentieths of a point. */
  before?: number;
  after?: number;
  /** Line spacing in 240ths of a line (240 = single). */
  line?: number;
  keepNext?: boolean;
}

function runProperties(style: RunStyle): string {
  const parts = [
    style.bold ? '<w:b/><w:bCs/>' : '',
    style.italic ? '<w:i/><w:iCs/>' : '',
    style.underline ? '<w:u w:val="single"/>' : '',
    style.size ? `<w:sz w:val="${style.size * 2}"/><w:szCs w:val="${style.size * 2}"/>` : '',
  ].join('');
  return parts ? `<w:rPr>${parts}</w:rPr>` : '';
}

/** A run of text; `raw` keeps the text as it is (a template placeholder), otherwise it is escaped. */
export function run(text: string, style: RunStyle = {}, raw = false): string {
  return `<w:r>${runProperties(style)}<w:t xml:space="preserve">${raw ? text : escapeXml(text)}</w:t></w:r>`;
}

/** A paragraph of runs (already built with `run`). */
export function paragraph(runs: string | string[], style: ParagraphStyle = {}, runStyle: RunStyle = {}): string {
  const spacing =
    style.before !== undefined || style.after !== undefined || style.line !== undefined
      ? `<w:spacing${style.before !== undefined ? ` w:before="${style.before}"` : ''}${
          style.after !== undefined ? ` w:after="${style.after}"` : ''
        }${style.line !== undefined ? ` w:line="${style.line}" w:lineRule="auto"` : ''}/>`
      : '';
  const props = [
    style.keepNext ? '<w:keepNext/>' : '',
    spacing,
    style.firstLine ? `<w:ind w:firstLine="${style.firstLine}"/>` : '',
    style.align ? `<w:jc w:val="${style.align}"/>` : '',
    runProperties(runStyle),
  ].join('');
  return `<w:p>${props ? `<w:pPr>${props}</w:pPr>` : ''}${Array.isArray(runs) ? runs.join('') : runs}</w:p>`;
}

const BORDER_NAMES = ['top', 'left', 'bottom', 'right', 'insideH', 'insideV'] as const;

/** A table cell holding paragraphs (a cell must hold at least one). */
export function cell(paragraphs: string | string[], width: number, vAlign: 'top' | 'center' = 'top'): string {
  const body = Array.isArray(paragraphs) ? paragraphs.join('') : paragraphs;
  return `<w:tc><w:tcPr><w:tcW w:w="${width}" w:type="dxa"/><w:vAlign w:val="${vAlign}"/></w:tcPr>${
    body || '<w:p/>'
  }</w:tc>`;
}

/** A table of rows of cells (built with `cell`), with column widths in twips; `borders` draws the grid. */
export function table(rows: string[][], widths: number[], options: { borders: boolean; header?: boolean }): string {
  const line = options.borders ? 'w:val="single" w:sz="4" w:space="0" w:color="000000"' : 'w:val="nil"';
  const borders = BORDER_NAMES.map((b) => `<w:${b} ${line}/>`).join('');
  const total = widths.reduce((a, b) => a + b, 0);
  const grid = widths.map((w) => `<w:gridCol w:w="${w}"/>`).join('');
  const body = rows
    .map((cells, i) => {
      const header =
        options.header && i === 0 ? '<w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>' : '<w:trPr><w:cantSplit/></w:trPr>';
      return `<w:tr>${header}${cells.join('')}</w:tr>`;
    })
    .join('');
  return (
    `<w:tbl><w:tblPr><w:tblW w:w="${total}" w:type="dxa"/><w:jc w:val="center"/><w:tblBorders>${borders}</w:tblBorders>` +
    `<w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="85" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar>` +
    `</w:tblPr><w:tblGrid>${grid}</w:tblGrid>${body}</w:tbl>`
  );
}

/** Width of the text on an A4 page with the margins of the default templates (30 mm left, 15 mm right). */
export const TEXT_WIDTH = 11906 - 1701 - 850;

/** How a body paragraph is printed. */
export type BodyLineKind = 'heading' | 'basis' | 'article' | 'text';

/**
 * The role of a body paragraph, from its text: a line in capitals ending with ":" ("QUYẾT ĐỊNH:") is a
 * centred heading; "Căn cứ ..." and "Xét ..." are the legal bases (italic); "Điều 1. ..." is an article
 * (its number in bold); anything else is plain justified text.
 */
export function bodyLineKind(text: string): BodyLineKind {
  const t = text.trim();
  if (/\p{L}/u.test(t) && t === t.toLocaleUpperCase('vi') && t.length <= 120) return 'heading';
  if (/^(căn cứ|xét)\s/iu.test(t)) return 'basis';
  if (/^điều\s+\d+[.:]/iu.test(t)) return 'article';
  return 'text';
}

const BODY_SIZE = 14;

/** The body paragraphs as WordprocessingML, each formatted by its role (see `bodyLineKind`). */
export function bodyXml(lines: readonly string[]): string {
  return lines
    .map((line) => {
      const text = line.trim();
      switch (bodyLineKind(text)) {
        case 'heading':
          return paragraph(run(text, { bold: true, size: BODY_SIZE }), { align: 'center', before: 120, after: 120 });
        case 'basis':
          return paragraph(run(text, { italic: true, size: BODY_SIZE }), { align: 'both', firstLine: 567, after: 60 });
        case 'article': {
          const [, head = '', rest = ''] = /^(điều\s+\d+[.:])(.*)$/isu.exec(text) ?? [];
          return paragraph([run(head, { bold: true, size: BODY_SIZE }), run(rest, { size: BODY_SIZE })], {
            align: 'both',
            firstLine: 567,
            after: 60,
          });
        }
        default:
          return paragraph(run(text, { size: BODY_SIZE }), { align: 'both', firstLine: 567, after: 60 });
      }
    })
    .join('');
}

/** Column key -> header of a list, in order. */
export type Columns = Record<string, string>;

/** The list attached to a document as a bordered table: "STT", then the columns; empty without rows. */
export function rowsTableXml(
  columns: Columns | undefined,
  rows: readonly Record<string, string>[] | undefined,
): string {
  if (!rows || rows.length === 0) return '';
  const keys = columns && Object.keys(columns).length > 0 ? Object.keys(columns) : Object.keys(rows[0] ?? {});
  const stt = 700;
  const rest = Math.floor((TEXT_WIDTH - stt) / Math.max(keys.length, 1));
  const widths = [stt, ...keys.map(() => rest)];
  const size = 12;
  const text = (value: string, bold = false, align: ParagraphStyle['align'] = 'left') =>
    paragraph(run(value, { bold, size }), { align, before: 40, after: 40 });
  const header = [
    cell(text('STT', true, 'center'), stt, 'center'),
    ...keys.map((k) => cell(text(columns?.[k] ?? k, true, 'center'), rest, 'center')),
  ];
  const body = rows.map((row, i) => [
    cell(text(String(i + 1), false, 'center'), stt),
    ...keys.map((k) => cell(text(row[k] ?? ''), rest)),
  ]);
  return table([header, ...body], widths, { borders: true, header: true });
}
