import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.js';
import {
  accept,
  approve,
  assertCanEdit,
  assertCycle,
  assertPreviousDone,
  cycleLabel,
  initialState,
  isLocked,
  normaliseRecordedState,
  periodEnd,
  recordedState,
  reopen,
  release,
  returnStep,
  stepDeadline,
  stepsOf,
  submit,
  type StepState,
} from './cycle-steps.js';

const thrown = (fn: () => void): DomainError => {
  try {
    fn();
  } catch (e) {
    return e as DomainError;
  }
  throw new Error('expected a refusal');
};

const ready: StepState = { status: 'ready', deadline: '2024-11-20', returnReason: null, reopened: null };
const submitted: StepState = { ...ready, status: 'submitted' };
const approved: StepState = { ...ready, status: 'approved' };
const UNIT = 'tw.tinh.huyen.dcs';
const ABOVE = 'tw.tinh.huyen';

describe('cycles', () => {
  it('ends a period on the last day of its year or half', () => {
    expect(periodEnd({ kind: 'year', year: 2024 })).toBe('2024-12-31');
    expect(periodEnd({ kind: 'halfYear', year: 2024, half: 1 })).toBe('2024-06-30');
    expect(periodEnd({ kind: 'halfYear', year: 2024, half: 2 })).toBe('2024-12-31');
    expect(cycleLabel({ kind: 'halfYear', year: 2024, half: 1 })).toBe('6 tháng đầu năm 2024');
    expect(cycleLabel({ kind: 'year', year: 2024 })).toBe('năm 2024');
  });

  it('refuses a cycle the programme does not run, or a half-year without its half', () => {
    const set = { title: 'Đoàn cơ sở “3 chủ động”', cycles: ['year' as const] };
    expect(() => assertCycle(set, { kind: 'year', year: 2024 })).not.toThrow();
    expect(thrown(() => assertCycle(set, { kind: 'halfYear', year: 2024, half: 1 })).message).toContain(
      'không có kỳ đánh giá 6 tháng',
    );
    const both = { title: 'X', cycles: ['halfYear' as const, 'year' as const] };
    expect(thrown(() => assertCycle(both, { kind: 'halfYear', year: 2024 })).details).toEqual([
      expect.objectContaining({ field: 'half' }),
    ]);
  });

  it('has a registration step only for programmes that need it', () => {
    expect(stepsOf({ needsRegistration: true })).toEqual([
      'registration',
      'selfAssessment',
      'evaluation',
      'reinspection',
      'decision',
    ]);
    expect(stepsOf({ needsRegistration: false })[0]).toBe('selfAssessment');
  });

  it('computes a default deadline relative to the evaluated year', () => {
    const set = { deadlines: { registration: { day: 20, month: 11, yearOffset: -1 } } };
    expect(stepDeadline(set, 'registration', 2025)).toBe('2024-11-20');
    expect(stepDeadline(set, 'evaluation', 2025)).toBeNull();
    expect(stepDeadline({}, 'registration', 2025)).toBeNull();
  });

  it('refuses a step whose previous step is not approved', () => {
    const set = { needsRegistration: true };
    expect(() => assertPreviousDone(set, 'registration', null)).not.toThrow();
    expect(() => assertPreviousDone(set, 'selfAssessment', 'approved')).not.toThrow();
    const e = thrown(() => assertPreviousDone(set, 'selfAssessment', 'submitted'));
    expect(e.message).toBe('Chưa thể làm bước "Tự đánh giá": bước "Đăng ký" chưa được duyệt.');
    expect(thrown(() => assertPreviousDone({ needsRegistration: false }, 'registration', null)).code).toBe(
      'validation',
    );
  });
});

