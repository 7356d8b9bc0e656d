import type { DbOrTx } from '../../db/client.js';
import { isFeeOverdue, monthsOwed } from '../../domain/branch-life/fee-arrears.js';
import {
  feeOverdueDetail,
  missedDetail,
  missedInARow,
  missingDataDetail,
  REVIEW_CATEGORIES,
  turnsAgeDetail,
  turnsAgeInYear,
  workingAwayDetail,
  type AttendanceMark,
  type ChecklistLine,
  type ReviewCategory,
} from '../../domain/branch-life/review.js';
import { exceptsForYear } from '../../domain/workflows/coming-of-age.js';
import { ruleOn } from '../rules/rules.queries.js';
import * as q from './member-reviews.queries.js';

/** The meeting facts the checklist is computed from. */
export interface ChecklistScope {
  unitId: string;
  /** "YYYY-MM" of the meeting. */
  period: string;
  /** The date the checklist stands on (`reviewDate`). */
  asOf: string;
}

/** The checklist and the absence count it looked for. */
export interface Checklist {
  lines: ChecklistLine[];
  missedInARow: number;
}

const HOSTED_NOTE = ' (sinh hoạt tạm thời tại chi đoàn)';

/** Who at the branch was absent without leave at each of its last `times` held meetings, with those dates. */
async function missedMembers(db: DbOrTx, scope: ChecklistScope, times: number): Promise<Map<string, string[]>> {
  const held = await q.lastHeldMeetings(db, scope.unitId, scope.asOf, times);
  const out = new Map<string, string[]>();
  if (held.length < times) return out;
  const marks = new Map<string, Map<string, AttendanceMark>>();
  for (const a of await q.attendanceAt(
    db,
    held.map((m) => m.id),
  )) {
    const byMeeting = marks.get(a.memberId) ?? new Map<string, AttendanceMark>();
    byMeeting.set(a.meetingId, a.status as AttendanceMark);
    marks.set(a.memberId, byMeeting);
  }
  for (const [memberId, byMeeting] of marks) {
    const list = held.map((m) => byMeeting.get(m.id) ?? null);
    if (missedInARow(list, times))
      out.set(
        memberId,
        held.map((m) => m.heldOn ?? ''),
      );
  }
  return out;
}

/**
 * The review checklist of a branch for a meeting: members with incomplete records, reaching the coming-of-age age
 * in the meeting's year (without a valid exception), working away, absent without leave at the last held meetings,
 * or owing the fee for `fee.overdueMonths` months, by category then name.
 */
export async function computeChecklist(db: DbOrTx, scope: ChecklistScope): Promise<Checklist> {
  const [ageRule, meetingRule, feeRule] = await Promise.all([
    ruleOn(db, 'membershipAge', scope.asOf),
    ruleOn(db, 'meeting', scope.asOf),
    ruleOn(db, 'fee', scope.asOf),
  ]);
  const roster = await q.reviewRoster(db, scope.unitId, scope.asOf);
  const ids = roster.map((m) => m.id);
  const year = Number(scope.period.slice(0, 4));
  const [exceptions, missed, paid, ledger] = await Promise.all([
    q.openExceptions(db, ids),
    missedMembers(db, scope, meetingRule.missedInARow),
    q.paidUpTo(db, ids),
    q.ledgerStart(db, scope.unitId),
  ]);
  const excepted = new Set(exceptions.filter((e) => exceptsForYear(e, year)).map((e) => e.memberId));

  const byCategory = new Map<ReviewCategory, ChecklistLine[]>(REVIEW_CATEGORIES.map((c) => [c, []]));
  for (const m of roster) {
    const add = (category: ReviewCategory, detail: string) =>
      byCategory.get(category)?.push({
        category,
        memberId: m.id,
        fullName: m.fullName,
        detail: m.hosted ? `${detail}${HOSTED_NOTE}` : detail,
        hosted: m.hosted,
      });
    const missing = missingDataDetail(m);
    if (missing) add('incomplete_data', missing);
    if (m.birthDate && turnsAgeInYear(m.birthDate, year, ageRule.comingOfAgeAge) && !excepted.has(m.id))
      add('turns_30', turnsAgeDetail(m.birthDate, m.birthYearOnly, year, ageRule.comingOfAgeAge));
    if (m.status === 'working_away') add('working_away', workingAwayDetail(m.awayPlace, m.awaySince));
    const missedOn = missed.get(m.id);
    if (missedOn) add('missed_in_a_row', missedDetail(missedOn));
    const standing = {
      paidUpTo: paid.get(m.id) ?? null,
      joinedMonth: m.joinedOn?.slice(0, 7) ?? null,
      ledgerStart: ledger,
    };
    const owed = monthsOwed(standing, scope.period);
    if (owed && isFeeOverdue(standing, scope.period, feeRule.overdueMonths)) add('fee_overdue', feeOverdueDetail(owed));
  }
  return { lines: REVIEW_CATEGORIES.flatMap((c) => byCategory.get(c) ?? []), missedInARow: meetingRule.missedInARow };
}
