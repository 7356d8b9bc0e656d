import { and, asc, eq, inArray, isNull, like, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../db/client.js';
import {
  feePayments,
  memberFeeClasses,
  members,
  ruleSets,
  transfers,
  unitKinds,
  units,
} from '../../db/schema/index.js';
import { withinScope } from '../../db/scope.js';
import type { FeeClassPeriod, FeeRateClass, FeeRulePeriod } from '../../domain/branch-life/fee-rates.js';
import type { Month } from '../../domain/branch-life/months.js';
import type { FeeRule } from '../../domain/rules/rule-sets.js';
import { ACTIVE_STATUSES } from '../../domain/members/reference-lists.js';

export type FeePaymentRow = typeof feePayments.$inferSelect;

const inUnion = inArray(members.status, [...ACTIVE_STATUSES]);
/** Qualified column names for correlated subqueries (drizzle leaves columns unqualified in one-table selects). */
const memberIdRef = sql.raw('"members"."id"');
const memberUnitRef = sql.raw('"members"."unit_id"');
const joinedMonth = sql<string | null>`to_char(${sql.raw('"members"."joined_on"')}, 'YYYY-MM')`;

/** Every stored period of the fee rule. */
export async function feeRulePeriods(db: DbOrTx): Promise<FeeRulePeriod[]> {
  const rows = await db
    .select({ validFrom: ruleSets.validFrom, validTo: ruleSets.validTo, value: ruleSets.value })
    .from(ruleSets)
    .where(eq(ruleSets.key, 'fee'));
  return rows.map((r) => ({ validFrom: r.validFrom, validTo: r.validTo, value: r.value as Partial<FeeRule> }));
}

/** The recorded fee classes of members, oldest first, by member id. */
export async function classHistories(db: DbOrTx, memberIds: readonly string[]): Promise<Map<string, FeeClassPeriod[]>> {
  const out = new Map<string, FeeClassPeriod[]>();
  if (memberIds.length === 0) return out;
  const rows = await db
    .select({
      memberId: memberFeeClasses.memberId,
      rateClass: memberFeeClasses.rateClass,
      fromMonth: memberFeeClasses.fromMonth,
    })
    .from(memberFeeClasses)
    .where(inArray(memberFeeClasses.memberId, [...memberIds]))
    .orderBy(asc(memberFeeClasses.fromMonth));
  for (const r of rows) {
    const list = out.get(r.memberId) ?? [];
    list.push({ rateClass: r.rateClass as FeeRateClass, fromMonth: r.fromMonth });
    out.set(r.memberId, list);
  }
  return out;
}

/** Records a member's class from a month (replacing the class recorded for that same month). */
export async function upsertFeeClass(
  tx: DbOrTx,
  row: { memberId: string; rateClass: FeeRateClass; fromMonth: Month; setBy: string },
): Promise<void> {
  await tx
    .insert(memberFeeClasses)
    .values(row)
    .onConflictDoUpdate({
      target: [memberFeeClasses.memberId, memberFeeClasses.fromMonth],
      set: { rateClass: row.rateClass, setBy: row.setBy, createdAt: new Date() },
    });
}

/** A member's standing columns: who, where, joined month, latest month paid. */
const standingColumns = {
  memberId: members.id,
  fullName: members.fullName,
  status: members.status,
  unitId: members.unitId,
  joinedMonth,
  paidUpTo: sql<string | null>`(select max(f.month) from ${feePayments} f where f.member_id = ${memberIdRef})`,
};

/** Members in the union whose home branch is one of `branchIds`, by branch then Vietnamese name order. */
export async function memberStandings(db: DbOrTx, branchIds: readonly string[]) {
  if (branchIds.length === 0) return [];
  return db
    .select(standingColumns)
    .from(members)
    .where(and(inArray(members.unitId, [...branchIds]), inUnion))
    .orderBy(asc(members.sortKey), asc(members.id));
}

/** One member's standing (any status), or null. */
export async function memberStanding(db: DbOrTx, memberId: string) {
  const [row] = await db.select(standingColumns).from(members).where(eq(members.id, memberId));
  return row ?? null;
}

/** First month each branch recorded a fee (the start of its ledger), by branch id. */
export async function ledgerStarts(db: DbOrTx, branchIds: readonly string[]): Promise<Map<string, Month>> {
  if (branchIds.length === 0) return new Map();
  const rows = await db
    .select({ unitId: feePayments.unitId, start: sql<string>`min(${feePayments.month})` })
    .from(feePayments)
    .where(inArray(feePayments.unitId, [...branchIds]))
    .groupBy(feePayments.unitId);
  return new Map(rows.map((r) => [r.unitId, r.start]));
}

/** Payments of members for the months of a year, oldest month first. */
export async function paymentsOfYear(db: DbOrTx, memberIds: readonly string[], year: number) {
  if (memberIds.length === 0) return [];
  return db
    .select()
    .from(feePayments)
    .where(and(inArray(feePayments.memberId, [...memberIds]), like(feePayments.month, `${year}-%`)))
    .orderBy(asc(feePayments.month));
}

/** Amounts collected for the months of a year by branches of a subtree in the scope, per branch and month. */
export async function collectedByBranchMonth(
  db: DbOrTx,
  where: { unitPath: string; scope: readonly string[]; year: number; unitIds?: readonly string[] },
) {
  if (where.unitIds && where.unitIds.length === 0) return [];
  return db
    .select({
      unitId: feePayments.unitId,
      month: feePayments.month,
      amount: sql<number>`sum(${feePayments.amount})::int`,
      payments: sql<number>`count(*)::int`,
    })
    .from(feePayments)
    .innerJoin(units, eq(units.id, feePayments.unitId))
    .where(
      and(
        sql`${units.path} <@ ${where.unitPath}::ltree`,
        withinScope(units.path, where.scope),
        like(feePayments.month, `${where.year}-%`),
        where.unitIds ? inArray(feePayments.unitId, [...where.unitIds]) : undefined,
      ),
    )
    .groupBy(feePayments.unitId, feePayments.month);
}

const parent = alias(units, 'parent');

/** Branches (leaf units) of a subtree in the scope, open or closed during the year. */
function branchesWhere(unitPath: string, scope: readonly string[], year: number): SQL | undefined {
  return and(
    sql`${units.path} <@ ${unitPath}::ltree`,
    withinScope(units.path, scope),
    eq(unitKinds.isLeaf, true),
    or(isNull(units.closedOn), sql`${units.closedOn} >= ${`${year}-01-01`}::date`),
  );
}

/** One page of the branches of a subtree, by name then id, after a keyset position. */
export async function branchesPage(
  db: DbOrTx,
  f: { unitPath: string; scope: readonly string[]; year: number; after?: [string, string]; limit: number },
) {
  return db
    .select({ id: units.id, name: units.name, parentName: parent.name })
    .from(units)
    .innerJoin(unitKinds, eq(unitKinds.code, units.kind))
    .leftJoin(parent, eq(parent.id, units.parentId))
    .where(
      and(
        branchesWhere(f.unitPath, f.scope, f.year),
        f.after ? sql`(${units.name}, ${units.id}) > (${f.after[0]}, ${f.after[1]}::uuid)` : undefined,
      ),
    )
    .orderBy(asc(units.name), asc(units.id))
    .limit(f.limit + 1);
}

/** How many branches the subtree holds (for the page header). */
export async function countBranches(db: DbOrTx, unitPath: string, scope: readonly string[], year: number) {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(units)
    .innerJoin(unitKinds, eq(unitKinds.code, units.kind))
    .where(branchesWhere(unitPath, scope, year));
  return Number(row?.n ?? 0);
}

/** Whether a unit's kind is a leaf (a branch). */
export async function isBranchKind(db: DbOrTx, kind: string): Promise<boolean> {
  const [row] = await db.select({ isLeaf: unitKinds.isLeaf }).from(unitKinds).where(eq(unitKinds.code, kind));
  return row?.isLeaf ?? false;
}

/**
 * Members of a subtree in the scope who owe at least the months that make their first owed month no later than
 * `latestFrom`, by branch name, name order, id; after a keyset position.
 */
export async function arrearsPage(
  db: DbOrTx,
  f: {
    unitPath: string;
    scope: readonly string[];
    latestFrom: Month;
    after?: [string, string, string];
    limit: number;
  },
) {
  const paid = sql`(select max(f.month) from ${feePayments} f where f.member_id = ${memberIdRef})`;
  const start = sql`(select min(f.month) from ${feePayments} f where f.unit_id = ${memberUnitRef})`;
  return db
    .select({
      ...standingColumns,
      unitName: units.name,
      sortKey: members.sortKey,
      ledgerStart: sql<string | null>`${start}`,
    })
    .from(members)
    .innerJoin(units, eq(units.id, members.unitId))
    .where(
      and(
        sql`${units.path} <@ ${f.unitPath}::ltree`,
        withinScope(units.path, f.scope),
        inUnion,
        sql`(case when ${paid} is not null then ${paid} < ${f.latestFrom}
                  else ${start} is not null and greatest(${joinedMonth}, ${start}) <= ${f.latestFrom} end)`,
        f.after
          ? sql`(${units.name}, ${members.sortKey}, ${members.id}) > (${f.after[0]}, ${f.after[1]}, ${f.after[2]}::uuid)`
          : undefined,
      ),
    )
    .orderBy(asc(units.name), asc(members.sortKey), asc(members.id))
    .limit(f.limit + 1);
}

/** Members by id whose branch lies in the scope, with the branch; locked for update when `lock`. */
export async function membersInScope(db: DbOrTx, scope: readonly string[], ids: readonly string[], lock = false) {
  if (ids.length === 0) return [];
  const query = db
    .select({
      id: members.id,
      fullName: members.fullName,
      status: members.status,
      unitId: members.unitId,
      joinedMonth,
    })
    .from(members)
    .innerJoin(units, eq(units.id, members.unitId))
    .where(and(inArray(members.id, [...ids]), withinScope(units.path, scope)))
    .orderBy(asc(members.id));
  return lock ? query.for('update', { of: members }) : query;
}

/** Members among `ids` taking part temporarily (tạm thời) in the branch. */
export async function hostedIn(db: DbOrTx, branchId: string, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .select({ memberId: transfers.memberId })
    .from(transfers)
    .where(
      and(
        inArray(transfers.memberId, [...ids]),
        eq(transfers.kind, 'temporary'),
        eq(transfers.status, 'accepted'),
        eq(transfers.toUnitId, branchId),
      ),
    );
  return new Set(rows.map((r) => r.memberId));
}

/** Payments already recorded for any of these members in any of these months. */
export async function paidAmong(db: DbOrTx, memberIds: readonly string[], months: readonly Month[]) {
  if (memberIds.length === 0 || months.length === 0) return [];
  return db
    .select({ memberId: feePayments.memberId, month: feePayments.month })
    .from(feePayments)
    .where(and(inArray(feePayments.memberId, [...memberIds]), inArray(feePayments.month, [...months])))
    .orderBy(asc(feePayments.month));
}

/** Adds payments (one multi-row insert). */
export async function insertPayments(tx: DbOrTx, rows: (typeof feePayments.$inferInsert)[]): Promise<FeePaymentRow[]> {
  if (rows.length === 0) return [];
  return tx.insert(feePayments).values(rows).returning();
}

/** A payment whose collecting branch lies in the scope, with the branch path, locked when `lock`. */
export async function findPaymentInScope(db: DbOrTx, scope: readonly string[], paymentId: number, lock = false) {
  const query = db
    .select({ payment: feePayments, unitPath: units.path, fullName: members.fullName })
    .from(feePayments)
    .innerJoin(units, eq(units.id, feePayments.unitId))
    .innerJoin(members, eq(members.id, feePayments.memberId))
    .where(and(eq(feePayments.id, paymentId), withinScope(units.path, scope)));
  const [row] = lock ? await query.for('update', { of: feePayments }) : await query;
  return row ?? null;
}

/** Removes a payment. */
export async function deletePayment(tx: DbOrTx, paymentId: number): Promise<void> {
  await tx.delete(feePayments).where(eq(feePayments.id, paymentId));
}

/** Totals of a subtree for a year, per month (for the overview header), from branches in the scope. */
export async function collectedByMonth(db: DbOrTx, unitPath: string, scope: readonly string[], year: number) {
  return db
    .select({ month: feePayments.month, amount: sql<number>`sum(${feePayments.amount})::int` })
    .from(feePayments)
    .innerJoin(units, eq(units.id, feePayments.unitId))
    .where(
      and(
        sql`${units.path} <@ ${unitPath}::ltree`,
        withinScope(units.path, scope),
        like(feePayments.month, `${year}-%`),
      ),
    )
    .groupBy(feePayments.month);
}

/** A unit's name ('' when missing). */
export async function unitName(db: DbOrTx, unitId: string): Promise<string> {
  const [row] = await db.select({ name: units.name }).from(units).where(eq(units.id, unitId));
  return row?.name ?? '';
}

/** Payments a branch collected for the months of a year, with the member's name, by month then collection date. */
export async function branchPaymentsOfYear(db: DbOrTx, unitId: string, year: number) {
  return db
    .select({ payment: feePayments, fullName: members.fullName })
    .from(feePayments)
    .innerJoin(members, eq(members.id, feePayments.memberId))
    .where(and(eq(feePayments.unitId, unitId), like(feePayments.month, `${year}-%`)))
    .orderBy(asc(feePayments.collectedOn), asc(members.sortKey), asc(feePayments.month));
}
