import { eq, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.js';
import { criteriaSets } from '../../db/schema/index.js';
import { authorizeAnywhere, type Actor } from '../../auth/actor.js';
import type {
  copyCriteriaSetBody,
  CriteriaSetDetail,
  CriteriaSetSummary,
  updateCriteriaSetBody,
} from '../../contracts/evaluations.js';
import { planCopy } from '../../domain/evaluations/criteria-copy.js';
import { rows } from '../../db/rows.js';
import type { z } from 'zod';
import {
  allItems,
  assertEditable,
  maxTotal,
  validateCriteriaSet,
  type CriteriaSet,
} from '../../domain/evaluations/criteria.js';
import { assertNoOverlap, SHIPPED_CRITERIA_SETS } from '../../domain/evaluations/programmes.js';
import { fail } from '../../domain/errors.js';
import { audit, type RequestContext } from '../audit/audit.service.js';

type Row = typeof criteriaSets.$inferSelect;

/** Seeds the shipped criteria sets (programme and first year identify a set); leaves existing rows alone. */
export async function ensureCriteriaSets(db: DbOrTx): Promise<void> {
  await db
    .insert(criteriaSets)
    .values(
      SHIPPED_CRITERIA_SETS.map((set) => ({
        programme: set.programme,
        title: set.title,
        periodLabel: set.periodLabel,
        validFrom: set.validFrom,
        validTo: set.validTo,
        subject: set.subject,
        definition: set,
      })),
    )
    .onConflictDoNothing();
}

/** True when a cycle uses the set. */
const frozenSql = sql<boolean>`exists (select 1 from evaluation_cycles c where c.criteria_set_id = "criteria_sets"."id")`;

function summaryOf(row: Row, frozen: boolean): CriteriaSetSummary {
  const set = row.definition as CriteriaSet;
  return {
    id: row.id,
    programme: row.programme,
    title: row.title,
    periodLabel: row.periodLabel,
    validFrom: row.validFrom,
    validTo: row.validTo,
    subject: row.subject as CriteriaSet['subject'],
    frozen,
    version: row.version,
    itemCount: allItems(set).length,
    maxTotal: maxTotal(set),
  };
}

/** Every criteria set, by programme and period (readable by any signed-in cadre). */
export async function listCriteriaSets(db: Db, actor: Actor): Promise<CriteriaSetSummary[]> {
  authorizeAnywhere(actor, 'unit.read');
  const found = await db
    .select({ row: criteriaSets, frozen: frozenSql })
    .from(criteriaSets)
    .orderBy(criteriaSets.programme, criteriaSets.validFrom);
  return found.map((f) => summaryOf(f.row, f.frozen));
}

/** One set with its definition. */
export async function getCriteriaSet(db: DbOrTx, actor: Actor, id: string): Promise<CriteriaSetDetail> {
  authorizeAnywhere(actor, 'unit.read');
  const [found] = await db
    .select({ row: criteriaSets, frozen: frozenSql })
    .from(criteriaSets)
    .where(eq(criteriaSets.id, id));
  if (!found) throw fail.notFound('bộ tiêu chí');
  return { ...summaryOf(found.row, found.frozen), definition: found.row.definition as CriteriaSet };
}

/** The stored set of a programme that applies to a year. */
export async function setForYear(
  db: DbOrTx,
  programme: string,
  year: number,
): Promise<{ id: string; set: CriteriaSet }> {
  const [row] = await db
    .select()
    .from(criteriaSets)
    .where(
      sql`${criteriaSets.programme} = ${programme} and ${criteriaSets.validFrom} <= ${year} and (${criteriaSets.validTo} is null or ${criteriaSets.validTo} >= ${year})`,
    )
    .orderBy(sql`${criteriaSets.validFrom} desc`)
    .limit(1);
  if (!row) throw fail.rule(`Chưa có bộ tiêu chí của chương trình này áp dụng cho năm ${year}.`, 'year');
  return { id: row.id, set: row.definition as CriteriaSet };
}

/**
 * Replaces a set's definition (system administrators, `rules.manage`): validated, not overlapping another period of
 * the programme, refused once a cycle uses the set (frozen) or when the version is stale. Audited.
 */
export async function updateCriteriaSet(
  db: Db,
  ctx: RequestContext & { actor: Actor },
  id: string,
  body: z.output<typeof updateCriteriaSetBody>,
): Promise<CriteriaSetDetail> {
  authorizeAnywhere(ctx.actor, 'rules.manage');
  await db.transaction(async (tx) => {
    const [found] = await tx
      .select({ row: criteriaSets, frozen: frozenSql })
      .from(criteriaSets)
      .where(eq(criteriaSets.id, id))
      .for('update');
    if (!found) throw fail.notFound('bộ tiêu chí');
    const before = found.row.definition as CriteriaSet;
    assertEditable(before, found.frozen);
    if (found.row.version !== body.version)
      throw fail.conflict('Bộ tiêu chí vừa được người khác sửa. Vui lòng tải lại và thực hiện lại.');
    const next = { ...body.definition, programme: found.row.programme } as CriteriaSet;
    validateCriteriaSet(next);
    const others = await tx.select().from(criteriaSets).where(eq(criteriaSets.programme, next.programme));
    assertNoOverlap(
      others.filter((o) => o.id !== id).map((o) => o.definition as CriteriaSet),
      next,
    );
    await tx
      .update(criteriaSets)
      .set({
        title: next.title,
        periodLabel: next.periodLabel,
        validFrom: next.validFrom,
        validTo: next.validTo,
        subject: next.subject,
        definition: next,
        version: found.row.version + 1,
        updatedAt: new Date(),
      })
      .where(eq(criteriaSets.id, id));
    await audit(tx, ctx, {
      entity: 'criteria_set',
      entityId: id,
      action: 'update',
      unitId: null,
      unitPath: null,
      before,
      after: next,
    });
  });
  return getCriteriaSet(db, ctx.actor, id);
}

/**
 * Copies a set to a new period (system administrators, `rules.manage`): the same criteria, classes and deadlines,
 * the new years and period label, optionally a new name; not frozen, so it can still be edited. Refused when the
 * period overlaps another set of the programme, unless `closeOpenEnded` ends the programme's open-ended set the year
 * before (only when no cycle of it falls in the new period). One transaction, audited (the copy and each set ended).
 */
export async function copyCriteriaSet(
  db: Db,
  ctx: RequestContext & { actor: Actor },
  id: string,
  body: z.output<typeof copyCriteriaSetBody>,
): Promise<CriteriaSetDetail> {
  authorizeAnywhere(ctx.actor, 'rules.manage');
  const newId = await db.transaction(async (tx) => {
    const [source] = await tx.select().from(criteriaSets).where(eq(criteriaSets.id, id));
    if (!source) throw fail.notFound('bộ tiêu chí');
    const same = await tx
      .select()
      .from(criteriaSets)
      .where(eq(criteriaSets.programme, source.programme))
      .orderBy(criteriaSets.validFrom)
      .for('update');
    const used = await rows<{ id: string; last_year: number | null }>(
      tx,
      sql`select s.id, max(c.year)::int as last_year from criteria_sets s
        left join evaluation_cycles c on c.criteria_set_id = s.id
        where s.programme = ${source.programme} group by s.id`,
    );
    const lastYear = new Map(used.map((u) => [u.id, u.last_year]));
    const plan = planCopy(
      source.definition as CriteriaSet,
      same.map((row) => ({
        id: row.id,
        set: row.definition as CriteriaSet,
        lastCycleYear: lastYear.get(row.id) ?? null,
      })),
      {
        validFrom: body.validFrom,
        validTo: body.validTo ?? null,
        title: body.name,
        closeOpenEnded: body.closeOpenEnded,
      },
    );
    for (const closed of plan.close) {
      await tx
        .update(criteriaSets)
        .set({
          validTo: closed.after.validTo,
          periodLabel: closed.after.periodLabel,
          definition: closed.after,
          version: sql`${criteriaSets.version} + 1`,
          updatedAt: new Date(),
        })
        .where(eq(criteriaSets.id, closed.id));
      await audit(tx, ctx, {
        entity: 'criteria_set',
        entityId: closed.id,
        action: 'closePeriod',
        unitId: null,
        unitPath: null,
        before: { validTo: closed.before.validTo, periodLabel: closed.before.periodLabel },
        after: { validTo: closed.after.validTo, periodLabel: closed.after.periodLabel },
      });
    }
    const copy = plan.copy;
    const [row] = await tx
      .insert(criteriaSets)
      .values({
        programme: copy.programme,
        title: copy.title,
        periodLabel: copy.periodLabel,
        validFrom: copy.validFrom,
        validTo: copy.validTo,
        subject: copy.subject,
        definition: copy,
        createdBy: ctx.actor.userId,
      })
      .returning({ id: criteriaSets.id });
    await audit(tx, ctx, {
      entity: 'criteria_set',
      entityId: row!.id,
      action: 'copy',
      unitId: null,
      unitPath: null,
      after: { copiedFrom: id, ...copy },
    });
    return row!.id;
  });
  return getCriteriaSet(db, ctx.actor, newId);
}
