import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.js';
import {
  assertNoRefusal,
  assertResolutionDates,
  assertResolutionVote,
  assertStepDate,
  assertTransition,
  checkCriteria,
  type CriteriaInput,
} from './party-introduction.js';
import { partyIntroductionLetterData } from './party-introduction-documents.js';

const thrown = (fn: () => void) => {
  try {
    fn();
  } catch (e) {
    return e as DomainError;
  }
  throw new Error('expected a refusal');
};

const input: CriteriaInput = {
  member: { fullName: 'Lê Thị Hoa', status: 'active', birthDate: '2006-05-10', partyMember: false },
  resolutionOn: '2026-11-20',
  minAge: 18,
  awarenessCertificateNo: '123/GCN',
  latestRating: { year: 2025, label: 'Hoàn thành xuất sắc nhiệm vụ', top: true },
};
const codes = (issues: { code: string }[]) => issues.map((i) => i.code);

describe('Party introduction: criteria', () => {
  it('passes a member of age with a certificate and a top rating', () => {
    expect(checkCriteria(input)).toEqual({ refusals: [], warnings: [] });
  });

  it('refuses a member under the Party age on the resolution date', () => {
    const r = checkCriteria({ ...input, member: { ...input.member, birthDate: '2008-11-21' } });
    expect(codes(r.refusals)).toEqual(['under_age']);
    expect(r.refusals[0]!.message).toMatch(/chưa đủ 18 tuổi vào ngày 20\/11\/2026/);
    expect(checkCriteria({ ...input, member: { ...input.member, birthDate: '2008-11-20' } }).refusals).toEqual([]);
    expect(codes(checkCriteria({ ...input, minAge: 21 }).refusals)).toEqual(['under_age']);
  });

  it('refuses a Party member, a member who left, one in transit, one without a birth date', () => {
    expect(codes(checkCriteria({ ...input, member: { ...input.member, partyMember: true } }).refusals)).toEqual([
      'party_member',
    ]);
    expect(codes(checkCriteria({ ...input, member: { ...input.member, status: 'removed' } }).refusals)).toEqual([
      'not_member',
    ]);
    expect(codes(checkCriteria({ ...input, member: { ...input.member, status: 'in_transit' } }).refusals)).toEqual([
      'in_transit',
    ]);
    expect(codes(checkCriteria({ ...input, member: { ...input.member, birthDate: null } }).refusals)).toEqual([
      'no_birth_date',
    ]);
  });

  it('only warns about a missing certificate, a missing rating or a rating below the top', () => {
    const none = checkCriteria({ ...input, awarenessCertificateNo: null, latestRating: null });
    expect(none.refusals).toEqual([]);
    expect(codes(none.warnings)).toEqual(['no_certificate', 'no_rating']);
    expect(none.warnings[1]!.message).toBe('Chưa có kết quả xếp loại đoàn viên.');
    const good = checkCriteria({ ...input, latestRating: { year: 2025, label: 'Hoàn thành tốt', top: false } });
    expect(codes(good.warnings)).toEqual(['rating_not_top']);
  });

  it('throws all refusals at once', () => {
    expect(() => assertNoRefusal([])).not.toThrow();
    const r = checkCriteria({ ...input, member: { ...input.member, partyMember: true, birthDate: '2010-01-01' } });
    const e = thrown(() => assertNoRefusal(r.refusals));
    expect(e.code).toBe('rule_violation');
    expect(e.details).toHaveLength(2);
  });
});

describe('Party introduction: resolution and steps', () => {
  it('needs more than half of those present', () => {
    expect(() => assertResolutionVote(9, 5)).not.toThrow();
    expect(thrown(() => assertResolutionVote(10, 5)).message).toMatch(/ít nhất 6\/10/);
    expect(thrown(() => assertResolutionVote(0, 0)).code).toBe('validation');
    expect(thrown(() => assertResolutionVote(5, 6)).code).toBe('validation');
  });

  it('moves proposed → introduced → admitted or not admitted, and may be withdrawn until the outcome', () => {
    expect(() => assertTransition('proposed', 'introduced')).not.toThrow();
    expect(() => assertTransition('proposed', 'withdrawn')).not.toThrow();
    expect(() => assertTransition('introduced', 'admitted')).not.toThrow();
    expect(() => assertTransition('introduced', 'not_admitted')).not.toThrow();
    expect(() => assertTransition('introduced', 'withdrawn')).not.toThrow();
  });

  it('refuses every other step', () => {
    expect(thrown(() => assertTransition('proposed', 'admitted')).message).toMatch(/Chi đoàn đã đề nghị/);
    for (const from of ['admitted', 'not_admitted', 'withdrawn']) {
      for (const to of ['introduced', 'admitted', 'withdrawn'] as const) {
        expect(() => assertTransition(from, to)).toThrow(DomainError);
      }
    }
  });

  it('keeps dates in order and not in the future', () => {
    expect(() => assertResolutionDates('2026-11-20', '2026-06-01', '2026-11-23')).not.toThrow();
    expect(thrown(() => assertResolutionDates('2026-11-24', null, '2026-11-23')).details).toEqual([
      expect.objectContaining({ field: 'resolutionOn' }),
    ]);
    expect(thrown(() => assertResolutionDates('2026-11-20', '2026-12-01', '2026-11-23')).details).toEqual([
      expect.objectContaining({ field: 'awarenessCertificateOn' }),
    ]);
    expect(() =>
      assertStepDate('introducedOn', 'Ngày giới thiệu', '2026-11-21', '2026-11-20', '2026-11-23'),
    ).not.toThrow();
    expect(
      thrown(() => assertStepDate('introducedOn', 'Ngày giới thiệu', '2026-11-19', '2026-11-20', '2026-11-23')).message,
    ).toMatch(/20\/11\/2026/);
  });

  it('writes the introduction letter to the named Party cell', () => {
    const data = partyIntroductionLetterData({
      member: {
        fullName: 'Lê Thị Hoa',
        birthDate: '2000-05-10',
        birthYearOnly: false,
        cardNumber: 'DV1',
        branchName: 'Chi đoàn Tổ dân phố 1',
      },
      issuerName: 'Ban Thường vụ Đoàn phường Hải Châu',
      partyCell: 'Chi bộ Tổ dân phố 1',
      resolutionOn: '2026-11-20',
      present: 9,
      inFavour: 9,
      strengths: 'Gương mẫu, nhiệt tình.',
      weaknesses: 'Còn ít kinh nghiệm',
      introducedOn: '2026-11-22',
    });
    expect(data.body[2]).toContain('để Chi bộ Tổ dân phố 1 xem xét, bồi dưỡng và kết nạp vào Đảng Cộng sản Việt Nam');
    expect(data.body).toContain('Ưu điểm: Gương mẫu, nhiệt tình.');
    expect(data.body).toContain('Khuyết điểm: Còn ít kinh nghiệm.');
    expect(data.recipients).toEqual(['- Chi bộ Tổ dân phố 1;', '- Chi đoàn Tổ dân phố 1;', '- Lưu VP.']);
  });
});
