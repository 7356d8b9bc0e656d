import { fail } from '../errors.js';
import { isWithin } from '../org/unit-path.js';
import type { CriteriaSet } from './criteria.js';
import { stepsOf, type StepKey, type StepStatus } from './cycle-steps.js';

/**
 * Who acts at each step of a subject's evaluation, and where an approved step leads. Three units matter:
 * the subject's own unit (a member's branch for a member), the evaluator (the level above: a branch's đoàn cơ sở,
 * a đoàn cơ sở's district or province; for a member, the branch meeting) and the cycle's owner, who re-inspects
 * (phúc tra) what the evaluator approved when the two differ, and decides. In a province without districts the
 * evaluator of a đoàn cơ sở is the province itself, so the re-inspection step falls away: the deciding levels follow
 * the tree instead of a per-province setting.
 *
 * - registration, selfAssessment: the subject fills in and submits; the evaluator returns or approves.
 * - evaluation: the evaluator scores (a change needs a reason) and approves, or returns the self-assessment.
 * - reinspection: the owner may change the scores (with a reason) and approves, or returns to the evaluator.
 * - decision: approved results wait for the owner's decision, which accepts (recognises) them.
 */

/** Paths of the three units of an evaluation. */
export interface FlowUnits {
  subjectPath: string;
  evaluatorPath: string;
  ownerPath: string;
}

/** The re-inspection mode of a cycle. */
export type ReinspectionMode = 'none' | 'sample' | 'all';

/** Which side acts: the evaluated subject, the evaluator, or the owner of the cycle. */
export type Side = 'subject' | 'evaluator' | 'owner';

/** True when the subject goes through re-inspection in this cycle. */
export function needsReinspection(units: FlowUnits, mode: ReinspectionMode, sampled: boolean): boolean {
  if (mode === 'none' || units.evaluatorPath === units.ownerPath) return false;
  return mode === 'all' || sampled;
}

/** The steps a subject goes through, in order. */
export function subjectSteps(
  set: Pick<CriteriaSet, 'needsRegistration'>,
  units: FlowUnits,
  mode: ReinspectionMode,
  sampled: boolean,
): StepKey[] {
  const reinspect = needsReinspection(units, mode, sampled);
  return stepsOf(set).filter((step) => step !== 'reinspection' || reinspect);
}

/** The step after `step` and the state it starts in, once `step` is approved. */
export function nextAfter(steps: readonly StepKey[], step: StepKey): { step: StepKey; status: StepStatus } {
  const index = steps.indexOf(step);
  const next = steps[index + 1];
  if (!next) return { step, status: 'approved' };
  return { step: next, status: next === 'decision' ? 'approved' : 'ready' };
}

/** The step before `step` (where a return sends the subject back for the review steps). */
export function previousOf(steps: readonly StepKey[], step: StepKey): StepKey | null {
  const index = steps.indexOf(step);
  return index > 0 ? (steps[index - 1] ?? null) : null;
}

/** The side that fills in a step (and submits it, for the subject's steps). */
export function doerOf(step: StepKey): Side {
  if (step === 'registration' || step === 'selfAssessment') return 'subject';
  if (step === 'evaluation') return 'evaluator';
  return 'owner';
}

/** The side that approves or returns a step. */
export function checkerOf(step: StepKey): Side {
  if (step === 'registration' || step === 'selfAssessment' || step === 'evaluation') return 'evaluator';
  return 'owner';
}

/** The path of a side's unit. */
export function pathOf(units: FlowUnits, side: Side): string {
  if (side === 'subject') return units.subjectPath;
  if (side === 'evaluator') return units.evaluatorPath;
  return units.ownerPath;
}

/** True when one of the actor's scope paths covers the side's unit. */
export function actsAs(scope: readonly string[], units: FlowUnits, side: Side): boolean {
  const path = pathOf(units, side);
  return scope.some((s) => isWithin(path, s));
}

/** The steps a reopen may send a subject back to: the steps it has passed (never the decision itself). */
export function reopenTargets(steps: readonly StepKey[], step: StepKey): StepKey[] {
  return steps.slice(0, Math.max(0, steps.indexOf(step))).filter((s) => s !== 'decision');
}

/** The side that may reopen a subject at its current step: whoever holds the step now, the owner after approval. */
export function reopenerOf(step: StepKey): Side {
  return step === 'decision' ? 'owner' : checkerOf(step);
}

/** Refuses a reopen to a step the subject has not passed yet. */
export function assertReopenTarget(steps: readonly StepKey[], step: StepKey, target: StepKey): void {
  if (reopenTargets(steps, step).includes(target)) return;
  throw fail.invalid('step', 'Chỉ mở lại được một bước mà đơn vị đã hoàn thành.');
}

/**
 * The rating whose results a programme's results wait for: a đoàn cơ sở is rated after its branches, a branch after
 * its members (same year and half). Other programmes wait for nothing.
 */
export const LOWER_PROGRAMME: Readonly<Record<string, string>> = {
  grassrootsRating: 'branchRating',
  branchRating: 'memberRating',
};
