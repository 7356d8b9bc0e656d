import { maskTail } from '../../domain/members/member-rules.js';
import { formatDateVi } from '../../domain/text/dates.js';
import { EXPORT_COLUMNS, type ExportRow } from '../member-export/member-export.columns.js';
import type { CardRegisterRow, TransferRegisterRow } from './registers.queries.js';
import { dateCell, type RegisterColumn } from './registers.sheet.js';

/** Sổ danh sách đoàn viên: the columns of the member list export (so it can be imported back). */
export function memberRegisterColumns(personal: boolean): RegisterColumn<ExportRow>[] {
  return EXPORT_COLUMNS.map((c) => ({ header: c.header, width: c.width, value: (row) => c.value(row, personal) }));
}

const CARD_REASONS: Record<string, string> = {
  admission: 'Kết nạp mới',
  initial: 'Cấp lần đầu (hồ sơ giấy)',
  reissue_lost: 'Cấp lại do mất',
  reissue_damaged: 'Cấp lại do hỏng',
};

const CARD_STATUSES: Record<string, string> = {
  active: 'Đang dùng',
  replaced: 'Đã cấp thẻ khác',
  revoked: 'Đã thu hồi',
};

const birth = (iso: string | null, yearOnly: boolean) => (yearOnly ? (iso?.slice(0, 4) ?? null) : dateCell(iso));

/** Sổ kết nạp và cấp thẻ: one line per card issued, with the admission decision behind it. */
export const CARD_REGISTER_COLUMNS: readonly RegisterColumn<CardRegisterRow>[] = [
  { header: 'Họ và tên', width: 26, value: (r) => r.fullName },
  { header: 'Ngày sinh', width: 12, value: (r) => birth(r.birthDate, r.birthYearOnly) },
  { header: 'Giới tính', width: 9, value: (r) => (r.gender === 'female' ? 'Nữ' : 'Nam') },
  { header: 'Chi đoàn', width: 26, value: (r) => r.branchName },
  { header: 'Ngày kết nạp', width: 12, value: (r) => dateCell(r.ceremonyOn ?? r.joinedOn) },
  {
    header: 'Quyết định chuẩn y',
    width: 24,
    value: (r) =>
      r.decisionNumber ? `${r.decisionNumber}${r.approvedOn ? ` ngày ${formatDateVi(r.approvedOn)}` : ''}` : null,
  },
  { header: 'Số thẻ đoàn viên', width: 14, value: (r) => r.cardNumber },
  { header: 'Ngày cấp thẻ', width: 12, value: (r) => dateCell(r.issuedOn) },
  { header: 'Lý do cấp', width: 20, value: (r) => CARD_REASONS[r.reason] ?? r.reason },
  { header: 'Tình trạng thẻ', width: 16, value: (r) => CARD_STATUSES[r.status] ?? r.status },
  { header: 'Đơn vị cấp', width: 26, value: (r) => r.issuingUnitName },
];

const TRANSFER_STATUSES: Record<string, string> = {
  sent: 'Đang chuyển',
  accepted: 'Đã tiếp nhận',
  returned: 'Bị trả lại',
  ended: 'Đã kết thúc',
};

const TRANSFER_KINDS: Record<string, string> = {
  internal: 'Trong đơn vị',
  external: 'Chính thức',
  temporary: 'Tạm thời',
};

const feeMonth = (value: string | null) =>
  value && /^\d{4}-\d{2}$/.test(value) ? `${value.slice(5)}/${value.slice(0, 4)}` : value;

/** Columns shared by both transfer sheets. */
function transferColumns(personal: boolean, direction: 'out' | 'in'): RegisterColumn<TransferRegisterRow>[] {
  const identity: RegisterColumn<TransferRegisterRow>[] = [
    { header: 'Họ và tên', width: 26, value: (r) => r.fullName },
    { header: 'Ngày sinh', width: 12, value: (r) => birth(r.birthDate, r.birthYearOnly) },
    { header: 'Số CCCD', width: 15, value: (r) => (personal ? r.cccd : maskTail(r.cccd)) },
    { header: 'Hình thức', width: 12, value: (r) => TRANSFER_KINDS[r.kind] ?? r.kind },
  ];
  const letter: RegisterColumn<TransferRegisterRow>[] = [
    { header: 'Số giấy giới thiệu', width: 18, value: (r) => r.letterNumber },
    { header: 'Mã giới thiệu', width: 16, value: (r) => r.code },
    { header: 'Ngày chuyển', width: 12, value: (r) => dateCell(r.sentOn) },
  ];
  const status: RegisterColumn<TransferRegisterRow> = {
    header: 'Tình trạng',
    width: 14,
    value: (r) => TRANSFER_STATUSES[r.status] ?? r.status,
  };
  if (direction === 'out')
    return [
      ...identity,
      { header: 'Chi đoàn', width: 24, value: (r) => r.fromUnitName },
      { header: 'Nơi chuyển đến', width: 28, value: (r) => r.toGrassrootsName ?? r.destinationText },
      ...letter,
      { header: 'Đoàn phí đã đóng đến', width: 14, value: (r) => feeMonth(r.feePaidUntil) },
      status,
      { header: 'Ngày tiếp nhận / trả lại', width: 14, value: (r) => dateCell(r.acceptedOn ?? r.returnedOn) },
    ];
  return [
    ...identity,
    { header: 'Nơi chuyển đi', width: 28, value: (r) => r.fromGrassrootsName ?? r.fromUnitName },
    ...letter,
    { header: 'Ngày tiếp nhận', width: 12, value: (r) => dateCell(r.acceptedOn) },
    { header: 'Chi đoàn tiếp nhận', width: 24, value: (r) => r.toUnitName },
    status,
  ];
}

/** Sổ chuyển đi, chuyển đến: columns of the "Chuyển đi" and "Chuyển đến" sheets. */
export function transferRegisterColumns(personal: boolean) {
  return { out: transferColumns(personal, 'out'), in: transferColumns(personal, 'in') };
}
