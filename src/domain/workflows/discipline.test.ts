import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.js';
import { DEFAULT_RULES } from '../rules/rule-sets.js';
import {
  assertAnnulment,
  assertDecider,
  assertDecisionDates,
  assertVote,
  checkVote,
  effectsOf,
  findForm,
  lowestDecider,
  mayDecide,
} from './discipline.js';
import { disciplineDecisionData } from './discipline-documents.js';

const rule = DEFAULT_RULES.discipline;
const thrown = (fn: () => void) => {
  try {
    fn();
  } catch (e) {
    return e as DomainError;
  }
  throw new Error('expected a refusal');
};
const form = (key: string) => rule.forms.find((f) => f.key === key)!;

// centre.province.grassroots.branch
const BRANCH = 'tw.dng.hch.tdp1';
const memberPlace = { subject: 'member' as const, subjectPath: BRANCH, grassrootsPath: 'tw.dng.hch' };

describe('discipline: the meeting vote', () => {
  it('needs two thirds present and more than half of them in favour', () => {
    expect(checkVote({ eligible: 9, present: 6, inFavour: 4 }, rule)).toEqual({
      minPresent: 6,
      minInFavour: 4,
      quorumMet: true,
      majorityMet: true,
    });
    expect(checkVote({ eligible: 9, present: 5, inFavour: 5 }, rule).quorumMet).toBe(false);
    expect(checkVote({ eligible: 9, present: 6, inFavour: 3 }, rule).majorityMet).toBe(false);
    expect(checkVote({ eligible: 10, present: 7, inFavour: 4 }, rule)).toMatchObject({ minPresent: 7, minInFavour: 4 });
  });

  it('refuses a meeting without quorum, naming the numbers', () => {
    const e = thrown(() => assertVote({ eligible: 9, present: 5, inFavour: 5 }, rule));
    expect(e.code).toBe('rule_violation');
    expect(e.message).toContain('6/9');
    expect(e.details).toEqual([expect.objectContaining({ field: 'presentCount' })]);
  });

  it('refuses a vote without majority and impossible counts', () => {
    expect(thrown(() => assertVote({ eligible: 9, present: 6, inFavour: 3 }, rule)).details).toEqual([
      expect.objectContaining({ field: 'inFavourCount' }),
    ]);
    expect(thrown(() => assertVote({ eligible: 0, present: 0, inFavour: 0 }, rule)).code).toBe('validation');
    expect(thrown(() => assertVote({ eligible: 5, present: 6, inFavour: 4 }, rule)).code).toBe('validation');
    expect(thrown(() => assertVote({ eligible: 5, present: 4, inFavour: 5 }, rule)).code).toBe('validation');
  });

  it('follows a configured quorum and majority', () => {
    const strict = { quorum: [3, 4] as [number, number], majority: [2, 3] as [number, number] };
    expect(checkVote({ eligible: 8, present: 6, inFavour: 5 }, strict)).toMatchObject({
      quorumMet: true,
      majorityMet: true,
    });
    expect(checkVote({ eligible: 8, present: 6, inFavour: 4 }, strict).majorityMet).toBe(false);
  });
});

describe('discipline: forms and who decides', () => {
  it('finds a configured form for its subject only', () => {
    expect(findForm(rule, 'reprimand', 'member').label).toBe('Khiển trách');
    expect(thrown(() => findForm(rule, 'dissolution', 'member')).details).toEqual([
      expect.objectContaining({ field: 'form' }),
    ]);
    expect(thrown(() => findForm(rule, 'nope', 'unit')).code).toBe('validation');
  });

  it('lets the branch or a level above decide a reprimand', () => {
    expect(lowestDecider(form('reprimand'), memberPlace)).toBe(BRANCH);
    expect(mayDecide(form('reprimand'), memberPlace, BRANCH)).toBe(true);
    expect(mayDecide(form('reprimand'), memberPlace, 'tw.dng.hch')).toBe(true);
    expect(mayDecide(form('reprimand'), memberPlace, 'tw.dng.hch.tdp2')).toBe(false);
  });

  it('keeps warnings, removal from post and expulsion for the đoàn cơ sở or above', () => {
    for (const key of ['warning', 'removal_from_post', 'expulsion']) {
      expect(mayDecide(form(key), memberPlace, BRANCH)).toBe(false);
      expect(mayDecide(form(key), memberPlace, 'tw.dng.hch')).toBe(true);
      expect(mayDecide(form(key), memberPlace, 'tw.dng')).toBe(true);
    }
    const e = thrown(() => assertDecider(form('warning'), memberPlace, { path: BRANCH, name: 'Chi đoàn TDP1' }));
    expect(e.message).toMatch(/không có thẩm quyền.*Cảnh cáo.*Đoàn cơ sở/);
    expect(e.details).toEqual([expect.objectContaining({ field: 'decidingUnitId' })]);
  });

  it('sends superior forms past a liên chi đoàn to the đoàn cơ sở, and above a chi đoàn cơ sở', () => {
    const deep = { subject: 'member' as const, subjectPath: 'tw.dng.hch.lcd.b1', grassrootsPath: 'tw.dng.hch' };
    expect(lowestDecider(form('warning'), deep)).toBe('tw.dng.hch');
    expect(mayDecide(form('warning'), deep, 'tw.dng.hch.lcd')).toBe(false);
    const grassrootsBranch = { subject: 'member' as const, subjectPath: 'tw.dng.cdcs', grassrootsPath: 'tw.dng.cdcs' };
    expect(lowestDecider(form('warning'), grassrootsBranch)).toBe('tw.dng');
  });

  it('has a unit disciplined by a unit above it', () => {
    const place = { subject: 'unit' as const, subjectPath: BRANCH, grassrootsPath: 'tw.dng.hch' };
    expect(mayDecide(form('dissolution'), place, BRANCH)).toBe(false);
    expect(mayDecide(form('dissolution'), place, 'tw.dng.hch')).toBe(true);
    expect(lowestDecider(form('unit_warning'), { ...place, subjectPath: 'tw' })).toBeNull();
  });

  it('names the effects of each form', () => {
    expect(effectsOf(form('reprimand'))).toEqual({ clearsPosition: false, expels: false, dissolvesUnit: false });
    expect(effectsOf(form('removal_from_post'))).toMatchObject({ clearsPosition: true, expels: false });
    expect(effectsOf(form('expulsion'))).toMatchObject({ clearsPosition: true, expels: true });
    expect(effectsOf(form('dissolution'))).toEqual({ clearsPosition: false, expels: false, dissolvesUnit: true });
  });
});

