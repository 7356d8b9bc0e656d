import type { DbOrTx } from '../../db/client.js';
import { scopeOf, type Actor } from '../../auth/actor.js';
import type {
  ArrearsPage,
  BranchFeeMember,
  BranchFees,
  FeeTotals,
  MyFees,
  PaidMonth,
  UnitFees,
} from '../../contracts/fees.js';
import type { arrearsQuery, feesQuery } from '../../contracts/fees.js';
import { inScope } from '../../domain/auth/permissions.js';
import { owedNow } from '../../domain/branch-life/fee-collection.js';
import {
  amountForMonths,
  feeAmount,
  feeClassOn,
  feeRuleOfMonth,
  feeSplitByMonth,
  type FeeClassPeriod,
  type FeeRateClass,
  type FeeRulePeriod,
} from '../../domain/branch-life/fee-rates.js';
import { addMonths, monthOf, type Month } from '../../domain/branch-life/months.js';
import { fail } from '../../domain/errors.js';
import { todayInVietnam } from '../../domain/text/dates.js';
import { loadForAction } from '../org-units/org-units.service.js';
import { ownMemberId } from '../self-service/self-service.policy.js';
import type { z } from 'zod';
import * as q from './fees.queries.js';
import { decodeCursorParts, encodeCursor } from '../../db/cursor.js';

/** Decodes a cursor of `n` strings (the `after` parameter). */
export function decodeCursor(cursor: string, n: number): string[] {
  return decodeCursorParts(cursor, n, 'after');
}

export { encodeCursor };

/** What is needed to price the months of members: rule periods, class histories, the current month. */
export interface Pricing {
  periods: FeeRulePeriod[];
  histories: Map<string, FeeClassPeriod[]>;
  currentMonth: Month;
}

/** Loads the pricing of members. */
export async function pricingFor(db: DbOrTx, memberIds: readonly string[]): Promise<Pricing> {
  const [periods, histories] = await Promise.all([q.feeRulePeriods(db), q.classHistories(db, memberIds)]);
  return { periods, histories, currentMonth: monthOf(todayInVietnam()) };
}

/** A member's class now and what they owe now (months, amount). */
export function standingOf(
  pricing: Pricing,
  m: { memberId: string; paidUpTo: Month | null; joinedMonth: Month | null },
  ledgerStart: Month | null,
) {
  const history = pricing.histories.get(m.memberId) ?? [];
  const owed = owedNow(
    { paidUpTo: m.paidUpTo, joinedMonth: m.joinedMonth, ledgerStart },
    pricing.currentMonth,
    (months) => amountForMonths(pricing.periods, history, months),
  );
  return { rateClass: feeClassOn(history, pricing.currentMonth), owed };
}

function ratesNow(pricing: Pricing) {
  const r = feeRuleOfMonth(pricing.periods, pricing.currentMonth);
  return {
    withoutSalary: r.withoutSalary,
    withSalary: r.withSalary,
    abroad: r.abroad,
    branchKeepsPercent: r.branchKeepsPercent,
    overdueMonths: r.overdueMonths,
  };
}

/** Collected, kept and passed up of rows of (month, amount), each month at its own share. */
function totalsOf(periods: readonly FeeRulePeriod[], rows: readonly { month: string; amount: number }[]): FeeTotals {
  const byMonth = new Map<Month, number>();
  for (const r of rows) byMonth.set(r.month, (byMonth.get(r.month) ?? 0) + Number(r.amount));
  return feeSplitByMonth(periods, byMonth);
}

type Unit = Awaited<ReturnType<typeof loadForAction>>;

/** A stored payment as a paid month of the grid. */
function paidMonthOf(p: q.FeePaymentRow): PaidMonth {
  return {
    id: String(p.id),
    month: p.month,
    amount: p.amount,
    rateClass: p.rateClass as FeeRateClass,
    collectedOn: p.collectedOn,
  };
}

async function branchView(db: DbOrTx, actor: Actor, unit: Unit, year: number): Promise<BranchFees> {
  const roster = await q.memberStandings(db, [unit.id]);
  const ids = roster.map((m) => m.memberId);
  const [pricing, starts, payments, collected] = await Promise.all([
    pricingFor(db, ids),
    q.ledgerStarts(db, [unit.id]),
    q.paymentsOfYear(db, ids, year),
    q.collectedByBranchMonth(db, {
      unitPath: unit.path,
      scope: scopeOf(actor, 'member.read'),
      year,
      unitIds: [unit.id],
    }),
  ]);
  const ledgerStart = starts.get(unit.id) ?? null;
  const rates = ratesNow(pricing);
  const members: BranchFeeMember[] = roster.map((m) => {
    const { rateClass, owed } = standingOf(pricing, m, ledgerStart);
    return {
      memberId: m.memberId,
      fullName: m.fullName,
      status: m.status,
      rateClass,
      paid: payments.filter((p) => p.memberId === m.memberId).map(paidMonthOf),
      paidUpTo: m.paidUpTo,
      owed,
      overdue: (owed?.count ?? 0) >= rates.overdueMonths,
    };
  });
  return {
    kind: 'branch',
    unit: { id: unit.id, name: unit.name },
    year,
    currentMonth: pricing.currentMonth,
    rates,
    ledgerStart,
    totals: totalsOf(pricing.periods, collected),
    members,
    canWrite: inScope(scopeOf(actor, 'member.write'), unit.path) && !unit.closedOn,
  };
}

