import { DomainError, fail } from '../errors.js';
import type { MemberStatus } from '../members/reference-lists.js';
import { formatDateVi } from '../text/dates.js';

/**
 * Transfer of union activity (chuyển sinh hoạt đoàn) as a state machine.
 *
 * - internal: inside one đoàn cơ sở, done in one step (created accepted).
 * - external: draft → sent (introduction letter) → accepted | returned; cancelled by the sender while draft or sent.
 * - temporary (sinh hoạt tạm thời): sent (registered by the home branch) → accepted (by the host) → ended;
 *   returned by the host or cancelled by the home branch while sent.
 */
export const TRANSFER_KINDS = ['internal', 'external', 'temporary'] as const;
export type TransferKind = (typeof TRANSFER_KINDS)[number];

/** Statuses of a transfer row. */
export const TRANSFER_STATUSES = ['draft', 'sent', 'accepted', 'returned', 'cancelled', 'ended'] as const;
export type TransferStatus = (typeof TRANSFER_STATUSES)[number];

/** What a cadre can do to a transfer. */
export const TRANSFER_ACTIONS = ['update', 'send', 'accept', 'return', 'cancel', 'end', 'comment'] as const;
export type TransferAction = (typeof TRANSFER_ACTIONS)[number];

/** Statuses in which a transfer is still open (not decided). */
export const OPEN_TRANSFER_STATUSES: readonly TransferStatus[] = ['draft', 'sent'];

/** Member statuses from which a transfer or a temporary participation may start. */
export const TRANSFERABLE_STATUSES: readonly MemberStatus[] = ['active', 'working_away'];

const TRANSITIONS: Record<
  TransferKind,
  Partial<Record<TransferStatus, Partial<Record<TransferAction, TransferStatus>>>>
> = {
  internal: {},
  external: {
    draft: { update: 'draft', send: 'sent', cancel: 'cancelled' },
    sent: { accept: 'accepted', return: 'returned', cancel: 'cancelled' },
  },
  temporary: {
    sent: { accept: 'accepted', return: 'returned', cancel: 'cancelled' },
    accepted: { end: 'ended', comment: 'accepted' },
  },
};

const STATUS_WORDS: Record<TransferStatus, string> = {
  draft: 'đang soạn',
  sent: 'đã gửi, chờ tiếp nhận',
  accepted: 'đã được tiếp nhận',
  returned: 'đã bị trả lại',
  cancelled: 'đã hủy',
  ended: 'đã kết thúc',
};

const ACTION_WORDS: Record<TransferAction, string> = {
  update: 'sửa',
  send: 'gửi (cấp giấy giới thiệu)',
  accept: 'tiếp nhận',
  return: 'trả lại',
  cancel: 'hủy',
  end: 'kết thúc',
  comment: 'ghi nhận xét',
};

/** The transfer's facts the state machine reads. */
export interface TransferState {
  kind: TransferKind;
  status: TransferStatus;
}

/** The status after `action`, or a rule violation naming the current status in Vietnamese. */
export function nextStatus(t: TransferState, action: TransferAction): TransferStatus {
  const next = TRANSITIONS[t.kind][t.status]?.[action];
  if (next) return next;
  if (t.kind === 'internal')
    throw fail.rule('Chuyển sinh hoạt trong đoàn cơ sở đã hoàn tất ngay khi thực hiện: không còn thao tác nào.');
  if (action === 'accept' && t.status === 'accepted') throw fail.rule('Đoàn viên đã được tiếp nhận rồi.');
  if (action === 'accept' || action === 'return')
    throw fail.rule(`Chỉ tiếp nhận hoặc trả lại được khi đã gửi; hiện tại ${STATUS_WORDS[t.status]}.`);
  if (action === 'end' || action === 'comment')
    throw fail.rule('Chỉ thực hiện được với sinh hoạt tạm thời đã được đơn vị nơi đến tiếp nhận.');
  throw new DomainError(
    'rule_violation',
    `Không thể ${ACTION_WORDS[action]}: chuyển sinh hoạt ${STATUS_WORDS[t.status]}.`,
  );
}

/** True when `action` is a legal transition from the current state. */
export function canTransition(t: TransferState, action: TransferAction): boolean {
  return Boolean(TRANSITIONS[t.kind][t.status]?.[action]);
}

/** A member can only start a transfer while active or working away, and with no other open transfer. */
export function assertMemberCanStart(status: string, hasOpenTransfer: boolean): void {
  if (hasOpenTransfer)
    throw fail.rule(
      'Đoàn viên đang có một đề nghị chuyển sinh hoạt chưa hoàn tất: hãy hoàn tất hoặc hủy đề nghị đó trước.',
    );
  if (!(TRANSFERABLE_STATUSES as readonly string[]).includes(status))
    throw fail.rule(
      'Chỉ chuyển sinh hoạt được cho đoàn viên đang sinh hoạt hoặc đi làm ăn xa (tình trạng hiện tại không cho phép).',
    );
}

