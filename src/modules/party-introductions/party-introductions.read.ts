import type { z } from 'zod';
import type { Db, DbOrTx } from '../../db/client.js';
import type { Actor } from '../../auth/actor.js';
import { scopeOf } from '../../auth/actor.js';
import type {
  criteriaQuery,
  CriteriaResult,
  PartyIntroductionDto,
  PartyIntroductionList,
  partyIntroductionListQuery,
  PartyStats,
  partyStatsQuery,
} from '../../contracts/party-introductions.js';
import { fail } from '../../domain/errors.js';
import { idOfLabel } from '../../domain/org/unit-path.js';
import { todayInVietnam } from '../../domain/text/dates.js';
import { checkCriteria } from '../../domain/workflows/party-introduction.js';
import { memberInScope, unitsOnPaths } from '../member-exits/member-exits.queries.js';
import { listChildren, unitsAtPaths } from '../org-units/org-units.queries.js';
import { loadForAction } from '../org-units/org-units.service.js';
import { ruleOn } from '../rules/rules.queries.js';
import * as q from './party-introductions.queries.js';
import { toIntroductionDto } from './party-introductions.presenter.js';
import { latestRatingOf } from './party-introductions.ratings.js';

const LIST_LIMIT = 500;

async function present(db: DbOrTx, actor: Actor, list: q.IntroductionListRow[]): Promise<PartyIntroductionDto[]> {
  const paths = await unitsOnPaths(db, [...new Set(list.map((r) => r.unitPath))]);
  const writeScope = scopeOf(actor, 'member.write');
  return list.map((r) => toIntroductionDto(r, paths.get(r.unitPath) ?? [], writeScope));
}

/** Introductions proposed by the branches of a unit's subtree, or of one member, newest first. */
export async function listIntroductions(
  db: Db,
  actor: Actor,
  query: z.output<typeof partyIntroductionListQuery>,
): Promise<PartyIntroductionList> {
  const scope = scopeOf(actor, 'member.read');
  let unitPath: string | undefined;
  if (query.unitId) unitPath = (await loadForAction(db, actor, query.unitId, 'member.read')).path;
  if (query.memberId && !(await memberInScope(db, scope, query.memberId))) throw fail.notFound('đoàn viên');
  const found = await q.introductionsIn(db, scope, { ...query, unitPath }, LIST_LIMIT);
  return { items: await present(db, actor, found.slice(0, LIST_LIMIT)), truncated: found.length > LIST_LIMIT };
}

/** One introduction in the actor's scope. */
export async function getIntroduction(db: DbOrTx, actor: Actor, id: string): Promise<PartyIntroductionDto> {
  const found = await q.introductionInScope(db, scopeOf(actor, 'member.read'), id);
  if (!found) throw fail.notFound('hồ sơ giới thiệu đảng viên');
  return (await present(db, actor, [found]))[0]!;
}

/** The criteria of a member on a resolution date: refusals (hard rules) and warnings. */
export async function checkMemberCriteria(
  db: Db,
  actor: Actor,
  query: z.output<typeof criteriaQuery>,
): Promise<CriteriaResult> {
  const found = await memberInScope(db, scopeOf(actor, 'member.read'), query.memberId);
  if (!found) throw fail.notFound('đoàn viên');
  const resolutionOn = query.resolutionOn ?? todayInVietnam();
  const [rule, latestRating] = await Promise.all([
    ruleOn(db, 'partyIntroduction', resolutionOn),
    latestRatingOf(db, query.memberId),
  ]);
  const result = checkCriteria({
    member: found.member,
    resolutionOn,
    minAge: rule.minAge,
    awarenessCertificateNo: query.awarenessCertificateNo || null,
    latestRating,
  });
  return { minAge: rule.minAge, ...result };
}

/** Members introduced in a year and the share admitted, per direct sub-unit of a unit, with the total. */
export async function introductionStats(
  db: Db,
  actor: Actor,
  query: z.output<typeof partyStatsQuery>,
): Promise<PartyStats> {
  const unit = await loadForAction(db, actor, query.unitId, 'member.read');
  const scope = scopeOf(actor, 'member.read');
  const [counts, children] = await Promise.all([
    q.statsByChild(db, scope, unit.path, query.year),
    listChildren(db, scope, unit.id, false),
  ]);
  const byChild = new Map(counts.map((c) => [c.child, c]));
  const known = new Set(children.map((c) => c.unit.path));
  const extra = counts.map((c) => c.child).filter((p) => !known.has(p));
  const extraUnits = await unitsAtPaths(db, extra);
  const units = [
    ...children.map((c) => ({ id: c.unit.id, name: c.unit.name, path: c.unit.path })),
    ...extra.map((path) => {
      const id = idOfLabel(path.split('.').at(-1)!);
      return { id, name: extraUnits.find((u) => u.id === id)?.name ?? unit.name, path };
    }),
  ];
  const row = (unitId: string | null, unitName: string, c: q.StatsCountRow | undefined) => {
    const introduced = c?.introduced ?? 0;
    const admitted = c?.admitted ?? 0;
    return {
      unitId,
      unitName,
      introduced,
      admitted,
      notAdmitted: c?.not_admitted ?? 0,
      pending: c?.pending ?? 0,
      shareAdmitted: introduced > 0 ? admitted / introduced : null,
    };
  };
  const rows = units.map((u) => row(u.id, u.name, byChild.get(u.path)));
  const sum = (k: keyof q.StatsCountRow) => counts.reduce((s, c) => s + Number(c[k]), 0);
  const total = row(unit.id, unit.name, {
    child: unit.path,
    introduced: sum('introduced'),
    admitted: sum('admitted'),
    not_admitted: sum('not_admitted'),
    pending: sum('pending'),
  });
  return { unit: { id: unit.id, name: unit.name }, year: query.year, rows, total };
}
