import { formatDateVi } from '../text/dates.js';
import { fieldInfo, foldHeader, IMPORT_FIELD_KEYS, matchHeader, type ImportField } from './import-fields.js';

/** A spreadsheet cell as read: text, number, boolean, date, or empty. */
export type CellValue = string | number | boolean | Date | null;

/** A column of the file: its position, letter ("A"), header as written, and the field it feeds (or none). */
export interface ImportColumn {
  index: number;
  letter: string;
  header: string;
  field: ImportField | null;
}

/** Column letter -> field (null: the column is not imported). */
export type ImportMapping = Record<string, ImportField | null>;

/** A mapping saved for a unit: folded header -> field, so that it fits the next file with the same headers. */
export type SavedMapping = Record<string, ImportField | null>;

/** A problem with a mapping, in Vietnamese. */
export interface MappingProblem {
  field: string;
  message: string;
}

/** "A", "B", ..., "Z", "AA" for a 0-based column index. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** The text a cell shows: numbers without exponent, dates as dd/mm/yyyy, NFC, trimmed. */
export function cellText(value: CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : formatDateVi(value.toISOString().slice(0, 10));
  if (typeof value === 'number') return Number.isInteger(value) ? value.toFixed(0) : String(value);
  if (typeof value === 'boolean') return value ? 'x' : '';
  const text = value.normalize('NFC');
  return /\s\s|[^\S ]/.test(text) ? text.replace(/\s+/g, ' ').trim() : text.trim();
}

/** The header row found near the top of a sheet (below the title rows). */
export interface HeaderMatch {
  /** Index of the header row among the rows given. */
  rowIndex: number;
  columns: ImportColumn[];
}

function recognised(row: readonly CellValue[]): { fields: Set<string>; hasName: boolean } {
  const fields = new Set<string>();
  for (const cell of row) {
    const match = matchHeader(cellText(cell));
    if (match) fields.add(match);
  }
  return { fields, hasName: fields.has('fullName') };
}

/**
 * Finds the header row among the first rows of a sheet: the first row naming "Họ và tên" and at least
 * two other known columns. Each recognised column gets its field; a field named twice keeps its first column.
 */
export function findHeaderRow(rows: readonly (readonly CellValue[])[], maxScan = 30): HeaderMatch | null {
  const limit = Math.min(rows.length, maxScan);
  for (let i = 0; i < limit; i++) {
    const row = rows[i] ?? [];
    const { fields, hasName } = recognised(row);
    if (!hasName || fields.size < 3) continue;
    const taken = new Set<ImportField>();
    const columns: ImportColumn[] = [];
    row.forEach((cell, index) => {
      const header = cellText(cell);
      if (header === '') return;
      const match = matchHeader(header);
      const field = match && match !== 'rowNumber' && !taken.has(match) ? match : null;
      if (field) taken.add(field);
      columns.push({ index, letter: columnLetter(index), header, field });
    });
    return { rowIndex: i, columns };
  }
  return null;
}

/**
 * The mapping to use: the detected fields, then the unit's saved mapping (by header; a detected column that
 * would repeat a saved field is left out), then the columns the user set (by letter, as given: a field the
 * user gives to a second column is a problem that `mappingProblems` reports).
 */
export function buildMapping(
  columns: readonly ImportColumn[],
  saved: SavedMapping | null = null,
  requested: ImportMapping | null = null,
): ImportMapping {
  const mapping: ImportMapping = {};
  const fromSaved = new Set<string>();
  for (const column of columns) {
    const folded = foldHeader(column.header);
    if (saved && folded in saved) {
      mapping[column.letter] = saved[folded] ?? null;
      fromSaved.add(column.letter);
    } else mapping[column.letter] = column.field;
  }
  const savedFields = new Set(columns.filter((c) => fromSaved.has(c.letter)).map((c) => mapping[c.letter]));
  for (const column of columns) {
    if (!fromSaved.has(column.letter) && savedFields.has(mapping[column.letter] ?? null)) mapping[column.letter] = null;
  }
  if (requested) for (const [letter, field] of Object.entries(requested)) mapping[letter] = field ?? null;
  return mapping;
}

/** What is wrong with a mapping: unknown columns, a field fed by two columns, no "Họ và tên" column. */
export function mappingProblems(mapping: ImportMapping, columns: readonly ImportColumn[]): MappingProblem[] {
  const problems: MappingProblem[] = [];
  const byLetter = new Map(columns.map((c) => [c.letter, c]));
  const owner = new Map<ImportField, string>();
  for (const [letter, field] of Object.entries(mapping)) {
    const column = byLetter.get(letter);
    if (!column) {
      problems.push({ field: `mapping.${letter}`, message: `Tệp không có cột ${letter} ở dòng tiêu đề.` });
      continue;
    }
    if (!field) continue;
    const first = owner.get(field);
    if (first) {
      const other = byLetter.get(first);
      problems.push({
        field: `mapping.${letter}`,
        message:
          `Trường "${fieldInfo(field).label}" được chọn cho hai cột: ${first} ("${other?.header ?? ''}") và ` +
          `${letter} ("${column.header}"). Mỗi trường chỉ lấy từ một cột.`,
      });
      continue;
    }
    owner.set(field, letter);
  }
  if (!owner.has('fullName')) problems.push({ field: 'mapping', message: 'Chưa chọn cột cho trường "Họ và tên".' });
  return problems;
}

/** A requested mapping's own problems, before the file's columns are known (a field given to two columns). */
export function requestedMappingProblems(mapping: ImportMapping): MappingProblem[] {
  const owner = new Map<ImportField, string>();
  const problems: MappingProblem[] = [];
  for (const [letter, field] of Object.entries(mapping)) {
    if (!field) continue;
    const first = owner.get(field);
    if (first)
      problems.push({
        field: `mapping.${letter}`,
        message: `Trường "${fieldInfo(field).label}" được chọn cho hai cột: ${first} và ${letter}. Mỗi trường chỉ lấy từ một cột.`,
      });
    else owner.set(field, letter);
  }
  return problems;
}

/** The mapping to save for a unit: every column's folded header with its field. */
export function toSavedMapping(columns: readonly ImportColumn[], mapping: ImportMapping): SavedMapping {
  const saved: SavedMapping = {};
  for (const column of columns) {
    const folded = foldHeader(column.header);
    if (folded !== '' && !(folded in saved)) saved[folded] = mapping[column.letter] ?? null;
  }
  return saved;
}

/** True when a value is one of the known field keys. */
export function isImportField(value: unknown): value is ImportField {
  return typeof value === 'string' && (IMPORT_FIELD_KEYS as readonly string[]).includes(value);
}
