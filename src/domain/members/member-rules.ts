import { normalizeText } from '../text/vietnamese.js';

/** A CCCD (căn cước công dân) has exactly 12 digits. Returns a Vietnamese problem, or null. */
export function cccdProblem(value: string): string | null {
  if (/^\d{12}$/.test(value)) return null;
  const digits = value.replace(/\D/g, '').length;
  return `Số CCCD phải gồm đúng 12 chữ số (đang có ${digits} chữ số).`;
}

/** A full name needs at least two words of letters; digits and symbols are refused. */
export function fullNameProblem(value: string): string | null {
  const name = normalizeText(value);
  if (name === '') return 'Họ và tên là bắt buộc.';
  if (!/^[\p{L}][\p{L}\s'’.-]*$/u.test(name)) return 'Họ và tên chỉ gồm chữ cái (không có chữ số hay ký hiệu).';
  if (name.split(' ').length < 2) return 'Họ và tên phải có ít nhất họ và tên.';
  if (name.length > 120) return 'Họ và tên dài tối đa 120 ký tự.';
  return null;
}

/** Vietnamese mobile or landline numbers: 10 digits starting with 0, or +84 followed by 9 digits. */
export function normalizePhone(value: string): string | null {
  const compact = value.replace(/[\s.()-]/g, '');
  const local = compact.startsWith('+84') ? `0${compact.slice(3)}` : compact;
  return /^0\d{9,10}$/.test(local) ? local : null;
}

/** Age in whole years on a date. */
export function ageOn(birthDate: string, onDate: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = onDate.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** Masks all but the last three characters: "0905123456" -> "*******456". */
export function maskTail(value: string | null, visible = 3): string | null {
  if (!value) return value;
  return `${'*'.repeat(Math.max(0, value.length - visible))}${value.slice(-visible)}`;
}

/** Statuses only the transfer procedure sets and ends (chuyển sinh hoạt, sinh hoạt tạm thời). */
const TRANSFER_STATUSES: readonly string[] = ['in_transit', 'temporary_elsewhere'];

/**
 * A direct edit of the record may not change the branch or status of a member in transit or temporarily
 * elsewhere, nor put a member into those statuses: the transfer procedure does both sides at once.
 */
export function directEditProblem(
  current: { status: string; unitId: string },
  change: { status?: string; unitId?: string },
): string | null {
  const statusChanges = change.status !== undefined && change.status !== current.status;
  const branchChanges = change.unitId !== undefined && change.unitId !== current.unitId;
  if (TRANSFER_STATUSES.includes(current.status) && (statusChanges || branchChanges))
    return 'Đoàn viên đang chuyển sinh hoạt hoặc sinh hoạt tạm thời: hãy đổi chi đoàn, tình trạng qua chức năng "Chuyển sinh hoạt".';
  if (statusChanges && TRANSFER_STATUSES.includes(change.status!))
    return 'Tình trạng "đang chuyển sinh hoạt" và "sinh hoạt tạm thời" do chức năng "Chuyển sinh hoạt" ghi nhận, không sửa trực tiếp.';
  return null;
}
