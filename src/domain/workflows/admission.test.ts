import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.js';
import { DEFAULT_RULES } from '../rules/rule-sets.js';
import {
  addMonths,
  ADMISSION_ACTIONS,
  ADMISSION_STATUSES,
  applicationIssues,
  approvalIssues,
  assertStep,
  canTake,
  ceremonyDueBy,
  ceremonyIssues,
  courseRecorded,
  failedVoteReason,
  lateCeremonyWarning,
  noMajorityIssue,
  overdueWarning,
  refuse,
  voteIssues,
  votePasses,
  type ApplicationFacts,
} from './admission.js';

const age = DEFAULT_RULES.membershipAge;
const rule = DEFAULT_RULES.admission;
const today = '2026-06-30';
const facts = (over: Partial<ApplicationFacts> = {}): ApplicationFacts => ({
  birthDate: '2006-03-01',
  applicationDate: '2026-03-01',
  unitId: 'branch-1',
  introducer: {
    kind: 'member',
    name: null,
    knownSince: '2025-11-01',
    member: { fullName: 'Lê Văn Giới', unitId: 'branch-1', active: true },
  },
  ...over,
});
const fields = (issues: { field: string }[]) => issues.map((i) => i.field);

describe('admission steps', () => {
  it('allows each step only from its statuses', () => {
    const allowed = Object.fromEntries(
      ADMISSION_STATUSES.map((s) => [s, ADMISSION_ACTIONS.filter((a) => canTake(s, a))]),
    );
    expect(allowed).toEqual({
      applied: ['edit', 'vote', 'reject', 'withdraw'],
      voted: ['approve', 'reject', 'withdraw'],
      approved: ['admit'],
      admitted: [],
      rejected: [],
      withdrawn: [],
    });
  });

  it('refuses a step from the wrong status with the status named', () => {
    expect(() => assertStep('approved', 'vote', 'Trần Văn An')).toThrow(
      'Hồ sơ của Trần Văn An đang ở bước “Đã chuẩn y”: không thể ghi kết quả biểu quyết của chi đoàn.',
    );
    expect(() => assertStep('admitted', 'reject', 'Trần Văn An')).toThrow(DomainError);
    expect(() => assertStep('voted', 'approve', 'Trần Văn An')).not.toThrow();
  });

  it('throws the first issue as a rule violation with every issue in details', () => {
    expect(() => refuse([])).not.toThrow();
    try {
      refuse([
        { field: 'a', message: 'một' },
        { field: 'b', message: 'hai' },
      ]);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(DomainError);
      expect((e as DomainError).code).toBe('rule_violation');
      expect((e as DomainError).message).toBe('một');
      expect((e as DomainError).details).toHaveLength(2);
    }
  });
});

describe('adding months', () => {
  it('keeps the day, or the last day of a shorter month', () => {
    expect(addMonths('2026-03-15', 1)).toBe('2026-04-15');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2025-11-30', 3)).toBe('2026-02-28');
    expect(addMonths('2026-12-05', 1)).toBe('2027-01-05');
  });
});

describe('application', () => {
  it('accepts a youth of 16 to 30 on the application date with a member introducer known 3 months', () => {
    expect(applicationIssues(facts(), age, rule, today)).toEqual([]);
    expect(applicationIssues(facts({ birthDate: '2010-03-01' }), age, rule, today)).toEqual([]);
    expect(applicationIssues(facts({ birthDate: '1995-03-02' }), age, rule, today)).toEqual([]);
  });

  it('refuses under 16 and over 30, reading the limits it is given', () => {
    const young = applicationIssues(facts({ birthDate: '2010-03-02' }), age, rule, today);
    expect(young).toEqual([
      {
        field: 'birthDate',
        message: 'Người được đề nghị kết nạp phải đủ 16 tuổi vào ngày làm đơn (01/03/2026): mới 15 tuổi.',
      },
    ]);
    const old = applicationIssues(facts({ birthDate: '1995-02-28' }), age, rule, today);
    expect(old[0]?.message).toMatch(/không được quá 30 tuổi .*đã 31 tuổi/);
    const local = { ...age, admissionMinAge: 15 };
    expect(applicationIssues(facts({ birthDate: '2010-03-02' }), local, rule, today)).toEqual([]);
  });

  it('refuses an application dated in the future or before birth', () => {
    expect(fields(applicationIssues(facts({ applicationDate: '2026-07-01' }), age, rule, today))).toContain(
      'applicationDate',
    );
    expect(fields(applicationIssues(facts({ birthDate: '2026-03-01' }), age, rule, today))).toEqual(['birthDate']);
  });

  it('checks the introducing member: found, active, same branch, known long enough', () => {
    const introducer = facts().introducer;
    const withIntro = (over: Partial<typeof introducer>) => facts({ introducer: { ...introducer, ...over } });
    expect(applicationIssues(withIntro({ member: null }), age, rule, today)[0]?.field).toBe('introducerMemberId');
    expect(
      applicationIssues(
        withIntro({ member: { fullName: 'A B', unitId: 'branch-1', active: false } }),
        age,
        rule,
        today,
      )[0]?.message,
    ).toMatch(/không còn sinh hoạt/);
    expect(
      applicationIssues(withIntro({ member: { fullName: 'A B', unitId: 'other', active: true } }), age, rule, today)[0]
        ?.message,
    ).toMatch(/cùng chi đoàn/);
    expect(applicationIssues(withIntro({ knownSince: null }), age, rule, today)[0]?.field).toBe('introducerKnownSince');
    expect(applicationIssues(withIntro({ knownSince: '2025-12-02' }), age, rule, today)[0]?.message).toMatch(
      /ít nhất 3 tháng/,
    );
    expect(applicationIssues(withIntro({ knownSince: '2025-12-01' }), age, rule, today)).toEqual([]);
    expect(
      applicationIssues(withIntro({ knownSince: '2025-12-02' }), age, { ...rule, introducerMinMonths: 2 }, today),
    ).toEqual([]);
    expect(applicationIssues(withIntro({ knownSince: '2026-04-01' }), age, rule, today)[0]?.message).toMatch(
      /không được sau ngày làm đơn/,
    );
  });

  it('asks for the squad or chapter name, and accepts an application without an introducer yet', () => {
    const none = { kind: null, name: null, knownSince: null, member: null };
    expect(applicationIssues(facts({ introducer: none }), age, rule, today)).toEqual([]);
    const squad = applicationIssues(facts({ introducer: { ...none, kind: 'pioneer_squad' } }), age, rule, today);
    expect(squad).toEqual([
      { field: 'introducerName', message: 'Ghi tên Chi đội giới thiệu người được đề nghị kết nạp.' },
    ]);
    const chapter = facts({ introducer: { ...none, kind: 'federation_chapter', name: 'Chi hội thanh niên TDP 1' } });
    expect(applicationIssues(chapter, age, rule, today)).toEqual([]);
  });
});

