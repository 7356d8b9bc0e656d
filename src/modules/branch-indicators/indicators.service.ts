import type { z } from 'zod';
import type { DbOrTx } from '../../db/client.js';
import type { Actor } from '../../auth/actor.js';
import { scopeOf } from '../../auth/actor.js';
import type {
  ByChildResponse,
  Figures,
  IndicatorListPage,
  IndicatorRow,
  IndicatorsResponse,
  indicatorListQuery,
  indicatorQuery,
} from '../../contracts/branch-indicators.js';
import {
  assertPeriod,
  dayAfter,
  figure,
  firstCountedMonth,
  INDICATOR_SUBJECT,
  judgedUntil,
  requiredPeriods,
  seenSince,
  type IndicatorKey,
} from '../../domain/branch-life/indicators.js';
import { monthCount } from '../../domain/branch-life/months.js';
import { fail } from '../../domain/errors.js';
import { ACTIVE_STATUSES } from '../../domain/members/reference-lists.js';
import { GRASSROOTS_KINDS } from '../../domain/org/unit-kind.js';
import { todayInVietnam } from '../../domain/text/dates.js';
import { rolledUpCount } from '../members/members.queries.js';
import { ruleOn } from '../rules/rules.queries.js';
import { findBranchUnit } from './designations.queries.js';
import * as q from './indicators.queries.js';
import { decodePairCursor, encodeCursor } from '../../db/cursor.js';

type Period = z.output<typeof indicatorQuery>;

/** The unit (404 outside the actor's member.read scope) and the SQL arguments of its indicators. */
export async function prepareIndicators(db: DbOrTx, actor: Actor, query: Period) {
  assertPeriod(query.from, query.to);
  const scope = scopeOf(actor, 'member.read');
  const unit = await findBranchUnit(db, scope, query.unitId, GRASSROOTS_KINDS);
  if (!unit) throw fail.notFound('đơn vị');
  const toEnd = dayAfter(query.to);
  const today = todayInVietnam();
  const [meeting, limits] = await Promise.all([
    ruleOn(db, 'meeting', `${query.to}-01`),
    ruleOn(db, 'branchIndicators', `${query.to}-01`),
  ]);
  const args: q.IndicatorArgs = {
    path: unit.path,
    scope,
    from: query.from,
    to: query.to,
    fromRegular: firstCountedMonth(query.from, meeting.regularEveryMonths),
    fromRemote: firstCountedMonth(query.from, meeting.remoteEveryMonths),
    regularEvery: meeting.regularEveryMonths,
    remoteEvery: meeting.remoteEveryMonths,
    judgedRegular: judgedUntil(query.to, meeting.regularEveryMonths, today),
    judgedRemote: judgedUntil(query.to, meeting.remoteEveryMonths, today),
    requiredRegular: requiredPeriods(
      query.from,
      judgedUntil(query.to, meeting.regularEveryMonths, today),
      meeting.regularEveryMonths,
    ),
    requiredRemote: requiredPeriods(
      query.from,
      judgedUntil(query.to, meeting.remoteEveryMonths, today),
      meeting.remoteEveryMonths,
    ),
    months: monthCount(query.from, query.to),
    minMembers: limits.minMembers,
    fromDay: `${query.from}-01`,
    toEnd,
    seenSince: seenSince(query.to, limits.notSeenMonths),
    statuses: ACTIVE_STATUSES,
    grassrootsKinds: GRASSROOTS_KINDS,
  };
  return { unit, args, meeting, limits };
}

function figuresOf(
  b: q.BranchSums,
  p: { communes: number; piloted: number },
  members: { inUnion: number; seen: number },
): Figures {
  return {
    meetingCharter: figure('meetingCharter', b.charter, b.branches),
    minMembers: figure('minMembers', b.big, b.branches),
    attendance: figure('attendance', Number(b.present), Number(b.expected)),
    notSeen: figure('notSeen', Math.max(0, members.inUnion - members.seen), members.inUnion),
    pilot: figure('pilot', p.piloted, p.communes),
    monthlyReview: figure('monthlyReview', b.reviewed, b.branches),
  };
}

