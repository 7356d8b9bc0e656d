import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db, DbOrTx } from '../../db/client.js';
import { surveys } from '../../db/schema/index.js';
import { scopeOf, type Actor } from '../../auth/actor.js';
import type { createSurveyBody, patchSurveyBody, SurveyDetail, surveyVersionBody } from '../../contracts/surveys.js';
import { inScope } from '../../domain/auth/permissions.js';
import { normalizeQuestions, surveyDateIssues, type DraftQuestion } from '../../domain/branch-life/survey.js';
import { DomainError, fail } from '../../domain/errors.js';
import { formatDateVi, todayInVietnam } from '../../domain/text/dates.js';
import { audit, type RequestContext } from '../audit/audit.service.js';
import { loadForAction } from '../org-units/org-units.service.js';
import { getSurvey, readableSurvey } from './surveys.read.js';
import type { SurveyRow, SurveyWithUnit } from './surveys.queries.js';

type Ctx = RequestContext & { actor: Actor };
const STALE = 'Khảo sát vừa được người khác thay đổi. Vui lòng tải lại và thực hiện lại.';

/** A survey the actor may change: 404 when hidden, 403 without write on its unit, 409 on a stale version. */
async function writableSurvey(tx: DbOrTx, actor: Actor, surveyId: string, version: number): Promise<SurveyWithUnit> {
  const found = await readableSurvey(tx, actor, surveyId, true);
  if (!inScope(scopeOf(actor, 'member.write'), found.unitPath)) throw fail.forbidden();
  if (found.survey.version !== version) throw fail.conflict(STALE);
  return found;
}

async function save(tx: DbOrTx, before: SurveyRow, changes: Partial<SurveyRow>): Promise<SurveyRow> {
  const [after] = await tx
    .update(surveys)
    .set({ ...changes, version: before.version + 1, updatedAt: new Date() })
    .where(and(eq(surveys.id, before.id), eq(surveys.version, before.version)))
    .returning();
  if (!after) throw fail.conflict(STALE);
  return after;
}

function refuseDates(opensOn: string | null, closesOn: string | null): void {
  const issues = surveyDateIssues(opensOn, closesOn);
  if (issues[0]) throw new DomainError('validation', issues[0].message, issues);
}

/** Creates a draft survey of a unit (member.write on it). */
export async function createSurvey(db: Db, ctx: Ctx, body: z.output<typeof createSurveyBody>): Promise<SurveyDetail> {
  const id = await db.transaction(async (tx) => {
    const unit = await loadForAction(tx, ctx.actor, body.unitId, 'member.write');
    const [row] = await tx
      .insert(surveys)
      .values({
        unitId: unit.id,
        title: body.title,
        description: body.description ?? null,
        anonymous: body.anonymous,
        opensOn: body.opensOn ?? null,
        closesOn: body.closesOn ?? null,
        questions: normalizeQuestions(body.questions as DraftQuestion[]),
        createdBy: ctx.actor.userId,
      })
      .returning();
    if (!row) throw new Error('survey insert returned no row');
    await audit(tx, ctx, {
      entity: 'survey',
      entityId: row.id,
      action: 'create',
      unitId: unit.id,
      unitPath: unit.path,
      after: row,
    });
    return row.id;
  });
  return getSurvey(db, ctx.actor, id);
}

/** Changes a draft survey; an open or closed survey keeps its questions. */
export async function patchSurvey(
  db: Db,
  ctx: Ctx,
  surveyId: string,
  body: z.output<typeof patchSurveyBody>,
): Promise<SurveyDetail> {
  await db.transaction(async (tx) => {
    const { survey: before, unitPath } = await writableSurvey(tx, ctx.actor, surveyId, body.version);
    if (before.status === 'open') throw fail.rule('Khảo sát đã mở: không sửa được câu hỏi.');
    if (before.status === 'closed') throw fail.rule('Khảo sát đã đóng: không sửa được.');
    const changes: Partial<SurveyRow> = {};
    if (body.title !== undefined) changes.title = body.title;
    if (body.description !== undefined) changes.description = body.description;
    if (body.anonymous !== undefined) changes.anonymous = body.anonymous;
    if (body.opensOn !== undefined) changes.opensOn = body.opensOn;
    if (body.closesOn !== undefined) changes.closesOn = body.closesOn;
    if (body.questions !== undefined) changes.questions = normalizeQuestions(body.questions as DraftQuestion[]);
    refuseDates(
      changes.opensOn !== undefined ? changes.opensOn : before.opensOn,
      changes.closesOn !== undefined ? changes.closesOn : before.closesOn,
    );
    const after = await save(tx, before, changes);
    await audit(tx, ctx, {
      entity: 'survey',
      entityId: surveyId,
      action: 'update',
      unitId: before.unitId,
      unitPath,
      before,
      after,
    });
  });
  return getSurvey(db, ctx.actor, surveyId);
}

/** Refuses a status change the survey cannot take (opening a non-draft, a past closing date; closing a non-open one). */
function refuseStep(before: SurveyRow, to: 'open' | 'closed'): void {
  if (to === 'open') {
    if (before.status !== 'draft') throw fail.rule('Khảo sát đã được mở trước đó.');
    if (before.closesOn && before.closesOn < todayInVietnam())
      throw fail.rule(
        `Ngày kết thúc ${formatDateVi(before.closesOn)} đã qua: hãy sửa ngày kết thúc trước khi mở.`,
        'closesOn',
      );
    return;
  }
  if (before.status === 'draft') throw fail.rule('Khảo sát chưa mở nên không cần đóng.');
  if (before.status === 'closed') throw fail.rule('Khảo sát đã đóng trước đó.');
}

async function changeStatus(db: Db, ctx: Ctx, surveyId: string, version: number, to: 'open' | 'closed') {
  await db.transaction(async (tx) => {
    const { survey: before, unitPath } = await writableSurvey(tx, ctx.actor, surveyId, version);
    refuseStep(before, to);
    const after = await save(tx, before, { status: to });
    await audit(tx, ctx, {
      entity: 'survey',
      entityId: surveyId,
      action: to === 'open' ? 'open' : 'close',
      unitId: before.unitId,
      unitPath,
      before: { status: before.status },
      after: { status: after.status },
    });
  });
  return getSurvey(db, ctx.actor, surveyId);
}

/** Opens a draft: the members of the issuing unit's subtree can answer from its opening date. */
export function openSurvey(
  db: Db,
  ctx: Ctx,
  surveyId: string,
  body: z.output<typeof surveyVersionBody>,
): Promise<SurveyDetail> {
  return changeStatus(db, ctx, surveyId, body.version, 'open');
}

/** Closes an open survey: no more answers; results stay. */
export function closeSurvey(
  db: Db,
  ctx: Ctx,
  surveyId: string,
  body: z.output<typeof surveyVersionBody>,
): Promise<SurveyDetail> {
  return changeStatus(db, ctx, surveyId, body.version, 'closed');
}
