import { asc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { evaluationEvents, evaluationFiles, user } from '../../db/schema/index.js';
import type { Actor } from '../../auth/actor.js';
import type { EvaluationDetail } from '../../contracts/evaluations.js';
import { classOf } from '../../domain/evaluations/scoring.js';
import { cycleLabel, normaliseRecordedState } from '../../domain/evaluations/cycle-steps.js';
import { maxTotal } from '../../domain/evaluations/criteria.js';
import type { StepKey } from '../../domain/evaluations/cycle-steps.js';
import { rows } from '../../db/rows.js';
import { withinScope } from '../../db/scope.js';
import { scopeOf } from '../../auth/actor.js';
import { cycleOf } from './cycles.service.js';
import {
  actionsFor,
  deadlineOf,
  evaluationForRead,
  sidesOf,
  stepsFor,
  type LoadedEvaluation,
} from './evaluation.load.js';
import { topClassCheck } from './top-class.queries.js';

const num = (v: string | number | null) => (v === null ? null : Number(v));
const iso = (v: Date | string | null) => (v === null ? null : new Date(v).toISOString());

async function subjectCounts(db: DbOrTx, cycleId: string) {
  const [row] = await rows<{ subjects: number; accepted: number }>(
    db,
    sql`select count(*)::int as subjects, count(*) filter (where status = 'accepted')::int as accepted
      from evaluations where cycle_id = ${cycleId}::uuid`,
  );
  return row ?? { subjects: 0, accepted: 0 };
}

/** The cycle part of a file. */
async function cycleSummaryOf(db: DbOrTx, e: LoadedEvaluation): Promise<EvaluationDetail['cycle']> {
  const counts = await subjectCounts(db, e.cycle_id);
  return {
    id: e.cycle_id,
    programme: e.programme,
    programmeTitle: e.definition.title,
    periodLabel: e.definition.periodLabel,
    criteriaSetId: e.criteria_set_id,
    subject: e.definition.subject,
    ownerUnitId: e.owner_unit_id,
    ownerUnitName: e.owner_name,
    kind: e.kind,
    year: e.year,
    half: e.kind === 'halfYear' ? e.half : null,
    label: cycleLabel(cycleOf(e)),
    status: e.cycle_status,
    reinspection: e.reinspection,
    ...counts,
  };
}

/** The top class against its cap over the subjects of the cycle the actor reads, for the evaluator and the owner. */
async function topClassOf(db: DbOrTx, actor: Actor, e: LoadedEvaluation): Promise<EvaluationDetail['topClass']> {
  const sides = sidesOf(actor, e);
  if (!sides.evaluator && !sides.owner) return null;
  return topClassCheck(db, e.definition, e.cycle_id, withinScope(sql`u.path`, scopeOf(actor, 'unit.read')));
}

/** The evaluation file: scores at each level, evidence, files, history and what the actor may do. */
export async function getEvaluation(db: DbOrTx, actor: Actor, id: string): Promise<EvaluationDetail> {
  const e = await evaluationForRead(db, actor, id);
  const [files, events, cycle, topClass] = await Promise.all([
    db
      .select({
        id: evaluationFiles.id,
        step: evaluationFiles.step,
        fileName: evaluationFiles.fileName,
        size: evaluationFiles.size,
        uploadedAt: evaluationFiles.createdAt,
      })
      .from(evaluationFiles)
      .where(eq(evaluationFiles.evaluationId, id))
      .orderBy(asc(evaluationFiles.createdAt)),
    db
      .select({
        at: evaluationEvents.createdAt,
        step: evaluationEvents.step,
        action: evaluationEvents.action,
        fromStatus: evaluationEvents.fromStatus,
        toStatus: evaluationEvents.toStatus,
        reason: evaluationEvents.reason,
        actorName: user.name,
      })
      .from(evaluationEvents)
      .leftJoin(user, eq(user.id, evaluationEvents.actorId))
      .where(eq(evaluationEvents.evaluationId, id))
      .orderBy(asc(evaluationEvents.id)),
    cycleSummaryOf(db, e),
    topClassOf(db, actor, e),
  ]);
  const hasScores = Object.keys(e.scores).length > 0;
  return {
    id: e.id,
    version: e.version,
    cycle,
    steps: stepsFor(e),
    definition: e.definition,
    subjectName: e.member_name ?? e.unit_name,
    unitId: e.unit_id,
    unitName: e.unit_name,
    memberId: e.member_id,
    evaluatorName: e.evaluator_name,
    step: e.step,
    status: e.status,
    deadline: deadlineOf(e),
    returnReason: e.return_reason,
    reopened: e.reopened,
    selfScores: e.self_scores,
    selfClass: e.self_class,
    selfTotal: num(e.self_total),
    scores: e.scores,
    classKey: e.class_key,
    computedClass: hasScores ? classOf(e.definition, e.scores).key : null,
    total: num(e.total),
    maxTotal: maxTotal(e.definition),
    overrideReason: e.override_reason,
    evidenceNote: e.evidence_note,
    evidenceLinks: e.evidence_links,
    autoEvidence: e.auto_evidence ?? [],
    autoEvidenceAt: iso(e.auto_evidence_at),
    followUpUserId: e.follow_up_user_id,
    followUpName: e.follow_up_name,
    sampled: e.sampled,
    decidedOn: e.decided_on,
    files: files.map((f) => ({ ...f, step: f.step as StepKey, uploadedAt: f.uploadedAt.toISOString() })),
    events: events.map((ev) => {
      const step = ev.step as StepKey;
      return {
        ...ev,
        step,
        fromStatus: normaliseRecordedState(ev.fromStatus, step),
        toStatus: normaliseRecordedState(ev.toStatus, step),
        at: ev.at.toISOString(),
      };
    }),
    actions: actionsFor(actor, e),
    topClass,
  };
}
