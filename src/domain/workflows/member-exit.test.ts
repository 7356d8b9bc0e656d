import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.js';
import { assertDeath, assertRemoval, assertStillMember, isStillMember, statusAfterExit } from './member-exit.js';
import { removalDecisionData } from './member-exit-documents.js';
import { grassrootsOnPath } from './member-exit-units.js';

const member = { fullName: 'Phạm Văn Cường', status: 'active', birthDate: '1999-04-01', joinedOn: '2015-03-26' };
const thrown = (fn: () => void) => {
  try {
    fn();
  } catch (e) {
    return e as DomainError;
  }
  throw new Error('expected a refusal');
};

describe('member exits', () => {
  it('counts the active statuses as still a member', () => {
    expect(isStillMember('active')).toBe(true);
    expect(isStillMember('working_away')).toBe(true);
    expect(isStillMember('matured')).toBe(false);
  });

  it('refuses a member who already left, or who is in transit', () => {
    for (const status of ['matured', 'removed', 'expelled', 'deceased']) {
      const e = thrown(() => assertStillMember({ ...member, status }));
      expect(e.code).toBe('rule_violation');
      expect(e.message).toMatch(/không còn sinh hoạt đoàn/);
    }
    expect(thrown(() => assertStillMember({ ...member, status: 'in_transit' })).message).toMatch(/chuyển sinh hoạt/);
  });

  it('removes a member with a decision date not in the future nor before joining', () => {
    expect(() => assertRemoval(member, '2026-11-20', '2026-11-23')).not.toThrow();
    expect(thrown(() => assertRemoval(member, '2026-11-24', '2026-11-23')).details).toEqual([
      expect.objectContaining({ field: 'decidedOn' }),
    ]);
    expect(thrown(() => assertRemoval(member, '2014-01-01', '2026-11-23')).message).toMatch(/ngày vào Đoàn/);
    expect(thrown(() => assertRemoval({ ...member, status: 'removed' }, '2026-11-20', '2026-11-23')).code).toBe(
      'rule_violation',
    );
  });

  it('records a death not in the future nor before birth', () => {
    expect(() => assertDeath(member, '2026-11-01', '2026-11-23')).not.toThrow();
    expect(thrown(() => assertDeath(member, '2026-12-01', '2026-11-23')).details).toEqual([
      expect.objectContaining({ field: 'diedOn' }),
    ]);
    expect(thrown(() => assertDeath(member, '1990-01-01', '2026-11-23')).message).toMatch(/ngày sinh/);
    expect(thrown(() => assertDeath({ ...member, status: 'deceased' }, '2026-11-01', '2026-11-23')).code).toBe(
      'rule_violation',
    );
  });

  it('sets removed or deceased', () => {
    expect(statusAfterExit('removal')).toBe('removed');
    expect(statusAfterExit('death')).toBe('deceased');
  });

  it('words the removal decision', () => {
    const data = removalDecisionData({
      member: { ...member, birthYearOnly: true, cardNumber: null, branchName: 'Chi đoàn Tổ dân phố 2' },
      reason: 'Bỏ sinh hoạt quá 6 tháng không có lý do;',
      decidedOn: '2026-11-20',
    });
    expect(data.body[0]).toBe('Căn cứ Điều lệ Đoàn TNCS Hồ Chí Minh;');
    expect(data.body).toContain(
      'Điều 1. Xóa tên đồng chí Phạm Văn Cường, sinh năm 1999, đoàn viên Chi đoàn Tổ dân phố 2 khỏi danh sách đoàn viên. Lý do: Bỏ sinh hoạt quá 6 tháng không có lý do.',
    );
    expect(data.recipients).toEqual(['- Như Điều 3;', '- Lưu VP.']);
  });
});

describe('the đoàn cơ sở of a unit', () => {
  const u = (id: string, kind: string, isLeaf = false) => ({ id, name: id, kind, path: id, isLeaf });

  it('is the nearest grassroots unit on the path, the unit itself included', () => {
    expect(
      grassrootsOnPath([u('tw', 'centre'), u('dng', 'province'), u('hch', 'grassroots'), u('b', 'branch', true)])?.id,
    ).toBe('hch');
    expect(
      grassrootsOnPath([u('tw', 'centre'), u('hch', 'grassroots'), u('l', 'sub_grassroots'), u('b', 'branch', true)])
        ?.id,
    ).toBe('hch');
    expect(grassrootsOnPath([u('tw', 'centre'), u('c', 'grassroots_branch', true)])?.id).toBe('c');
    expect(grassrootsOnPath([u('tw', 'centre'), u('hch', 'grassroots')])?.id).toBe('hch');
  });

  it('is the parent of a branch without a đoàn cơ sở above it, and nothing above the grassroots level', () => {
    expect(grassrootsOnPath([u('tw', 'centre'), u('q', 'district'), u('b', 'branch', true)])?.id).toBe('q');
    expect(grassrootsOnPath([u('tw', 'centre'), u('dng', 'province')])).toBeNull();
  });
});