describe('branch vote', () => {
  const ready = {
    applicationDate: '2026-03-01',
    courseName: 'Lớp cảm tình Đoàn phường Hải Châu 2026',
    courseCertificateNo: '12/GCN',
    courseCompletedOn: '2026-03-20',
    introducerKind: 'member',
  };
  const vote = { meetingOn: '2026-04-10', present: 12, inFavour: 7 };

  it('passes only with more than half of those present', () => {
    expect(votePasses(12, 7)).toBe(true);
    expect(votePasses(12, 6)).toBe(false);
    expect(votePasses(1, 1)).toBe(true);
    expect(votePasses(3, 1)).toBe(false);
    expect(noMajorityIssue({ ...vote, inFavour: 6 }).message).toMatch(/Chỉ 6\/12 .*Ghi nhận không đạt/);
    expect(failedVoteReason({ ...vote, inFavour: 6 })).toBe(
      'Hội nghị chi đoàn ngày 10/04/2026 không đủ quá nửa số đoàn viên có mặt tán thành (6/12).',
    );
  });

  it('needs the awareness course and an introducer recorded before the vote', () => {
    expect(voteIssues(ready, vote, today)).toEqual([]);
    expect(courseRecorded({ courseName: 'Lớp', courseCertificateNo: null, courseCompletedOn: null })).toBe(false);
    expect(courseRecorded({ courseName: 'Lớp', courseCertificateNo: null, courseCompletedOn: '2026-01-01' })).toBe(
      true,
    );
    const missing = voteIssues(
      { ...ready, courseName: null, courseCertificateNo: null, courseCompletedOn: null, introducerKind: null },
      vote,
      today,
    );
    expect(fields(missing)).toEqual(['courseName', 'introducerKind']);
  });

  it('refuses dates out of order and more in favour than present', () => {
    expect(fields(voteIssues(ready, { ...vote, meetingOn: '2026-07-01' }, today))).toEqual(['meetingOn']);
    expect(voteIssues(ready, { ...vote, meetingOn: '2026-02-01' }, today)[0]?.message).toMatch(
      /không được trước ngày làm đơn/,
    );
    expect(voteIssues(ready, { ...vote, meetingOn: '2026-03-10' }, today)[0]?.message).toMatch(/sau khi học xong/);
    expect(fields(voteIssues(ready, { ...vote, inFavour: 13 }, today))).toEqual(['inFavour']);
  });
});

describe('approval and ceremony', () => {
  const c = { fullName: 'Phạm Thị Hoa', meetingOn: '2026-04-10', approvedOn: '2026-04-20' };

  it('refuses an approval before the meeting or in the future', () => {
    expect(approvalIssues(c, '2026-04-10', today)).toEqual([]);
    expect(approvalIssues(c, '2026-04-09', today)[0]?.message).toBe(
      'Ngày chuẩn y (09/04/2026) không được trước ngày chi đoàn họp xét kết nạp Phạm Thị Hoa (10/04/2026).',
    );
    expect(fields(approvalIssues(c, '2026-07-01', today))).toEqual(['approvedOn']);
  });

  it('refuses a ceremony before the approval or in the future', () => {
    expect(ceremonyIssues(c, '2026-04-20', today)).toEqual([]);
    expect(ceremonyIssues(c, '2026-04-19', today)[0]?.message).toMatch(
      /không được trước ngày chuẩn y \(20\/04\/2026\)/,
    );
    expect(fields(ceremonyIssues(c, '2026-07-01', today))).toEqual(['ceremonyOn']);
  });

  it('warns, without refusing, when the ceremony is more than the configured months after approval', () => {
    expect(ceremonyDueBy('2026-04-20', rule)).toBe('2026-05-20');
    expect(lateCeremonyWarning(c, '2026-05-20', rule)).toBeNull();
    expect(lateCeremonyWarning(c, '2026-05-21', rule)).toEqual({
      code: 'late_ceremony',
      dueBy: '2026-05-20',
      message:
        'Lễ kết nạp Phạm Thị Hoa (21/05/2026) muộn hơn 1 tháng sau ngày chuẩn y (20/04/2026): hạn là 20/05/2026.',
    });
    expect(lateCeremonyWarning(c, '2026-06-15', { ...rule, ceremonyWithinMonths: 2 })).toBeNull();
    expect(overdueWarning(c, rule, '2026-05-20')).toBeNull();
    expect(overdueWarning(c, rule, '2026-05-21')?.code).toBe('ceremony_overdue');
  });
});
