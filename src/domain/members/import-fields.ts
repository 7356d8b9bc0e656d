import { foldVietnamese } from '../text/vietnamese.js';

/** The member fields a spreadsheet column can be mapped to; `branch` is the "Chi đoàn" column. */
export const IMPORT_FIELD_KEYS = [
  'fullName',
  'birthDate',
  'gender',
  'ethnicity',
  'religion',
  'cccd',
  'phone',
  'email',
  'joinedOn',
  'admittedAt',
  'cardNumber',
  'cardIssuedOn',
  'branch',
  'position',
  'educationLevel',
  'qualification',
  'occupation',
  'schoolClass',
  'workplace',
  'hometown',
  'permanentAddress',
  'residenceAddress',
  'partyMember',
  'partyJoinedOn',
] as const;
export type ImportField = (typeof IMPORT_FIELD_KEYS)[number];

/** How a column's cells are read. */
export type ImportFieldKind =
  | 'name'
  | 'birthDate'
  | 'date'
  | 'gender'
  | 'cccd'
  | 'phone'
  | 'email'
  | 'bool'
  | 'branch'
  | 'ethnicity'
  | 'religion'
  | 'education'
  | 'text';

/** A target field: its Vietnamese label (as in the member form) and the headers cadres write for it. */
export interface ImportFieldInfo {
  key: ImportField;
  label: string;
  kind: ImportFieldKind;
  /** Needed to create a member (a file without the column cannot create anyone). */
  required: boolean;
  /** Headers, folded (lower case, no diacritics, punctuation as spaces). */
  aliases: readonly string[];
}

const f = (
  key: ImportField,
  label: string,
  kind: ImportFieldKind,
  aliases: string[],
  required = false,
): ImportFieldInfo => ({ key, label, kind, required, aliases });

