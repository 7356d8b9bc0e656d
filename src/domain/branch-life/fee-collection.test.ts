import { describe, expect, it } from 'vitest';
import { alreadyPaidMessage, owedNow, paymentMonthIssues } from './fee-collection.js';

const member = { fullName: 'Nguyễn Văn An', joinedMonth: '2025-03' };

describe('fee collection', () => {
  it('accepts months from joining up to twelve months ahead', () => {
    expect(paymentMonthIssues(member, ['2025-03', '2026-11', '2027-11'], '2026-11', 'items.0.months')).toEqual([]);
  });

  it('refuses months before joining, too far ahead or twice, naming member and month', () => {
    const issues = paymentMonthIssues(member, ['2025-02', '2027-12', '2026-01', '2026-01'], '2026-11', 'm');
    expect(issues.map((i) => i.message)).toEqual([
      'Nguyễn Văn An vào Đoàn tháng 03/2025: không thu đoàn phí tháng 02/2025.',
      'Chỉ thu trước tối đa 12 tháng (đến tháng 11/2027): bỏ tháng 12/2027 của Nguyễn Văn An.',
      'Tháng 01/2026 của Nguyễn Văn An được chọn hai lần.',
    ]);
    expect(issues.every((i) => i.field === 'm')).toBe(true);
    expect(alreadyPaidMessage('Nguyễn Văn An', '2026-03')).toBe(
      'Đoàn viên Nguyễn Văn An đã đóng đoàn phí tháng 03/2026.',
    );
  });

  it('computes what is owed now and its amount', () => {
    const standing = { paidUpTo: '2026-08', joinedMonth: '2024-01', ledgerStart: '2026-01' };
    expect(owedNow(standing, '2026-11', (months) => months.length * 2000)).toEqual({
      from: '2026-09',
      count: 3,
      amount: 6000,
    });
    expect(owedNow({ ...standing, paidUpTo: '2026-11' }, '2026-11', () => 1)).toBeNull();
    expect(
      owedNow({ paidUpTo: null, joinedMonth: '2026-10', ledgerStart: '2026-01' }, '2026-11', (m) => m.length),
    ).toEqual({
      from: '2026-10',
      count: 2,
      amount: 2,
    });
  });
});