/** Per-branch rows of branches (members, collected, kept, passed up, overdue members). */
export async function branchRows(
  db: DbOrTx,
  actor: Actor,
  unitPath: string,
  year: number,
  branches: readonly { id: string; name: string; parentName: string | null }[],
) {
  const ids = branches.map((b) => b.id);
  const [roster, starts, collected] = await Promise.all([
    q.memberStandings(db, ids),
    q.ledgerStarts(db, ids),
    q.collectedByBranchMonth(db, { unitPath, scope: scopeOf(actor, 'member.read'), year, unitIds: ids }),
  ]);
  const pricing = await pricingFor(db, []);
  const overdueMonths = feeRuleOfMonth(pricing.periods, pricing.currentMonth).overdueMonths;
  return branches.map((b) => {
    const own = roster.filter((m) => m.unitId === b.id);
    const start = starts.get(b.id) ?? null;
    const overdue = own.filter((m) => (standingOf(pricing, m, start).owed?.count ?? 0) >= overdueMonths).length;
    const totals = totalsOf(
      pricing.periods,
      collected.filter((c) => c.unitId === b.id),
    );
    return { unitId: b.id, name: b.name, parentName: b.parentName, members: own.length, ...totals, overdue };
  });
}

async function overview(db: DbOrTx, actor: Actor, unit: Unit, query: z.output<typeof feesQuery>): Promise<UnitFees> {
  const scope = scopeOf(actor, 'member.read');
  const after = query.after ? (decodeCursor(query.after, 2) as [string, string]) : undefined;
  const [page, total, byMonth, periods] = await Promise.all([
    q.branchesPage(db, { unitPath: unit.path, scope, year: query.year, after, limit: query.limit }),
    q.countBranches(db, unit.path, scope, query.year),
    q.collectedByMonth(db, unit.path, scope, query.year),
    q.feeRulePeriods(db),
  ]);
  const shown = page.slice(0, query.limit);
  const last = shown[shown.length - 1];
  const pricing = { periods, histories: new Map(), currentMonth: monthOf(todayInVietnam()) };
  return {
    kind: 'overview',
    unit: { id: unit.id, name: unit.name },
    year: query.year,
    currentMonth: pricing.currentMonth,
    rates: ratesNow(pricing),
    totals: totalsOf(periods, byMonth),
    branches: {
      items: await branchRows(db, actor, unit.path, query.year, shown),
      next: page.length > query.limit && last ? encodeCursor([last.name, last.id]) : null,
      total,
    },
  };
}

/** GET /api/fees: the member grid of a branch, or the per-branch table of a higher unit (member.read). */
export async function getFees(
  db: DbOrTx,
  actor: Actor,
  query: z.output<typeof feesQuery>,
): Promise<BranchFees | UnitFees> {
  const unit = await loadForAction(db, actor, query.unitId, 'member.read');
  if (await q.isBranchKind(db, unit.kind)) return branchView(db, actor, unit, query.year);
  return overview(db, actor, unit, query);
}

/** GET /api/fees/arrears: members of a subtree owing at least `minMonths` months, by branch and name. */
export async function getArrears(db: DbOrTx, actor: Actor, query: z.output<typeof arrearsQuery>): Promise<ArrearsPage> {
  const unit = await loadForAction(db, actor, query.unitId, 'member.read');
  const currentMonth = monthOf(todayInVietnam());
  const after = query.after ? (decodeCursor(query.after, 3) as [string, string, string]) : undefined;
  const rows = await q.arrearsPage(db, {
    unitPath: unit.path,
    scope: scopeOf(actor, 'member.read'),
    latestFrom: addMonths(currentMonth, -(query.minMonths - 1)),
    after,
    limit: query.limit,
  });
  const shown = rows.slice(0, query.limit);
  const pricing = await pricingFor(
    db,
    shown.map((r) => r.memberId),
  );
  const items = shown.flatMap((r) => {
    const { rateClass, owed } = standingOf(pricing, r, r.ledgerStart);
    if (!owed) return [];
    return [
      {
        memberId: r.memberId,
        fullName: r.fullName,
        unitId: r.unitId,
        unitName: r.unitName,
        rateClass,
        paidUpTo: r.paidUpTo,
        from: owed.from,
        months: owed.count,
        amount: owed.amount,
      },
    ];
  });
  const last = shown[shown.length - 1];
  return {
    items,
    next: rows.length > query.limit && last ? encodeCursor([last.unitName, last.sortKey, last.memberId]) : null,
  };
}

/** GET /api/me/fees: the member account's own class, paid-up-to, arrears and this year's payments. */
export async function getMyFees(db: DbOrTx, actor: Actor): Promise<MyFees> {
  const memberId = ownMemberId(actor);
  const m = await q.memberStanding(db, memberId);
  if (!m) throw fail.notFound('hồ sơ đoàn viên');
  const year = Number(todayInVietnam().slice(0, 4));
  const [pricing, starts, payments, unitName] = await Promise.all([
    pricingFor(db, [memberId]),
    q.ledgerStarts(db, [m.unitId]),
    q.paymentsOfYear(db, [memberId], year),
    q.unitName(db, m.unitId),
  ]);
  const { rateClass, owed } = standingOf(pricing, m, starts.get(m.unitId) ?? null);
  return {
    unitName,
    rateClass,
    monthlyAmount: feeAmount(feeRuleOfMonth(pricing.periods, pricing.currentMonth), rateClass),
    paidUpTo: m.paidUpTo,
    owed,
    year,
    payments: payments.map(paidMonthOf),
  };
}
