import { eq } from 'drizzle-orm';
import type { TestApp } from '../../../tests/helpers/test-app.js';
import type { DbOrTx } from '../../db/client.js';
import { meetingAttendance, meetings, members, units } from '../../db/schema/index.js';
import { addMonths, monthOf } from '../../domain/branch-life/months.js';
import { todayInVietnam } from '../../domain/text/dates.js';
import { foldVietnamese, givenName, nameSortKey } from '../../domain/text/vietnamese.js';
import type { ScopeCase } from '../../../tests/helpers/scope-case.js';

type MemberInsert = typeof members.$inferInsert;

/** The current month and the `n` months before it, oldest first. */
export function recentMonths(n: number): string[] {
  const now = monthOf(todayInVietnam());
  return Array.from({ length: n + 1 }, (_, i) => addMonths(now, i - n));
}

/** Inserts a member with a complete record (override any field); returns its id. */
export async function insertMember(
  db: DbOrTx,
  unitId: string,
  fullName: string,
  over: Partial<MemberInsert> = {},
): Promise<string> {
  const [unit] = await db.select({ path: units.path }).from(units).where(eq(units.id, unitId));
  const [province] = unit
    ? await db
        .select({ id: units.id })
        .from(units)
        .where(eq(units.path, unit.path.split('.').slice(0, 2).join('.')))
    : [];
  const [row] = await db
    .insert(members)
    .values({
      unitId,
      provinceId: province?.id ?? null,
      fullName,
      givenName: givenName(fullName),
      searchName: foldVietnamese(fullName),
      sortKey: nameSortKey(fullName),
      gender: 'male',
      birthDate: '2000-05-10',
      cccd: `9${String(Math.floor(Math.random() * 1e11)).padStart(11, '0')}`,
      phone: '0905111222',
      joinedOn: '2015-03-26',
      cardNumber: `RS${Math.floor(Math.random() * 1e9)}`,
      permanentAddress: '12 Lê Lợi, Hải Châu',
      ...over,
    })
    .returning({ id: members.id });
  if (!row) throw new Error('member insert returned no row');
  return row.id;
}

/** Inserts a meeting of a branch (held on the 1st of its month unless said otherwise); returns its id. */
export async function insertMeeting(
  db: DbOrTx,
  unitId: string,
  period: string,
  over: Partial<typeof meetings.$inferInsert> = {},
): Promise<string> {
  const [row] = await db
    .insert(meetings)
    .values({ unitId, period, status: 'held', heldOn: `${period}-01`, topic: 'Sinh hoạt thường kỳ', ...over })
    .returning({ id: meetings.id });
  if (!row) throw new Error('meeting insert returned no row');
  return row.id;
}

/** Records attendance marks at a meeting. */
export async function insertAttendance(
  db: DbOrTx,
  meetingId: string,
  marks: readonly { memberId: string; status: 'present' | 'excused' | 'absent'; hosted?: boolean }[],
): Promise<void> {
  if (marks.length === 0) return;
  await db.insert(meetingAttendance).values(marks.map((m) => ({ meetingId, ...m, hosted: m.hosted ?? false })));
}

/** What the review scope cases need: a held meeting of TDP1 this month. */
export interface ReviewFixtures {
  meetingId: string;
}

/** A held meeting of Chi đoàn TDP1 (recorded directly: the meetings module owns its own endpoints). */
export async function reviewScopeFixtures(t: TestApp): Promise<ReviewFixtures> {
  const [now] = recentMonths(0);
  return { meetingId: await insertMeeting(t.database.db, await t.unitId('TDP1'), now!) };
}

/** One case per review endpoint, for the scope test. */
export function reviewScopeCases(r: { unitId: (code: string) => string; fx: () => ReviewFixtures }): ScopeCase[] {
  return [
    { name: 'meeting review', method: 'GET', url: () => `/api/meetings/${r.fx().meetingId}/review`, write: false },
    {
      name: 'record meeting review',
      method: 'PUT',
      url: () => `/api/meetings/${r.fx().meetingId}/review`,
      body: () => ({ items: [], conclusion: 'Không có ý kiến.' }),
      write: true,
    },
    { name: 'branch reviews', method: 'GET', url: () => `/api/units/${r.unitId('TDP1')}/reviews`, write: false },
    {
      name: 'reviews below a unit',
      method: 'GET',
      url: () => `/api/units/${r.unitId('HCH')}/reviews`,
      write: false,
    },
  ];
}
