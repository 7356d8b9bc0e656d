import { and, desc, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../db/client.js';
import { disciplines, documents, members, units } from '../../db/schema/index.js';
import { withinScope } from '../../db/scope.js';

export type DisciplineRow = typeof disciplines.$inferSelect;

const subjectUnit = alias(units, 'subject_unit');
const decidingUnit = alias(units, 'deciding_unit');

const columns = {
  discipline: disciplines,
  memberName: members.fullName,
  subjectUnitName: subjectUnit.name,
  subjectPath: subjectUnit.path,
  decidingUnitName: decidingUnit.name,
  decidingPath: decidingUnit.path,
  decisionNumber: documents.numberText,
};

/** A discipline record with the names and paths the API shows. */
export type DisciplineListRow = {
  discipline: DisciplineRow;
  memberName: string | null;
  subjectUnitName: string;
  subjectPath: string;
  decidingUnitName: string;
  decidingPath: string;
  decisionNumber: string | null;
};

function base(db: DbOrTx) {
  return db
    .select(columns)
    .from(disciplines)
    .innerJoin(subjectUnit, eq(subjectUnit.id, disciplines.subjectUnitId))
    .innerJoin(decidingUnit, eq(decidingUnit.id, disciplines.decidingUnitId))
    .leftJoin(members, eq(members.id, disciplines.memberId))
    .leftJoin(documents, eq(documents.id, disciplines.decisionId));
}

/** Filters of a discipline list. */
export interface DisciplineFilter {
  unitPath?: string;
  memberId?: string;
  year?: number;
  status?: string;
}

/** Discipline records whose subject lies in the scope (and in `unitPath`), newest first; `limit + 1` rows. */
export async function disciplinesIn(
  db: DbOrTx,
  scope: readonly string[],
  f: DisciplineFilter,
  limit: number,
): Promise<DisciplineListRow[]> {
  return base(db)
    .where(
      and(
        withinScope(subjectUnit.path, scope),
        f.unitPath ? sql`${subjectUnit.path} <@ ${f.unitPath}::ltree` : undefined,
        f.memberId ? eq(disciplines.memberId, f.memberId) : undefined,
        f.year ? sql`extract(year from ${disciplines.decidedOn}) = ${f.year}` : undefined,
        f.status ? eq(disciplines.status, f.status) : undefined,
      ),
    )
    .orderBy(desc(disciplines.decidedOn), desc(disciplines.createdAt))
    .limit(limit + 1);
}

/** One discipline record whose subject lies in the scope, optionally locked. */
export async function disciplineInScope(
  db: DbOrTx,
  scope: readonly string[],
  id: string,
  lock = false,
): Promise<DisciplineListRow | null> {
  const query = base(db).where(and(eq(disciplines.id, id), withinScope(subjectUnit.path, scope)));
  const [row] = lock ? await query.for('update', { of: disciplines }) : await query;
  return row ?? null;
}

/** True when the unit already has a decided record of this form on this date (a double submission). */
export async function sameUnitDecision(tx: DbOrTx, unitId: string, form: string, decidedOn: string): Promise<boolean> {
  const [row] = await tx
    .select({ id: disciplines.id })
    .from(disciplines)
    .where(
      and(
        eq(disciplines.subjectKind, 'unit'),
        eq(disciplines.subjectUnitId, unitId),
        eq(disciplines.form, form),
        eq(disciplines.decidedOn, decidedOn),
        eq(disciplines.status, 'decided'),
      ),
    )
    .limit(1);
  return Boolean(row);
}
