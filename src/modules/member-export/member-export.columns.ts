import type { CellValue } from '../../domain/members/import-headers.js';
import { maskTail } from '../../domain/members/member-rules.js';
import { STATUS_LABELS, type MemberStatus } from '../../domain/members/reference-lists.js';
import { formatDateVi } from '../../domain/text/dates.js';
import type { MemberRow } from '../members/members.queries.js';

/** A member of an export with the name of their branch. */
export interface ExportRow {
  member: MemberRow;
  unitName: string;
}

/** A column of the "Danh sách đoàn viên" layout. */
export interface ExportColumn {
  header: string;
  width: number;
  /** The cell: a date as a `Date` (xlsx cell formatted dd/mm/yyyy), else text or a number. */
  value(row: ExportRow, personal: boolean): CellValue;
}

const date = (iso: string | null): Date | null => (iso ? new Date(`${iso}T00:00:00Z`) : null);

/**
 * The columns, with the headers the import recognises, so an exported list can be corrected and imported
 * back. STT is filled by the writer.
 */
export const EXPORT_COLUMNS: readonly ExportColumn[] = [
  { header: 'Họ và tên', width: 26, value: (r) => r.member.fullName },
  {
    header: 'Ngày sinh',
    width: 12,
    value: (r) => (r.member.birthYearOnly ? (r.member.birthDate?.slice(0, 4) ?? null) : date(r.member.birthDate)),
  },
  { header: 'Giới tính', width: 9, value: (r) => (r.member.gender === 'female' ? 'Nữ' : 'Nam') },
  { header: 'Dân tộc', width: 10, value: (r) => r.member.ethnicity },
  { header: 'Tôn giáo', width: 12, value: (r) => r.member.religion },
  { header: 'Số CCCD', width: 15, value: (r, personal) => (personal ? r.member.cccd : maskTail(r.member.cccd)) },
  {
    header: 'Số điện thoại',
    width: 13,
    value: (r, personal) => (personal ? r.member.phone : maskTail(r.member.phone)),
  },
  { header: 'Ngày vào Đoàn', width: 12, value: (r) => date(r.member.joinedOn) },
  { header: 'Số thẻ đoàn viên', width: 14, value: (r) => r.member.cardNumber },
  { header: 'Chi đoàn', width: 26, value: (r) => r.unitName },
  { header: 'Chức vụ', width: 14, value: (r) => r.member.position },
  { header: 'Trình độ học vấn', width: 12, value: (r) => r.member.educationLevel },
  { header: 'Nghề nghiệp', width: 16, value: (r) => r.member.occupation },
  { header: 'Quê quán', width: 22, value: (r) => r.member.hometown },
  { header: 'Nơi ở hiện nay', width: 28, value: (r) => r.member.residenceAddress },
  { header: 'Đảng viên', width: 9, value: (r) => (r.member.partyMember ? 'x' : null) },
  { header: 'Tình trạng', width: 16, value: (r) => STATUS_LABELS[r.member.status as MemberStatus] ?? r.member.status },
];

/**
 * A cell as CSV text: dates as dd/mm/yyyy; text that Excel would run as a formula (=, +, -, @ first) gets a
 * leading apostrophe.
 */
export function csvText(value: CellValue): string {
  if (value === null) return '';
  if (value instanceof Date) return formatDateVi(value.toISOString());
  const text = String(value);
  return typeof value === 'string' && /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}