/** A return needs its reason. */
export function assertReturnReason(reason: string | null | undefined): string {
  const text = reason?.trim() ?? '';
  if (!text) throw fail.invalid('reason', 'Lý do trả lại là bắt buộc.');
  return text;
}

/** Sending needs the branch's comment and the month the fee is paid up to. */
export function assertReadyToSend(t: { branchComment: string | null; feePaidUntil: string | null }): void {
  if (!t.branchComment?.trim())
    throw fail.rule(
      'Chi đoàn chưa ghi nhận xét về đoàn viên: hãy ghi nhận xét trước khi cấp giấy giới thiệu.',
      'branchComment',
    );
  if (!t.feePaidUntil)
    throw fail.rule('Chưa ghi đoàn phí đã đóng đến tháng nào: hãy ghi trước khi cấp giấy giới thiệu.', 'feePaidUntil');
}

/** A temporary participation runs from `startsOn` to `endsOn` (both included), ending after it starts. */
export function assertTemporaryPeriod(startsOn: string, endsOn: string): void {
  if (endsOn < startsOn) throw fail.invalid('endsOn', 'Ngày kết thúc phải sau ngày bắt đầu.');
}

/** "YYYY-MM" is a month not after the current one. */
export function assertFeeMonth(feePaidUntil: string | null | undefined, today: string): void {
  if (!feePaidUntil) return;
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(feePaidUntil))
    throw fail.invalid('feePaidUntil', 'Tháng đóng đoàn phí phải có dạng yyyy-mm.');
  const limit = monthAfter(today.slice(0, 7), 12);
  if (feePaidUntil > limit) throw fail.invalid('feePaidUntil', 'Không ghi đoàn phí đóng trước quá 12 tháng.');
}

function monthAfter(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const total = y * 12 + (m - 1) + n;
  return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}`;
}

/** The date `days` after an ISO date. */
export function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The last day the receiving side has to accept (the letter is valid until then). */
export function dueDate(sentOn: string, acceptWithinDays: number): string {
  return addDays(sentOn, acceptWithinDays);
}

/** Sent and not accepted after the due date: "Quá hạn" on both sides. */
export function isOverdue(t: { status: string; dueOn: string | null }, today: string): boolean {
  return t.status === 'sent' && t.dueOn !== null && today > t.dueOn;
}

/** An accepted temporary participation past its end date (ended by the daily sweep). */
export function temporaryLapsed(t: { kind: string; status: string; endsOn: string | null }, today: string): boolean {
  return t.kind === 'temporary' && t.status === 'accepted' && t.endsOn !== null && today > t.endsOn;
}

/**
 * The member's status once the action is done, or null when it does not change.
 * `previous` is the status kept on the transfer when it started.
 */
export function memberStatusAfter(t: TransferState, action: TransferAction, previous: string | null): string | null {
  const restore = previous ?? 'active';
  if (t.kind === 'external') {
    if (action === 'send') return 'in_transit';
    if (action === 'accept' || action === 'return') return restore;
    if (action === 'cancel' && t.status === 'sent') return restore;
    return null;
  }
  if (t.kind === 'temporary') {
    if (action === 'accept') return 'temporary_elsewhere';
    if (action === 'end') return restore;
    return null;
  }
  return null;
}

/** How far the actor reaches into a transfer: member.write on each side. */
export interface TransferReach {
  /** member.write on the sending (home) branch. */
  branchWrite: boolean;
  /** member.write on the sending đoàn cơ sở (issues the letter). */
  grassrootsWrite: boolean;
  /** member.write on the receiving side of an external transfer. */
  receiverWrite: boolean;
  /** member.write on the host branch of a temporary participation. */
  hostWrite: boolean;
}

/** The member.write reach an action needs, whatever the current status. */
export function reachFor(t: TransferState, action: TransferAction, reach: TransferReach): boolean {
  switch (action) {
    case 'update':
      return reach.branchWrite;
    case 'send':
      return reach.grassrootsWrite;
    case 'cancel':
      return t.kind === 'external' && t.status === 'sent' ? reach.grassrootsWrite : reach.branchWrite;
    case 'accept':
    case 'return':
      return t.kind === 'temporary' ? reach.hostWrite : reach.receiverWrite;
    case 'end':
      return reach.branchWrite || reach.hostWrite;
    case 'comment':
      return reach.hostWrite;
  }
}

/** The actions the actor may take now: allowed by the state machine and by the actor's reach. */
export function allowedTransferActions(t: TransferState, reach: TransferReach): TransferAction[] {
  return TRANSFER_ACTIONS.filter((a) => canTransition(t, a) && reachFor(t, a, reach));
}

/** A temporary participation cannot end before it started. */
export function assertEndDate(endedOn: string, startsOn: string | null): void {
  if (startsOn && endedOn < startsOn)
    throw fail.invalid('endedOn', `Ngày kết thúc không được trước ngày bắt đầu ${formatDateVi(startsOn)}.`);
}
