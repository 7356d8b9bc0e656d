import { and, asc, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.js';
import { feePayments, memberFeeClasses, members } from '../db/schema/index.js';
import { monthFee, type FeeClassPeriod, type FeeRateClass } from '../domain/branch-life/fee-rates.js';
import { addMonths, monthOf, monthsBetween, type Month } from '../domain/branch-life/months.js';
import { ACTIVE_STATUSES } from '../domain/members/reference-lists.js';
import { feeRulePeriods } from '../modules/fees/fees.queries.js';

/** A stable number in [0, 1) from a text (member ids are random, so the mix differs per database but not per call). */
function unitRandom(text: string, salt: number): number {
  let h = 2166136261 ^ salt;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return ((h >>> 0) % 10007) / 10007;
}

/** How far a demo member has paid: most to last or this month, about one in ten owing three to five months. */
function demoPaidUpTo(memberId: string, currentMonth: Month): Month {
  const r = unitRandom(memberId, 1);
  if (r < 0.1) return addMonths(currentMonth, -(3 + Math.floor(unitRandom(memberId, 2) * 3)));
  return r < 0.55 ? addMonths(currentMonth, -1) : currentMonth;
}

/** The day a month's fee was collected: at the monthly meeting (10th–19th), never after today. */
function collectedOn(memberId: string, month: Month, today: string): string {
  const day = 10 + Math.floor(unitRandom(`${memberId}${month}`, 3) * 10);
  const date = `${month}-${String(day).padStart(2, '0')}`;
  return date > today ? today : date;
}

/**
 * Fee payments of the demo members this year (from January, or the last six months early in the year), with some
 * arrears, a few members with salary and one abroad. `unitIds` maps demo unit codes to ids.
 */
export async function seedDemoFees(tx: DbOrTx, unitIds: ReadonlyMap<string, string>, today: string): Promise<void> {
  const currentMonth = monthOf(today);
  const firstMonth = [`${today.slice(0, 4)}-01`, addMonths(currentMonth, -6)].sort()[0]!;
  const roster = await tx
    .select({ id: members.id, unitId: members.unitId, joinedOn: members.joinedOn })
    .from(members)
    .where(and(inArray(members.unitId, [...unitIds.values()]), inArray(members.status, [...ACTIVE_STATUSES])))
    .orderBy(asc(members.sortKey), asc(members.id));
  const periods = await feeRulePeriods(tx);
  const abroadBranch = unitIds.get('TDP2');
  const abroadId = roster.find((m) => m.unitId === abroadBranch)?.id;
  const classes: (typeof memberFeeClasses.$inferInsert)[] = [];
  const payments: (typeof feePayments.$inferInsert)[] = [];
  for (const m of roster) {
    const joined = m.joinedOn ? monthOf(m.joinedOn) : firstMonth;
    const from = joined > firstMonth ? joined : firstMonth;
    let rateClass: FeeRateClass | null = null;
    if (m.id === abroadId) rateClass = 'abroad';
    else if (unitRandom(m.id, 4) < 0.06) rateClass = 'with_salary';
    const history: FeeClassPeriod[] = rateClass ? [{ rateClass, fromMonth: from }] : [];
    if (rateClass) classes.push({ memberId: m.id, rateClass, fromMonth: from });
    for (const month of monthsBetween(from, demoPaidUpTo(m.id, currentMonth))) {
      payments.push({
        memberId: m.id,
        unitId: m.unitId,
        month,
        ...monthFee(periods, history, month),
        collectedOn: collectedOn(m.id, month, today),
      });
    }
  }
  if (classes.length > 0) await tx.insert(memberFeeClasses).values(classes);
  for (let i = 0; i < payments.length; i += 1000) await tx.insert(feePayments).values(payments.slice(i, i + 1000));
}
