import type { DbOrTx } from '../../db/client.js';
import type { Actor } from '../../auth/actor.js';
import { scopeOf } from '../../auth/actor.js';
import type { BranchBook } from '../../contracts/branch-indicators.js';
import { bookLastMonth, NO_RATINGS, owedInYear, secretaryOf } from '../../domain/branch-life/branch-book.js';
import { monthOf } from '../../domain/branch-life/months.js';
import { fail } from '../../domain/errors.js';
import { ACTIVE_STATUSES } from '../../domain/members/reference-lists.js';
import { GRASSROOTS_KINDS } from '../../domain/org/unit-kind.js';
import { todayInVietnam } from '../../domain/text/dates.js';
import * as q from './branch-book.queries.js';
import { designatedOn, findBranchUnit, type BranchUnit } from './designations.queries.js';

/** The branch book data of a year, with the raw grids the files need. */
export interface BookData {
  book: BranchBook;
  branch: BranchUnit;
  attendance: { meetingId: string; memberId: string; status: string }[];
  fees: { memberId: string; month: string; amount: number }[];
}

/** A branch (kind chi đoàn) inside the actor's member.read scope; 404 outside, 422 for another kind. */
export async function loadBookBranch(db: DbOrTx, actor: Actor, unitId: string): Promise<BranchUnit> {
  const branch = await findBranchUnit(db, scopeOf(actor, 'member.read'), unitId, GRASSROOTS_KINDS);
  if (!branch) throw fail.notFound('chi đoàn');
  if (branch.kind !== 'branch')
    throw fail.rule(`${branch.name} không phải chi đoàn: sổ chi đoàn chỉ có ở chi đoàn.`, 'unitId');
  return branch;
}

/** Everything the branch book of `year` shows: members, meetings, attendance, fees, comments, ratings. */
export async function bookData(db: DbOrTx, branch: BranchUnit, year: number): Promise<BookData> {
  const today = todayInVietnam();
  const onDate = year < Number(today.slice(0, 4)) ? `${year}-12-31` : today;
  const [members, meetings, fees, ledger, remote, pilot] = await Promise.all([
    q.bookMembers(db, branch.id, ACTIVE_STATUSES),
    q.bookMeetings(db, branch.id, year),
    q.bookFees(db, branch.id, year),
    q.ledgerStart(db, branch.id),
    designatedOn(db, [branch.id], 'remote', onDate),
    designatedOn(db, [branch.id], 'pilot', onDate),
  ]);
  const memberIds = members.map((m) => m.id);
  const [attendance, comments] = await Promise.all([
    q.bookAttendance(
      db,
      meetings.map((m) => m.id),
    ),
    q.bookComments(db, memberIds, year),
  ]);
  const lastMonth = bookLastMonth(year, today);
  const names = new Map(members.map((m) => [m.id, m.fullName]));
  const byMonth = new Map<string, { amount: number; payers: number }>();
  for (const f of fees) {
    const m = byMonth.get(f.month) ?? { amount: 0, payers: 0 };
    byMonth.set(f.month, { amount: m.amount + f.amount, payers: m.payers + 1 });
  }
  const owing = members
    .filter((m) => !m.hosted)
    .map((m) => ({
      memberId: m.id,
      fullName: m.fullName,
      paidUpTo: m.paidUpTo,
      months: owedInYear(year, lastMonth, {
        paidUpTo: m.paidUpTo,
        joinedMonth: m.joinedOn ? monthOf(m.joinedOn) : null,
        ledgerStart: ledger,
      }),
    }))
    .filter((o) => o.months > 0);
  const book: BranchBook = {
    year,
    branch: {
      id: branch.id,
      name: branch.name,
      code: branch.code,
      parentName: branch.parentName,
      address: branch.address,
      remote: remote.has(branch.id),
      pilot: pilot.has(branch.id),
    },
    secretary: secretaryOf(members),
    members,
    meetings,
    fees: {
      collected: fees.reduce((sum, f) => sum + f.amount, 0),
      payments: fees.length,
      owing,
      byMonth: [...byMonth.entries()].map(([month, v]) => ({ month, ...v })),
    },
    comments: comments.map((c) => ({ ...c, fullName: names.get(c.memberId) ?? '' })),
    ratings: { items: [], note: NO_RATINGS },
  };
  return { book, branch, attendance, fees };
}

/** The branch book of a year as JSON (member.read on the branch). */
export async function getBranchBook(db: DbOrTx, actor: Actor, unitId: string, year: number): Promise<BranchBook> {
  const branch = await loadBookBranch(db, actor, unitId);
  return (await bookData(db, branch, year)).book;
}
