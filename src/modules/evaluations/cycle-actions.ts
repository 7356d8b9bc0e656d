import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db, DbOrTx } from '../../db/client.js';
import { rows } from '../../db/rows.js';
import { type Actor } from '../../auth/actor.js';
import type { acceptBody, sampleBody } from '../../contracts/evaluations.js';
import { cycleLabel, STEP_LABELS, STEP_STATUS_LABELS } from '../../domain/evaluations/cycle-steps.js';
import { allItems, itemMaxPoints, type CriteriaSet } from '../../domain/evaluations/criteria.js';
import { assertTopClassCap } from '../../domain/evaluations/eligibility.js';
import { itemPoints } from '../../domain/evaluations/scoring.js';
import { evaluationDecisionData, evaluationDecisionSubject } from '../../domain/evaluations/decision-document.js';
import { fail } from '../../domain/errors.js';
import { todayInVietnam } from '../../domain/text/dates.js';
import { audit } from '../audit/audit.service.js';
import { issueDocument } from '../documents/documents.issue.js';
import { cycleOf, loadCycle, managesCycle } from './cycles.service.js';
import { computeEvidence } from './evidence.queries.js';
import type { Ctx } from './evaluation.persist.js';
import { evaluationResultsXlsx } from './results.xlsx.js';
import { writeMemberRatings } from './member-results.js';
import { classLabel } from './evaluation-row.js';

type Cycle = Awaited<ReturnType<typeof loadCycle>>;

async function managedCycle(tx: DbOrTx, actor: Actor, cycleId: string): Promise<Cycle> {
  const cycle = await loadCycle(tx, actor, cycleId);
  if (!managesCycle(actor, cycle)) throw fail.forbidden('Chỉ cán bộ của đơn vị mở đợt đánh giá mới được làm việc này.');
  if (cycle.status !== 'open') throw fail.rule('Đợt đánh giá đã kết thúc.');
  return cycle;
}

/** A recognition programme lists only the subjects that reached its first class. */
export const isRecognition = (set: CriteriaSet) => set.classes[0]?.key === 'recognised';

/**
 * The owner's decision: accepts the results approved for decision (the listed ones, or all), checks the optional
 * cap on the top class over the cycle, issues the numbered decision with the list, and for a member rating writes
 * the class into each member's yearly comment and history. One transaction, audited.
 */
