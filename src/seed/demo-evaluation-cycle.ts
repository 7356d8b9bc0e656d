import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.js';
import { rows } from '../db/rows.js';
import { evaluationCycles, evaluationEvents, evaluationFiles } from '../db/schema/index.js';
import type { CriteriaSet } from '../domain/evaluations/criteria.js';
import { cycleLabel, periodEnd, stepsOf } from '../domain/evaluations/cycle-steps.js';
import { evaluationDecisionData, evaluationDecisionSubject } from '../domain/evaluations/decision-document.js';
import { subjectSteps } from '../domain/evaluations/step-flow.js';
import { issueDocument } from '../modules/documents/documents.issue.js';
import { setForYear } from '../modules/evaluations/criteria-sets.js';
import { isRecognition, storeEvidence } from '../modules/evaluations/cycle-actions.js';
import { enrolSubjects } from '../modules/evaluations/enrol.queries.js';
import { drive, type CycleSpec, type FileRow, type Plan } from './demo-evaluation-plan.js';
import { Walk, type Subject } from './demo-evaluation-walk.js';
import { seededRandom } from './names.js';

/** Stores the walked subjects: their rows in one statement, their history and files in batches. */
async function persist(
  tx: DbOrTx,
  walks: readonly Walk[],
  plans: readonly Plan[],
  opened: Date,
  files: FileRow[],
): Promise<void> {
  const payload = walks.map((w, i) => ({
    id: w.subject.id,
    step: w.state.step,
    status: w.state.status,
    return_reason: w.state.returnReason,
    // Left out rather than null, so that the column gets SQL NULL.
    reopened: w.state.reopened ?? undefined,
    self_scores: w.state.selfScores,
    self_class: w.state.selfClass,
    self_total: w.state.selfTotal,
    scores: w.state.scores,
    class_key: w.state.classKey,
    total: w.state.total,
    override_reason: w.state.overrideReason,
    evidence_note: w.state.evidenceNote,
    sampled: plans[i]!.sampled,
    decided_on: w.state.decidedOn,
    version: w.state.version,
    created_at: opened,
    updated_at: w.updatedAt,
  }));
  await tx.execute(sql`update evaluations e set step = p.step, status = p.status, return_reason = p.return_reason,
      reopened = p.reopened, self_scores = p.self_scores, self_class = p.self_class, self_total = p.self_total,
      scores = p.scores, class_key = p.class_key, total = p.total, override_reason = p.override_reason,
      evidence_note = p.evidence_note, sampled = p.sampled, decided_on = p.decided_on, version = p.version,
      created_at = p.created_at, updated_at = p.updated_at
    from jsonb_to_recordset(${JSON.stringify(payload)}::jsonb) as p(id uuid, step text, status text, return_reason text,
      reopened jsonb, self_scores jsonb, self_class text, self_total numeric, scores jsonb, class_key text, total numeric,
      override_reason text, evidence_note text, sampled boolean, decided_on date, version int, created_at timestamptz,
      updated_at timestamptz)
    where e.id = p.id`);
  const events = walks.flatMap((w) => w.events);
  for (let i = 0; i < events.length; i += 500) await tx.insert(evaluationEvents).values(events.slice(i, i + 500));
  if (files.length > 0) await tx.insert(evaluationFiles).values(files);
}

