import { describe, expect, it } from 'vitest';
import { ageOn, cccdProblem, directEditProblem, fullNameProblem, maskTail, normalizePhone } from './member-rules.js';
import { parseCellDate } from './parse-date.js';
import { ETHNIC_GROUPS } from './reference-lists.js';

describe('member rules', () => {
  it('accepts a 12-digit CCCD and names the digit count otherwise', () => {
    expect(cccdProblem('001203004567')).toBeNull();
    expect(cccdProblem('00120300456')).toBe('Số CCCD phải gồm đúng 12 chữ số (đang có 11 chữ số).');
    expect(cccdProblem('00120300456a')).not.toBeNull();
  });

  it('refuses names made of digits or a single word', () => {
    expect(fullNameProblem('Nguyễn Văn An')).toBeNull();
    expect(fullNameProblem("H'Hen Niê")).toBeNull();
    expect(fullNameProblem('12345')).toMatch(/chữ số/);
    expect(fullNameProblem('An')).toMatch(/ít nhất/);
    expect(fullNameProblem('  ')).toBe('Họ và tên là bắt buộc.');
  });

  it('normalises phone numbers', () => {
    expect(normalizePhone('0905 123 456')).toBe('0905123456');
    expect(normalizePhone('+84 905 123 456')).toBe('0905123456');
    expect(normalizePhone('12345')).toBeNull();
  });

  it('computes age on a date', () => {
    expect(ageOn('1996-11-24', '2026-11-23')).toBe(29);
    expect(ageOn('1996-11-23', '2026-11-23')).toBe(30);
  });

  it('masks all but the tail', () => {
    expect(maskTail('001203004567')).toBe('*********567');
    expect(maskTail(null)).toBeNull();
  });

  it('lists the 54 ethnic groups', () => {
    expect(ETHNIC_GROUPS).toHaveLength(54);
    expect(new Set(ETHNIC_GROUPS).size).toBe(54);
  });
});

describe('spreadsheet dates', () => {
  it.each([
    ['05/03/2001', '2001-03-05'],
    ['5/3/2001', '2001-03-05'],
    ['05-03-2001', '2001-03-05'],
    ['2001-03-05', '2001-03-05'],
    [36955, '2001-03-05'],
    ['36955', '2001-03-05'],
  ])('reads %s', (input, iso) => {
    expect(parseCellDate(input)).toEqual({ kind: 'date', iso });
  });

  it('reads a year alone', () => {
    expect(parseCellDate('2001')).toEqual({ kind: 'year', year: 2001, iso: '2001-01-01' });
  });

  it('refuses dates that do not exist, in Vietnamese', () => {
    expect(parseCellDate('31/02/2001')).toEqual({ error: 'Ngày 31/02/2001 không tồn tại.' });
    expect(parseCellDate('hôm qua')).toEqual({ error: '"hôm qua" không phải ngày dạng dd/mm/yyyy.' });
    expect(parseCellDate('')).toEqual({ error: 'Thiếu ngày.' });
  });
});

describe('directEditProblem', () => {
  const here = { status: 'active', unitId: 'a' };
  it('lets ordinary edits through', () => {
    expect(directEditProblem(here, { status: 'working_away' })).toBeNull();
    expect(directEditProblem(here, { unitId: 'b' })).toBeNull();
    expect(directEditProblem({ status: 'in_transit', unitId: 'a' }, { status: 'in_transit', unitId: 'a' })).toBeNull();
  });
  it('refuses moving or re-statusing a member in transit or temporarily elsewhere', () => {
    expect(directEditProblem({ status: 'in_transit', unitId: 'a' }, { unitId: 'b' })).toMatch(/Chuyển sinh hoạt/);
    expect(directEditProblem({ status: 'temporary_elsewhere', unitId: 'a' }, { status: 'active' })).toMatch(
      /Chuyển sinh hoạt/,
    );
  });
  it('refuses setting the transfer statuses by hand', () => {
    expect(directEditProblem(here, { status: 'in_transit' })).toMatch(/không sửa trực tiếp/);
  });
});