describe('discipline: dates and annulment', () => {
  const dates = {
    meetingOn: '2026-11-10',
    decidedOn: '2026-11-12',
    effectiveOn: '2026-11-12',
    today: '2026-11-23',
    immediate: true,
  };

  it('accepts meeting ≤ decision ≤ effective ≤ today', () => {
    expect(() => assertDecisionDates(dates)).not.toThrow();
    expect(() => assertDecisionDates({ ...dates, effectiveOn: '2027-01-01', immediate: false })).not.toThrow();
  });

  it('refuses an effective date before the decision, a decision before the meeting, or in the future', () => {
    expect(thrown(() => assertDecisionDates({ ...dates, effectiveOn: '2026-11-11' })).details).toEqual([
      expect.objectContaining({ field: 'effectiveOn' }),
    ]);
    expect(thrown(() => assertDecisionDates({ ...dates, meetingOn: '2026-11-13' })).details).toEqual([
      expect.objectContaining({ field: 'decidedOn' }),
    ]);
    expect(
      thrown(() => assertDecisionDates({ ...dates, decidedOn: '2026-11-24', effectiveOn: '2026-11-24' })).details,
    ).toEqual([expect.objectContaining({ field: 'decidedOn' })]);
    expect(thrown(() => assertDecisionDates({ ...dates, effectiveOn: '2026-12-01' })).message).toMatch(/ngay khi/);
  });

  it('annuls a decided record once, not before its decision', () => {
    const ok = { status: 'decided', decidedOn: '2026-11-12', annulledOn: '2026-11-20', today: '2026-11-23' };
    expect(() => assertAnnulment(ok)).not.toThrow();
    expect(thrown(() => assertAnnulment({ ...ok, status: 'annulled' })).code).toBe('rule_violation');
    expect(thrown(() => assertAnnulment({ ...ok, annulledOn: '2026-11-01' })).code).toBe('validation');
    expect(thrown(() => assertAnnulment({ ...ok, annulledOn: '2026-12-01' })).code).toBe('validation');
  });
});

describe('discipline: the decision document', () => {
  const base = {
    reason: 'Vi phạm Điều lệ Đoàn.',
    meetingOn: '2026-11-10',
    eligible: 9,
    present: 7,
    inFavour: 6,
    secretBallot: true,
    decidedOn: '2026-11-12',
    effectiveOn: '2026-11-12',
  };
  const member = {
    fullName: 'Trần Văn Bình',
    birthDate: '2000-01-02',
    birthYearOnly: false,
    cardNumber: null,
    branchName: 'Chi đoàn Tổ dân phố 1',
    position: 'Phó Bí thư',
  };

  it('states the vote, the form and the execution in administrative wording', () => {
    const data = disciplineDecisionData({ ...base, form: form('removal_from_post'), member });
    expect(data.body).toContain('QUYẾT ĐỊNH:');
    expect(data.body[2]).toBe(
      'Căn cứ biên bản hội nghị ngày 10/11/2026: có mặt 7/9 đồng chí, 6/7 đồng chí tán thành, biểu quyết bằng phiếu kín;',
    );
    expect(data.body[4]).toBe(
      'Điều 1. Thi hành kỷ luật bằng hình thức cách chức đối với đồng chí Trần Văn Bình, sinh ngày 02/01/2000, đoàn viên Chi đoàn Tổ dân phố 1, thôi giữ chức vụ Phó Bí thư. Lý do: Vi phạm Điều lệ Đoàn.',
    );
    expect(data.recipients).toEqual(['- Như Điều 3;', '- Lưu VP.']);
  });

  it('words an expulsion and a dissolution', () => {
    expect(disciplineDecisionData({ ...base, form: form('expulsion'), member }).body[4]).toMatch(
      /khai trừ .* và xóa tên khỏi danh sách đoàn viên\./,
    );
    const unit = disciplineDecisionData({ ...base, form: form('dissolution'), unitName: 'Chi đoàn Tổ dân phố 7' });
    expect(unit.body[4]).toBe('Điều 1. Giải tán Chi đoàn Tổ dân phố 7. Lý do: Vi phạm Điều lệ Đoàn.');
    expect(unit.fields.unitName).toBe('Chi đoàn Tổ dân phố 7');
  });
});
