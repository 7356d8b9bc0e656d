import { DomainError, fail } from '../errors.js';
import { isWithin } from '../org/unit-path.js';
import { formatDateVi } from '../text/dates.js';
import type { CriteriaSet } from './criteria.js';

/**
 * An evaluation cycle (đợt đánh giá) and its steps. Each unit goes through the steps of its programme; per unit and
 * step the state moves: waiting (for lower levels) → ready → submitted → returned (with a reason) | approved →
 * accepted. Approved and accepted results are locked; the level above can reopen them with a reason.
 */

/** Half-yearly or yearly. */
export const CYCLE_KINDS = ['halfYear', 'year'] as const;
export type CycleKind = (typeof CYCLE_KINDS)[number];

/** The steps, in order: registration (only for programmes that need it), self-assessment, evaluation by the level above, re-inspection (phúc tra), decision/recognition. */
export const STEP_KEYS = ['registration', 'selfAssessment', 'evaluation', 'reinspection', 'decision'] as const;
export type StepKey = (typeof STEP_KEYS)[number];

/** Vietnamese names of the steps. */
export const STEP_LABELS: Record<StepKey, string> = {
  registration: 'Đăng ký',
  selfAssessment: 'Tự đánh giá',
  evaluation: 'Cấp trên đánh giá',
  reinspection: 'Phúc tra',
  decision: 'Quyết định công nhận',
};

/** States of one unit at one step. */
export const STEP_STATUSES = ['waiting', 'ready', 'submitted', 'returned', 'approved', 'accepted'] as const;
export type StepStatus = (typeof STEP_STATUSES)[number];

/** Vietnamese names of the states. */
export const STEP_STATUS_LABELS: Record<StepStatus, string> = {
  waiting: 'chờ cấp dưới hoàn thành',
  ready: 'sẵn sàng',
  submitted: 'đã nộp, chờ duyệt',
  returned: 'bị trả lại',
  approved: 'đã duyệt',
  accepted: 'đã công nhận',
};

/** How an evaluation's history records a state: the step and the status, "selfAssessment.submitted". */
export function recordedState(step: StepKey, status: StepStatus): string {
  return `${step}.${status}`;
}

/**
 * A recorded state in the "step.status" form: as it is when it has its step, else (a bare status, as the history
 * recorded the state left before) with the step of the event. Null stays null.
 */
export function normaliseRecordedState(recorded: string | null, eventStep: StepKey): string | null {
  if (recorded === null) return null;
  return recorded.includes('.') ? recorded : recordedState(eventStep, recorded as StepStatus);
}

/** A cycle: a year, or one half of a year. */
export interface Cycle {
  kind: CycleKind;
  year: number;
  /** 1 or 2 for a half-yearly cycle. */
  half?: 1 | 2;
}

/** A unit's state at one step. */
export interface StepState {
  status: StepStatus;
  /** Last day to submit (ISO date, inclusive); null without a deadline. */
  deadline: string | null;
  /** Reason of the last return. */
  returnReason: string | null;
  /** Set when the level above reopened the step; cleared by the next approval. */
  reopened: { reason: string; until: string | null } | null;
}

/** A lower unit whose result this step waits for. */
export interface LowerUnit {
  name: string;
  status: StepStatus;
}

/** The last day of a cycle's period (ISO date). */
export function periodEnd(cycle: Cycle): string {
  if (cycle.kind === 'halfYear' && cycle.half === 1) return `${cycle.year}-06-30`;
  return `${cycle.year}-12-31`;
}

/** The cycle as said in Vietnamese: "6 tháng đầu năm 2024", "năm 2024". */
export function cycleLabel(cycle: Cycle): string {
  if (cycle.kind === 'year') return `năm ${cycle.year}`;
  return `6 tháng ${cycle.half === 2 ? 'cuối' : 'đầu'} năm ${cycle.year}`;
}