export async function acceptResults(
  db: Db,
  ctx: Ctx,
  cycleId: string,
  body: z.output<typeof acceptBody>,
): Promise<{ accepted: number; documentId: string | null }> {
  if (body.decidedOn > todayInVietnam()) throw fail.invalid('decidedOn', 'Ngày quyết định không được sau hôm nay.');
  return db.transaction(async (tx) => {
    const cycle = await managedCycle(tx, ctx.actor, cycleId);
    const set = cycle.definition;
    const only = body.evaluationIds?.length
      ? sql`and e.id in (${sql.join(
          body.evaluationIds.map((id) => sql`${id}::uuid`),
          sql`, `,
        )})`
      : sql``;
    const chosen = await rows<{
      id: string;
      subject_name: string;
      parent_name: string;
      class_key: string;
      total: string | null;
      member_id: string | null;
      unit_id: string;
    }>(
      tx,
      sql`update evaluations e set status = 'accepted', decided_on = ${body.decidedOn}::date, version = e.version + 1,
          updated_at = now()
        from units u left join units p on p.id = u.parent_id
        where u.id = e.unit_id and e.cycle_id = ${cycleId}::uuid and e.step = 'decision' and e.status = 'approved' ${only}
        returning e.id, coalesce((select full_name from members where id = e.member_id), u.name) as subject_name,
          case when e.member_id is null then coalesce(p.name, '') else u.name end as parent_name, e.class_key, e.total,
          e.member_id, e.unit_id`,
    );
    if (chosen.length === 0) throw fail.rule('Không có kết quả nào đã duyệt đang chờ quyết định công nhận.');
    if (body.evaluationIds?.length && chosen.length !== new Set(body.evaluationIds).size)
      throw fail.rule('Có hồ sơ trong danh sách chưa được duyệt hoặc không thuộc đợt đánh giá này.', 'evaluationIds');
    if (set.topClassCap) {
      const counts = await rows<{ class_key: string; n: number }>(
        tx,
        sql`select class_key, count(*)::int as n from evaluations where cycle_id = ${cycleId}::uuid and status = 'accepted' group by 1`,
      );
      const top = set.classes[0]!;
      assertTopClassCap(Object.fromEntries(counts.map((c) => [c.class_key, c.n])), {
        classKey: top.key,
        label: top.label,
        maxShare: set.topClassCap,
      });
    }
    await tx.execute(
      sql`insert into evaluation_events (evaluation_id, step, action, from_status, to_status, actor_id)
        select unnest(${`{${chosen.map((c) => c.id).join(',')}}`}::uuid[]), 'decision', 'accept', 'decision.approved', 'decision.accepted', ${ctx.actor.userId}`,
    );
    const label = (key: string) => classLabel(set.classes, key) ?? key;
    const listed = isRecognition(set) ? chosen.filter((c) => c.class_key === set.classes[0]!.key) : chosen;
    let documentId: string | null = null;
    if (listed.length > 0) {
      const input = {
        issuingUnitName: cycle.owner_name,
        programmeTitle: set.title,
        cycleLabel: cycleLabel(cycleOf(cycle)),
        recognition: isRecognition(set),
        subject: set.subject,
        rows: listed.map((c) => ({
          subjectName: c.subject_name,
          parentName: c.parent_name,
          classLabel: label(c.class_key),
          total: c.total === null ? null : Number(c.total),
        })),
      };
      const issued = await issueDocument(tx, ctx, {
        unitId: cycle.owner_unit_id,
        unitPath: cycle.owner_path,
        kind: 'evaluation_decision',
        issuedOn: body.decidedOn,
        subject: evaluationDecisionSubject(input),
        data: evaluationDecisionData(input),
        entity: 'evaluation_cycle',
        entityId: cycleId,
      });
      documentId = issued.id;
    }
    if (set.subject === 'member') await writeMemberRatings(tx, ctx, cycle, chosen, label, body.decidedOn);
    await audit(tx, ctx, {
      entity: 'evaluation_cycle',
      entityId: cycleId,
      action: 'accept',
      unitId: cycle.owner_unit_id,
      unitPath: cycle.owner_path,
      after: { accepted: chosen.map((c) => c.id), documentId, decidedOn: body.decidedOn },
    });
    return { accepted: chosen.length, documentId };
  });
}

/**
 * Draws the re-inspection sample among the subjects not yet past their evaluation: a share of them, taken in a
 * stable order (hash of the id), the rest skip re-inspection. Only for cycles whose mode is "sample".
 */
export async function drawSample(
  db: Db,
  ctx: Ctx,
  cycleId: string,
  body: z.output<typeof sampleBody>,
): Promise<{ sampled: number; total: number }> {
  return db.transaction(async (tx) => {
    const cycle = await managedCycle(tx, ctx.actor, cycleId);
    if (cycle.reinspection !== 'sample')
      throw fail.rule('Đợt đánh giá này không phúc tra theo mẫu (chế độ phúc tra: tất cả hoặc không).', 'share');
    const [result] = await rows<{ sampled: number; total: number }>(
      tx,
      sql`with open as (
          select id, row_number() over (order by md5(id::text)) as rn, count(*) over () as total
          from evaluations where cycle_id = ${cycleId}::uuid and step in ('registration', 'selfAssessment', 'evaluation')),
        marked as (
          update evaluations e set sampled = (o.rn <= ceil(o.total * ${body.share})), version = e.version + 1
          from open o where o.id = e.id returning e.sampled)
        select count(*) filter (where sampled)::int as sampled, count(*)::int as total from marked`,
    );
    await audit(tx, ctx, {
      entity: 'evaluation_cycle',
      entityId: cycleId,
      action: 'sample',
      unitId: cycle.owner_unit_id,
      unitPath: cycle.owner_path,
      after: { share: body.share, ...result },
    });
    return result ?? { sampled: 0, total: 0 };
  });
}