/** The owner's numbered decision for the accepted subjects (a recognition lists only those recognised). */
async function decide(
  tx: DbOrTx,
  owner: { id: string; path: string; name: string },
  cycleId: string,
  set: CriteriaSet,
  year: number,
  walks: readonly Walk[],
): Promise<void> {
  const accepted = walks.filter((w) => w.state.status === 'accepted');
  const decidedOn = accepted[0]?.state.decidedOn;
  if (!decidedOn) return;
  const recognition = isRecognition(set);
  const listed = (recognition ? accepted.filter((w) => w.state.classKey === set.classes[0]!.key) : accepted)
    .slice()
    .sort(
      (a, b) =>
        a.subject.parentName.localeCompare(b.subject.parentName, 'vi') ||
        a.subject.name.localeCompare(b.subject.name, 'vi'),
    );
  const input = {
    issuingUnitName: owner.name,
    programmeTitle: set.title,
    cycleLabel: cycleLabel({ kind: 'year', year }),
    recognition,
    subject: set.subject,
    rows: listed.map((w) => ({
      subjectName: w.subject.name,
      parentName: w.subject.parentName,
      classLabel: set.classes.find((c) => c.key === w.state.classKey)?.label ?? String(w.state.classKey),
      total: w.state.total,
    })),
  };
  await issueDocument(
    tx,
    { actor: null, requestId: null },
    {
      unitId: owner.id,
      unitPath: owner.path,
      kind: 'evaluation_decision',
      issuedOn: decidedOn,
      subject: evaluationDecisionSubject(input),
      data: evaluationDecisionData(input),
      entity: 'evaluation_cycle',
      entityId: cycleId,
    },
  );
}

/** Opens a cycle as `openCycle` does (criteria set of the year, subjects enrolled), then walks every subject. */
export async function seedCycle(
  tx: DbOrTx,
  spec: CycleSpec,
  actors: ReadonlyMap<string, string>,
  today: string,
): Promise<void> {
  const found = await setForYear(tx, spec.programme, spec.year).catch(() => null);
  const [owner] = await rows<{ id: string; path: string; name: string }>(
    tx,
    sql`select id, path::text as path, name from units where code = ${spec.ownerCode} and closed_on is null`,
  );
  if (!found || !owner) return;
  const { id: setId, set } = found;
  const opened = new Date(`${spec.openedOn}T08:30:00+07:00`);
  const [cycle] = await tx
    .insert(evaluationCycles)
    .values({
      criteriaSetId: setId,
      programme: spec.programme,
      ownerUnitId: owner.id,
      kind: 'year',
      year: spec.year,
      half: 0,
      deadlines: spec.deadlines,
      reinspection: spec.reinspection,
      note: spec.note,
      openedBy: actors.get(spec.ownerCode) ?? null,
      createdAt: opened,
      updatedAt: opened,
    })
    .returning({ id: evaluationCycles.id });
  const cycleId = cycle!.id;
  const end = periodEnd({ kind: 'year', year: spec.year });
  const steps = stepsOf(set);
  const input = {
    cycleId,
    ownerId: owner.id,
    ownerPath: owner.path,
    subject: set.subject,
    firstStep: steps[0]!,
    periodEnd: end,
  };
  await enrolSubjects(tx, input);
  // Units founded after the period (the 2025 merger) were not there to be rated.
  await tx.execute(
    sql`delete from evaluations where cycle_id = ${cycleId}::uuid and unit_id in (select id from units where founded_on > ${end}::date)`,
  );
  const subjects = await rows<Subject>(
    tx,
    sql`select e.id, u.code, u.name, u.path::text as path, coalesce(p.name, '') as "parentName",
        ev.code as "evaluatorCode", ev.path::text as "evaluatorPath"
      from evaluations e join units u on u.id = e.unit_id join units ev on ev.id = e.evaluator_unit_id
      left join units p on p.id = u.parent_id
      where e.cycle_id = ${cycleId}::uuid order by u.code`,
  );
  const random = seededRandom(spec.seed);
  const seen = new Map<string, number>();
  const files: FileRow[] = [];
  const plans: Plan[] = [];
  const walks = subjects.map((s) => {
    const index = seen.get(s.evaluatorCode) ?? 0;
    seen.set(s.evaluatorCode, index + 1);
    const plan = spec.plan(s, index, set, random);
    const flow = { subjectPath: s.path, evaluatorPath: s.evaluatorPath, ownerPath: owner.path };
    const w = new Walk(s, set, subjectSteps(set, flow, spec.reinspection, plan.sampled), random, opened);
    drive(w, spec, plan, actors, today, random, files);
    plans.push(plan);
    return w;
  });
  await persist(tx, walks, plans, opened, files);
  await decide(tx, owner, cycleId, set, spec.year, walks);
  if (spec.evidence) await storeEvidence(tx, { id: cycleId, year: spec.year, half: 0, definition: set }, null);
}
