import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.js';
import {
  addYears,
  assertBatch,
  assertCeremonyDate,
  assertExceptionInput,
  ceremonyDatesOf,
  comingOfAgeProblem,
  dueness,
  exceptionValidOn,
  exceptsForYear,
  turnsAgeOn,
} from './coming-of-age.js';
import { comingOfAgeCertificateData } from './coming-of-age-documents.js';

const DATES = ['26/03', '19/05', '15/10', '22/12'];
const member = { fullName: 'Nguyễn Văn An', status: 'active', birthDate: '1996-05-10' };
const thrown = (fn: () => void) => {
  try {
    fn();
  } catch (e) {
    return e as DomainError;
  }
  throw new Error('expected a refusal');
};

describe('coming of age: ages and lists', () => {
  it('adds years and finds the day a member turns an age', () => {
    expect(addYears('1996-05-10', 30)).toBe('2026-05-10');
    expect(addYears('2000-02-29', 1)).toBe('2001-03-01');
    expect(turnsAgeOn('1991-12-31', 35)).toBe('2026-12-31');
  });

  it('sorts members into due, overdue and not yet for a year', () => {
    expect(dueness('1996-01-01', 2026, 30)).toBe('due');
    expect(dueness('1995-12-31', 2026, 30)).toBe('overdue');
    expect(dueness('1997-01-01', 2026, 30)).toBe('not_yet');
    expect(dueness('1995-06-01', 2026, 31)).toBe('due');
  });

  it('turns the configured DD/MM dates into the dates of a year, skipping impossible ones', () => {
    expect(ceremonyDatesOf(2026, DATES)).toEqual(['2026-03-26', '2026-05-19', '2026-10-15', '2026-12-22']);
    expect(ceremonyDatesOf(2026, ['29/02', '1/6', 'x'])).toEqual(['2026-06-01']);
    expect(ceremonyDatesOf(2028, ['29/02'])).toEqual(['2028-02-29']);
  });
});

describe('coming of age: ceremony date', () => {
  it('accepts a configured date of the year that has passed', () => {
    expect(() => assertCeremonyDate('2026-10-15', 2026, DATES, '2026-11-23')).not.toThrow();
  });

  it('refuses a date that is not configured, naming the allowed dates', () => {
    const e = thrown(() => assertCeremonyDate('2026-10-16', 2026, DATES, '2026-11-23'));
    expect(e.code).toBe('validation');
    expect(e.message).toContain('26/03/2026, 19/05/2026, 15/10/2026, 22/12/2026');
    expect(e.details).toEqual([expect.objectContaining({ field: 'ceremonyOn' })]);
  });

  it('refuses a date of another year and a date after today', () => {
    expect(thrown(() => assertCeremonyDate('2025-10-15', 2026, DATES, '2026-11-23')).message).toMatch(/năm 2026/);
    expect(thrown(() => assertCeremonyDate('2026-12-22', 2026, DATES, '2026-11-23')).message).toMatch(
      /sau ngày hôm nay/,
    );
  });
});

describe('coming of age: exceptions', () => {
  it('is valid until its end date unless revoked', () => {
    const ex = { reason: 'extension', validUntil: '2027-06-30', revokedAt: null };
    expect(exceptionValidOn(ex, '2027-06-30')).toBe(true);
    expect(exceptionValidOn(ex, '2027-07-01')).toBe(false);
    expect(exceptionValidOn({ ...ex, revokedAt: new Date() }, '2026-01-01')).toBe(false);
    expect(exceptionValidOn({ reason: 'committee', validUntil: null, revokedAt: null }, '2099-01-01')).toBe(true);
  });

  it('keeps a member off the list of a year only when it runs to the end of that year', () => {
    const ex = { reason: 'extension', validUntil: '2027-06-30', revokedAt: null };
    expect(exceptsForYear(ex, 2026)).toBe(true);
    expect(exceptsForYear(ex, 2027)).toBe(false);
  });

  const input = {
    member,
    reason: 'extension' as const,
    validUntil: '2030-12-31',
    extensionMaxAge: 35,
    today: '2026-11-23',
    existing: [],
  };

  it('accepts an extension up to the day the member turns the maximum age', () => {
    expect(() => assertExceptionInput({ ...input, validUntil: '2031-05-10' })).not.toThrow();
  });

  it('refuses an extension past the maximum age, without an end date, or for an unknown birth date', () => {
    expect(thrown(() => assertExceptionInput({ ...input, validUntil: '2031-05-11' })).message).toMatch(
      /đủ 35 tuổi.*10\/05\/2031/,
    );
    expect(thrown(() => assertExceptionInput({ ...input, validUntil: null })).details).toEqual([
      expect.objectContaining({ field: 'validUntil' }),
    ]);
    expect(thrown(() => assertExceptionInput({ ...input, member: { ...member, birthDate: null } })).code).toBe(
      'rule_violation',
    );
  });

  it('accepts a committee exception without an end date, refuses a past end date', () => {
    expect(() => assertExceptionInput({ ...input, reason: 'committee', validUntil: null })).not.toThrow();
    expect(thrown(() => assertExceptionInput({ ...input, reason: 'full_time', validUntil: '2026-01-01' })).code).toBe(
      'validation',
    );
  });

  it('refuses a second valid exception and a member who has left', () => {
    const existing = [{ reason: 'committee', validUntil: null, revokedAt: null }];
    expect(thrown(() => assertExceptionInput({ ...input, existing })).message).toMatch(/thu hồi/);
    const revoked = [{ reason: 'committee', validUntil: null, revokedAt: '2026-01-01T00:00:00Z' }];
    expect(() => assertExceptionInput({ ...input, existing: revoked })).not.toThrow();
    expect(thrown(() => assertExceptionInput({ ...input, member: { ...member, status: 'matured' } })).message).toMatch(
      /Đã trưởng thành/,
    );
  });
});

