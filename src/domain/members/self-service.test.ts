import { describe, expect, it } from 'vitest';
import {
  changedValues,
  CONTACT_FIELDS,
  decisionProblem,
  IDENTITY_FIELDS,
  identityPatch,
  SELF_SERVICE_FIELD_LABELS,
  staleFields,
  staleProblem,
  statusAfter,
  valuesOf,
} from './self-service.js';

const record = {
  fullName: 'Nguyễn Văn An',
  birthDate: '2001-03-05',
  gender: 'male',
  ethnicity: 'Kinh',
  religion: null,
  cccd: '048201000777',
  phone: '0905111222',
};

describe('self-service fields', () => {
  it('keeps contact and identity fields apart, each with a Vietnamese label', () => {
    expect(CONTACT_FIELDS.filter((f) => (IDENTITY_FIELDS as readonly string[]).includes(f))).toEqual([]);
    for (const f of [...CONTACT_FIELDS, ...IDENTITY_FIELDS]) expect(SELF_SERVICE_FIELD_LABELS[f]).toBeTruthy();
    expect(IDENTITY_FIELDS).toContain('cccd');
    expect(CONTACT_FIELDS).toContain('phone');
  });

  it('keeps only the requested values that differ from the record', () => {
    const changes = changedValues(
      record,
      { fullName: 'Nguyễn Văn Ân', ethnicity: 'Kinh', religion: null, cccd: undefined, hometown: 'Quảng Nam' },
      IDENTITY_FIELDS,
    );
    expect(changes).toEqual({ fullName: 'Nguyễn Văn Ân', hometown: 'Quảng Nam' });
    expect(changedValues(record, { ethnicity: 'Kinh' }, IDENTITY_FIELDS)).toEqual({});
  });

  it('records the previous values and finds the fields changed since', () => {
    const previous = valuesOf(record, ['fullName', 'religion']);
    expect(previous).toEqual({ fullName: 'Nguyễn Văn An', religion: null });
    expect(staleFields(previous, record)).toEqual([]);
    expect(staleProblem(previous, record)).toBeNull();
    const edited = { ...record, fullName: 'Nguyễn Văn Bình' };
    expect(staleFields(previous, edited)).toEqual(['fullName']);
    expect(staleProblem(previous, edited)).toMatch(/Hồ sơ đã được sửa sau khi đoàn viên gửi yêu cầu \(Họ và tên\)/);
  });

  it('decides only pending requests', () => {
    expect(decisionProblem('pending', 'approve')).toBeNull();
    expect(decisionProblem('approved', 'reject')).toBe('Yêu cầu này đã được duyệt, không thể xử lý lại.');
    expect(decisionProblem('withdrawn', 'approve')).toMatch(/đã được rút lại/);
    expect(statusAfter('approve')).toBe('approved');
    expect(statusAfter('reject')).toBe('rejected');
    expect(statusAfter('withdraw')).toBe('withdrawn');
  });

  it('marks a requested birth date as a full date', () => {
    expect(identityPatch({ birthDate: '2001-03-06' })).toEqual({ birthDate: '2001-03-06', birthYearOnly: false });
    expect(identityPatch({ fullName: 'Lê Văn Bình' })).toEqual({ fullName: 'Lê Văn Bình' });
  });
});
