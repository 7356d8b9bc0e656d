import { and, asc, eq, inArray } from 'drizzle-orm';
import type { TestApp } from '../../../tests/helpers/test-app.js';
import { members } from '../../db/schema/index.js';
import { addMonths, monthOf } from '../../domain/branch-life/months.js';
import { ACTIVE_STATUSES } from '../../domain/members/reference-lists.js';
import { todayInVietnam } from '../../domain/text/dates.js';
import type { FeeCollection } from '../../contracts/fees.js';
import type { ScopeCase } from '../../../tests/helpers/scope-case.js';

/** What the fee scope cases need: a member of TDP1 and a payment collected there. */
export interface FeeFixtures {
  memberId: string;
  paymentId: string;
}

/** Members in the union of a demo branch, in name order. */
export async function branchMembers(t: TestApp, code: string) {
  return t.database.db
    .select({ id: members.id, fullName: members.fullName, joinedOn: members.joinedOn })
    .from(members)
    .where(and(eq(members.unitId, await t.unitId(code)), inArray(members.status, [...ACTIVE_STATUSES])))
    .orderBy(asc(members.sortKey), asc(members.id));
}

/** A month `n` months after the current one (demo members have paid at most up to the current month). */
export const monthAhead = (n: number) => addMonths(monthOf(todayInVietnam()), n);

/** Creates, as xadoan, a payment at TDP1 (a month ten months ahead) for the scope cases. */
export async function feeScopeFixtures(t: TestApp): Promise<FeeFixtures> {
  const [member] = await branchMembers(t, 'TDP1');
  const res = await t.call('POST', '/api/fees/payments', await t.as('xadoan'), {
    unitId: await t.unitId('TDP1'),
    collectedOn: todayInVietnam(),
    items: [{ memberId: member!.id, months: [monthAhead(10)] }],
  });
  const line = res.json<FeeCollection>().lines[0]!;
  return { memberId: member!.id, paymentId: line.id! };
}

/** One case per fee endpoint, for the scope test. */
export function feeScopeCases(r: { unitId: (code: string) => string; fx: () => FeeFixtures }): ScopeCase[] {
  const collection = () => ({
    unitId: r.unitId('TDP1'),
    collectedOn: todayInVietnam(),
    items: [{ memberId: r.fx().memberId, months: [monthAhead(11)] }],
  });
  const read = (name: string, url: () => string) => ({ name, method: 'GET' as const, url, write: false });
  return [
    read('fees of a branch', () => `/api/fees?unitId=${r.unitId('TDP1')}&year=${todayInVietnam().slice(0, 4)}`),
    read(
      'fees of a grassroots union',
      () => `/api/fees?unitId=${r.unitId('HCH')}&year=${todayInVietnam().slice(0, 4)}`,
    ),
    read('fee arrears', () => `/api/fees/arrears?unitId=${r.unitId('HCH')}`),
    read('member fee class', () => `/api/members/${r.fx().memberId}/fee-class`),
    read('fee ledger', () => `/api/units/${r.unitId('TDP1')}/fee-ledger.xlsx?year=${todayInVietnam().slice(0, 4)}`),
    {
      name: 'quote a fee collection',
      method: 'POST' as const,
      url: () => '/api/fees/payments/quote',
      body: collection,
      write: true,
    },
    { name: 'collect fees', method: 'POST' as const, url: () => '/api/fees/payments', body: collection, write: true },
    {
      name: 'delete a fee payment',
      method: 'DELETE' as const,
      url: () => `/api/fees/payments/${r.fx().paymentId}`,
      body: () => ({ reason: 'Ghi nhầm' }),
      write: true,
    },
    {
      name: 'change a fee class',
      method: 'PUT' as const,
      url: () => `/api/members/${r.fx().memberId}/fee-class`,
      body: () => ({ rateClass: 'with_salary', fromMonth: monthAhead(1) }),
      write: true,
    },
    { name: 'my fees', method: 'GET' as const, url: () => '/api/me/fees', write: false, self: true },
  ];
}