describe('steps: waiting and ready', () => {
  it('starts waiting while there are lower units, ready otherwise', () => {
    expect(initialState({ deadline: null, hasLowerUnits: true }).status).toBe('waiting');
    expect(initialState({ deadline: '2024-12-15', hasLowerUnits: false })).toEqual({
      status: 'ready',
      deadline: '2024-12-15',
      returnReason: null,
      reopened: null,
    });
  });

  it('becomes ready once every lower unit is done', () => {
    const waiting = initialState({ deadline: null, hasLowerUnits: true });
    expect(release(waiting, [{ name: 'Chi đoàn 1', status: 'submitted' }]).status).toBe('waiting');
    expect(
      release(waiting, [
        { name: 'Chi đoàn 1', status: 'approved' },
        { name: 'Chi đoàn 2', status: 'accepted' },
      ]).status,
    ).toBe('ready');
    expect(release(submitted, [])).toBe(submitted);
  });
});

describe('steps: submit', () => {
  it('submits before or on the deadline, and after a return', () => {
    expect(submit(ready, { today: '2024-11-20' }).status).toBe('submitted');
    expect(submit({ ...ready, status: 'returned', returnReason: 'x' }, { today: '2024-11-01' }).status).toBe(
      'submitted',
    );
    expect(submit({ ...ready, deadline: null }, { today: '2030-01-01' }).status).toBe('submitted');
  });

  it('refuses a submission after the deadline, saying what to do', () => {
    const e = thrown(() => submit(ready, { today: '2024-11-21' }));
    expect(e.code).toBe('rule_violation');
    expect(e.message).toBe(
      'Đã quá hạn nộp (hạn chót 20/11/2024). Hãy đề nghị cấp trên mở lại bước này nếu cần nộp muộn.',
    );
  });

  it('accepts a late submission once reopened, until the new date', () => {
    const reopened: StepState = { ...ready, reopened: { reason: 'Nộp bổ sung', until: '2024-12-05' } };
    expect(submit(reopened, { today: '2024-12-05' }).status).toBe('submitted');
    expect(thrown(() => submit(reopened, { today: '2024-12-06' })).message).toContain('hạn 05/12/2024');
    const open: StepState = { ...ready, reopened: { reason: 'Nộp bổ sung', until: null } };
    expect(submit(open, { today: '2025-03-01' }).status).toBe('submitted');
  });

  it('refuses submitting when locked, already submitted or waiting for lower units', () => {
    expect(thrown(() => submit(approved, { today: '2024-11-01' })).code).toBe('locked');
    expect(thrown(() => submit({ ...approved, status: 'accepted' }, { today: '2024-11-01' })).code).toBe('locked');
    expect(thrown(() => submit(submitted, { today: '2024-11-01' })).code).toBe('conflict');
    expect(thrown(() => submit({ ...ready, status: 'waiting' }, { today: '2024-11-01' })).code).toBe('rule_violation');
  });
});

describe('steps: return, approve, accept', () => {
  it('returns a submitted result with its reason', () => {
    expect(returnStep(submitted, { reason: '  Thiếu minh chứng mục 2.3 ' })).toMatchObject({
      status: 'returned',
      returnReason: 'Thiếu minh chứng mục 2.3',
    });
  });

  it('refuses a return without a reason or of a result not submitted', () => {
    const e = thrown(() => returnStep(submitted, { reason: ' ' }));
    expect(e.code).toBe('validation');
    expect(e.message).toContain('Hãy ghi rõ lý do trả lại');
    expect(thrown(() => returnStep(ready, { reason: 'x' })).code).toBe('conflict');
    expect(thrown(() => returnStep(approved, { reason: 'x' })).code).toBe('locked');
  });

  it('approves once every lower unit is done, and the result locks', () => {
    const result = approve(
      { ...submitted, reopened: { reason: 'r', until: null } },
      { lower: [{ name: 'Chi đoàn 1', status: 'approved' }] },
    );
    expect(result).toMatchObject({ status: 'approved', reopened: null });
    expect(isLocked(result)).toBe(true);
    expect(isLocked(submitted)).toBe(false);
  });

  it('refuses approving while lower units are not done, naming them', () => {
    const lower = [
      { name: 'Chi đoàn 1', status: 'approved' as const },
      { name: 'Chi đoàn 2', status: 'submitted' as const },
      { name: 'Chi đoàn 3', status: 'returned' as const },
    ];
    const e = thrown(() => approve(submitted, { lower }));
    expect(e.code).toBe('rule_violation');
    expect(e.message).toBe('Chưa thể duyệt: còn 2 đơn vị cấp dưới chưa hoàn thành (Chi đoàn 2, Chi đoàn 3).');
    const many = Array.from({ length: 7 }, (_, i) => ({ name: `CĐ${i + 1}`, status: 'ready' as const }));
    expect(thrown(() => approve(submitted, { lower: many })).message).toContain('và 2 đơn vị khác');
  });

  it('refuses approving a result not submitted or already approved', () => {
    expect(thrown(() => approve(ready, { lower: [] })).code).toBe('conflict');
    expect(thrown(() => approve(approved, { lower: [] })).message).toContain('đã được duyệt trước đó');
  });

  it('accepts only an approved result, once', () => {
    const accepted = accept(approved);
    expect(accepted.status).toBe('accepted');
    expect(isLocked(accepted)).toBe(true);
    expect(thrown(() => accept(submitted)).code).toBe('conflict');
    expect(thrown(() => accept(accepted)).message).toContain('đã được công nhận trước đó');
  });
});

