import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db, DbOrTx } from '../../db/client.js';
import { evaluationCycles, units } from '../../db/schema/index.js';
import { rows } from '../../db/rows.js';
import { withinScope } from '../../db/scope.js';
import { actionsOn, authorizeAnywhere, scopeOf, type Actor } from '../../auth/actor.js';
import type { CycleDetail, CycleSummary, cyclesQuery, openCycleBody } from '../../contracts/evaluations.js';
import type { CriteriaSet } from '../../domain/evaluations/criteria.js';
import {
  assertCycle,
  cycleLabel,
  periodEnd,
  stepDeadline,
  stepsOf,
  type Cycle,
  type StepKey,
} from '../../domain/evaluations/cycle-steps.js';
import { fail } from '../../domain/errors.js';
import { formatDateVi } from '../../domain/text/dates.js';
import { audit, type RequestContext } from '../audit/audit.service.js';
import { loadForAction } from '../org-units/org-units.service.js';
import { setForYear } from './criteria-sets.js';
import { enrolSubjects } from './enrol.queries.js';

type Ctx = RequestContext & { actor: Actor };

/** A cycle row with what the pages show of it. */
interface CycleRow {
  id: string;
  programme: string;
  criteria_set_id: string;
  owner_unit_id: string;
  owner_name: string;
  owner_path: string;
  kind: 'halfYear' | 'year';
  year: number;
  half: number;
  deadlines: Partial<Record<StepKey, string>>;
  reinspection: 'none' | 'sample' | 'all';
  status: 'open' | 'closed';
  note: string | null;
  version: number;
  definition: CriteriaSet;
  subjects: number;
  accepted: number;
}

const cycleSelect = sql`select c.id, c.programme, c.criteria_set_id, c.owner_unit_id, o.name as owner_name,
    o.path::text as owner_path, c.kind, c.year, c.half, c.deadlines, c.reinspection, c.status, c.note, c.version,
    s.definition,
    (select count(*)::int from evaluations e where e.cycle_id = c.id) as subjects,
    (select count(*)::int from evaluations e where e.cycle_id = c.id and e.status = 'accepted') as accepted
  from evaluation_cycles c join units o on o.id = c.owner_unit_id join criteria_sets s on s.id = c.criteria_set_id`;

/** The cycle as the domain sees it. */
export function cycleOf(row: { kind: 'halfYear' | 'year'; year: number; half: number }): Cycle {
  return row.kind === 'year'
    ? { kind: 'year', year: row.year }
    : { kind: 'halfYear', year: row.year, half: row.half as 1 | 2 };
}

function summaryOf(row: CycleRow): CycleSummary {
  return {
    id: row.id,
    programme: row.programme,
    programmeTitle: row.definition.title,
    periodLabel: row.definition.periodLabel,
    criteriaSetId: row.criteria_set_id,
    subject: row.definition.subject,
    ownerUnitId: row.owner_unit_id,
    ownerUnitName: row.owner_name,
    kind: row.kind,
    year: row.year,
    half: row.kind === 'halfYear' ? row.half : null,
    label: cycleLabel(cycleOf(row)),
    status: row.status,
    reinspection: row.reinspection,
    subjects: row.subjects,
    accepted: row.accepted,
  };
}

/**
 * A cycle is visible to whoever reads its owner's subtree, and to the cadres of the units it rates: the owner lies
 * on the path above one of their scope paths.
 */
function visibleTo(actor: Actor): ReturnType<typeof sql> {
  const scope = scopeOf(actor, 'unit.read');
  const above = scope.map((p) => sql`o.path @> ${p}::ltree`);
  if (above.length === 0) return sql`false`;
  return sql`(${withinScope(sql`o.path`, scope)} or ${sql.join(above, sql` or `)})`;
}

/** Loads a cycle the actor may see, with its criteria set; 404 otherwise. */
export async function loadCycle(db: DbOrTx, actor: Actor, cycleId: string): Promise<CycleRow> {
  const [row] = await rows<CycleRow>(db, sql`${cycleSelect} where c.id = ${cycleId}::uuid and ${visibleTo(actor)}`);
  if (!row) throw fail.notFound('đợt đánh giá');
  return row;
}

/** True when the actor may manage the cycle: `unit.update` on its owner. */
export function managesCycle(actor: Actor, row: Pick<CycleRow, 'owner_path'>): boolean {
  return actionsOn(actor, row.owner_path).includes('unit.update');
}

/** The deadlines in force: the cycle's own, else the set's defaults for the year. */
export function deadlinesOf(
  row: Pick<CycleRow, 'deadlines' | 'definition' | 'year'>,
): Partial<Record<StepKey, string>> {
  const out: Partial<Record<StepKey, string>> = {};
  for (const step of stepsOf(row.definition)) {
    const day = row.deadlines[step] ?? stepDeadline(row.definition, step, row.year);
    if (day) out[step] = day;
  }
  return out;
}

