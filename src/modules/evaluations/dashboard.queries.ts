import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { DbOrTx } from '../../db/client.js';
import { rows } from '../../db/rows.js';
import { scopeOf, type Actor } from '../../auth/actor.js';
import type {
  comparisonQuery,
  dashboardQuery,
  EvaluationComparison,
  EvaluationDashboard,
} from '../../contracts/evaluations.js';
import { inScope } from '../../domain/auth/permissions.js';
import { SEED_003_TARGETS, summariseComparison, compareClasses } from '../../domain/evaluations/comparison.js';
import { fail } from '../../domain/errors.js';
import { todayInVietnam } from '../../domain/text/dates.js';
import { setForYear } from './criteria-sets.js';
import { classLabel } from './evaluation-row.js';

interface Unit {
  id: string;
  name: string;
  path: string;
}

/** The unit asked for inside the actor's read scope, else the actor's first (highest) unit. */
async function dashboardUnit(db: DbOrTx, actor: Actor, unitId: string | undefined): Promise<Unit> {
  const scope = scopeOf(actor, 'unit.read');
  const where = unitId ? sql`id = ${unitId}::uuid` : sql`path = ${scope[0] ?? ''}::ltree`;
  const [unit] = await rows<Unit>(db, sql`select id, name, path::text as path from units where ${where}`);
  if (!unit || !inScope(scope, unit.path)) throw fail.notFound('đơn vị');
  return unit;
}

/** Accepted and enrolled subjects of a programme's yearly cycles below a unit, by child unit, year and class. */
async function yearlyCounts(db: DbOrTx, programme: string, unit: Unit, from: number, to: number) {
  const depth = unit.path.split('.').length;
  return rows<{ child_path: string; year: number; class_key: string | null; n: number; accepted: number }>(
    db,
    sql`select case when nlevel(u.path) > ${depth} then subpath(u.path, 0, ${depth + 1})::text else u.path::text end as child_path,
        c.year, case when e.status = 'accepted' then e.class_key end as class_key, count(*)::int as n,
        count(*) filter (where e.status = 'accepted')::int as accepted
      from evaluation_cycles c join evaluations e on e.cycle_id = c.id join units u on u.id = e.unit_id
      where c.programme = ${programme} and c.kind = 'year' and c.year between ${from} and ${to}
        and u.path <@ ${unit.path}::ltree
      group by 1, 2, 3`,
  );
}

/**
 * The share recognised and the class distribution of a programme's yearly results, for a unit and each unit below
 * it, year by year ("100% of đoàn cơ sở recognised" reads off the total row).
 */
export async function evaluationDashboard(
  db: DbOrTx,
  actor: Actor,
  query: z.output<typeof dashboardQuery>,
): Promise<EvaluationDashboard> {
  const unit = await dashboardUnit(db, actor, query.unitId);
  const to = query.toYear ?? Number(todayInVietnam().slice(0, 4));
  const from = query.fromYear ?? to - 2;
  if (from > to) throw fail.invalid('fromYear', 'Năm bắt đầu phải trước hoặc bằng năm kết thúc.');
  if (to - from > 10) throw fail.invalid('fromYear', 'Chỉ xem được tối đa 11 năm một lần.');
  const { set } = await setForYear(db, query.programme, to).catch(() => setForYear(db, query.programme, from));
  const counts = await yearlyCounts(db, query.programme, unit, from, to);
  const paths = [...new Set(counts.map((c) => c.child_path))];
  const names = paths.length
    ? await rows<Unit>(
        db,
        sql`select id, name, path::text as path from units where path in (${sql.join(
          paths.map((p) => sql`${p}::ltree`),
          sql`, `,
        )})`,
      )
    : [];
  const byPath = new Map(names.map((n) => [n.path, n]));
  const recognised = set.classes[0]!.key;
  type Row = EvaluationDashboard['rows'][number];
  const table = new Map<string, Row>();
  const totals = new Map<number, Row>();
  const blank = (unitId: string | null, unitName: string, year: number): Row => ({
    unitId,
    unitName,
    year,
    subjects: 0,
    rated: 0,
    classes: {},
    recognisedShare: null,
  });
  const add = (row: Row, c: (typeof counts)[number]) => {
    row.subjects += c.n;
    row.rated += c.accepted;
    if (c.class_key) row.classes[c.class_key] = (row.classes[c.class_key] ?? 0) + c.n;
  };
  for (const c of counts) {
    const key = `${c.child_path}|${c.year}`;
    const info = byPath.get(c.child_path);
    const row = table.get(key) ?? blank(info?.id ?? null, info?.name ?? c.child_path, c.year);
    add(row, c);
    table.set(key, row);
    const total = totals.get(c.year) ?? blank(unit.id, unit.name, c.year);
    add(total, c);
    totals.set(c.year, total);
  }
  const withShare = (row: Row): Row => ({
    ...row,
    recognisedShare: row.subjects === 0 ? null : (row.classes[recognised] ?? 0) / row.subjects,
  });
  const years = Array.from({ length: to - from + 1 }, (_, i) => from + i);
  return {
    programme: query.programme,
    programmeTitle: set.title,
    unitId: unit.id,
    unitName: unit.name,
    classes: set.classes.map((c) => ({ key: c.key, label: c.label })),
    recognisedClass: recognised,
    years,
    totals: years.map((y) => withShare(totals.get(y) ?? blank(unit.id, unit.name, y))),
    rows: [...table.values()]
      .map(withShare)
      .sort((a, b) => a.unitName.localeCompare(b.unitName, 'vi') || a.year - b.year),
  };
}

