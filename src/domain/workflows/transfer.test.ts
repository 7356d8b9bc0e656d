import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.js';
import {
  addDays,
  allowedTransferActions,
  assertEndDate,
  assertFeeMonth,
  assertMemberCanStart,
  assertReadyToSend,
  assertReturnReason,
  assertTemporaryPeriod,
  canTransition,
  dueDate,
  isOverdue,
  memberStatusAfter,
  nextStatus,
  temporaryLapsed,
  TRANSFER_ACTIONS,
  TRANSFER_STATUSES,
  type TransferAction,
  type TransferKind,
  type TransferReach,
  type TransferStatus,
} from './transfer.js';

const ext = (status: TransferStatus) => ({ kind: 'external' as const, status });
const tmp = (status: TransferStatus) => ({ kind: 'temporary' as const, status });
const all: TransferReach = { branchWrite: true, grassrootsWrite: true, receiverWrite: true, hostWrite: true };
const none: TransferReach = { branchWrite: false, grassrootsWrite: false, receiverWrite: false, hostWrite: false };

describe('external transfer transitions', () => {
  it('goes draft → sent → accepted', () => {
    expect(nextStatus(ext('draft'), 'update')).toBe('draft');
    expect(nextStatus(ext('draft'), 'send')).toBe('sent');
    expect(nextStatus(ext('sent'), 'accept')).toBe('accepted');
  });

  it('is returned with a reason or cancelled by the sender while draft or sent', () => {
    expect(nextStatus(ext('sent'), 'return')).toBe('returned');
    expect(nextStatus(ext('draft'), 'cancel')).toBe('cancelled');
    expect(nextStatus(ext('sent'), 'cancel')).toBe('cancelled');
  });

  it('refuses accepting a transfer not sent, and accepting twice', () => {
    expect(() => nextStatus(ext('draft'), 'accept')).toThrow(
      /Chỉ tiếp nhận hoặc trả lại được khi đã gửi; hiện tại đang soạn/,
    );
    expect(() => nextStatus(ext('accepted'), 'accept')).toThrow('Đoàn viên đã được tiếp nhận rồi.');
    expect(() => nextStatus(ext('returned'), 'accept')).toThrow(/đã bị trả lại/);
    expect(() => nextStatus(ext('cancelled'), 'return')).toThrow(/đã hủy/);
  });

  it('refuses sending twice, editing once sent and cancelling a decided transfer', () => {
    expect(() => nextStatus(ext('sent'), 'send')).toThrow(/Không thể gửi .*đã gửi, chờ tiếp nhận/);
    expect(() => nextStatus(ext('sent'), 'update')).toThrow(/Không thể sửa/);
    expect(() => nextStatus(ext('accepted'), 'cancel')).toThrow(/Không thể hủy: chuyển sinh hoạt đã được tiếp nhận/);
    expect(() => nextStatus(ext('returned'), 'cancel')).toThrow(DomainError);
  });

  it('refuses ending or commenting an external transfer', () => {
    expect(() => nextStatus(ext('accepted'), 'end')).toThrow(/sinh hoạt tạm thời/);
    expect(() => nextStatus(ext('sent'), 'comment')).toThrow(/sinh hoạt tạm thời/);
  });

  it('answers every action from every status without throwing anything but a rule violation', () => {
    for (const kind of ['internal', 'external', 'temporary'] as TransferKind[]) {
      for (const status of TRANSFER_STATUSES) {
        for (const action of TRANSFER_ACTIONS) {
          if (canTransition({ kind, status }, action)) continue;
          try {
            nextStatus({ kind, status }, action);
            expect.unreachable(`${kind}/${status}/${action}`);
          } catch (error) {
            expect(error).toBeInstanceOf(DomainError);
            expect((error as DomainError).code).toBe('rule_violation');
          }
        }
      }
    }
  });
});

