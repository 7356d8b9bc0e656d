import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db, DbOrTx } from '../../db/client.js';
import { rows } from '../../db/rows.js';
import type {
  followUpBody,
  reasonBody,
  reopenBody,
  reviewBody,
  saveSelfBody,
  versionBody,
} from '../../contracts/evaluations.js';
import {
  assertLowerDone,
  returnStep,
  submit,
  type LowerUnit,
  type StepStatus,
} from '../../domain/evaluations/cycle-steps.js';
import {
  assertClassAllowed,
  assertOverride,
  classOf,
  totalScore,
  validateScores,
} from '../../domain/evaluations/scoring.js';
import {
  assertReopenTarget,
  LOWER_PROGRAMME,
  nextAfter,
  previousOf,
  reopenerOf,
  type Side,
} from '../../domain/evaluations/step-flow.js';
import { fail } from '../../domain/errors.js';
import { todayInVietnam } from '../../domain/text/dates.js';
import {
  actionsFor,
  deadlineOf,
  evaluationForChange,
  sidesOf,
  stepsFor,
  type LoadedEvaluation,
} from './evaluation.load.js';
import { moveTo, persistChange, type Ctx } from './evaluation.persist.js';
import { candidatesOf } from './follow-up.js';

const NOT_ALLOWED = 'Bạn không có quyền thực hiện thao tác này ở bước hiện tại của hồ sơ đánh giá.';

/** Refuses unless the actor acts as the side, and the action is open at the current step. */
function require(ok: boolean, message = NOT_ALLOWED): void {
  if (!ok) throw fail.forbidden(message);
}

function requireSide(ctx: Ctx, e: LoadedEvaluation, side: Side): void {
  require(sidesOf(ctx.actor, e)[side]);
}

/** Runs a change in one transaction on the locked evaluation at the version read. */
async function change(
  db: Db,
  ctx: Ctx,
  id: string,
  version: number,
  fn: (tx: DbOrTx, e: LoadedEvaluation) => Promise<void>,
): Promise<void> {
  await db.transaction(async (tx) => {
    const e = await evaluationForChange(tx, ctx.actor, id, version);
    await fn(tx, e);
  });
}

const lockedMessage =
  'Kết quả tự đánh giá đã được cấp trên duyệt và khóa. Hãy đề nghị cấp trên mở lại (kèm lý do) nếu cần sửa.';

/**
 * Saves the subject's draft (registration plan or self-assessment): scores within their maximum, the proposed class
 * allowed by the mandatory items, evidence. Refused once submitted or locked.
 */
export async function saveSelf(db: Db, ctx: Ctx, id: string, body: z.output<typeof saveSelfBody>): Promise<void> {
  await change(db, ctx, id, body.version, async (tx, e) => {
    requireSide(ctx, e, 'subject');
    if (e.step !== 'registration' && e.step !== 'selfAssessment') throw lockedError();
    if (e.status === 'submitted')
      throw fail.conflict('Hồ sơ đã nộp và đang chờ cấp trên duyệt: chỉ sửa được khi cấp trên trả lại.');
    validateScores(e.definition, body.scores);
    const classKey = body.classKey ?? null;
    if (classKey) assertClassAllowed(e.definition, body.scores, classKey);
    const total = totalScore(e.definition, body.scores);
    const after = {
      selfScores: body.scores,
      selfClass: classKey,
      selfTotal: total,
      scores: body.scores,
      classKey,
      total,
      evidenceNote: body.evidenceNote === undefined ? e.evidence_note : body.evidenceNote,
      evidenceLinks: body.evidenceLinks ?? e.evidence_links,
    };
    await persistChange(tx, ctx, e, after, {
      action: 'saveSelf',
      before: { selfScores: e.self_scores, selfClass: e.self_class, evidenceNote: e.evidence_note },
      after: { selfScores: after.selfScores, selfClass: after.selfClass, evidenceNote: after.evidenceNote },
    });
  });
}

function lockedError() {
  return fail.rule(lockedMessage);
}

async function fileCount(tx: DbOrTx, e: LoadedEvaluation): Promise<number> {
  const [row] = await rows<{ n: number }>(
    tx,
    sql`select count(*)::int as n from evaluation_files where evaluation_id = ${e.id}::uuid and step = ${e.step}`,
  );
  return row?.n ?? 0;
}