/**
 * Year-over-year comparison of a rating below a unit: each subject of the year's cycles with its accepted class of
 * the year before and of the year, the movement, and the seed 003 targets.
 */
export async function evaluationComparison(
  db: DbOrTx,
  actor: Actor,
  query: z.output<typeof comparisonQuery>,
): Promise<EvaluationComparison> {
  const unit = await dashboardUnit(db, actor, query.unitId);
  const { set } = await setForYear(db, query.programme, query.year);
  const previousSet = await setForYear(db, query.programme, query.year - 1).catch(() => null);
  const currentLabel = (key: string | null) => classLabel(set.classes, key);
  const previousLabel = (key: string | null) =>
    key === null ? null : (previousSet?.set.classes.find((c) => c.key === key)?.label ?? currentLabel(key));
  const found = await rows<{ unit_id: string; unit_name: string; previous: string | null; current: string | null }>(
    db,
    sql`with accepted as (
        select c.year, coalesce(e.member_id, e.unit_id) as subject, e.class_key
        from evaluation_cycles c join evaluations e on e.cycle_id = c.id join units u on u.id = e.unit_id
        where c.programme = ${query.programme} and c.kind = 'year' and c.year in (${query.year - 1}, ${query.year})
          and u.path <@ ${unit.path}::ltree and e.status = 'accepted')
      select e.unit_id, coalesce(m.full_name, u.name) as unit_name,
        (select a.class_key from accepted a where a.year = ${query.year - 1} and a.subject = coalesce(e.member_id, e.unit_id) limit 1) as previous,
        (select a.class_key from accepted a where a.year = ${query.year} and a.subject = coalesce(e.member_id, e.unit_id) limit 1) as current
      from evaluation_cycles c join evaluations e on e.cycle_id = c.id join units u on u.id = e.unit_id
      left join members m on m.id = e.member_id
      where c.programme = ${query.programme} and c.kind = 'year' and c.year = ${query.year} and u.path <@ ${unit.path}::ltree
      order by u.path, unit_name`,
  );
  const order = set.classes.map((c) => c.key);
  const protectedClasses = SEED_003_TARGETS.protectedClasses.filter((k) => order.includes(k));
  const targets = { ...SEED_003_TARGETS, protectedClasses };
  const units = found.map((f) => ({ unitId: f.unit_id, previous: f.previous, current: f.current }));
  const summary = summariseComparison(order, units, targets);
  const compared = compareClasses(order, units);
  return {
    programme: query.programme,
    year: query.year,
    unitName: unit.name,
    total: summary.total,
    counts: summary.counts,
    rated: summary.rated,
    movedUp: summary.movedUp,
    protectedDown: summary.protectedDown.length,
    meetsAll: summary.meetsAll,
    rows: compared.map((c, i) => ({
      unitId: c.unitId,
      unitName: found[i]!.unit_name,
      previous: c.previous,
      current: c.current,
      previousLabel: previousLabel(c.previous),
      currentLabel: currentLabel(c.current),
      movement: c.movement,
    })),
  };
}