describe('coming of age: processing a member', () => {
  const ctx = { year: 2026, age: 30, ceremonyOn: '2026-10-15' };

  it('lets a member of the year, or an overdue one, come of age', () => {
    expect(comingOfAgeProblem(member, ctx, [])).toBeNull();
    expect(comingOfAgeProblem({ ...member, birthDate: '1990-01-01' }, ctx, [])).toBeNull();
    expect(comingOfAgeProblem({ ...member, status: 'working_away' }, ctx, [])).toBeNull();
  });

  it('refuses a member too young, without a birth date, who left, or in transit', () => {
    expect(comingOfAgeProblem({ ...member, birthDate: '1997-01-01' }, ctx, [])).toMatch(/chưa đến tuổi/);
    expect(comingOfAgeProblem({ ...member, birthDate: null }, ctx, [])).toMatch(/ngày sinh/);
    expect(comingOfAgeProblem({ ...member, status: 'expelled' }, ctx, [])).toMatch(/Bị khai trừ/);
    expect(comingOfAgeProblem({ ...member, status: 'in_transit' }, ctx, [])).toMatch(/chuyển sinh hoạt/);
  });

  it('refuses a member whose exception still runs on the ceremony date, not after it ends', () => {
    const ex = [{ reason: 'extension', validUntil: '2026-12-31', revokedAt: null }];
    expect(comingOfAgeProblem(member, ctx, ex)).toMatch(/giữ lại sinh hoạt đến 31\/12\/2026/);
    const ended = [{ reason: 'extension', validUntil: '2026-06-30', revokedAt: null }];
    expect(comingOfAgeProblem(member, ctx, ended)).toBeNull();
  });

  it('refuses the whole batch, naming each problem', () => {
    expect(() => assertBatch([])).not.toThrow();
    const e = thrown(() =>
      assertBatch([
        { index: 0, message: 'A.' },
        { index: 2, message: 'B.' },
      ]),
    );
    expect(e.code).toBe('rule_violation');
    expect(e.message).toMatch(/2 đoàn viên/);
    expect(e.details).toEqual([
      { field: 'members.0', message: 'A.' },
      { field: 'members.2', message: 'B.' },
    ]);
  });

  it('writes a certificate naming the member and the ceremony', () => {
    const data = comingOfAgeCertificateData({
      member: {
        fullName: 'Nguyễn Văn An',
        birthDate: '1996-05-10',
        birthYearOnly: false,
        cardNumber: 'DV1',
        branchName: 'Chi đoàn Tổ dân phố 1',
        joinedOn: '2012-03-26',
      },
      ceremonyOn: '2026-10-15',
      year: 2026,
    });
    expect(data.body.join('\n')).toContain('trưởng thành Đoàn kể từ ngày 15/10/2026');
    expect(data.body.join('\n')).toContain('sinh ngày 10/05/1996, vào Đoàn ngày 26/03/2012');
    expect(data.fields).toMatchObject({ memberName: 'Nguyễn Văn An', ceremonyOn: '15/10/2026' });
    expect(data.recipients.at(-1)).toBe('- Lưu VP.');
  });
});