/**
 * Submits the subject's step before its deadline (or the reopen's new date): a registration needs its plan file, a
 * self-assessment every item scored and a class the scores allow (the computed class when none is proposed).
 */
export async function submitStep(db: Db, ctx: Ctx, id: string, body: z.output<typeof versionBody>): Promise<void> {
  await change(db, ctx, id, body.version, async (tx, e) => {
    requireSide(ctx, e, 'subject');
    if (e.step !== 'registration' && e.step !== 'selfAssessment') throw lockedError();
    const state = submit(
      { status: e.status, deadline: deadlineOf(e), returnReason: e.return_reason, reopened: e.reopened },
      { today: todayInVietnam() },
    );
    const changes: Record<string, unknown> = { status: state.status };
    if (e.step === 'registration' && (await fileCount(tx, e)) === 0)
      throw fail.rule('Hãy tải lên kế hoạch (tệp) của đơn vị trước khi đăng ký.', 'file');
    if (e.step === 'selfAssessment') {
      validateScores(e.definition, e.self_scores, { complete: true });
      const classKey = e.self_class ?? classOf(e.definition, e.self_scores).key;
      assertClassAllowed(e.definition, e.self_scores, classKey);
      Object.assign(changes, { selfClass: classKey, classKey, scores: e.self_scores });
    }
    await persistChange(tx, ctx, e, changes, { action: 'submit' });
  });
}

/**
 * The level above scores at its step (evaluation by the evaluator, re-inspection by the cycle's owner): every item,
 * a class the mandatory items allow (the computed one when none is given), and a reason for any change.
 */
export async function review(db: Db, ctx: Ctx, id: string, body: z.output<typeof reviewBody>): Promise<void> {
  await change(db, ctx, id, body.version, async (tx, e) => {
    require(actionsFor(ctx.actor, e).review);
    validateScores(e.definition, body.scores, { complete: true });
    const classKey = body.classKey ?? classOf(e.definition, body.scores).key;
    const before = { scores: e.scores, classKey: e.class_key ?? classOf(e.definition, e.scores).key };
    const after = { scores: body.scores, classKey };
    const changed = assertOverride(e.definition, { before, after, reason: body.reason });
    const reason = changed.items.length > 0 || changed.classChanged ? body.reason : null;
    await persistChange(
      tx,
      ctx,
      e,
      {
        scores: body.scores,
        classKey,
        total: totalScore(e.definition, body.scores),
        overrideReason: reason ?? e.override_reason,
      },
      { action: 'review', reason, before, after: { ...after, changedItems: changed.items } },
    );
  });
}

/** The lower-level results this subject's evaluation waits for (see LOWER_PROGRAMME). */
async function lowerUnits(tx: DbOrTx, e: LoadedEvaluation): Promise<LowerUnit[]> {
  const lower = LOWER_PROGRAMME[e.programme];
  if (!lower) return [];
  const found = await rows<{ name: string; step: string; status: StepStatus }>(
    tx,
    sql`select coalesce(m.full_name, u.name) as name, x.step, x.status
      from evaluation_cycles c
      join evaluations x on x.cycle_id = c.id
      join units u on u.id = x.unit_id
      left join members m on m.id = x.member_id
      where c.programme = ${lower} and c.year = ${e.year} and c.half = ${e.half} and c.kind = ${e.kind}
        and u.path <@ ${e.unit_path}::ltree and x.id <> ${e.id}::uuid and x.step <> 'decision'
      order by u.path, name limit 6`,
  );
  return found.map((f) => ({ name: f.name, status: f.status }));
}

/**
 * Approves the current step: the evaluator approves a submitted registration or self-assessment, and its own
 * evaluation once the lower levels are done; the owner approves the re-inspection. The subject moves to its next
 * step; what was approved is locked.
 */
