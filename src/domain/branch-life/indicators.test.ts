import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.js';
import { assertPeriod, figure, firstCountedMonth, judgedUntil, requiredPeriods, seenSince } from './indicators.js';
import { assertEndAfterStart, assertNoOwnOverlap, spansOverlap } from './indicator-designations.js';

describe('indicators', () => {
  it('counts the required periods of monthly and quarterly branches', () => {
    expect(requiredPeriods('2025-01', '2025-12', 1)).toBe(12);
    expect(requiredPeriods('2025-01', '2025-12', 3)).toBe(4);
    expect(requiredPeriods('2025-02', '2025-04', 3)).toBe(2);
    expect(firstCountedMonth('2025-02', 3)).toBe('2025-01');
  });

  it('does not judge a period still running', () => {
    expect(judgedUntil('2025-11', 1, '2025-11-20')).toBe('2025-10');
    expect(judgedUntil('2025-11', 3, '2025-11-20')).toBe('2025-09');
    expect(judgedUntil('2025-06', 1, '2025-11-20')).toBe('2025-06');
    expect(judgedUntil('2025-12', 3, '2025-12-01')).toBe('2025-09');
  });

  it('computes shares against the targets', () => {
    expect(figure('meetingCharter', 1, 2)).toEqual({
      numerator: 1,
      denominator: 2,
      share: 0.5,
      target: 0.5,
      meetsTarget: true,
    });
    expect(figure('pilot', 1, 2).meetsTarget).toBe(false);
    expect(figure('attendance', 0, 0)).toMatchObject({ share: null, target: null, meetsTarget: null });
  });

  it('starts "seen" at the beginning of the last months', () => {
    expect(seenSince('2025-06', 3)).toBe('2025-04-01');
    expect(seenSince('2025-02', 3)).toBe('2024-12-01');
  });

  it('refuses reversed or too long periods', () => {
    expect(() => assertPeriod('2025-05', '2025-04')).toThrow(DomainError);
    expect(() => assertPeriod('2023-01', '2025-04')).toThrow(/tối đa/);
    expect(() => assertPeriod('2025-01', '2025-12')).not.toThrow();
  });
});

describe('designations', () => {
  it('detects overlapping spans', () => {
    expect(
      spansOverlap({ validFrom: '2025-01-01', validTo: '2025-03-01' }, { validFrom: '2025-03-01', validTo: null }),
    ).toBe(false);
    expect(spansOverlap({ validFrom: '2025-01-01', validTo: null }, { validFrom: '2026-01-01', validTo: null })).toBe(
      true,
    );
  });

  it('refuses a second open span and a span starting inside the last one', () => {
    expect(() => assertNoOwnOverlap('remote', '2025-05-01', [{ validFrom: '2025-01-01', validTo: null }])).toThrow(
      /kết thúc trước/,
    );
    expect(() =>
      assertNoOwnOverlap('pilot', '2025-02-01', [{ validFrom: '2025-01-01', validTo: '2025-03-01' }]),
    ).toThrow(/01\/03\/2025/);
    expect(() =>
      assertNoOwnOverlap('pilot', '2025-03-01', [{ validFrom: '2025-01-01', validTo: '2025-03-01' }]),
    ).not.toThrow();
  });

  it('needs an end after the start', () => {
    expect(() => assertEndAfterStart('2025-01-01', '2025-01-01')).toThrow(/sau ngày bắt đầu/);
    expect(() => assertEndAfterStart('2025-01-01', '2025-01-02')).not.toThrow();
  });
});
