import type { Db, DbOrTx } from '../../db/client.js';
import { surveyParticipations, surveyResponses } from '../../db/schema/index.js';
import type { Actor } from '../../auth/actor.js';
import type { AnswerSurveyBody, MySurveyDetail, MySurveyList } from '../../contracts/surveys.js';
import { answerWindow, checkAnswers } from '../../domain/branch-life/survey.js';
import { DomainError, fail } from '../../domain/errors.js';
import { ACTIVE_STATUSES, type MemberStatus } from '../../domain/members/reference-lists.js';
import { formatDateVi, todayInVietnam } from '../../domain/text/dates.js';
import { audit, type RequestContext } from '../audit/audit.service.js';
import { ownMemberId } from '../self-service/self-service.policy.js';
import { questionDtos, questionsOf, toMySurvey } from './surveys.presenter.js';
import * as q from './surveys.queries.js';

type Ctx = RequestContext & { actor: Actor };

async function ownBranches(db: DbOrTx, actor: Actor) {
  const memberId = ownMemberId(actor);
  const found = await q.memberBranches(db, memberId);
  if (!found) throw fail.notFound('hồ sơ đoàn viên');
  return { memberId, ...found };
}

const under = (branchPath: string, surveyPath: string) =>
  branchPath === surveyPath || branchPath.startsWith(`${surveyPath}.`);

/** A survey sent to one of the member's branches (not a draft); 404 otherwise. */
async function surveyForMember(db: DbOrTx, branches: { path: string }[], surveyId: string, lock = false) {
  const found = await q.findSurvey(db, surveyId, null, lock);
  if (!found || found.survey.status === 'draft' || !branches.some((b) => under(b.path, found.unitPath)))
    throw fail.notFound('khảo sát');
  return found;
}

/** Open surveys sent to the member's branch (and the host branch of a temporary stay) from any level above. */
export async function mySurveys(db: DbOrTx, actor: Actor): Promise<MySurveyList> {
  const { memberId, branches } = await ownBranches(db, actor);
  const found = (
    await q.surveysForBranches(
      db,
      branches.map((b) => b.path),
    )
  ).filter((r) => r.survey.status === 'open');
  const answered = await q.participationsOf(
    db,
    memberId,
    found.map((r) => r.survey.id),
  );
  const today = todayInVietnam();
  return { items: found.map((r) => toMySurvey(r.survey, r.unitName, today, answered.get(r.survey.id) ?? null)) };
}

/** One survey sent to the member, with its questions. */
export async function mySurvey(db: DbOrTx, actor: Actor, surveyId: string): Promise<MySurveyDetail> {
  const { memberId, branches } = await ownBranches(db, actor);
  const { survey, unitName } = await surveyForMember(db, branches, surveyId);
  const answered = await q.participationsOf(db, memberId, [survey.id]);
  return {
    ...toMySurvey(survey, unitName, todayInVietnam(), answered.get(survey.id) ?? null),
    questions: questionDtos(survey),
  };
}

/** Midnight (Vietnam time) of a day: responses carry only the day, so they cannot be matched to who answered. */
const dayOnly = (today: string) => new Date(`${today}T00:00:00+07:00`);

/**
 * Records a member's answers once, while the survey is open and within its dates. Who answered and the answers
 * are written apart in one transaction; for an anonymous survey the answers carry no member id.
 */
export async function answerSurvey(
  db: Db,
  ctx: Ctx,
  surveyId: string,
  body: AnswerSurveyBody,
): Promise<MySurveyDetail> {
  const today = todayInVietnam();
  await db.transaction(async (tx) => {
    const { memberId, status, branches } = await ownBranches(tx, ctx.actor);
    const { survey, unitPath } = await surveyForMember(tx, branches, surveyId);
    if (!ACTIVE_STATUSES.includes(status as MemberStatus))
      throw fail.rule('Hồ sơ của bạn không còn ở trạng thái đang sinh hoạt Đoàn nên không trả lời khảo sát được.');
    const window = answerWindow(survey, today);
    if (window === 'closed') throw fail.rule('Khảo sát đã đóng.');
    if (window === 'not_yet_open')
      throw fail.rule(`Khảo sát chưa mở: bắt đầu nhận trả lời từ ngày ${formatDateVi(survey.opensOn ?? today)}.`);
    const checked = checkAnswers(questionsOf(survey), body.answers);
    if (checked.issues[0]) throw new DomainError('validation', checked.issues[0].message, checked.issues);
    const branch = branches.find((b) => under(b.path, unitPath))!;
    const [joined] = await tx
      .insert(surveyParticipations)
      .values({ surveyId, memberId })
      .onConflictDoNothing()
      .returning({ surveyId: surveyParticipations.surveyId });
    if (!joined) throw fail.conflict('Bạn đã trả lời khảo sát này.');
    await tx.insert(surveyResponses).values({
      surveyId,
      unitId: branch.id,
      memberId: survey.anonymous ? null : memberId,
      answers: checked.answers,
      createdAt: dayOnly(today),
    });
    await audit(tx, ctx, {
      entity: 'survey',
      entityId: surveyId,
      action: 'answer',
      unitId: branch.id,
      unitPath: branch.path,
      after: { surveyId, anonymous: survey.anonymous },
    });
  });
  return mySurvey(db, ctx.actor, surveyId);
}