describe('internal transfer', () => {
  it('is done in one step: nothing can follow', () => {
    for (const action of TRANSFER_ACTIONS)
      expect(() => nextStatus({ kind: 'internal', status: 'accepted' }, action)).toThrow(/đã hoàn tất/);
  });
});

describe('temporary participation transitions', () => {
  it('goes sent → accepted → ended, with comments while accepted', () => {
    expect(nextStatus(tmp('sent'), 'accept')).toBe('accepted');
    expect(nextStatus(tmp('accepted'), 'comment')).toBe('accepted');
    expect(nextStatus(tmp('accepted'), 'end')).toBe('ended');
  });

  it('is refused by the host or cancelled by the home branch while waiting', () => {
    expect(nextStatus(tmp('sent'), 'return')).toBe('returned');
    expect(nextStatus(tmp('sent'), 'cancel')).toBe('cancelled');
  });

  it('refuses ending one not accepted, sending one, or ending twice', () => {
    expect(() => nextStatus(tmp('sent'), 'end')).toThrow(/đã được đơn vị nơi đến tiếp nhận/);
    expect(() => nextStatus(tmp('sent'), 'send')).toThrow(DomainError);
    expect(() => nextStatus(tmp('ended'), 'end')).toThrow(DomainError);
    expect(() => nextStatus(tmp('accepted'), 'cancel')).toThrow(DomainError);
  });
});

describe('member status along the way', () => {
  it('is in transit once the letter is sent, and back to the previous status on accept, return or cancel', () => {
    expect(memberStatusAfter(ext('draft'), 'send', null)).toBe('in_transit');
    expect(memberStatusAfter(ext('sent'), 'accept', 'working_away')).toBe('working_away');
    expect(memberStatusAfter(ext('sent'), 'return', 'active')).toBe('active');
    expect(memberStatusAfter(ext('sent'), 'cancel', 'working_away')).toBe('working_away');
    expect(memberStatusAfter(ext('draft'), 'cancel', null)).toBeNull();
    expect(memberStatusAfter(ext('draft'), 'update', null)).toBeNull();
  });

  it('is temporarily elsewhere while the host has accepted, and back when it ends', () => {
    expect(memberStatusAfter(tmp('sent'), 'accept', null)).toBe('temporary_elsewhere');
    expect(memberStatusAfter(tmp('accepted'), 'end', 'working_away')).toBe('working_away');
    expect(memberStatusAfter(tmp('sent'), 'return', null)).toBeNull();
    expect(memberStatusAfter(tmp('sent'), 'cancel', null)).toBeNull();
    expect(memberStatusAfter(tmp('accepted'), 'comment', 'active')).toBeNull();
  });
});

describe('who may start and finish', () => {
  it('starts only for an active or working-away member with no other open transfer', () => {
    expect(() => assertMemberCanStart('active', false)).not.toThrow();
    expect(() => assertMemberCanStart('working_away', false)).not.toThrow();
    expect(() => assertMemberCanStart('in_transit', false)).toThrow(/đang sinh hoạt hoặc đi làm ăn xa/);
    expect(() => assertMemberCanStart('temporary_elsewhere', false)).toThrow(DomainError);
    expect(() => assertMemberCanStart('matured', false)).toThrow(DomainError);
    expect(() => assertMemberCanStart('active', true)).toThrow(/chưa hoàn tất/);
  });

  it('refuses returning without a reason', () => {
    expect(() => assertReturnReason('')).toThrow('Lý do trả lại là bắt buộc.');
    expect(() => assertReturnReason('   ')).toThrow(DomainError);
    expect(() => assertReturnReason(null)).toThrow(DomainError);
    expect(assertReturnReason('  Không đúng địa bàn ')).toBe('Không đúng địa bàn');
  });

  it('sends only with the branch comment and the fee month', () => {
    expect(() => assertReadyToSend({ branchComment: null, feePaidUntil: '2026-05' })).toThrow(/nhận xét/);
    expect(() => assertReadyToSend({ branchComment: 'Tốt', feePaidUntil: null })).toThrow(/đoàn phí/);
    expect(() => assertReadyToSend({ branchComment: 'Tốt', feePaidUntil: '2026-05' })).not.toThrow();
  });

  it('checks the fee month and the temporary period', () => {
    expect(() => assertFeeMonth('2026-13', '2026-05-10')).toThrow(/yyyy-mm/);
    expect(() => assertFeeMonth('2027-06', '2026-05-10')).toThrow(/12 tháng/);
    expect(() => assertFeeMonth('2027-05', '2026-05-10')).not.toThrow();
    expect(() => assertFeeMonth(null, '2026-05-10')).not.toThrow();
    expect(() => assertTemporaryPeriod('2026-05-01', '2026-04-30')).toThrow(/sau ngày bắt đầu/);
    expect(() => assertTemporaryPeriod('2026-05-01', '2026-05-01')).not.toThrow();
    expect(() => assertEndDate('2026-04-30', '2026-05-01')).toThrow('01/05/2026');
  });
});

