import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { DbOrTx } from '../../db/client.js';
import { rows } from '../../db/rows.js';
import { withinScope } from '../../db/scope.js';
import { typedList } from '../../db/sql-lists.js';
import type { Actor } from '../../auth/actor.js';
import { scopeOf } from '../../auth/actor.js';
import type { BranchMeetingRow, MeetingList, meetingListQuery } from '../../contracts/meetings.js';
import { attendanceRate, meetingInterval, periodsDue, ruleDateOf } from '../../domain/branch-life/meeting-rules.js';
import { meetingPeriods, periodStart } from '../../domain/branch-life/months.js';
import { todayInVietnam } from '../../domain/text/dates.js';
import { designatedOn } from '../branch-indicators/designations.queries.js';
import { ruleOn } from '../rules/rules.queries.js';
import { branchForRead, canWrite } from './meetings.policy.js';
import { toSummary } from './meetings.presenter.js';
import { meetingsOfYear, type UnitRef } from './meetings.queries.js';
import { decodePairCursor, encodeCursor } from '../../db/cursor.js';

type ListQuery = Pick<z.output<typeof meetingListQuery>, 'unitId' | 'year' | 'limit' | 'after'>;

/** A branch's meetings of the year, or one row per open branch of a higher unit (keyset pages by name). */
export async function listMeetings(db: DbOrTx, actor: Actor, query: ListQuery): Promise<MeetingList> {
  const unit = await branchForRead(db, actor, query.unitId);
  return unit.isBranch ? branchYear(db, actor, unit, query.year) : branchesOverview(db, actor, unit, query);
}

async function branchYear(db: DbOrTx, actor: Actor, unit: UnitRef, year: number): Promise<MeetingList> {
  const today = todayInVietnam();
  const onDate = ruleDateOf(year, today);
  const [rule, remote, items] = await Promise.all([
    ruleOn(db, 'meeting', onDate),
    designatedOn(db, [unit.id], 'remote', onDate),
    meetingsOfYear(db, unit.id, year),
  ]);
  const everyMonths = meetingInterval(rule, remote.has(unit.id));
  return {
    kind: 'branch',
    unitId: unit.id,
    unitName: unit.name,
    year,
    closed: Boolean(unit.closedOn),
    remote: remote.has(unit.id),
    everyMonths,
    periods: meetingPeriods(year, everyMonths),
    canWrite: !unit.closedOn && canWrite(actor, unit.path),
    items: items.map(toSummary),
  };
}

function decodeCursor(cursor: string | undefined): [string, string] | null {
  return cursor ? decodePairCursor(cursor, 'after') : null;
}

interface MeetingFacts {
  unit_id: string;
  period: string;
  status: string;
  held_on: string | null;
  expected_count: number;
  present_count: number;
}

async function branchesOverview(db: DbOrTx, actor: Actor, unit: UnitRef, query: ListQuery): Promise<MeetingList> {
  const today = todayInVietnam();
  const onDate = ruleDateOf(query.year, today);
  const after = decodeCursor(query.after);
  const scope = withinScope(sql`u.path`, scopeOf(actor, 'member.read'));
  const base = sql`from units u join unit_kinds k on k.code = u.kind
    where u.path <@ ${unit.path}::ltree and u.id <> ${unit.id}::uuid and k.is_leaf and u.closed_on is null and ${scope}`;
  const keyset = after ? sql`and (u.name, u.id) > (${after[0]}, ${after[1]}::uuid)` : sql``;
  const [page, [total]] = await Promise.all([
    rows<{ id: string; name: string; parent_name: string | null }>(
      db,
      sql`select u.id, u.name, (select p.name from units p where p.id = u.parent_id) as parent_name
          ${base} ${keyset} order by u.name, u.id limit ${query.limit + 1}`,
    ),
    rows<{ n: number }>(db, sql`select count(*)::int as n ${base}`),
  ]);
  const shown = page.slice(0, query.limit);
  const ids = shown.map((b) => b.id);
  const [rule, remote, facts] = await Promise.all([
    ruleOn(db, 'meeting', onDate),
    designatedOn(db, ids, 'remote', onDate),
    ids.length === 0
      ? Promise.resolve([] as MeetingFacts[])
      : rows<MeetingFacts>(
          db,
          sql`select unit_id, period, status, held_on::text as held_on, expected_count, present_count from meetings
              where unit_id in (${typedList(ids, 'uuid')}) and period like ${`${query.year}-%`} and status <> 'cancelled'`,
        ),
  ]);
  const items = shown.map((b) => overviewRow(b, meetingInterval(rule, remote.has(b.id)), facts, query.year, today));
  const last = shown.at(-1);
  return {
    kind: 'units',
    unitId: unit.id,
    unitName: unit.name,
    year: query.year,
    total: Number(total?.n ?? 0),
    next: page.length > query.limit && last ? encodeCursor([last.name, last.id]) : null,
    items,
  };
}

function overviewRow(
  b: { id: string; name: string; parent_name: string | null },
  everyMonths: number,
  facts: readonly MeetingFacts[],
  year: number,
  today: string,
): BranchMeetingRow {
  const mine = facts.filter((f) => f.unit_id === b.id);
  const held = mine.filter((f) => f.status === 'held');
  const heldPeriods = new Set(held.map((f) => periodStart(f.period, everyMonths)));
  const rated = held.filter((f) => f.expected_count > 0);
  const rates = rated.map((f) => attendanceRate(f.present_count, f.expected_count) ?? 0);
  const lastHeldOn = held.reduce<string | null>(
    (acc, f) => (f.held_on && (!acc || f.held_on > acc) ? f.held_on : acc),
    null,
  );
  return {
    unitId: b.id,
    unitName: b.name,
    parentName: b.parent_name,
    everyMonths,
    required: periodsDue(year, everyMonths, today).length,
    held: heldPeriods.size,
    planned: mine.filter((f) => f.status === 'planned').length,
    lastHeldOn,
    averageAttendance: rates.length ? Math.round((rates.reduce((s, r) => s + r, 0) / rates.length) * 10) / 10 : null,
  };
}