/** The catalogue of import fields, in the order of a "Danh sách đoàn viên". */
export const IMPORT_FIELDS: readonly ImportFieldInfo[] = [
  f(
    'fullName',
    'Họ và tên',
    'name',
    ['ho va ten', 'ho ten', 'ho va ten doan vien', 'ho ten doan vien', 'ten doan vien', 'ho va ten khai sinh'],
    true,
  ),
  f('birthDate', 'Ngày sinh', 'birthDate', [
    'ngay sinh',
    'ngay thang nam sinh',
    'nam sinh',
    'sinh ngay',
    'ngay sinh dd mm yyyy',
  ]),
  f('gender', 'Giới tính', 'gender', ['gioi tinh', 'gioi', 'nam nu', 'phai'], true),
  f('ethnicity', 'Dân tộc', 'ethnicity', ['dan toc']),
  f('religion', 'Tôn giáo', 'religion', ['ton giao']),
  f('cccd', 'Số CCCD', 'cccd', [
    'so cccd',
    'cccd',
    'can cuoc cong dan',
    'so can cuoc cong dan',
    'so can cuoc',
    'can cuoc',
    'so cmnd cccd',
    'cmnd cccd',
    'so dinh danh',
    'so dinh danh ca nhan',
    'ma dinh danh',
  ]),
  f('phone', 'Số điện thoại', 'phone', ['so dien thoai', 'dien thoai', 'sdt', 'so dt', 'dt', 'dien thoai lien he']),
  f('email', 'Thư điện tử', 'email', ['email', 'e mail', 'thu dien tu', 'dia chi email']),
  f('joinedOn', 'Ngày vào Đoàn', 'date', [
    'ngay vao doan',
    'ngay ket nap doan',
    'ngay ket nap',
    'ngay thang nam vao doan',
    'vao doan',
  ]),
  f('admittedAt', 'Nơi kết nạp', 'text', ['noi ket nap', 'noi ket nap doan', 'noi vao doan']),
  f('cardNumber', 'Số thẻ đoàn viên', 'text', ['so the doan vien', 'so the doan', 'so the', 'the doan vien', 'ma the']),
  f('cardIssuedOn', 'Ngày cấp thẻ', 'date', ['ngay cap the', 'ngay cap the doan vien', 'ngay phat the']),
  f('branch', 'Chi đoàn', 'branch', [
    'chi doan',
    'ten chi doan',
    'ma chi doan',
    'chi doan sinh hoat',
    'sinh hoat tai chi doan',
    'don vi',
  ]),
  f('position', 'Chức vụ', 'text', ['chuc vu', 'chuc vu doan', 'chuc vu trong doan']),
  f('educationLevel', 'Trình độ học vấn', 'education', [
    'trinh do hoc van',
    'hoc van',
    'trinh do van hoa',
    'van hoa',
    'trinh do giao duc pho thong',
  ]),
  f('qualification', 'Chuyên môn', 'text', ['chuyen mon', 'trinh do chuyen mon', 'chuyen mon nghiep vu']),
  f('occupation', 'Nghề nghiệp', 'text', ['nghe nghiep', 'nghe nghiep hien nay', 'cong viec', 'viec lam']),
  f('schoolClass', 'Trường, lớp', 'text', ['truong lop', 'lop', 'truong']),
  f('workplace', 'Nơi làm việc', 'text', ['noi lam viec', 'noi cong tac', 'co quan', 'don vi cong tac']),
  f('hometown', 'Quê quán', 'text', ['que quan', 'nguyen quan']),
  f('permanentAddress', 'Nơi thường trú', 'text', [
    'noi thuong tru',
    'dia chi thuong tru',
    'thuong tru',
    'ho khau thuong tru',
  ]),
  f('residenceAddress', 'Nơi ở hiện nay', 'text', [
    'noi o hien nay',
    'cho o hien nay',
    'noi o',
    'dia chi',
    'dia chi hien nay',
    'noi tam tru',
  ]),
  f('partyMember', 'Đảng viên', 'bool', ['dang vien', 'la dang vien', 'dang vien dcsvn']),
  f('partyJoinedOn', 'Ngày vào Đảng', 'date', ['ngay vao dang', 'ngay ket nap dang']),
];

const BY_KEY = new Map(IMPORT_FIELDS.map((info) => [info.key, info]));

/** The catalogue entry of a field. */
export function fieldInfo(key: ImportField): ImportFieldInfo {
  const info = BY_KEY.get(key);
  if (!info) throw new Error(`unknown import field ${key}`);
  return info;
}

/** Headers of the row-number column ("STT"): recognised, never imported. */
export const ROW_NUMBER_HEADERS: readonly string[] = ['stt', 'tt', 'so tt', 'so thu tu', 'thu tu'];

/**
 * A header as compared: parenthesised notes dropped, folded (no diacritics, lower case),
 * punctuation as spaces, spaces collapsed. "Ngày sinh (dd/mm/yyyy)" and "NGAY  SINH" both give "ngay sinh".
 */
export function foldHeader(text: string): string {
  return foldVietnamese(text.replace(/\([^)]*\)/g, ' '))
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

const EXACT = new Map<string, ImportField>();
for (const info of IMPORT_FIELDS) for (const alias of info.aliases) EXACT.set(alias, info.key);
const PREFIXES = [...EXACT.entries()]
  .filter(([alias]) => alias.split(' ').length >= 3)
  .sort((a, b) => b[0].length - a[0].length);

/** The field a header names, 'rowNumber' for "STT", or null when it is not recognised. */
export function matchHeader(text: string): ImportField | 'rowNumber' | null {
  const folded = foldHeader(text);
  if (folded === '') return null;
  if (ROW_NUMBER_HEADERS.includes(folded)) return 'rowNumber';
  const exact = EXACT.get(folded);
  if (exact) return exact;
  const prefix = PREFIXES.find(([alias]) => folded.startsWith(`${alias} `));
  return prefix ? prefix[1] : null;
}