export async function approveStep(db: Db, ctx: Ctx, id: string, body: z.output<typeof versionBody>): Promise<void> {
  await change(db, ctx, id, body.version, async (tx, e) => {
    require(actionsFor(ctx.actor, e).approve);
    const changes: Record<string, unknown> = {};
    if (e.step === 'evaluation' || e.step === 'reinspection') {
      validateScores(e.definition, e.scores, { complete: true });
      const classKey = e.class_key ?? classOf(e.definition, e.scores).key;
      assertClassAllowed(e.definition, e.scores, classKey, { override: true });
      Object.assign(changes, { classKey, total: totalScore(e.definition, e.scores) });
      if (e.step === 'evaluation') assertLowerDone(await lowerUnits(tx, e));
    }
    const next = nextAfter(stepsFor(e), e.step);
    await persistChange(tx, ctx, e, { ...changes, ...moveTo(next.step, next.status) }, { action: 'approve' });
  });
}

/**
 * Returns the step with a reason: a submitted registration or self-assessment goes back to the subject; an
 * evaluation sends the self-assessment back; a re-inspection sends the evaluation back.
 */
export async function returnEvaluation(db: Db, ctx: Ctx, id: string, body: z.output<typeof reasonBody>): Promise<void> {
  await change(db, ctx, id, body.version, async (tx, e) => {
    require(actionsFor(ctx.actor, e).return);
    if (e.step === 'registration' || e.step === 'selfAssessment') {
      const state = returnStep(
        { status: e.status, deadline: null, returnReason: e.return_reason, reopened: e.reopened },
        { reason: body.reason },
      );
      await persistChange(
        tx,
        ctx,
        e,
        { status: state.status, returnReason: state.returnReason },
        {
          action: 'return',
          reason: state.returnReason,
        },
      );
      return;
    }
    const back = previousOf(stepsFor(e), e.step);
    if (!back) throw fail.rule('Không có bước trước để trả lại.');
    await persistChange(
      tx,
      ctx,
      e,
      { step: back, status: 'returned', returnReason: body.reason },
      {
        action: 'return',
        reason: body.reason,
      },
    );
  });
}

/**
 * Reopens a step the subject has passed (the level holding it now; the owner once it waits for or has its
 * decision), with a reason and optionally a new last day to submit. An accepted result loses its decision date;
 * its history stays in the events.
 */
export async function reopenEvaluation(db: Db, ctx: Ctx, id: string, body: z.output<typeof reopenBody>): Promise<void> {
  await change(db, ctx, id, body.version, async (tx, e) => {
    const side = reopenerOf(e.step);
    require(sidesOf(ctx.actor, e)[
      side
    ], `Chỉ ${side === 'owner' ? 'đơn vị mở đợt đánh giá' : 'cấp trên trực tiếp'} mới được mở lại hồ sơ ở bước này.`);
    assertReopenTarget(stepsFor(e), e.step, body.step);
    const today = todayInVietnam();
    const until = body.until ?? null;
    if (until !== null && until < today) throw fail.invalid('until', 'Hạn nộp lại không được trước ngày hôm nay.');
    await persistChange(
      tx,
      ctx,
      e,
      {
        step: body.step,
        status: 'ready',
        returnReason: null,
        reopened: { reason: body.reason, until },
        decidedOn: null,
      },
      { action: 'reopen', reason: body.reason, after: { step: body.step, until } },
    );
  });
}

/**
 * The evaluator assigns (or clears) the cadre who follows and guides the unit: an active cadre of the evaluator or a
 * unit above it, inside the cycle owner's subtree and the actor's scope (see `candidatesOf`).
 */
export async function assignFollowUp(db: Db, ctx: Ctx, id: string, body: z.output<typeof followUpBody>): Promise<void> {
  await change(db, ctx, id, body.version, async (tx, e) => {
    require(actionsFor(ctx.actor, e).assignFollowUp);
    if (body.userId) {
      const [cadre] = await candidatesOf(tx, ctx.actor, e, body.userId);
      if (!cadre)
        throw fail.rule(
          `Người được phân công phải là cán bộ (tài khoản đang hoạt động) của ${e.evaluator_name} hoặc cấp trên, trong ${e.owner_name}: hãy chọn trong danh sách cán bộ theo dõi.`,
          'userId',
        );
    }
    await persistChange(
      tx,
      ctx,
      e,
      { followUpUserId: body.userId },
      {
        action: 'followUp',
        before: { followUpUserId: e.follow_up_user_id },
        after: { followUpUserId: body.userId },
      },
    );
  });
}
