import { foldVietnamese, normalizeText } from '../text/vietnamese.js';
import { fieldInfo, type ImportField } from './import-fields.js';
import { cellText, type CellValue, type ImportColumn } from './import-headers.js';
import { cccdProblem, fullNameProblem, normalizePhone } from './member-rules.js';
import { parseCellDate } from './parse-date.js';
import { EDUCATION_LEVELS, ETHNIC_GROUPS, RELIGIONS, type Gender } from './reference-lists.js';

/** Member fields read from one row (only the columns present and filled). */
export interface ImportValues {
  fullName?: string;
  birthDate?: string;
  birthYearOnly?: boolean;
  gender?: Gender;
  ethnicity?: string;
  religion?: string;
  cccd?: string;
  phone?: string;
  email?: string;
  joinedOn?: string;
  admittedAt?: string;
  cardNumber?: string;
  cardIssuedOn?: string;
  position?: string;
  educationLevel?: string;
  qualification?: string;
  occupation?: string;
  schoolClass?: string;
  workplace?: string;
  hometown?: string;
  permanentAddress?: string;
  residenceAddress?: string;
  partyMember?: boolean;
  partyJoinedOn?: string;
}

/** A problem in one cell: the column letter and header as in the file, and a Vietnamese message. */
export interface CellIssue {
  column: string;
  header: string;
  message: string;
}

/** One data row read: values, the branch as written, problems; `skip` for rows that are not a member. */
export interface ReadRow {
  values: ImportValues;
  branchRef: string | null;
  issues: CellIssue[];
  skip: boolean;
}

/** A column that feeds a field. */
export type MappedColumn = ImportColumn & { field: ImportField };

type Reader = (cell: CellValue, text: string, out: ReadRow, column: MappedColumn) => void;

const folded = (values: readonly string[]) => new Map(values.map((v) => [foldVietnamese(v).replace(/[-\s]/g, ''), v]));
const ETHNIC = folded(ETHNIC_GROUPS);
const RELIGION = folded(RELIGIONS);
const EDUCATION = new Map([
  ...folded(EDUCATION_LEVELS),
  ['trunghoccoso', 'THCS'],
  ['trunghocphothong', 'THPT'],
  ['daihoc', 'Đại học'],
]);
const TRUE_WORDS = new Set(['x', 'co', 'c', '1', 'true', 'yes', 'dang vien', 'dv', 'v', '✓', 'la dang vien']);
const FALSE_WORDS = new Set(['khong', 'k', '0', 'false', 'no', '-']);

const FOLDED = new Map<string, string>();

/** Folded text, remembered: the same few values (Nam, Kinh, Không...) repeat on every row. */
function fold(text: string): string {
  let folded = FOLDED.get(text);
  if (folded === undefined) {
    folded = foldVietnamese(text);
    if (FOLDED.size > 10_000) FOLDED.clear();
    FOLDED.set(text, folded);
  }
  return folded;
}

function issue(out: ReadRow, column: MappedColumn, message: string): void {
  out.issues.push({ column: column.letter, header: column.header, message });
}

function set<K extends keyof ImportValues>(out: ReadRow, key: K, value: ImportValues[K]): void {
  out.values[key] = value;
}

function fromList(list: Map<string, string>, text: string): string {
  return list.get(fold(text).replace(/[-\s]/g, '')) ?? normalizeText(text);
}

function education(text: string): string {
  const grade = text.match(/^(\d{1,2})\s*\/\s*12$/);
  if (grade) {
    const n = Number(grade[1]);
    if (n >= 12) return 'THPT';
    return n >= 9 ? 'THCS' : 'Tiểu học';
  }
  return fromList(EDUCATION, text);
}

/** A whole number 1900-2100 in a date column is a year typed as a number, not an Excel serial (of 1905). */
function dateOf(cell: CellValue) {
  const year = typeof cell === 'number' && Number.isInteger(cell) && cell >= 1900 && cell <= 2100;
  return parseCellDate(year ? String(cell) : cell);
}

const readDate =
  (key: 'joinedOn' | 'cardIssuedOn' | 'partyJoinedOn'): Reader =>
  (cell, _text, out, column) => {
    const parsed = dateOf(cell);
    if ('error' in parsed) issue(out, column, parsed.error);
    else set(out, key, parsed.iso);
  };

const readText =
  (key: keyof ImportValues & string): Reader =>
  (_cell, text, out) => {
    (out.values as Record<string, unknown>)[key] = text;
  };

