import { describe, expect, it } from 'vitest';
import { categoriesFromFlags, closeDateIssue, helpDateIssue, yearRange, youthAgeIssue } from './care.js';

describe('care rules', () => {
  it('maps member care flags onto categories in list order', () => {
    expect(categoriesFromFlags(['religious', 'hardship', 'unknown'])).toEqual(['hardship', 'religious']);
    expect(categoriesFromFlags([])).toEqual([]);
  });

  it('accepts youth aged 10 to 35 this year and explains the range otherwise', () => {
    expect(youthAgeIssue(2016, '2026-05-01')).toBeNull();
    expect(youthAgeIssue(1991, '2026-05-01')).toBeNull();
    expect(youthAgeIssue(2017, '2026-05-01')?.message).toContain('từ 10 đến 35 tuổi');
    expect(youthAgeIssue(1990, '2026-05-01')?.field).toBe('birthYear');
  });

  it('keeps help given in the past and planned help in the future', () => {
    const today = '2026-05-10';
    expect(helpDateIssue('given', today, today)).toBeNull();
    expect(helpDateIssue('planned', today, today)).toBeNull();
    expect(helpDateIssue('given', '2026-05-11', today)?.message).toContain('không được sau hôm nay');
    expect(helpDateIssue('planned', '2026-05-09', today)?.message).toContain('không được trước hôm nay');
    expect(helpDateIssue('given', '2026-06-01', today, 'givenOn')?.field).toBe('givenOn');
  });

  it('closes between the opening day and today', () => {
    expect(closeDateIssue('2026-05-10', '2026-01-01', '2026-05-10')).toBeNull();
    expect(closeDateIssue('2026-05-11', '2026-01-01', '2026-05-10')?.field).toBe('closedOn');
    expect(closeDateIssue('2025-12-31', '2026-01-01', '2026-05-10')?.message).toContain('01/01/2026');
  });

  it('gives the bounds of a year', () => {
    expect(yearRange(2026)).toEqual(['2026-01-01', '2026-12-31']);
  });
});
