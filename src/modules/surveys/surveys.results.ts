import type { DbOrTx } from '../../db/client.js';
import { scopeOf, type Actor } from '../../auth/actor.js';
import type { Participation, QuestionResult, SurveyResults } from '../../contracts/surveys.js';
import { inScope } from '../../domain/auth/permissions.js';
import type { Answers } from '../../domain/branch-life/survey.js';
import { answerShare, tallySurvey } from '../../domain/branch-life/survey-tally.js';
import { fail } from '../../domain/errors.js';
import { todayInVietnam } from '../../domain/text/dates.js';
import { questionsOf, toSummary } from './surveys.presenter.js';
import { readableSurvey, readerRoots } from './surveys.read.js';
import * as q from './surveys.queries.js';

/**
 * The unit whose part of the tree is counted: the one asked for (inside the reader's scope and the survey's
 * subtree), else the issuing unit when the reader sees it, else the reader's first unit below it.
 */
async function countedUnit(db: DbOrTx, actor: Actor, surveyPath: string, surveyUnitId: string, unitId?: string) {
  const scope = scopeOf(actor, 'member.read');
  const wanted =
    unitId ?? (inScope(scope, surveyPath) ? surveyUnitId : undefined) ?? (await firstRootId(db, actor, surveyPath));
  if (!wanted) throw fail.notFound('đơn vị');
  const unit = await q.unitInScope(db, wanted, scope);
  if (!unit || !(unit.path === surveyPath || unit.path.startsWith(`${surveyPath}.`))) throw fail.notFound('đơn vị');
  return unit;
}

async function firstRootId(db: DbOrTx, actor: Actor, surveyPath: string): Promise<string | undefined> {
  const [root] = readerRoots(scopeOf(actor, 'member.read'), surveyPath);
  return actor.grants.find((g) => g.unitPath === root)?.unitId;
}

function participationOf(
  unit: { id: string; name: string; hasChildren: boolean },
  members: number,
  answered: number,
): Participation {
  return {
    unitId: unit.id,
    unitName: unit.name,
    members,
    answered,
    share: answerShare(answered, members),
    hasChildren: unit.hasChildren,
  };
}

const sum = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);

/**
 * Results of a survey over a part of the tree the reader sees: participation overall and per child unit
 * (per branch below a đoàn cơ sở), per-question counts and averages, text answers (named only when not anonymous).
 */
export async function surveyResults(
  db: DbOrTx,
  actor: Actor,
  surveyId: string,
  unitId?: string,
): Promise<SurveyResults> {
  const { survey, unitName, unitPath } = await readableSurvey(db, actor, surveyId);
  const unit = await countedUnit(db, actor, unitPath, survey.unitId, unitId);
  const [children, counts, responses, trail] = await Promise.all([
    q.childUnits(db, unit.id),
    q.participationByChild(db, survey.id, unit.path),
    q.responsesWithin(db, survey.id, unit.path),
    q.unitsBetween(db, unitPath, unit.path),
  ]);
  const groups = children.map((c) =>
    participationOf(c, counts.members.get(c.path) ?? 0, counts.answered.get(c.path) ?? 0),
  );
  const overall = participationOf(
    { id: unit.id, name: unit.name, hasChildren: children.length > 0 },
    sum(counts.members),
    sum(counts.answered),
  );
  const questions = questionsOf(survey);
  const tallies = tallySurvey(
    questions,
    responses.map((r) => ({ answers: (r.answers ?? {}) as Answers })),
  );
  const results: QuestionResult[] = questions.map((question, i) => {
    const tally = tallies[i]!;
    return {
      ...question,
      answered: tally.answered,
      counts: tally.counts,
      average: tally.average,
      texts: tally.textIndexes.map((idx) => {
        const r = responses[idx]!;
        return {
          text: String((r.answers as Answers)[question.key] ?? ''),
          unitName: r.unitName,
          memberName: survey.anonymous ? null : (r.memberName ?? null),
        };
      }),
    };
  });
  const scope = scopeOf(actor, 'member.read');
  return {
    survey: toSummary(survey, unitName, todayInVietnam(), {
      responses: overall.answered,
      received: !inScope(scope, unitPath),
    }),
    unit: { id: unit.id, name: unit.name },
    trail: trail.filter((t) => inScope(scope, t.path)).map((t) => ({ id: t.id, name: t.name })),
    overall,
    groups,
    questions: results,
  };
}
