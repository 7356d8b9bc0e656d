import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../db/client.js';
import { comingOfAgeExceptions, comingOfAgeRecords, documents, members, units } from '../../db/schema/index.js';
import { withinScope } from '../../db/scope.js';

export type ExceptionRow = typeof comingOfAgeExceptions.$inferSelect;

/** Statuses listed for coming of age: members still in the union and not in transit. */
const LISTED_STATUSES = ['active', 'working_away', 'temporary_elsewhere'];

/**
 * Members of the subtree at `unitPath` (inside the scope) still in the union and born on or before
 * `bornBy`, oldest first; `limit + 1` rows so the caller can tell the list was cut.
 */
export async function membersOfAge(
  db: DbOrTx,
  scope: readonly string[],
  unitPath: string,
  bornBy: string,
  limit: number,
) {
  return db
    .select({ member: members, unitName: units.name })
    .from(members)
    .innerJoin(units, eq(units.id, members.unitId))
    .where(
      and(
        withinScope(units.path, scope),
        sql`${units.path} <@ ${unitPath}::ltree`,
        inArray(members.status, LISTED_STATUSES),
        sql`${members.birthDate} <= ${bornBy}::date`,
      ),
    )
    .orderBy(asc(members.birthDate), asc(members.sortKey), asc(members.id))
    .limit(limit + 1);
}

/** The exceptions (not revoked) of these members, newest first. */
export async function openExceptionsOf(db: DbOrTx, memberIds: readonly string[]): Promise<ExceptionRow[]> {
  if (memberIds.length === 0) return [];
  return db
    .select()
    .from(comingOfAgeExceptions)
    .where(and(inArray(comingOfAgeExceptions.memberId, [...memberIds]), isNull(comingOfAgeExceptions.revokedAt)))
    .orderBy(desc(comingOfAgeExceptions.createdAt));
}

const decider = alias(units, 'decider');

/** Exceptions of the members of a subtree (inside the scope), newest first, with names. */
export async function exceptionsInUnit(
  db: DbOrTx,
  scope: readonly string[],
  unitPath: string,
  includeRevoked: boolean,
  memberIds?: readonly string[],
) {
  return db
    .select({
      exception: comingOfAgeExceptions,
      memberName: members.fullName,
      unitName: units.name,
      deciderName: decider.name,
    })
    .from(comingOfAgeExceptions)
    .innerJoin(members, eq(members.id, comingOfAgeExceptions.memberId))
    .innerJoin(units, eq(units.id, members.unitId))
    .leftJoin(decider, eq(decider.id, comingOfAgeExceptions.decidedByUnitId))
    .where(
      and(
        withinScope(units.path, scope),
        sql`${units.path} <@ ${unitPath}::ltree`,
        includeRevoked ? undefined : isNull(comingOfAgeExceptions.revokedAt),
        memberIds ? inArray(comingOfAgeExceptions.memberId, [...memberIds]) : undefined,
      ),
    )
    .orderBy(desc(comingOfAgeExceptions.createdAt))
    .limit(2000);
}

/** One exception whose member lies in the scope, with the member's branch path. */
export async function exceptionInScope(db: DbOrTx, scope: readonly string[], exceptionId: string) {
  const [row] = await db
    .select({ exception: comingOfAgeExceptions, member: members, unitPath: units.path, unitName: units.name })
    .from(comingOfAgeExceptions)
    .innerJoin(members, eq(members.id, comingOfAgeExceptions.memberId))
    .innerJoin(units, eq(units.id, members.unitId))
    .where(and(eq(comingOfAgeExceptions.id, exceptionId), withinScope(units.path, scope)));
  return row ?? null;
}

/** Members who came of age in a year in the subtree at `unitPath` (inside the scope), with their certificates. */
export async function recordsInUnit(db: DbOrTx, scope: readonly string[], unitPath: string, year: number) {
  return db
    .select({
      record: comingOfAgeRecords,
      fullName: members.fullName,
      birthDate: members.birthDate,
      unitName: units.name,
      certificateNumber: documents.numberText,
    })
    .from(comingOfAgeRecords)
    .innerJoin(members, eq(members.id, comingOfAgeRecords.memberId))
    .innerJoin(units, eq(units.id, members.unitId))
    .leftJoin(documents, eq(documents.id, comingOfAgeRecords.certificateId))
    .where(
      and(withinScope(units.path, scope), sql`${units.path} <@ ${unitPath}::ltree`, eq(comingOfAgeRecords.year, year)),
    )
    .orderBy(desc(comingOfAgeRecords.ceremonyOn), asc(members.sortKey))
    .limit(2000);
}

/** The members with these ids whose branch lies under `unitPath` and in the scope, locked for update. */
export async function lockMembersUnder(tx: DbOrTx, scope: readonly string[], unitPath: string, ids: readonly string[]) {
  return tx
    .select({ member: members, unitName: units.name, unitPath: units.path })
    .from(members)
    .innerJoin(units, eq(units.id, members.unitId))
    .where(and(inArray(members.id, [...ids]), withinScope(units.path, scope), sql`${units.path} <@ ${unitPath}::ltree`))
    .for('update', { of: members });
}
