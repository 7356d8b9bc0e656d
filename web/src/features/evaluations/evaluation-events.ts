import type { TFunction } from 'i18next';
import type { StepKey, StepStatus } from '../../../../src/domain/evaluations/cycle-steps';

/** The step order (src/domain/evaluations/cycle-steps.ts STEP_KEYS). */
export const STEPS = ['registration', 'selfAssessment', 'evaluation', 'reinspection', 'decision'] as const;
/** The states of one subject at one step (STEP_STATUSES). */
export const STATUSES = ['waiting', 'ready', 'submitted', 'returned', 'approved', 'accepted'] as const;

/** A recorded state read back: its step (when recorded with it) and status; null when it names neither. */
export interface RecordedState {
  step: StepKey | null;
  status: StepStatus;
}

/** "selfAssessment.submitted" (or a bare "submitted", as older rows hold it) as a step and a status. */
export function parseRecordedState(recorded: string | null): RecordedState | null {
  if (!recorded) return null;
  const [first, second] = recorded.split('.');
  const stepPart = second === undefined ? undefined : first;
  const statusPart = second === undefined ? first : second;
  const status = STATUSES.find((s) => s === statusPart);
  if (!status) return null;
  return { step: STEPS.find((s) => s === stepPart) ?? null, status };
}

/**
 * The change of state of a history event, readable: "Đăng ký: Sẵn sàng → Đã nộp, chờ duyệt" within a step,
 * "Đăng ký: Đã nộp, chờ duyệt → Tự đánh giá: Sẵn sàng" across steps; null when the state did not change or is
 * unknown. A state without its step takes the event's step.
 */
export function transitionText(
  t: TFunction,
  event: { step: StepKey; fromStatus: string | null; toStatus: string | null },
): string | null {
  const to = parseRecordedState(event.toStatus);
  if (!to) return null;
  const from = parseRecordedState(event.fromStatus);
  const toStep = to.step ?? event.step;
  const status = (s: StepStatus) => t(`evaluation.status.${s}`);
  const state = (step: StepKey, s: StepStatus) =>
    t('evaluation.file.stateAt', { step: t(`evaluation.steps.${step}`), status: status(s) });
  if (!from) return state(toStep, to.status);
  const fromStep = from.step ?? event.step;
  if (fromStep === toStep && from.status === to.status) return null;
  const toText = fromStep === toStep ? status(to.status) : state(toStep, to.status);
  return t('evaluation.file.transition', { from: state(fromStep, from.status), to: toText });
}