describe('steps: editing and reopening', () => {
  it('lets a draft be edited, but not a submitted or locked result', () => {
    expect(() => assertCanEdit(ready)).not.toThrow();
    expect(() => assertCanEdit({ status: 'returned' })).not.toThrow();
    expect(() => assertCanEdit({ status: 'waiting' })).not.toThrow();
    expect(thrown(() => assertCanEdit(submitted)).code).toBe('conflict');
    const e = thrown(() => assertCanEdit(approved));
    expect(e.code).toBe('locked');
    expect(e.message).toContain('đã được duyệt và khóa');
  });

  it('reopens a locked result by a unit above, with a reason and an optional new date', () => {
    const input = { reason: ' Phúc tra phát hiện sai sót ', actorPath: ABOVE, unitPath: UNIT, today: '2024-12-01' };
    const result = reopen(approved, { ...input, until: '2024-12-10' });
    expect(result).toMatchObject({
      status: 'ready',
      reopened: { reason: 'Phúc tra phát hiện sai sót', until: '2024-12-10' },
    });
    expect(isLocked(result)).toBe(false);
    expect(() => assertCanEdit(result)).not.toThrow();
    expect(reopen({ ...approved, status: 'accepted' }, { ...input, actorPath: 'tw' }).reopened?.until).toBeNull();
  });

  it('refuses reopening without a reason, by the unit itself or a unit elsewhere, or a result not locked', () => {
    const input = { reason: 'Lý do', actorPath: ABOVE, unitPath: UNIT, today: '2024-12-01' };
    expect(thrown(() => reopen(approved, { ...input, reason: '' })).details).toEqual([
      expect.objectContaining({ field: 'reason' }),
    ]);
    expect(thrown(() => reopen(approved, { ...input, actorPath: UNIT })).code).toBe('forbidden');
    expect(thrown(() => reopen(approved, { ...input, actorPath: 'tw.tinh.khac' })).message).toBe(
      'Chỉ đơn vị cấp trên mới được mở lại kết quả đã duyệt.',
    );
    expect(thrown(() => reopen(submitted, input)).code).toBe('conflict');
    expect(thrown(() => reopen(approved, { ...input, until: '2024-11-30' })).details).toEqual([
      expect.objectContaining({ field: 'until' }),
    ]);
  });
});

describe('steps: recorded states in the history', () => {
  it('records a state with its step', () => {
    expect(recordedState('selfAssessment', 'submitted')).toBe('selfAssessment.submitted');
  });

  it('reads a bare status (older rows) with the step of the event, and leaves the rest alone', () => {
    expect(normaliseRecordedState('ready', 'registration')).toBe('registration.ready');
    expect(normaliseRecordedState('evaluation.approved', 'registration')).toBe('evaluation.approved');
    expect(normaliseRecordedState(null, 'decision')).toBeNull();
  });
});
