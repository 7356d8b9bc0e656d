import { describe, expect, it } from 'vitest';
import dayjs from 'dayjs';
import type { MemberDetail } from '../../../../src/contracts/members';
import { changedFields, fromMember, toMemberFields } from './member-form-values';

const member = {
  id: 'm1',
  fullName: 'Nguyễn Thị Ánh Tuyết',
  birthDate: '2003-05-19',
  birthYearOnly: false,
  gender: 'female',
  partyMember: false,
  status: 'active',
  careFlags: ['hardship'],
  ethnicity: 'Kinh',
  religion: 'Không',
  cccd: '*********234',
  phone: '0905111222',
  email: null,
  joinedOn: '2019-03-26',
  cardNumber: 'DV9990001',
  unitId: 'u1',
  unitName: 'Chi đoàn Tổ dân phố 2',
  version: 3,
} as unknown as MemberDetail;

describe('member form values', () => {
  it('sends what changed (and the fields the server would reset), never the masked CCCD', () => {
    const values = fromMember(member);
    expect(changedFields(member, toMemberFields(values))).toEqual({ version: 3 });

    values.status = 'working_away';
    values.awayPlace = ' Bình Dương ';
    values.careFlags = ['hardship'];
    expect(changedFields(member, toMemberFields(values))).toEqual({
      status: 'working_away',
      awayPlace: 'Bình Dương',
      // Always sent: the server resets them when they are left out.
      partyMember: false,
      birthYearOnly: false,
      careFlags: ['hardship'],
      version: 3,
    });
  });

  it('stores a year of birth alone as 1 January and clears emptied fields', () => {
    const values = fromMember(member);
    values.birthYearOnly = true;
    values.birthDate = dayjs('2003-05-19');
    values.phone = '';
    values.joinedOn = null;
    expect(changedFields(member, toMemberFields(values))).toEqual({
      birthDate: '2003-01-01',
      birthYearOnly: true,
      phone: '',
      joinedOn: null,
      status: 'active',
      partyMember: false,
      careFlags: ['hardship'],
      version: 3,
    });
  });
});
