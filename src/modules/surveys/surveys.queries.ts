import { and, asc, desc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { rows } from '../../db/rows.js';
import { members, surveyParticipations, surveyResponses, surveys, units } from '../../db/schema/index.js';
import { withinScope } from '../../db/scope.js';
import { ACTIVE_STATUSES } from '../../domain/members/reference-lists.js';

export type SurveyRow = typeof surveys.$inferSelect;
/** A survey with its issuing unit. */
export interface SurveyWithUnit {
  survey: SurveyRow;
  unitName: string;
  unitPath: string;
}

/** `path` is an ancestor of (or equal to) one of the scope paths: surveys received from above. */
export function aboveScope(path: SQL | typeof units.path, scope: readonly string[]): SQL {
  if (scope.length === 0) return sql`false`;
  return sql`(${sql.join(
    scope.map((p) => sql`${path} @> ${p}::ltree`),
    sql` or `,
  )})`;
}

/** Surveys a reader of `scope` may see: issued inside the scope, or sent (not draft) from above it. */
export function visibleTo(scope: readonly string[]): SQL {
  return sql`(${withinScope(units.path, scope)} or (${surveys.status} <> 'draft' and ${aboveScope(units.path, scope)}))`;
}

/** A survey by id with its unit, filtered by what `scope` may see (null when hidden); optionally locked. */
export async function findSurvey(
  db: DbOrTx,
  surveyId: string,
  scope: readonly string[] | null,
  lock = false,
): Promise<SurveyWithUnit | null> {
  const query = db
    .select({ survey: surveys, unitName: units.name, unitPath: units.path })
    .from(surveys)
    .innerJoin(units, eq(units.id, surveys.unitId))
    .where(scope ? and(eq(surveys.id, surveyId), visibleTo(scope)) : eq(surveys.id, surveyId));
  const [row] = lock ? await query.for('update', { of: surveys }) : await query;
  return row ?? null;
}

/** Surveys issued in the subtree of `unitPath` or sent (not draft) by its ancestors, newest first. */
export async function listSurveys(db: DbOrTx, unitPath: string, year: number | null) {
  const inYear = year
    ? sql`extract(year from coalesce(${surveys.opensOn}, ${surveys.createdAt}::date)) = ${year}`
    : sql`true`;
  return db
    .select({
      survey: surveys,
      unitName: units.name,
      unitPath: units.path,
      responses: sql<number>`(select count(*)::int from ${surveyResponses} r join ${units} ru on ru.id = r.unit_id
        where r.survey_id = ${surveys.id} and ru.path <@ ${unitPath}::ltree)`,
    })
    .from(surveys)
    .innerJoin(units, eq(units.id, surveys.unitId))
    .where(
      and(
        sql`(${units.path} <@ ${unitPath}::ltree or (${surveys.status} <> 'draft' and ${units.path} @> ${unitPath}::ltree and ${units.path} <> ${unitPath}::ltree))`,
        inYear,
      ),
    )
    .orderBy(desc(surveys.createdAt), asc(surveys.id));
}

/** Responses to a survey from inside `unitPath`. */
export async function countResponses(db: DbOrTx, surveyId: string, unitPath: string): Promise<number> {
  const [row] = await rows<{ n: number }>(
    db,
    sql`select count(*)::int as n from ${surveyResponses} r join ${units} u on u.id = r.unit_id
        where r.survey_id = ${surveyId} and u.path <@ ${unitPath}::ltree`,
  );
  return row?.n ?? 0;
}

/** A unit by id inside `scope` (null otherwise). */
export async function unitInScope(db: DbOrTx, unitId: string, scope: readonly string[]) {
  const [row] = await db
    .select({ id: units.id, name: units.name, path: units.path, kind: units.kind })
    .from(units)
    .where(and(eq(units.id, unitId), withinScope(units.path, scope)));
  return row ?? null;
}

/** Units on the way from `fromPath` (inclusive) down to `toPath` (inclusive), top first. */
export async function unitsBetween(db: DbOrTx, fromPath: string, toPath: string) {
  return db
    .select({ id: units.id, name: units.name, path: units.path })
    .from(units)
    .where(sql`${units.path} @> ${toPath}::ltree and ${units.path} <@ ${fromPath}::ltree`)
    .orderBy(sql`nlevel(${units.path})`);
}

/** The open child units of a unit, with whether they have open children themselves. */
export async function childUnits(db: DbOrTx, unitId: string) {
  return db
    .select({
      id: units.id,
      name: units.name,
      path: units.path,
      hasChildren: sql<boolean>`exists (select 1 from ${units} c where c.parent_id = ${units.id} and c.closed_on is null)`,
    })
    .from(units)
    .where(and(eq(units.parentId, unitId), isNull(units.closedOn)))
    .orderBy(units.code, units.name);
}

const ACTIVE = sql.join(
  ACTIVE_STATUSES.map((s) => sql`${s}`),
  sql`, `,
);

/**
 * The branch path where each member in the union takes part: the host branch for a member under temporary
 * participation, else their own unit. Only members whose branch lies in the subtree of `unitPath`.
 */
function participatingPaths(unitPath: string): SQL {
  return sql`select coalesce(h.path, u.path) as bpath
    from ${members} m
    join ${units} u on u.id = m.unit_id
    left join lateral (
      select hu.path from transfers tr join ${units} hu on hu.id = tr.to_unit_id
      where m.status = 'temporary_elsewhere' and tr.member_id = m.id and tr.kind = 'temporary' and tr.status = 'accepted'
      order by tr.starts_on desc nulls last limit 1
    ) h on true
    where m.status in (${ACTIVE})
      and (u.path <@ ${unitPath}::ltree or (m.status = 'temporary_elsewhere' and h.path <@ ${unitPath}::ltree))
      and coalesce(h.path, u.path) <@ ${unitPath}::ltree`;
}

/** The child path (one level below `unitPath`) a path falls under, or the path itself at that level. */
const childOf = (column: SQL, unitPath: string) =>
  sql`case when nlevel(${column}) > nlevel(${unitPath}::ltree) then subpath(${column}, 0, nlevel(${unitPath}::ltree) + 1) else ${column} end`;

/** Members in the union and responses per child path of `unitPath` (and the unit itself, at its own path). */
export async function participationByChild(db: DbOrTx, surveyId: string, unitPath: string) {
  const memberRows = await rows<{ path: string; n: number }>(
    db,
    sql`select ${childOf(sql`p.bpath`, unitPath)}::text as path, count(*)::int as n
        from (${participatingPaths(unitPath)}) p group by 1`,
  );
  const answerRows = await rows<{ path: string; n: number }>(
    db,
    sql`select ${childOf(sql`u.path`, unitPath)}::text as path, count(*)::int as n
        from ${surveyResponses} r join ${units} u on u.id = r.unit_id
        where r.survey_id = ${surveyId} and u.path <@ ${unitPath}::ltree group by 1`,
  );
  const toMap = (list: { path: string; n: number }[]) => new Map(list.map((r) => [r.path, Number(r.n)]));
  return { members: toMap(memberRows), answered: toMap(answerRows) };
}

/** The responses to a survey from inside `unitPath`, with the branch name and (when stored) the member's name. */
export async function responsesWithin(db: DbOrTx, surveyId: string, unitPath: string) {
  return db
    .select({ answers: surveyResponses.answers, unitName: units.name, memberName: members.fullName })
    .from(surveyResponses)
    .innerJoin(units, eq(units.id, surveyResponses.unitId))
    .leftJoin(members, eq(members.id, surveyResponses.memberId))
    .where(and(eq(surveyResponses.surveyId, surveyId), sql`${units.path} <@ ${unitPath}::ltree`))
    .orderBy(units.path, surveyResponses.id);
}

/** Whether (and when) members answered the given surveys. */
export async function participationsOf(db: DbOrTx, memberId: string, surveyIds: readonly string[]) {
  if (!surveyIds.length) return new Map<string, Date>();
  const found = await db
    .select({ surveyId: surveyParticipations.surveyId, answeredAt: surveyParticipations.answeredAt })
    .from(surveyParticipations)
    .where(and(eq(surveyParticipations.memberId, memberId), inArray(surveyParticipations.surveyId, [...surveyIds])));
  return new Map(found.map((r) => [r.surveyId, r.answeredAt]));
}

/** Surveys sent (not draft) by the member's branches or their ancestors, newest first. */
export async function surveysForBranches(db: DbOrTx, branchPaths: readonly string[]) {
  return db
    .select({ survey: surveys, unitName: units.name, unitPath: units.path })
    .from(surveys)
    .innerJoin(units, eq(units.id, surveys.unitId))
    .where(and(sql`${surveys.status} <> 'draft'`, aboveScope(units.path, branchPaths)))
    .orderBy(desc(surveys.createdAt), asc(surveys.id));
}

/** A member's status and the branches where they take part: their own, and the host branch of a temporary stay. */
export async function memberBranches(db: DbOrTx, memberId: string) {
  const found = await rows<{
    status: string;
    unit_id: string;
    path: string;
    host_id: string | null;
    host_path: string | null;
  }>(
    db,
    sql`select m.status, u.id as unit_id, u.path::text as path, h.id as host_id, h.path::text as host_path
        from ${members} m join ${units} u on u.id = m.unit_id
        left join lateral (
          select hu.id, hu.path from transfers tr join ${units} hu on hu.id = tr.to_unit_id
          where m.status = 'temporary_elsewhere' and tr.member_id = m.id and tr.kind = 'temporary' and tr.status = 'accepted'
          order by tr.starts_on desc nulls last limit 1
        ) h on true
        where m.id = ${memberId}`,
  );
  const row = found[0];
  if (!row) return null;
  const branches = [{ id: row.unit_id, path: row.path }];
  if (row.host_id && row.host_path) branches.unshift({ id: row.host_id, path: row.host_path });
  return { status: row.status, branches };
}