/** A cycle with its steps, deadlines and whether the actor manages it. */
export async function getCycle(db: DbOrTx, actor: Actor, cycleId: string): Promise<CycleDetail> {
  const row = await loadCycle(db, actor, cycleId);
  return {
    ...summaryOf(row),
    steps: stepsOf(row.definition),
    deadlines: deadlinesOf(row),
    note: row.note,
    version: row.version,
    canManage: managesCycle(actor, row),
  };
}

/** Cycles the actor sees, newest first. */
export async function listCycles(db: Db, actor: Actor, query: z.output<typeof cyclesQuery>): Promise<CycleSummary[]> {
  authorizeAnywhere(actor, 'unit.read');
  const filters = [visibleTo(actor)];
  if (query.year) filters.push(sql`c.year = ${query.year}`);
  if (query.programme) filters.push(sql`c.programme = ${query.programme}`);
  const found = await rows<CycleRow>(
    db,
    sql`${cycleSelect} where ${sql.join(filters, sql` and `)} order by c.year desc, c.half desc, nlevel(o.path), o.name, c.programme limit 500`,
  );
  return found.map(summaryOf);
}

function checkDeadlines(steps: readonly StepKey[], deadlines: Partial<Record<StepKey, string>>, year: number): void {
  let previous: { step: StepKey; day: string } | null = null;
  for (const step of steps) {
    const day = deadlines[step];
    if (!day) continue;
    if (Number(day.slice(0, 4)) < year - 1 || Number(day.slice(0, 4)) > year + 1)
      throw fail.invalid(`deadlines.${step}`, `Hạn của bước phải nằm trong khoảng năm ${year - 1} đến ${year + 1}.`);
    if (previous && day < previous.day)
      throw fail.invalid(
        `deadlines.${step}`,
        `Hạn của một bước không được trước hạn của bước trước (${formatDateVi(previous.day)}).`,
      );
    previous = { step, day };
  }
}

/**
 * Opens a cycle of a programme for the owner unit's subtree (`unit.update` on the owner): the criteria set that
 * applies to the year (frozen from now on), the deadlines, and every subject enrolled at the first step. One cycle
 * per programme, owner and period. Audited.
 */
export async function openCycle(db: Db, ctx: Ctx, body: z.output<typeof openCycleBody>): Promise<CycleDetail> {
  const id = await db.transaction(async (tx) => {
    const owner = await loadForAction(tx, ctx.actor, body.ownerUnitId, 'unit.update');
    if (owner.closedOn) throw fail.rule(`${owner.name} đã giải thể hoặc sáp nhập.`, 'ownerUnitId');
    const { id: setId, set } = await setForYear(tx, body.programme, body.year);
    const cycle: Cycle =
      body.kind === 'year'
        ? { kind: 'year', year: body.year }
        : { kind: 'halfYear', year: body.year, half: body.half! };
    assertCycle(set, cycle);
    const steps = stepsOf(set);
    const deadlines = {
      ...deadlinesOf({ deadlines: {}, definition: set, year: body.year }),
      ...(body.deadlines ?? {}),
    };
    checkDeadlines(steps, deadlines, body.year);
    const [exists] = await tx
      .select({ id: evaluationCycles.id })
      .from(evaluationCycles)
      .where(
        and(
          eq(evaluationCycles.programme, body.programme),
          eq(evaluationCycles.ownerUnitId, owner.id),
          eq(evaluationCycles.kind, body.kind),
          eq(evaluationCycles.year, body.year),
          eq(evaluationCycles.half, body.half ?? 0),
        ),
      );
    if (exists) throw fail.conflict(`${owner.name} đã mở đợt "${set.title}" ${cycleLabel(cycle)}.`);
    const [row] = await tx
      .insert(evaluationCycles)
      .values({
        criteriaSetId: setId,
        programme: body.programme,
        ownerUnitId: owner.id,
        kind: body.kind,
        year: body.year,
        half: body.half ?? 0,
        deadlines,
        reinspection: body.reinspection,
        note: body.note ?? null,
        openedBy: ctx.actor.userId,
      })
      .returning();
    const enrolled = await enrolSubjects(tx, {
      cycleId: row!.id,
      ownerId: owner.id,
      ownerPath: owner.path,
      subject: set.subject,
      firstStep: steps[0]!,
      periodEnd: periodEnd(cycle),
    });
    if (enrolled === 0)
      throw fail.rule(
        `${owner.name} không có đơn vị hoặc đoàn viên nào thuộc diện đánh giá của chương trình này.`,
        'ownerUnitId',
      );
    await audit(tx, ctx, {
      entity: 'evaluation_cycle',
      entityId: row!.id,
      action: 'open',
      unitId: owner.id,
      unitPath: owner.path,
      after: { ...row, enrolled },
    });
    return row!.id;
  });
  return getCycle(db, ctx.actor, id);
}

/** The owner unit of a cycle, for audit rows. */
export async function ownerOf(db: DbOrTx, ownerId: string) {
  const [owner] = await db
    .select({ id: units.id, path: units.path, name: units.name })
    .from(units)
    .where(eq(units.id, ownerId));
  return owner!;
}