/** Refuses a cycle the programme does not run, or a half-yearly cycle without its half. */
export function assertCycle(set: Pick<CriteriaSet, 'cycles' | 'title'>, cycle: Cycle): void {
  if (!set.cycles.includes(cycle.kind)) {
    const which = cycle.kind === 'year' ? 'theo năm' : '6 tháng';
    throw fail.invalid('kind', `Chương trình "${set.title}" không có kỳ đánh giá ${which}.`);
  }
  if (cycle.kind === 'halfYear' && cycle.half !== 1 && cycle.half !== 2) {
    throw fail.invalid('half', 'Kỳ đánh giá 6 tháng phải chọn 6 tháng đầu năm hoặc 6 tháng cuối năm.');
  }
}

/** The steps of a programme, in order. */
export function stepsOf(set: Pick<CriteriaSet, 'needsRegistration'>): StepKey[] {
  return STEP_KEYS.filter((step) => step !== 'registration' || set.needsRegistration);
}

/** The default deadline of a step for the evaluated year (ISO date), or null when the set gives none. */
export function stepDeadline(set: Pick<CriteriaSet, 'deadlines'>, step: StepKey, year: number): string | null {
  const day = set.deadlines?.[step];
  if (!day) return null;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${year + day.yearOffset}-${pad(day.month)}-${pad(day.day)}`;
}

/** True when a lower unit's result counts as done. */
export function isDone(status: StepStatus): boolean {
  return status === 'approved' || status === 'accepted';
}

/** True when the result is locked: approved or accepted (reopening moves it back to ready). */
export function isLocked(state: Pick<StepState, 'status'>): boolean {
  return isDone(state.status);
}

/** The first state: waiting while there are lower units to wait for, ready otherwise. */
export function initialState(input: { deadline: string | null; hasLowerUnits: boolean }): StepState {
  return {
    status: input.hasLowerUnits ? 'waiting' : 'ready',
    deadline: input.deadline,
    returnReason: null,
    reopened: null,
  };
}

/** Lower units not done yet. */
export function pendingLower(lower: readonly LowerUnit[]): LowerUnit[] {
  return lower.filter((unit) => !isDone(unit.status));
}

/** Moves a waiting step to ready once every lower unit is done; any other state is kept. */
export function release(state: StepState, lower: readonly LowerUnit[]): StepState {
  if (state.status !== 'waiting' || pendingLower(lower).length > 0) return state;
  return { ...state, status: 'ready' };
}

function lockedError(): DomainError {
  return new DomainError(
    'locked',
    'Kết quả này đã được duyệt và khóa. Hãy đề nghị cấp trên mở lại (kèm lý do) nếu cần sửa.',
  );
}

function pendingMessage(pending: readonly LowerUnit[]): string {
  const names = pending.slice(0, 5).map((unit) => unit.name);
  const more = pending.length > 5 ? ` và ${pending.length - 5} đơn vị khác` : '';
  return `còn ${pending.length} đơn vị cấp dưới chưa hoàn thành (${names.join(', ')}${more})`;
}

function requireReason(reason: string | undefined, what: string): string {
  const trimmed = reason?.trim() ?? '';
  if (trimmed === '') throw fail.invalid('reason', `Hãy ghi rõ lý do ${what}.`);
  return trimmed;
}

/** Refuses editing a result that is locked or waiting for review; a draft may be edited while waiting, ready or returned. */
export function assertCanEdit(state: Pick<StepState, 'status'>): void {
  if (isLocked(state)) throw lockedError();
  if (state.status === 'submitted') {
    throw fail.conflict('Kết quả đã nộp và đang chờ cấp trên duyệt: chỉ sửa được khi cấp trên trả lại.');
  }
}

/** Refuses a step whose previous step (in the programme's order) is not done for this unit. */
export function assertPreviousDone(
  set: Pick<CriteriaSet, 'needsRegistration'>,
  step: StepKey,
  previousStatus: StepStatus | null,
): void {
  const steps = stepsOf(set);
  const index = steps.indexOf(step);
  if (index < 0) throw fail.invalid('step', `Chương trình này không có bước "${STEP_LABELS[step]}".`);
  const previous = steps[index - 1];
  if (!previous || (previousStatus !== null && isDone(previousStatus))) return;
  throw fail.rule(`Chưa thể làm bước "${STEP_LABELS[step]}": bước "${STEP_LABELS[previous]}" chưa được duyệt.`, 'step');
}

/**
 * Submits the result: from ready or returned, not after the deadline unless the level above reopened the step
 * (until its new date, if any). `today` is an ISO date.
 */
export function submit(state: StepState, input: { today: string }): StepState {
  if (isLocked(state)) throw lockedError();
  if (state.status === 'submitted') throw fail.conflict('Kết quả đã được nộp và đang chờ cấp trên duyệt.');
  if (state.status === 'waiting') throw fail.rule('Chưa thể nộp: các đơn vị cấp dưới chưa hoàn thành bước này.');
  const reopened = state.reopened;
  if (reopened) {
    if (reopened.until !== null && input.today > reopened.until) {
      throw fail.rule(
        `Đã quá hạn nộp sau khi mở lại (hạn ${formatDateVi(reopened.until)}). Hãy đề nghị cấp trên mở lại lần nữa.`,
        'today',
      );
    }
    return { ...state, status: 'submitted' };
  }
  if (state.deadline !== null && input.today > state.deadline) {
    throw fail.rule(
      `Đã quá hạn nộp (hạn chót ${formatDateVi(state.deadline)}). Hãy đề nghị cấp trên mở lại bước này nếu cần nộp muộn.`,
      'today',
    );
  }
  return { ...state, status: 'submitted' };
}

/** Returns a submitted result to the unit, with the reason that says what to fix. */
export function returnStep(state: StepState, input: { reason: string }): StepState {
  if (isLocked(state)) throw lockedError();
  if (state.status !== 'submitted') throw fail.conflict('Chỉ trả lại được kết quả đã nộp và đang chờ duyệt.');
  const reason = requireReason(input.reason, 'trả lại, để đơn vị biết cần sửa gì');
  return { ...state, status: 'returned', returnReason: reason };
}

/** Refuses to go on while a lower unit's result is not done. */
export function assertLowerDone(lower: readonly LowerUnit[]): void {
  const pending = pendingLower(lower);
  if (pending.length > 0) throw fail.rule(`Chưa thể duyệt: ${pendingMessage(pending)}.`);
}

/** Approves a submitted result once every lower unit is done; the result locks. */
export function approve(state: StepState, input: { lower: readonly LowerUnit[] }): StepState {
  if (isLocked(state)) throw fail.conflict('Kết quả này đã được duyệt trước đó.');
  if (state.status !== 'submitted') throw fail.conflict('Chỉ duyệt được kết quả đã nộp.');
  const pending = pendingLower(input.lower);
  if (pending.length > 0) throw fail.rule(`Chưa thể duyệt: ${pendingMessage(pending)}.`);
  return { ...state, status: 'approved', returnReason: null, reopened: null };
}

/** Accepts (recognises) an approved result. */
export function accept(state: StepState): StepState {
  if (state.status === 'accepted') throw fail.conflict('Kết quả này đã được công nhận trước đó.');
  if (state.status !== 'approved') throw fail.conflict('Chỉ công nhận được kết quả đã được duyệt.');
  return { ...state, status: 'accepted' };
}

/**
 * Reopens a locked result: only by a unit above the evaluated one, with a reason, optionally until a new last day
 * to submit (not before `today`).
 */
export function reopen(
  state: StepState,
  input: { reason: string; actorPath: string; unitPath: string; today: string; until?: string | null },
): StepState {
  if (!isLocked(state)) throw fail.conflict('Chỉ mở lại được kết quả đã được duyệt hoặc công nhận.');
  if (input.actorPath === input.unitPath || !isWithin(input.unitPath, input.actorPath)) {
    throw fail.forbidden('Chỉ đơn vị cấp trên mới được mở lại kết quả đã duyệt.');
  }
  const reason = requireReason(input.reason, 'mở lại kết quả đã duyệt');
  const until = input.until ?? null;
  if (until !== null && until < input.today) {
    throw fail.invalid('until', `Hạn nộp lại không được trước ngày hôm nay (${formatDateVi(input.today)}).`);
  }
  return { ...state, status: 'ready', returnReason: null, reopened: { reason, until } };
}
