import { describe, expect, it } from 'vitest';
import {
  decisionIssues,
  feeOverdueDetail,
  missedDetail,
  missedInARow,
  missingDataDetail,
  missingRecordFields,
  reviewDate,
  turnsAgeDetail,
  turnsAgeInYear,
  withDecisions,
  workingAwayDetail,
  type ChecklistLine,
} from './review.js';

const complete = {
  birthDate: '1998-04-02',
  cccd: '048098000001',
  phone: '0905000001',
  joinedOn: '2014-03-26',
  cardNumber: '0480001',
  permanentAddress: '12 Lê Lợi',
};

describe('missing record data', () => {
  it('names what a record lacks, in a fixed order', () => {
    expect(missingRecordFields(complete)).toEqual([]);
    expect(missingDataDetail(complete)).toBeNull();
    expect(missingDataDetail({ ...complete, phone: null, cccd: '  ' })).toBe('Thiếu: số CCCD, số điện thoại');
    expect(missingRecordFields({ ...complete, birthDate: null, cardNumber: null, permanentAddress: '' })).toEqual([
      'ngày sinh',
      'số thẻ đoàn viên',
      'địa chỉ thường trú',
    ]);
  });
});

describe('turning the coming-of-age age', () => {
  it('lists the members born in year − age only', () => {
    expect(turnsAgeInYear('1996-12-31', 2026, 30)).toBe(true);
    expect(turnsAgeInYear('1996-01-01', 2026, 30)).toBe(true);
    expect(turnsAgeInYear('1997-01-01', 2026, 30)).toBe(false);
    expect(turnsAgeInYear('1995-06-01', 2026, 30)).toBe(false);
    expect(turnsAgeInYear(null, 2026, 30)).toBe(false);
    expect(turnsAgeInYear('1991-05-05', 2026, 35)).toBe(true);
  });

  it('describes the birth date, or the year when only the year is known', () => {
    expect(turnsAgeDetail('1996-03-05', false, 2026, 30)).toBe('Sinh 05/03/1996, tròn 30 tuổi trong năm 2026');
    expect(turnsAgeDetail('1996-01-01', true, 2026, 30)).toBe('Sinh năm 1996, tròn 30 tuổi trong năm 2026');
  });
});

describe('missed in a row', () => {
  it('needs an absence without leave at each of the last meetings', () => {
    expect(missedInARow(['absent', 'absent', 'absent'], 3)).toBe(true);
    expect(missedInARow(['absent', 'absent', 'absent', 'present'], 3)).toBe(true);
    expect(missedInARow(['absent', 'excused', 'absent'], 3)).toBe(false);
    expect(missedInARow(['absent', 'absent', null], 3)).toBe(false);
    expect(missedInARow(['present', 'absent', 'absent', 'absent'], 3)).toBe(false);
  });

  it('never counts with fewer held meetings than the rule', () => {
    expect(missedInARow(['absent', 'absent'], 3)).toBe(false);
    expect(missedInARow([], 0)).toBe(false);
  });

  it('lists the dates oldest first', () => {
    expect(missedDetail(['2026-11-14', '2026-10-10', '2026-09-12'])).toBe(
      'Vắng không phép 3 buổi liên tiếp: 12/09/2026, 10/10/2026, 14/11/2026',
    );
  });
});

describe('details', () => {
  it('describes a member working away and fee arrears', () => {
    expect(workingAwayDetail('Bình Dương', '2026-02-01')).toBe('Nơi đến: Bình Dương; từ 01/02/2026');
    expect(workingAwayDetail(null, null)).toBe('Chưa ghi nơi đến');
    expect(feeOverdueDetail({ from: '2026-08', count: 4 })).toBe('Nợ 4 tháng, từ tháng 08/2026');
  });
});

describe('decisions', () => {
  const lines: ChecklistLine[] = [
    { category: 'turns_30', memberId: 'a', fullName: 'Lê Văn An', detail: 'x', hosted: false },
    { category: 'fee_overdue', memberId: 'a', fullName: 'Lê Văn An', detail: 'y', hosted: false },
    { category: 'working_away', memberId: 'b', fullName: 'Trần Thị Bình', detail: 'z', hosted: true },
  ];

  it('refuses a line no longer on the checklist and a line sent twice', () => {
    expect(decisionIssues(lines, [{ category: 'turns_30', memberId: 'a', decision: 'Nhắc nhở' }])).toEqual([]);
    const issues = decisionIssues(lines, [
      { category: 'turns_30', memberId: 'b', decision: 'x' },
      { category: 'fee_overdue', memberId: 'a', decision: 'x' },
      { category: 'fee_overdue', memberId: 'a', decision: 'y' },
    ]);
    expect(issues.map((i) => i.field)).toEqual(['items.0', 'items.2']);
    expect(issues[0]?.message).toContain('không còn trong danh sách rà soát, hãy tải lại');
  });

  it('stores every line with its decision or null', () => {
    const stored = withDecisions(lines, [
      { category: 'working_away', memberId: 'b', decision: 'Giao chi ủy theo dõi' },
    ]);
    expect(stored.map((l) => l.decision)).toEqual([null, null, 'Giao chi ủy theo dõi']);
  });
});

describe('review date', () => {
  it('is the day held, else the end of the month or today while it runs', () => {
    expect(reviewDate({ heldOn: '2026-10-12', period: '2026-10' }, '2026-11-23')).toBe('2026-10-12');
    expect(reviewDate({ heldOn: null, period: '2026-10' }, '2026-11-23')).toBe('2026-10-31');
    expect(reviewDate({ heldOn: null, period: '2026-11' }, '2026-11-23')).toBe('2026-11-23');
    expect(reviewDate({ heldOn: null, period: '2028-02' }, '2026-11-23')).toBe('2026-11-23');
  });
});