const READERS: Record<ImportField, Reader> = {
  fullName: (_cell, text, out, column) => {
    const problem = fullNameProblem(text);
    if (problem) issue(out, column, problem);
    else set(out, 'fullName', normalizeText(text));
  },
  birthDate: (cell, _text, out, column) => {
    const parsed = dateOf(cell);
    if ('error' in parsed) return issue(out, column, parsed.error);
    set(out, 'birthDate', parsed.iso);
    set(out, 'birthYearOnly', parsed.kind === 'year');
  },
  gender: (_cell, text, out, column) => {
    const word = fold(text);
    if (['nam', 'male', 'm'].includes(word)) set(out, 'gender', 'male');
    else if (['nu', 'female', 'f'].includes(word)) set(out, 'gender', 'female');
    else issue(out, column, `Giới tính "${text}" không hợp lệ: ghi Nam hoặc Nữ.`);
  },
  ethnicity: (_cell, text, out) => set(out, 'ethnicity', fromList(ETHNIC, text)),
  religion: (_cell, text, out) => set(out, 'religion', fromList(RELIGION, text)),
  cccd: (cell, text, out, column) => {
    const value = text.replace(/[\s.]/g, '');
    const problem = cccdProblem(value);
    if (!problem) return set(out, 'cccd', value);
    const hint =
      typeof cell === 'number' && value.length === 11
        ? ' Ô đang ở dạng số nên Excel đã bỏ số 0 ở đầu: hãy định dạng cột là Văn bản (Text) rồi nhập lại.'
        : '';
    issue(out, column, problem + hint);
  },
  phone: (cell, text, out, column) => {
    const digits = typeof cell === 'number' && /^\d{9}$/.test(text) ? `0${text}` : text;
    const phone = normalizePhone(digits);
    if (phone) set(out, 'phone', phone);
    else issue(out, column, `Số điện thoại "${text}" không hợp lệ: cần 10 chữ số, bắt đầu bằng 0 (hoặc +84).`);
  },
  email: (_cell, text, out, column) => {
    if (/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(text)) set(out, 'email', text.toLowerCase());
    else issue(out, column, `Thư điện tử "${text}" không hợp lệ.`);
  },
  joinedOn: readDate('joinedOn'),
  admittedAt: readText('admittedAt'),
  cardNumber: readText('cardNumber'),
  cardIssuedOn: readDate('cardIssuedOn'),
  branch: (_cell, text, out) => {
    out.branchRef = text;
  },
  position: readText('position'),
  educationLevel: (_cell, text, out) => set(out, 'educationLevel', education(text)),
  qualification: readText('qualification'),
  occupation: readText('occupation'),
  schoolClass: readText('schoolClass'),
  workplace: readText('workplace'),
  hometown: readText('hometown'),
  permanentAddress: readText('permanentAddress'),
  residenceAddress: readText('residenceAddress'),
  partyMember: (cell, text, out, column) => {
    const word = fold(text);
    if (TRUE_WORDS.has(word)) return set(out, 'partyMember', true);
    if (FALSE_WORDS.has(word)) return set(out, 'partyMember', false);
    const date = dateOf(cell);
    if (!('error' in date)) {
      set(out, 'partyMember', true);
      if (out.values.partyJoinedOn === undefined) set(out, 'partyJoinedOn', date.iso);
      return;
    }
    issue(out, column, `Cột "${column.header}": ghi "x" hoặc "Có" nếu là đảng viên, để trống nếu không.`);
  },
  partyJoinedOn: readDate('partyJoinedOn'),
};

const KEY_FIELDS: readonly ImportField[] = ['fullName', 'cccd', 'birthDate'];

/**
 * Reads one data row through the mapped columns: dates (dd/mm/yyyy, d/m/yyyy, a year alone, Excel serials,
 * date cells), "Nam"/"Nữ", CCCD, phone, the party column, reference lists; text in NFC with spaces trimmed.
 * Empty cells are left out. A row with no name, CCCD or birth date (a footer, a signature line) and the row of
 * column numbers under the header are `skip`.
 */
export function readMemberRow(cells: readonly CellValue[], columns: readonly MappedColumn[]): ReadRow {
  const out: ReadRow = { values: {}, branchRef: null, issues: [], skip: false };
  const texts = columns.map((c) => cellText(cells[c.index] ?? null));
  const hasKey = columns.some((c, i) => texts[i] !== '' && KEY_FIELDS.includes(c.field));
  if (!hasKey || texts.every((t) => t === '' || /^\(?\d{1,3}\)?$/.test(t))) {
    out.skip = true;
    return out;
  }
  let party = -1;
  for (let i = 0; i < columns.length; i++) {
    const column = columns[i]!;
    const text = texts[i]!;
    if (text === '') continue;
    if (column.field === 'partyMember') party = i;
    else READERS[column.field](cells[column.index] ?? null, text, out, column);
  }
  if (party >= 0) READERS.partyMember(cells[columns[party]!.index] ?? null, texts[party]!, out, columns[party]!);
  return out;
}

/** The Vietnamese label of a field, for messages. */
export function fieldLabel(field: ImportField): string {
  return fieldInfo(field).label;
}
