import { describe, expect, it } from 'vitest';
import { activeFilterCount, exportUrl, memberQuery, parseMemberFilter } from './member-search';

describe('member list filters in the address', () => {
  it('keeps valid values and drops unknown or out-of-range ones', () => {
    expect(
      parseMemberFilter({
        q: '  nguyen van an ',
        status: ['active', 'working_away', 'bogus', 'active'],
        gender: 'female',
        partyMember: 'false',
        careFlag: 'nope',
        ageMin: '16',
        ageMax: 400,
        turns30In: 2026,
        sort: 'birthDate',
        other: 'x',
      }),
    ).toEqual({
      q: 'nguyen van an',
      status: ['active', 'working_away'],
      gender: 'female',
      partyMember: false,
      ageMin: 16,
      turns30In: 2026,
      sort: 'birthDate',
    });
  });

  it('reads a comma-separated status list and ignores an empty one', () => {
    expect(parseMemberFilter({ status: 'matured,removed' }).status).toEqual(['matured', 'removed']);
    expect(parseMemberFilter({ status: [] })).toEqual({});
  });

  it('counts the set filters, an age range once', () => {
    expect(activeFilterCount({ q: 'an', sort: 'birthDate' })).toBe(0);
    expect(activeFilterCount({ ageMin: 16, ageMax: 30, gender: 'male', partyMember: false })).toBe(3);
  });

  it('builds the API query and the export address with the same filters', () => {
    const filter = { q: 'an', status: ['active' as const, 'matured' as const], partyMember: true };
    expect(memberQuery('u1', filter)).toMatchObject({ unitId: 'u1', status: 'active,matured', sort: 'name' });
    expect(exportUrl('csv', 'u1', filter)).toBe(
      '/api/members/export.csv?unitId=u1&q=an&status=active%2Cmatured&partyMember=true&sort=name',
    );
  });
});
