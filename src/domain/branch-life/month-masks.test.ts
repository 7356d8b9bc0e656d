import { describe, expect, it } from 'vitest';
import { monthsOfYear, periodMasks, yearsBetween } from './month-masks.js';

describe('month masks of the yearly meeting rollup', () => {
  it('lists the years and the months of each year inside a period', () => {
    expect(yearsBetween('2025-07', '2026-06')).toEqual([2025, 2026]);
    expect(monthsOfYear(2025, '2025-07', '2026-06')).toEqual([7, 8, 9, 10, 11, 12]);
    expect(monthsOfYear(2026, '2025-07', '2026-06')).toEqual([1, 2, 3, 4, 5, 6]);
    expect(monthsOfYear(2024, '2025-07', '2026-06')).toEqual([]);
  });

  it('gives one mask per monthly period inside the window', () => {
    expect(periodMasks(2026, '2026-01', '2026-03', 1)).toEqual([0b1, 0b10, 0b100]);
  });

  it('cuts quarters from January and keeps only their months inside the window', () => {
    // February to May: the first quarter (from February) and the second (April and May).
    expect(periodMasks(2026, '2026-02', '2026-05', 3)).toEqual([0b110, 0b11000]);
  });

  it('leaves out periods with no month in the window and handles a step that does not divide the year', () => {
    expect(periodMasks(2026, '2026-11', '2026-12', 5)).toEqual([0b110000000000]);
    expect(periodMasks(2027, '2026-11', '2026-12', 1)).toEqual([]);
  });
});
