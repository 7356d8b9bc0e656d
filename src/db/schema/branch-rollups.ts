import { integer, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { units } from './org.js';

/**
 * Held meetings of a branch per calendar year, kept by a trigger on `meetings` in the writing transaction (migration
 * 0010): bit m−1 of `heldMask` is set when month m has a held meeting; `present[m]` / `expected[m]` sum the counts
 * of that month's held meetings. The indicators of a province or of the whole country read one row per branch.
 */
export const branchMeetingYears = pgTable(
  'branch_meeting_years',
  {
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    year: integer('year').notNull(),
    heldMask: integer('held_mask').notNull().default(0),
    present: integer('present').array().notNull(),
    expected: integer('expected').array().notNull(),
  },
  (t) => [primaryKey({ columns: [t.unitId, t.year] })],
);

/**
 * How many members were last seen (present at a meeting) in each month, per branch of that meeting: a histogram of
 * `member_last_seen` kept by a trigger (migration 0010). "Seen since month M" sums the months from M on.
 */
export const branchSeenMonths = pgTable(
  'branch_seen_months',
  {
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    /** "YYYY-MM". */
    month: text('month').notNull(),
    members: integer('members').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.unitId, t.month] })],
);
