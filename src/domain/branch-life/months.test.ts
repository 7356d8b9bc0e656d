import { describe, expect, it } from 'vitest';
import { addMonths, isMonth, meetingPeriods, monthCount, monthLabel, monthsBetween, periodStart } from './months.js';
import { isFeeOverdue, monthsOwed } from './fee-arrears.js';

describe('months', () => {
  it('checks, moves and counts months across years', () => {
    expect(isMonth('2026-11')).toBe(true);
    expect(isMonth('2026-13')).toBe(false);
    expect(addMonths('2026-11', 3)).toBe('2027-02');
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(monthsBetween('2026-11', '2027-01')).toEqual(['2026-11', '2026-12', '2027-01']);
    expect(monthCount('2026-11', '2027-01')).toBe(3);
    expect(monthCount('2027-01', '2026-11')).toBe(0);
    expect(monthLabel('2026-03')).toBe('03/2026');
  });

  it('gives the meeting periods of a monthly and of a quarterly branch', () => {
    expect(meetingPeriods(2026, 1)).toHaveLength(12);
    expect(meetingPeriods(2026, 3)).toEqual(['2026-01', '2026-04', '2026-07', '2026-10']);
    expect(periodStart('2026-11', 3)).toBe('2026-10');
    expect(periodStart('2026-11', 1)).toBe('2026-11');
  });
});

describe('fee arrears', () => {
  it('counts the months after the month paid up to, this month included', () => {
    const standing = { paidUpTo: '2026-08', joinedMonth: '2020-01', ledgerStart: '2026-01' };
    expect(monthsOwed(standing, '2026-11')).toEqual({ from: '2026-09', count: 3 });
    expect(isFeeOverdue(standing, '2026-11', 3)).toBe(true);
    expect(isFeeOverdue(standing, '2026-10', 3)).toBe(false);
  });

  it('starts a member who never paid at the later of joining and the branch ledger', () => {
    expect(monthsOwed({ paidUpTo: null, joinedMonth: '2026-09', ledgerStart: '2026-01' }, '2026-11')?.count).toBe(3);
    expect(monthsOwed({ paidUpTo: null, joinedMonth: '2019-05', ledgerStart: '2026-10' }, '2026-11')?.count).toBe(2);
    expect(monthsOwed({ paidUpTo: null, joinedMonth: '2019-05', ledgerStart: null }, '2026-11')).toBeNull();
  });

  it('owes nothing when paid ahead', () => {
    expect(monthsOwed({ paidUpTo: '2026-12', joinedMonth: null, ledgerStart: '2026-01' }, '2026-11')).toBeNull();
  });
});