/** Recomputes the automatic evidence of the given subjects (all of a cycle when `ids` is null), in batches. */
export async function storeEvidence(
  tx: DbOrTx,
  cycle: Pick<Cycle, 'id' | 'year' | 'half' | 'definition'>,
  evaluationIds: string[] | null,
): Promise<number> {
  const subjects = await rows<{ id: string; key: string }>(
    tx,
    sql`select id, coalesce(member_id, unit_id)::text as key from evaluations
      where cycle_id = ${cycle.id}::uuid ${evaluationIds ? sql`and id = any(${`{${evaluationIds.join(',')}}`}::uuid[])` : sql``}`,
  );
  const today = todayInVietnam();
  for (let i = 0; i < subjects.length; i += 2000) {
    const batch = subjects.slice(i, i + 2000);
    const figures = await computeEvidence(tx, {
      subject: cycle.definition.subject,
      ids: batch.map((s) => s.key),
      year: cycle.year,
      half: cycle.half as 0 | 1 | 2,
      today,
    });
    const payload = batch.map((s) => ({ id: s.id, figures: figures.get(s.key) ?? [] }));
    await tx.execute(
      sql`update evaluations e set auto_evidence = p.figures, auto_evidence_at = now()
        from jsonb_to_recordset(${JSON.stringify(payload)}::jsonb) as p(id uuid, figures jsonb) where e.id = p.id`,
    );
  }
  return subjects.length;
}

/** The owner recomputes the evidence of every subject of the cycle. */
export async function refreshCycleEvidence(db: Db, ctx: Ctx, cycleId: string): Promise<{ refreshed: number }> {
  return db.transaction(async (tx) => {
    const cycle = await managedCycle(tx, ctx.actor, cycleId);
    return { refreshed: await storeEvidence(tx, cycle, null) };
  });
}

/** The result workbook of a cycle below a unit the actor reads. */
export async function cycleResultsXlsx(db: DbOrTx, actor: Actor, cycleId: string, unitPath: string): Promise<Buffer> {
  const cycle = await loadCycle(db, actor, cycleId);
  const set = cycle.definition;
  const found = await rows<{
    subject_name: string;
    unit_name: string;
    step: keyof typeof STEP_LABELS;
    status: keyof typeof STEP_STATUS_LABELS;
    self_total: string | null;
    self_class: string | null;
    total: string | null;
    class_key: string | null;
    override_reason: string | null;
    scores: Record<string, number | boolean | string>;
    decided_on: string | null;
  }>(
    db,
    sql`select coalesce(m.full_name, u.name) as subject_name, u.name as unit_name, e.step, e.status, e.self_total,
        e.self_class, e.total, e.class_key, e.override_reason, e.scores, e.decided_on
      from evaluations e join units u on u.id = e.unit_id left join members m on m.id = e.member_id
      where e.cycle_id = ${cycleId}::uuid and u.path <@ ${unitPath}::ltree order by u.path, m.full_name`,
  );
  const label = (key: string | null) => classLabel(set.classes, key);
  const items = allItems(set);
  return evaluationResultsXlsx({
    title: `Kết quả ${set.title} ${cycleLabel(cycleOf(cycle))} — ${cycle.owner_name}`,
    criteria: set.criteria.map((c) => ({
      key: c.key,
      ref: c.ref,
      title: c.title,
      items: c.items.map((i) => ({ key: i.key, ref: i.ref, text: i.text, max: itemMaxPoints(i) })),
    })),
    classes: set.classes.map((c) => ({ key: c.key, label: c.label })),
    rows: found.map((r) => ({
      subjectName: r.subject_name,
      unitName: r.unit_name,
      stepLabel: STEP_LABELS[r.step],
      statusLabel: STEP_STATUS_LABELS[r.status],
      selfTotal: r.self_total === null ? null : Number(r.self_total),
      selfClassLabel: label(r.self_class),
      total: r.total === null ? null : Number(r.total),
      classLabel: label(r.class_key),
      overrideReason: r.override_reason,
      scores: Object.fromEntries(items.map((i) => [i.key, itemPoints(i, r.scores[i.key])])),
      decidedOn: r.decided_on,
    })),
  });
}
