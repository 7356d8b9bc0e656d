import { describe, expect, it } from 'vitest';
import { bookLastMonth, markGrid, owedInYear, secretaryOf } from './branch-book.js';

describe('branch book', () => {
  it('finds the secretary, not the deputy', () => {
    const members = [
      { fullName: 'A', position: 'Phó Bí thư' },
      { fullName: 'B', position: 'Bí thư chi đoàn' },
    ];
    expect(secretaryOf(members)).toEqual({ name: 'B', position: 'Bí thư chi đoàn' });
    expect(secretaryOf([{ fullName: 'A', position: null }])).toBeNull();
  });

  it('ends a past year in December and the current year this month', () => {
    expect(bookLastMonth(2024, '2025-05-10')).toBe('2024-12');
    expect(bookLastMonth(2025, '2025-05-10')).toBe('2025-05');
  });

  it('counts months owed inside the year only', () => {
    const ledger = { joinedMonth: null, ledgerStart: '2024-06' };
    expect(owedInYear(2025, '2025-05', { ...ledger, paidUpTo: '2025-03' })).toBe(2);
    expect(owedInYear(2025, '2025-05', { ...ledger, paidUpTo: '2024-10' })).toBe(5);
    expect(owedInYear(2025, '2025-05', { ...ledger, paidUpTo: '2025-06' })).toBe(0);
    expect(owedInYear(2025, '2025-05', { paidUpTo: null, joinedMonth: null, ledgerStart: null })).toBe(0);
  });

  it('lays marks out on a grid', () => {
    expect(markGrid(['m1', 'm2'], ['a', 'b'], [{ row: 'm2', column: 'a', mark: 'x' }])).toEqual([
      ['', ''],
      ['x', ''],
    ]);
  });
});
