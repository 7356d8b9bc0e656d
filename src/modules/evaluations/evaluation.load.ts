import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { rows } from '../../db/rows.js';
import { scopeOf, type Actor } from '../../auth/actor.js';
import type { EvaluationActions } from '../../contracts/evaluations.js';
import type { CriteriaSet } from '../../domain/evaluations/criteria.js';
import type { StepKey, StepStatus } from '../../domain/evaluations/cycle-steps.js';
import type { EvidenceFigure } from '../../contracts/evaluations.js';
import {
  actsAs,
  reopenerOf,
  reopenTargets,
  subjectSteps,
  type FlowUnits,
  type ReinspectionMode,
  type Side,
} from '../../domain/evaluations/step-flow.js';
import { inScope } from '../../domain/auth/permissions.js';
import { fail } from '../../domain/errors.js';
import type { Scores } from '../../domain/evaluations/scoring.js';

/** One evaluation with its cycle, criteria set and the three units of its flow. */
export interface LoadedEvaluation {
  id: string;
  cycle_id: string;
  unit_id: string;
  member_id: string | null;
  evaluator_unit_id: string;
  step: StepKey;
  status: StepStatus;
  return_reason: string | null;
  reopened: { reason: string; until: string | null } | null;
  self_scores: Scores;
  self_class: string | null;
  self_total: string | null;
  scores: Scores;
  class_key: string | null;
  total: string | null;
  override_reason: string | null;
  evidence_note: string | null;
  evidence_links: { label: string; url: string }[];
  auto_evidence: EvidenceFigure[] | null;
  auto_evidence_at: Date | string | null;
  follow_up_user_id: string | null;
  follow_up_name: string | null;
  sampled: boolean;
  decided_on: string | null;
  version: number;
  unit_name: string;
  unit_path: string;
  evaluator_name: string;
  evaluator_path: string;
  owner_unit_id: string;
  criteria_set_id: string;
  owner_name: string;
  owner_path: string;
  member_name: string | null;
  programme: string;
  kind: 'halfYear' | 'year';
  year: number;
  half: number;
  deadlines: Partial<Record<StepKey, string>>;
  reinspection: ReinspectionMode;
  cycle_status: 'open' | 'closed';
  definition: CriteriaSet;
}

/** Loads an evaluation (optionally locking its row); null when missing. */
export async function loadEvaluationRow(db: DbOrTx, id: string, lock = false): Promise<LoadedEvaluation | null> {
  const [row] = await rows<LoadedEvaluation>(
    db,
    sql`select e.*, u.name as unit_name, u.path::text as unit_path, ev.name as evaluator_name,
        ev.path::text as evaluator_path, c.owner_unit_id, c.criteria_set_id, o.name as owner_name, o.path::text as owner_path,
        m.full_name as member_name, c.programme, c.kind, c.year, c.half, c.deadlines, c.reinspection,
        c.status as cycle_status, s.definition, fu.name as follow_up_name
      from evaluations e
      join evaluation_cycles c on c.id = e.cycle_id
      join criteria_sets s on s.id = c.criteria_set_id
      join units u on u.id = e.unit_id
      join units ev on ev.id = e.evaluator_unit_id
      join units o on o.id = c.owner_unit_id
      left join members m on m.id = e.member_id
      left join "user" fu on fu.id = e.follow_up_user_id
      where e.id = ${id}::uuid ${lock ? sql`for update of e` : sql``}`,
  );
  return row ?? null;
}

/** The flow units of a loaded evaluation. */
export function flowUnits(e: LoadedEvaluation): FlowUnits {
  return { subjectPath: e.unit_path, evaluatorPath: e.evaluator_path, ownerPath: e.owner_path };
}

/** The steps this subject goes through. */
export function stepsFor(e: LoadedEvaluation): StepKey[] {
  return subjectSteps(e.definition, flowUnits(e), e.reinspection, e.sampled);
}

/** True when the actor reads the evaluation: its unit is in their read scope, or it is their own member rating. */
export function canRead(actor: Actor, e: LoadedEvaluation): boolean {
  if (e.member_id && actor.memberId === e.member_id) return true;
  return inScope(scopeOf(actor, 'unit.read'), e.unit_path);
}

/** The sides the actor acts as: a cadre with `unit.update` over the side's unit; a member for their own rating. */
export function sidesOf(actor: Actor, e: LoadedEvaluation): Record<Side, boolean> {
  const scope = scopeOf(actor, 'unit.update');
  const units = flowUnits(e);
  const self = e.member_id !== null && actor.memberId === e.member_id;
  return {
    subject: self || actsAs(scope, units, 'subject'),
    evaluator: actsAs(scope, units, 'evaluator'),
    owner: actsAs(scope, units, 'owner'),
  };
}

const editable = (status: StepStatus) => status === 'ready' || status === 'returned';

/** What the actor may do on the evaluation now. */
export function actionsFor(actor: Actor, e: LoadedEvaluation): EvaluationActions {
  const none: EvaluationActions = {
    editSelf: false,
    submit: false,
    review: false,
    approve: false,
    return: false,
    reopen: false,
    accept: false,
    assignFollowUp: false,
    upload: false,
  };
  if (e.cycle_status !== 'open') return none;
  const side = sidesOf(actor, e);
  const subjectStep = e.step === 'registration' || e.step === 'selfAssessment';
  const selfEdit = subjectStep && editable(e.status) && side.subject;
  const checksSubject = subjectStep && e.status === 'submitted' && side.evaluator;
  const evaluates = e.step === 'evaluation' && editable(e.status) && side.evaluator;
  const reinspects = e.step === 'reinspection' && editable(e.status) && side.owner;
  const reopener = reopenerOf(e.step);
  return {
    editSelf: selfEdit,
    submit: selfEdit,
    upload: selfEdit,
    review: evaluates || reinspects,
    approve: checksSubject || evaluates || reinspects,
    return: checksSubject || evaluates || reinspects,
    reopen: side[reopener] && reopenTargets(stepsFor(e), e.step).length > 0 && !checksSubject,
    accept: e.step === 'decision' && e.status === 'approved' && side.owner,
    assignFollowUp: side.evaluator && e.status !== 'accepted',
  };
}

/** Loads an evaluation the actor may read, or 404. */
export async function evaluationForRead(db: DbOrTx, actor: Actor, id: string, lock = false): Promise<LoadedEvaluation> {
  const e = await loadEvaluationRow(db, id, lock);
  if (!e || !canRead(actor, e)) throw fail.notFound('hồ sơ đánh giá');
  return e;
}

/** Loads and locks an evaluation for a change at the version read: 404 outside scope, 409 when stale. */
export async function evaluationForChange(
  db: DbOrTx,
  actor: Actor,
  id: string,
  version: number,
): Promise<LoadedEvaluation> {
  const e = await evaluationForRead(db, actor, id, true);
  if (e.version !== version)
    throw fail.conflict('Hồ sơ đánh giá vừa được người khác thay đổi. Vui lòng tải lại và thực hiện lại.');
  assertCycleOpen(e);
  return e;
}

/** Refuses a change once the cycle is closed. */
export function assertCycleOpen(e: Pick<LoadedEvaluation, 'cycle_status'>): void {
  if (e.cycle_status !== 'open') throw fail.rule('Đợt đánh giá đã kết thúc: hồ sơ không còn thay đổi được.');
}

/** The last day to submit the current step: the reopen's new date, else the cycle's deadline. */
export function deadlineOf(e: LoadedEvaluation): string | null {
  if (e.reopened) return e.reopened.until;
  return e.deadlines[e.step] ?? null;
}
