/** Contact fields a member corrects on their own record (thông tin liên hệ); applied at once. */
export const CONTACT_FIELDS = ['phone', 'email', 'residenceProvince', 'residenceCommune', 'residenceAddress'] as const;
export type ContactField = (typeof CONTACT_FIELDS)[number];

/** Identity fields (thông tin nhân thân): a member's change becomes a request the branch approves. */
export const IDENTITY_FIELDS = [
  'fullName',
  'birthDate',
  'gender',
  'ethnicity',
  'religion',
  'cccd',
  'permanentProvince',
  'permanentCommune',
  'permanentAddress',
  'hometown',
] as const;
export type IdentityField = (typeof IDENTITY_FIELDS)[number];

/** Vietnamese names of the self-service fields, for messages. */
export const SELF_SERVICE_FIELD_LABELS: Record<ContactField | IdentityField, string> = {
  phone: 'Điện thoại',
  email: 'Thư điện tử',
  residenceProvince: 'Tỉnh/thành phố nơi ở',
  residenceCommune: 'Xã/phường nơi ở',
  residenceAddress: 'Nơi ở hiện nay',
  fullName: 'Họ và tên',
  birthDate: 'Ngày sinh',
  gender: 'Giới tính',
  ethnicity: 'Dân tộc',
  religion: 'Tôn giáo',
  cccd: 'Số CCCD',
  permanentProvince: 'Tỉnh/thành phố thường trú',
  permanentCommune: 'Xã/phường thường trú',
  permanentAddress: 'Địa chỉ thường trú',
  hometown: 'Quê quán',
};

/** Statuses of a change request (yêu cầu cập nhật thông tin). */
export const CHANGE_REQUEST_STATUSES = ['pending', 'approved', 'rejected', 'withdrawn'] as const;
export type ChangeRequestStatus = (typeof CHANGE_REQUEST_STATUSES)[number];

/** What can happen to a pending request: the branch approves or rejects it, the member withdraws it. */
export type ChangeRequestDecision = 'approve' | 'reject' | 'withdraw';

const DECIDED: Record<ChangeRequestDecision, ChangeRequestStatus> = {
  approve: 'approved',
  reject: 'rejected',
  withdraw: 'withdrawn',
};

const STATUS_TEXT: Record<ChangeRequestStatus, string> = {
  pending: 'đang chờ duyệt',
  approved: 'đã được duyệt',
  rejected: 'đã bị từ chối',
  withdrawn: 'đã được rút lại',
};

/** Field values as stored on a request (`changes`, `previous`): text, ISO date or null. */
export type FieldValues = Record<string, string | null>;

const same = (a: unknown, b: unknown) => (a ?? null) === (b ?? null);

/**
 * The requested values that differ from the record, in the order of `fields`;
 * fields not sent (undefined) and fields equal to the record are left out.
 */
export function changedValues(
  current: Readonly<Record<string, unknown>>,
  requested: Readonly<Record<string, string | null | undefined>>,
  fields: readonly string[],
): FieldValues {
  const out: FieldValues = {};
  for (const field of fields) {
    const value = requested[field];
    if (value === undefined || same(value, current[field])) continue;
    out[field] = value;
  }
  return out;
}

/** The record's values of the given fields (null when empty), kept beside a request as `previous`. */
export function valuesOf(record: Readonly<Record<string, unknown>>, fields: readonly string[]): FieldValues {
  const out: FieldValues = {};
  for (const field of fields) {
    const value = record[field];
    out[field] = value === undefined || value === null ? null : String(value);
  }
  return out;
}

/** Fields whose value on the record is no longer the one seen when the request was made. */
export function staleFields(previous: Readonly<FieldValues>, current: Readonly<Record<string, unknown>>): string[] {
  return Object.keys(previous).filter((f) => !same(previous[f], current[f] === undefined ? null : current[f]));
}

/** The Vietnamese message refusing an approval whose `previous` no longer matches the record, or null. */
export function staleProblem(
  previous: Readonly<FieldValues>,
  current: Readonly<Record<string, unknown>>,
): string | null {
  const stale = staleFields(previous, current);
  if (stale.length === 0) return null;
  const names = stale.map((f) => SELF_SERVICE_FIELD_LABELS[f as IdentityField] ?? f).join(', ');
  return `Hồ sơ đã được sửa sau khi đoàn viên gửi yêu cầu (${names}), nên không thể duyệt yêu cầu này. Hãy từ chối để đoàn viên xem lại hồ sơ và gửi yêu cầu mới.`;
}

/** Why a decision cannot be taken on a request in `status` (Vietnamese), or null when it can. */
export function decisionProblem(status: ChangeRequestStatus, _decision: ChangeRequestDecision): string | null {
  if (status === 'pending') return null;
  return `Yêu cầu này ${STATUS_TEXT[status]}, không thể xử lý lại.`;
}

/** The status a pending request takes after a decision. */
export function statusAfter(decision: ChangeRequestDecision): ChangeRequestStatus {
  return DECIDED[decision];
}

/**
 * The member fields an approved request writes: the requested values, and `birthYearOnly` false
 * when a full birth date is given (a member who asks knows their date of birth).
 */
export function identityPatch(changes: Readonly<FieldValues>): FieldValues & { birthYearOnly?: boolean } {
  const patch: FieldValues & { birthYearOnly?: boolean } = { ...changes };
  if (changes.birthDate) patch.birthYearOnly = false;
  return patch;
}
