import type { DbOrTx } from '../../db/client.js';
import { scopeOf, type Actor } from '../../auth/actor.js';
import type { SurveyDetail, SurveyList } from '../../contracts/surveys.js';
import { inScope } from '../../domain/auth/permissions.js';
import { surveyActions, type SurveyStatus } from '../../domain/branch-life/survey.js';
import { fail } from '../../domain/errors.js';
import { todayInVietnam } from '../../domain/text/dates.js';
import { loadForAction } from '../org-units/org-units.service.js';
import { questionDtos, toSummary } from './surveys.presenter.js';
import * as q from './surveys.queries.js';

/** The paths a reader counts a survey over: the issuing unit when it is in the reader's scope, else their units below it. */
export function readerRoots(scope: readonly string[], surveyPath: string): string[] {
  if (inScope(scope, surveyPath)) return [surveyPath];
  return scope.filter((p) => p.startsWith(`${surveyPath}.`));
}

/** A survey the actor may read (issued in their scope or sent to it from above); 404 otherwise. */
export async function readableSurvey(db: DbOrTx, actor: Actor, surveyId: string, lock = false) {
  const found = await q.findSurvey(db, surveyId, scopeOf(actor, 'member.read'), lock);
  if (!found) throw fail.notFound('khảo sát');
  return found;
}

/** Surveys issued in the unit's subtree and those its ancestors sent, with the responses from inside the unit. */
export async function listSurveys(
  db: DbOrTx,
  actor: Actor,
  query: { unitId?: string | undefined; year?: number | undefined },
): Promise<SurveyList> {
  const scope = scopeOf(actor, 'member.read');
  const rootId = query.unitId ?? actor.grants.find((g) => scope.includes(g.unitPath))?.unitId;
  if (!rootId) throw fail.forbidden();
  const unit = await loadForAction(db, actor, rootId, 'member.read');
  const today = todayInVietnam();
  const found = await q.listSurveys(db, unit.path, query.year ?? null);
  return {
    items: found.map((r) =>
      toSummary(r.survey, r.unitName, today, {
        responses: Number(r.responses),
        received: r.unitPath !== unit.path && !r.unitPath.startsWith(`${unit.path}.`),
      }),
    ),
  };
}

/** One survey with its questions, the responses from the reader's part and the actions the reader may take. */
export async function getSurvey(db: DbOrTx, actor: Actor, surveyId: string): Promise<SurveyDetail> {
  const { survey, unitName, unitPath } = await readableSurvey(db, actor, surveyId);
  const scope = scopeOf(actor, 'member.read');
  const counts = await Promise.all(readerRoots(scope, unitPath).map((p) => q.countResponses(db, survey.id, p)));
  const writable = inScope(scopeOf(actor, 'member.write'), unitPath);
  return {
    ...toSummary(survey, unitName, todayInVietnam(), {
      responses: counts.reduce((a, b) => a + b, 0),
      received: !inScope(scope, unitPath),
    }),
    description: survey.description,
    questions: questionDtos(survey),
    version: survey.version,
    actions: surveyActions(survey.status as SurveyStatus, writable),
  };
}
