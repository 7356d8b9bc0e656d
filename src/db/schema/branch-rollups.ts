import { bigint, integer, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { units } from './org.js';
import { ltree } from './types.js';

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
    /** Bit m−1 set when month m has a member review (migration 0012). */
    reviewMask: integer('review_mask').notNull().default(0),
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

/**
 * In-union members (active, working away, temporarily elsewhere, in transit) per branch, kept by a trigger on
 * `unit_member_counts` (migration 0012): the size a branch is filed under in `subtree_branch_sizes`.
 */
export const branchSizes = pgTable('branch_sizes', {
  unitId: uuid('unit_id')
    .primaryKey()
    .references(() => units.id),
  members: integer('members').notNull().default(0),
});

/*
 * Subtree rollups (migration 0012), kept by triggers in the writing transaction. Each row sums what the units below a
 * path hold (the unit itself included); every unit adds to its own path and to its ancestors' except the root's, so
 * no single row is written by the whole country (the root reads its children's rows). The indicators of a province
 * or of the country read a few hundred rows instead of one per branch.
 */

/** Open branches of the subtree by in-union members (capped at 100: rules ask about 9 or so). */
export const subtreeBranchSizes = pgTable(
  'subtree_branch_sizes',
  {
    path: ltree('path').notNull(),
    members: integer('members').notNull(),
    branches: integer('branches').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.path, t.members] })],
);

/**
 * Open branches of the subtree by the month mask of a year: `what` 'held' (months with a held meeting) or 'reviewed'
 * (months with a member review). Branches whose mask is 0 are not stored.
 */
export const subtreeMonthMasks = pgTable(
  'subtree_month_masks',
  {
    path: ltree('path').notNull(),
    year: integer('year').notNull(),
    what: text('what').notNull(),
    mask: integer('mask').notNull(),
    branches: integer('branches').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.path, t.year, t.what, t.mask] })],
);

/** Present and expected of the held meetings of the subtree's open branches, per month ("YYYY-MM"). */
export const subtreeAttendance = pgTable(
  'subtree_attendance',
  {
    path: ltree('path').notNull(),
    month: text('month').notNull(),
    present: bigint('present', { mode: 'number' }).notNull().default(0),
    expected: bigint('expected', { mode: 'number' }).notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.path, t.month] })],
);

/** Members of the subtree by the month they were last seen at a meeting (`branch_seen_months` summed up). */
export const subtreeSeenMonths = pgTable(
  'subtree_seen_months',
  {
    path: ltree('path').notNull(),
    month: text('month').notNull(),
    members: integer('members').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.path, t.month] })],
);