describe('deadlines', () => {
  it('is due a configurable number of days after sending, across month and year ends', () => {
    expect(dueDate('2026-01-15', 30)).toBe('2026-02-14');
    expect(dueDate('2025-12-20', 15)).toBe('2026-01-04');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
  });

  it('is overdue only while sent and after the due date', () => {
    expect(isOverdue({ status: 'sent', dueOn: '2026-02-14' }, '2026-02-14')).toBe(false);
    expect(isOverdue({ status: 'sent', dueOn: '2026-02-14' }, '2026-02-15')).toBe(true);
    expect(isOverdue({ status: 'accepted', dueOn: '2026-02-14' }, '2026-03-01')).toBe(false);
    expect(isOverdue({ status: 'draft', dueOn: null }, '2026-03-01')).toBe(false);
  });

  it('lapses an accepted temporary participation after its end date', () => {
    const t = { kind: 'temporary', status: 'accepted', endsOn: '2026-06-30' };
    expect(temporaryLapsed(t, '2026-06-30')).toBe(false);
    expect(temporaryLapsed(t, '2026-07-01')).toBe(true);
    expect(temporaryLapsed({ ...t, status: 'ended' }, '2026-07-01')).toBe(false);
  });
});

describe('actions for the actor', () => {
  const actions = (t: { kind: TransferKind; status: TransferStatus }, reach: Partial<TransferReach>) =>
    allowedTransferActions(t, { ...none, ...reach });

  it('lets the branch edit and cancel a draft, and only the đoàn cơ sở send it', () => {
    expect(actions(ext('draft'), { branchWrite: true })).toEqual(['update', 'cancel']);
    expect(actions(ext('draft'), { branchWrite: true, grassrootsWrite: true })).toEqual(['update', 'send', 'cancel']);
  });

  it('lets the receiving side accept or return a sent transfer, and the đoàn cơ sở cancel it', () => {
    expect(actions(ext('sent'), { receiverWrite: true })).toEqual(['accept', 'return']);
    expect(actions(ext('sent'), { branchWrite: true })).toEqual([]);
    expect(actions(ext('sent'), { branchWrite: true, grassrootsWrite: true })).toEqual(['cancel']);
  });

  it('lets the host accept and comment, and either side end a temporary participation', () => {
    expect(actions(tmp('sent'), { hostWrite: true })).toEqual(['accept', 'return']);
    expect(actions(tmp('sent'), { branchWrite: true })).toEqual(['cancel']);
    expect(actions(tmp('accepted'), { hostWrite: true })).toEqual(['end', 'comment']);
    expect(actions(tmp('accepted'), { branchWrite: true })).toEqual(['end']);
  });

  it('offers nothing to a reader or on a decided transfer', () => {
    const decided: TransferAction[] = [];
    expect(actions(ext('sent'), {})).toEqual(decided);
    expect(allowedTransferActions(ext('accepted'), all)).toEqual(decided);
    expect(allowedTransferActions({ kind: 'internal', status: 'accepted' }, all)).toEqual(decided);
  });
});
