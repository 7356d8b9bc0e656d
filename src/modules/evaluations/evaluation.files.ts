import { and, eq, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.js';
import { evaluationFiles } from '../../db/schema/index.js';
import { rows } from '../../db/rows.js';
import type { Actor } from '../../auth/actor.js';
import type { MyEvaluationRow } from '../../contracts/evaluations.js';
import { cycleLabel } from '../../domain/evaluations/cycle-steps.js';
import { cycleOf } from './cycles.service.js';
import { toEvaluationRow, type EvaluationRowSql } from './evaluation-row.js';
import { attachmentProblem, cleanFileName, detectAttachmentType } from '../../domain/branch-life/meeting-files.js';
import { fail } from '../../domain/errors.js';
import type { Upload } from '../meetings/meetings.attachments.js';
import { storeEvidence } from './cycle-actions.js';
import { actionsFor, assertCycleOpen, evaluationForRead, sidesOf } from './evaluation.load.js';
import { audit } from '../audit/audit.service.js';
import { persistChange, type Ctx } from './evaluation.persist.js';

/** Attaches a file (the registration plan, evidence) to the subject's current step, checked by its first bytes. */
export async function addEvaluationFile(db: Db, ctx: Ctx, id: string, upload: Upload): Promise<void> {
  const problem = attachmentProblem(upload.bytes);
  const contentType = detectAttachmentType(upload.bytes);
  if (problem || !contentType) throw fail.invalid('file', problem ?? 'Loại tệp không được nhận.');
  await db.transaction(async (tx) => {
    const e = await evaluationForRead(tx, ctx.actor, id, true);
    assertCycleOpen(e);
    if (!actionsFor(ctx.actor, e).upload)
      throw fail.forbidden('Chỉ đơn vị được đánh giá mới tải minh chứng lên, khi hồ sơ chưa nộp.');
    const [file] = await tx
      .insert(evaluationFiles)
      .values({
        evaluationId: e.id,
        step: e.step,
        fileName: cleanFileName(upload.fileName),
        contentType,
        size: upload.bytes.length,
        content: upload.bytes,
        uploadedBy: ctx.actor.userId,
      })
      .returning({ id: evaluationFiles.id, fileName: evaluationFiles.fileName });
    await persistChange(tx, ctx, e, {}, { action: 'file', after: file });
  });
}

/** A file of an evaluation the actor reads. */
export async function evaluationFile(db: DbOrTx, actor: Actor, id: string, fileId: string) {
  await evaluationForRead(db, actor, id);
  const [file] = await db
    .select()
    .from(evaluationFiles)
    .where(and(eq(evaluationFiles.id, fileId), eq(evaluationFiles.evaluationId, id)));
  if (!file) throw fail.notFound('tệp minh chứng');
  return { fileName: file.fileName, contentType: file.contentType, bytes: Buffer.from(file.content) };
}

/**
 * Recomputes one subject's automatic evidence: for those who act on the file (the subject, its evaluator, the
 * cycle's owner), not for someone who only reads it; audited like any other write.
 */
export async function refreshEvidence(db: Db, ctx: Ctx, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const e = await evaluationForRead(tx, ctx.actor, id, true);
    if (!Object.values(sidesOf(ctx.actor, e)).some(Boolean))
      throw fail.forbidden(
        'Chỉ đơn vị được đánh giá, cấp đánh giá hoặc đơn vị mở đợt mới tính lại minh chứng tự động.',
      );
    await storeEvidence(tx, { id: e.cycle_id, year: e.year, half: e.half, definition: e.definition }, [e.id]);
    await audit(tx, ctx, {
      entity: 'evaluation',
      entityId: e.id,
      action: 'refreshEvidence',
      unitId: e.unit_id,
      unitPath: e.unit_path,
      before: null,
      after: null,
    });
  });
}

/**
 * What the account has to do in open cycles: its own member rating; its units' registrations and
 * self-assessments; the evaluations its units check (submitted, or to evaluate).
 */
export async function myEvaluations(db: DbOrTx, actor: Actor): Promise<MyEvaluationRow[]> {
  const units = actor.grants.filter((g) => g.role === 'cadre' || g.role === 'unit_admin').map((g) => g.unitId);
  const unitList = `{${units.join(',')}}`;
  const found = await rows<EvaluationRowSql & MyCycleSql & { classes: { key: string; label: string }[] }>(
    db,
    sql`select e.id, coalesce(m.full_name, u.name) as subject_name, u.id as unit_id, u.name as unit_name, e.member_id,
        e.step, e.status, e.total, e.class_key, e.self_class, c.deadlines->>e.step as deadline, false as late,
        fu.name as follow_up_name, s.definition->'classes' as classes,
        c.id as cycle_id, c.programme, s.definition->>'title' as programme_title, c.kind, c.year, c.half
      from evaluations e join evaluation_cycles c on c.id = e.cycle_id and c.status = 'open'
      join criteria_sets s on s.id = c.criteria_set_id join units u on u.id = e.unit_id
      left join members m on m.id = e.member_id left join "user" fu on fu.id = e.follow_up_user_id
      where (e.member_id = ${actor.memberId ?? null}::uuid)
        or (e.member_id is null and e.unit_id = any(${unitList}::uuid[]) and e.step in ('registration', 'selfAssessment'))
        or (e.evaluator_unit_id = any(${unitList}::uuid[]) and e.member_id is null
          and (e.status = 'submitted' or e.step = 'evaluation') and e.status <> 'accepted')
      order by c.year desc, u.path, subject_name limit 200`,
  );
  return found.map((r) => ({
    ...toEvaluationRow(r, r.classes),
    cycleId: r.cycle_id,
    programme: r.programme,
    programmeTitle: r.programme_title,
    kind: r.kind,
    year: r.year,
    half: r.kind === 'halfYear' ? r.half : null,
    cycleLabel: cycleLabel(cycleOf(r)),
  }));
}

/** The cycle columns of a "mine" row. */
interface MyCycleSql {
  cycle_id: string;
  programme: string;
  programme_title: string;
  kind: 'halfYear' | 'year';
  year: number;
  half: number;
}
