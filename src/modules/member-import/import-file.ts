import { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import ExcelJS from 'exceljs';
import { DomainError, fail } from '../../domain/errors.js';
import { parseCsv } from '../../domain/members/import-csv.js';
import type { CellValue } from '../../domain/members/import-headers.js';

/** The spreadsheet formats an import reads. */
export type FileKind = 'xlsx' | 'csv';

/** A row as the spreadsheet numbers it, with its cells from column A. */
export interface SheetRow {
  number: number;
  cells: CellValue[];
}

/** A worksheet (a CSV file is one sheet) and its rows in order. */
export interface Sheet {
  name: string;
  rows: AsyncIterable<SheetRow>;
}

const NOT_A_SHEET = (name: string) =>
  `Tệp "${name}" không phải bảng tính: hãy tải lên tệp Excel (.xlsx) hoặc CSV (.csv).`;

/**
 * Tells an .xlsx from a .csv by content, and refuses what is neither: an empty file, an old .xls,
 * a zip that is not a workbook, a binary file.
 */
export function sniffFile(fileName: string, bytes: Buffer): FileKind {
  if (
    bytes.length === 0 ||
    bytes
      .toString('utf8', 0, 4096)
      .replace(/^\ufeff/, '')
      .trim() === ''
  )
    throw fail.invalid('file', `Tệp "${fileName}" rỗng: không có dữ liệu nào.`);
  if (bytes.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) {
    if (!bytes.includes('xl/workbook.xml', 0, 'latin1')) throw fail.invalid('file', NOT_A_SHEET(fileName));
    return 'xlsx';
  }
  if (bytes.subarray(0, 4).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0])))
    throw fail.invalid(
      'file',
      `Tệp "${fileName}" là Excel 97-2003 (.xls), chưa được hỗ trợ: hãy mở bằng Excel và lưu lại dạng .xlsx hoặc .csv.`,
    );
  const utf16 = bytes[0] === 0xff && bytes[1] === 0xfe;
  const head = bytes.subarray(0, 8192);
  const binary = !utf16 && head.includes(0);
  const extension = fileName.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1] ?? '';
  if (binary || !['csv', 'txt', ''].includes(extension)) throw fail.invalid('file', NOT_A_SHEET(fileName));
  return 'csv';
}

/** Text of a CSV file: UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1258 (old Vietnamese Excel). */
export function decodeCsv(bytes: Buffer): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1258').decode(bytes);
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !(value instanceof Date);
}

/** A cell value as exceljs reads it (rich text, formula, hyperlink, error...) reduced to a plain value. */
export function toCellValue(value: unknown): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value;
  if (!isRecord(value)) return null;
  if (Array.isArray(value.richText))
    return value.richText.map((part: unknown) => (isRecord(part) ? String(part.text ?? '') : '')).join('');
  if ('result' in value) return toCellValue(value.result);
  if ('formula' in value || 'sharedFormula' in value) return null;
  if ('text' in value) return toCellValue(value.text);
  return null;
}

async function* csvRows(bytes: Buffer): AsyncGenerator<SheetRow> {
  let number = 0;
  for (const record of parseCsv(decodeCsv(bytes))) {
    number++;
    yield { number, cells: record.map((v) => v) };
    if (number % 2000 === 0) await new Promise((resolve) => setImmediate(resolve));
  }
}

function unreadable(fileName: string, error: unknown): DomainError {
  if (error instanceof DomainError) return error;
  return fail.invalid('file', `${NOT_A_SHEET(fileName)} (Tệp .xlsx bị hỏng hoặc không đọc được.)`);
}

async function* worksheetRows(worksheet: AsyncIterable<ExcelJS.Row>, fileName: string): AsyncGenerator<SheetRow> {
  const rows = worksheet[Symbol.asyncIterator]();
  for (;;) {
    let next: IteratorResult<ExcelJS.Row>;
    try {
      next = await rows.next();
    } catch (error) {
      throw unreadable(fileName, error);
    }
    if (next.done) return;
    const values = next.value.values as unknown[];
    const cells: CellValue[] = [];
    for (let i = 1; i < values.length; i++) cells.push(toCellValue(values[i]));
    yield { number: next.value.number, cells };
  }
}

async function* utf8Chunks(chunks: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  for await (const chunk of chunks) {
    const text = typeof chunk === 'string' ? chunk : decoder.write(chunk);
    if (text) yield text;
  }
  const tail = decoder.end();
  if (tail) yield tail;
}

interface ReaderInternals {
  _parseWorksheet(iterator: AsyncIterable<Buffer | string>, sheetNo: string): Generator<unknown>;
  _parseSharedStrings(entry: NodeJS.ReadableStream): AsyncGenerator<unknown>;
  _parseWorkbook(entry: NodeJS.ReadableStream): Promise<void>;
}

/**
 * exceljs 4.4 decodes each inflated chunk of XML on its own, so a Vietnamese letter split between two chunks
 * comes out as "\ufffd\ufffd" (exceljs issue #2084, not fixed in a release). These overrides hand its XML parser
 * whole characters: worksheets through a UTF-8 decoder, shared strings and the workbook as text streams.
 */
function decodeWholeCharacters(reader: ExcelJS.stream.xlsx.WorkbookReader): void {
  const r = reader as unknown as ReaderInternals;
  const worksheet = r._parseWorksheet.bind(reader);
  const shared = r._parseSharedStrings.bind(reader);
  const workbook = r._parseWorkbook.bind(reader);
  r._parseWorksheet = (iterator, sheetNo) => worksheet(utf8Chunks(iterator), sheetNo);
  r._parseSharedStrings = (entry) => {
    entry.setEncoding('utf8');
    return shared(entry);
  };
  r._parseWorkbook = (entry) => {
    entry.setEncoding('utf8');
    return workbook(entry);
  };
}

/** The worksheets of a file, streamed (an .xlsx is never loaded whole into memory as a workbook). */
export async function* readSheets(kind: FileKind, bytes: Buffer, fileName = 'tệp'): AsyncGenerator<Sheet> {
  if (kind === 'csv') {
    yield { name: fileName, rows: csvRows(bytes) };
    return;
  }
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([bytes]), {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  decodeWholeCharacters(reader);
  try {
    for await (const worksheet of reader) {
      yield {
        name: (worksheet as unknown as { name: string }).name,
        rows: worksheetRows(worksheet as AsyncIterable<ExcelJS.Row>, fileName),
      };
    }
  } catch (error) {
    throw unreadable(fileName, error);
  }
}
