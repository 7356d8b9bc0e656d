import { describe, expect, it } from 'vitest';
import {
  cardActions,
  cardDateIssues,
  defaultCardPrefix,
  formatCardNumber,
  reissuePlan,
  schemeIssues,
} from './member-card.js';

describe('member card numbers', () => {
  it('pads the counter to the width after the prefix', () => {
    expect(formatCardNumber('DNG', 6, 42)).toBe('DNG000042');
    expect(formatCardNumber('NTH-', 4, 12345)).toBe('NTH-12345');
  });

  it('starts a unit scheme from its code without diacritics or symbols', () => {
    expect(defaultCardPrefix('dng')).toBe('DNG');
    expect(defaultCardPrefix('LCD-CNTT')).toBe('LCDCNTT');
    expect(defaultCardPrefix('Đà')).toBe('DA');
    expect(defaultCardPrefix('---')).toBe('DV');
  });

  it('gives a lost card a new number and keeps the number of a damaged one', () => {
    expect(reissuePlan('lost')).toEqual({ reason: 'reissue_lost', newNumber: true });
    expect(reissuePlan('damaged')).toEqual({ reason: 'reissue_damaged', newNumber: false });
  });

  it('offers issue without an active card, reissue and revoke with one, only revoke after membership ends', () => {
    expect(cardActions(false, true)).toEqual(['issue']);
    expect(cardActions(true, true)).toEqual(['reissue', 'revoke']);
    expect(cardActions(true, false)).toEqual(['revoke']);
    expect(cardActions(false, false)).toEqual([]);
  });

  it('refuses card dates in the future, before joining or before the current card', () => {
    const floors = { joinedOn: '2024-03-26', currentIssuedOn: '2024-04-01' };
    expect(cardDateIssues('issuedOn', 'Ngày cấp', '2025-01-01', '2026-01-01', floors)).toEqual([]);
    expect(cardDateIssues('issuedOn', 'Ngày cấp', '2026-01-02', '2026-01-01', floors)[0]?.message).toBe(
      'Ngày cấp không được sau ngày hôm nay.',
    );
    expect(cardDateIssues('issuedOn', 'Ngày cấp', '2024-03-01', '2026-01-01', floors)[0]?.message).toMatch(
      /trước ngày vào Đoàn \(26\/03\/2024\)/,
    );
    expect(cardDateIssues('issuedOn', 'Ngày cấp', '2024-03-30', '2026-01-01', floors)[0]?.message).toMatch(
      /trước ngày cấp thẻ hiện tại/,
    );
  });
});

describe('numbering scheme changes', () => {
  it('accepts a next number above every number already used', () => {
    expect(schemeIssues({ prefix: 'DNG', width: 6, nextNumber: 11 }, 10)).toEqual([]);
    expect(schemeIssues({ prefix: 'DNG', width: 6, nextNumber: 1 }, null)).toEqual([]);
  });

  it('refuses going back onto a used number', () => {
    expect(schemeIssues({ prefix: 'DNG', width: 6, nextNumber: 10 }, 10)).toEqual([
      {
        field: 'nextNumber',
        message: 'Số thẻ DNG000010 đã được cấp: số tiếp theo phải lớn hơn 10 để không trùng.',
      },
    ]);
  });

  it('refuses a malformed prefix and a next number wider than the width', () => {
    expect(schemeIssues({ prefix: 'dng', width: 6, nextNumber: 1 }, null)[0]?.field).toBe('prefix');
    expect(schemeIssues({ prefix: 'ĐN', width: 6, nextNumber: 1 }, null)[0]?.field).toBe('prefix');
    expect(schemeIssues({ prefix: 'DN/', width: 2, nextNumber: 100 }, null)[0]?.field).toBe('width');
  });
});