function inUnionCount(db: DbOrTx, args: q.IndicatorArgs): Promise<number> {
  return rolledUpCount(db, args.path, args.statuses, args.scope);
}

/** The six indicators of a unit's open branches over [from, to]. */
export async function getIndicators(db: DbOrTx, actor: Actor, query: Period): Promise<IndicatorsResponse> {
  const { unit, args, meeting, limits } = await prepareIndicators(db, actor, query);
  const [branches, pilots, inUnion, seen] = await Promise.all([
    q.branchTotals(db, args),
    q.pilotTotals(db, args),
    inUnionCount(db, args),
    q.seenMembers(db, args),
  ]);
  return {
    unitId: unit.id,
    unitName: unit.name,
    from: query.from,
    to: query.to,
    branches: branches.branches,
    figures: figuresOf(branches, pilots, { inUnion, seen }),
    rules: {
      minMembers: limits.minMembers,
      notSeenMonths: limits.notSeenMonths,
      regularEveryMonths: meeting.regularEveryMonths,
      remoteEveryMonths: meeting.remoteEveryMonths,
    },
  };
}

/** The indicators per direct child unit (a province sees each district or đoàn cơ sở). */
export async function getIndicatorsByChild(db: DbOrTx, actor: Actor, query: Period): Promise<ByChildResponse> {
  const { unit, args } = await prepareIndicators(db, actor, query);
  const children = await q.childTotals(db, args);
  return {
    unitId: unit.id,
    from: query.from,
    to: query.to,
    items: children.map((c) => ({
      unitId: c.id,
      unitName: c.name,
      kind: c.kind,
      branches: c.branches,
      figures: figuresOf(c, c, { inUnion: c.inUnion, seen: c.seen }),
    })),
  };
}

function decodeCursor(cursor: string | undefined): q.Keyset {
  return cursor ? decodePairCursor(cursor) : null;
}

/**
 * The rows behind a figure: branches (or communes for the pilot indicator, members for "not seen") in the numerator
 * (`meets=true`) or only in the denominator (`meets=false`), keyset-paginated by name, each with its own figures.
 */
export async function getIndicatorList(
  db: DbOrTx,
  actor: Actor,
  key: IndicatorKey,
  query: z.output<typeof indicatorListQuery>,
): Promise<IndicatorListPage> {
  const { args } = await prepareIndicators(db, actor, query);
  const meets = query.meets === 'true';
  const keyset = decodeCursor(query.cursor);
  const limit = query.limit + 1;
  const subject = INDICATOR_SUBJECT[key];
  let items: (IndicatorRow & { sortKey: string })[];
  if (key === 'pilot') {
    const found = await q.grassrootsRows(db, args, meets, keyset, limit);
    items = found.map((g) => ({ ...g, sortKey: g.name, meets: g.pilotName !== null }));
  } else if (key === 'notSeen') {
    const found = await q.memberRows(db, args, meets, keyset, limit);
    items = found.map((m) => ({ ...m, meets }));
  } else {
    const condition = q.branchCondition(key, args);
    const found = await q.branchRows(db, args, meets ? condition : q.negate(condition), keyset, limit);
    items = found.map((b) => ({
      id: b.id,
      name: b.name,
      sortKey: b.name,
      parentName: b.parentName,
      meets,
      heldPeriods: b.held,
      requiredPeriods: b.required,
      remote: b.remote,
      members: b.members,
      present: Number(b.present),
      expected: Number(b.expected),
      reviewedMonths: b.reviewed,
    }));
  }
  const page = items.slice(0, query.limit);
  const last = page[page.length - 1];
  return {
    indicator: key,
    subject,
    items: page.map(({ sortKey: _sortKey, ...row }) => row),
    next: items.length > query.limit && last ? encodeCursor([last.sortKey, last.id]) : null,
  };
}
