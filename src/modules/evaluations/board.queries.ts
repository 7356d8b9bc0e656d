import { sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { DbOrTx } from '../../db/client.js';
import { rows } from '../../db/rows.js';
import { decodePairCursor, encodeCursor } from '../../db/cursor.js';
import { containsPattern } from '../../db/like.js';
import { withinScope } from '../../db/scope.js';
import { scopeOf, type Actor } from '../../auth/actor.js';
import type { BoardRow, EvaluationRow, evaluationsQuery, ProgressBoard } from '../../contracts/evaluations.js';
import { inScope } from '../../domain/auth/permissions.js';
import { type StepKey, type StepStatus } from '../../domain/evaluations/cycle-steps.js';
import { stepsOf } from '../../domain/evaluations/cycle-steps.js';
import { fail } from '../../domain/errors.js';
import { isWithin } from '../../domain/org/unit-path.js';
import { todayInVietnam } from '../../domain/text/dates.js';
import { loadCycle } from './cycles.service.js';
import { toEvaluationRow, type EvaluationRowSql } from './evaluation-row.js';
import { topClassCheck } from './top-class.queries.js';

/** True when a subject is late at its step: still to be done after its last day (a reopen's new date first). */
const lateSql = (today: string) => sql`(e.status in ('ready', 'returned') and (case when e.reopened is not null
    then (e.reopened->>'until')::date else (c.deadlines->>e.step)::date end) < ${today}::date)`;

const deadlineSql = sql`(case when e.reopened is not null then e.reopened->>'until' else c.deadlines->>e.step end)`;

/**
 * The unit a board or list looks at: the one asked for (inside the cycle's owner and the actor's read scope), else
 * the owner when the actor reads it, else the actor's highest unit inside the owner.
 */
export async function viewedUnit(db: DbOrTx, actor: Actor, ownerPath: string, unitId: string | undefined) {
  const scope = scopeOf(actor, 'unit.read');
  if (unitId) {
    const [unit] = await rows<{ id: string; name: string; path: string }>(
      db,
      sql`select id, name, path::text as path from units where id = ${unitId}::uuid`,
    );
    if (!unit || !inScope(scope, unit.path) || !isWithin(unit.path, ownerPath)) throw fail.notFound('đơn vị');
    return unit;
  }
  const own = inScope(scope, ownerPath) ? ownerPath : scope.find((p) => isWithin(p, ownerPath));
  if (!own) throw fail.notFound('đợt đánh giá');
  const [unit] = await rows<{ id: string; name: string; path: string }>(
    db,
    sql`select id, name, path::text as path from units where path = ${own}::ltree`,
  );
  return unit!;
}

async function trailOf(db: DbOrTx, ownerPath: string, path: string) {
  return rows<{ id: string; name: string }>(
    db,
    sql`select id, name from units where path @> ${path}::ltree and path <@ ${ownerPath}::ltree order by nlevel(path)`,
  );
}

interface CountRow {
  child_path: string;
  step: StepKey;
  status: StepStatus;
  n: number;
  late: number;
  deeper: boolean;
}

function emptyRow(unitId: string | null, unitName: string, hasChildren: boolean): BoardRow {
  return { unitId, unitName, hasChildren, total: 0, counts: {}, late: 0, accepted: 0 };
}

function addTo(row: BoardRow, c: CountRow): void {
  const key = `${c.step}.${c.status}`;
  row.total += c.n;
  row.counts[key] = (row.counts[key] ?? 0) + c.n;
  row.late += c.late;
  if (c.status === 'accepted') row.accepted += c.n;
}

/**
 * The progress board of a cycle below a unit: per child unit (and the total), how many subjects are at each step
 * and state, how many are late and accepted; and the first subjects late at their step.
 */
export async function progressBoard(
  db: DbOrTx,
  actor: Actor,
  cycleId: string,
  unitId: string | undefined,
): Promise<ProgressBoard> {
  const cycle = await loadCycle(db, actor, cycleId);
  const unit = await viewedUnit(db, actor, cycle.owner_path, unitId);
  const today = todayInVietnam();
  const depth = unit.path.split('.').length;
  // Every subject lies under the owner: looking at the owner, the path test would only make the planner walk the
  // whole subtree in the path index.
  const below = unit.path === cycle.owner_path ? sql`true` : sql`u.path <@ ${unit.path}::ltree`;
  const counts = await rows<CountRow>(
    db,
    sql`select case when nlevel(u.path) > ${depth} then subpath(u.path, 0, ${depth + 1})::text else u.path::text end as child_path,
        e.step, e.status, count(*)::int as n, count(*) filter (where ${lateSql(today)})::int as late,
        bool_or(nlevel(u.path) > ${depth + 1}) as deeper
      from evaluations e join units u on u.id = e.unit_id join evaluation_cycles c on c.id = e.cycle_id
      where e.cycle_id = ${cycleId}::uuid and ${below}
      group by 1, 2, 3`,
  );
  const paths = [...new Set(counts.map((c) => c.child_path))];
  const names = paths.length
    ? await rows<{ id: string; name: string; path: string }>(
        db,
        sql`select id, name, path::text as path from units where path in (${sql.join(
          paths.map((p) => sql`${p}::ltree`),
          sql`, `,
        )})`,
      )
    : [];
  const byPath = new Map(names.map((n) => [n.path, n]));
  const rowsByPath = new Map<string, BoardRow>();
  const total = emptyRow(unit.id, unit.name, false);
  for (const c of counts) {
    const info = byPath.get(c.child_path);
    const row = rowsByPath.get(c.child_path) ?? emptyRow(info?.id ?? null, info?.name ?? c.child_path, false);
    row.hasChildren ||= c.deeper;
    addTo(row, c);
    addTo(total, c);
    rowsByPath.set(c.child_path, row);
  }
  const late = await rows<{
    evaluation_id: string;
    subject_name: string;
    unit_name: string;
    step: StepKey;
    status: StepStatus;
    deadline: string;
  }>(
    db,
    sql`select e.id as evaluation_id, coalesce(m.full_name, u.name) as subject_name, u.name as unit_name, e.step,
        e.status, ${deadlineSql} as deadline
      from evaluations e join units u on u.id = e.unit_id join evaluation_cycles c on c.id = e.cycle_id
      left join members m on m.id = e.member_id
      where e.cycle_id = ${cycleId}::uuid and ${below} and ${lateSql(today)}
      order by deadline, u.path, e.id limit 50`,
  );
  const topClass = await topClassCheck(db, cycle.definition, cycleId, below);
  return {
    cycleId,
    unitId: unit.id,
    unitName: unit.name,
    topClass,
    trail: await trailOf(db, cycle.owner_path, unit.path),
    steps: stepsOf(cycle.definition),
    total,
    rows: [...rowsByPath.values()].sort((a, b) => a.unitName.localeCompare(b.unitName, 'vi')),
    late: late.map((l) => ({
      evaluationId: l.evaluation_id,
      subjectName: l.subject_name,
      unitName: l.unit_name,
      step: l.step,
      status: l.status,
      deadline: l.deadline,
    })),
  };
}

/** The subjects of a cycle below a unit, filtered, by unit and name, a keyset page at a time. */
export async function listEvaluations(
  db: DbOrTx,
  actor: Actor,
  cycleId: string,
  query: z.output<typeof evaluationsQuery>,
): Promise<{ items: EvaluationRow[]; next: string | null }> {
  const cycle = await loadCycle(db, actor, cycleId);
  const unit = await viewedUnit(db, actor, cycle.owner_path, query.unitId);
  const today = todayInVietnam();
  const filters: SQL[] = [
    sql`e.cycle_id = ${cycleId}::uuid`,
    sql`u.path <@ ${unit.path}::ltree`,
    withinScope(sql`u.path`, scopeOf(actor, 'unit.read')),
  ];
  if (query.step) filters.push(sql`e.step = ${query.step}`);
  if (query.status) filters.push(sql`e.status = ${query.status}`);
  if (query.late === 'true') filters.push(lateSql(today));
  if (query.q?.trim()) {
    const pattern = containsPattern(query.q.trim());
    filters.push(
      sql`lower(unaccent_immutable(coalesce(m.full_name, u.name))) like lower(unaccent_immutable(${pattern}))`,
    );
  }
  if (query.cursor) {
    const [key, id] = decodePairCursor(query.cursor);
    filters.push(sql`(u.path::text || '|' || coalesce(m.full_name, ''), e.id) > (${key}, ${id}::uuid)`);
  }
  const found = await rows<EvaluationRowSql & { sort_key: string }>(
    db,
    sql`select e.id, u.path::text || '|' || coalesce(m.full_name, '') as sort_key, coalesce(m.full_name, u.name) as subject_name,
        u.id as unit_id, u.name as unit_name, e.member_id, e.step, e.status, e.total, e.class_key, e.self_class,
        ${deadlineSql} as deadline, ${lateSql(today)} as late, fu.name as follow_up_name
      from evaluations e join units u on u.id = e.unit_id join evaluation_cycles c on c.id = e.cycle_id
      left join members m on m.id = e.member_id left join "user" fu on fu.id = e.follow_up_user_id
      where ${sql.join(filters, sql` and `)}
      order by sort_key, e.id limit ${query.limit + 1}`,
  );
  const page = found.slice(0, query.limit);
  const last = page[page.length - 1];
  return {
    items: page.map((r) => toEvaluationRow(r, cycle.definition.classes)),
    next: found.length > query.limit && last ? encodeCursor([last.sort_key, last.id]) : null,
  };
}
