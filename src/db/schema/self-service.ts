import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { user } from './auth.js';
import { units } from './org.js';
import { members } from './members.js';
import { bytea } from './types.js';

/** Links a member account (role "member") to the one member record it may see. */
export const memberAccounts = pgTable(
  'member_accounts',
  {
    userId: text('user_id')
      .primaryKey()
      .references(() => user.id, { onDelete: 'cascade' }),
    memberId: uuid('member_id')
      .notNull()
      .references(() => members.id),
    createdBy: text('created_by').references(() => user.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('member_accounts_member_uq').on(t.memberId)],
);

/** The member's photo for the e-card; one per member, replaced on upload. */
export const memberPhotos = pgTable('member_photos', {
  memberId: uuid('member_id')
    .primaryKey()
    .references(() => members.id),
  contentType: text('content_type').notNull(),
  data: bytea('data').notNull(),
  byteSize: integer('byte_size').notNull(),
  uploadedBy: text('uploaded_by').references(() => user.id),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** A member's request to change identity fields; the branch approves or rejects it. */
export const memberChangeRequests = pgTable(
  'member_change_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    memberId: uuid('member_id')
      .notNull()
      .references(() => members.id),
    /** The branch the member belonged to when asking: its cadres decide. */
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    /** Field -> requested value. */
    changes: jsonb('changes').notNull(),
    /** Field -> value on the record when the request was made. */
    previous: jsonb('previous').notNull(),
    note: text('note'),
    status: text('status').notNull().default('pending'),
    requestedBy: text('requested_by').references(() => user.id),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull().defaultNow(),
    decidedBy: text('decided_by').references(() => user.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decisionNote: text('decision_note'),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('member_change_requests_unit_idx').on(t.unitId, t.status, t.requestedAt),
    index('member_change_requests_member_idx').on(t.memberId, t.requestedAt),
    uniqueIndex('member_change_requests_pending_uq')
      .on(t.memberId)
      .where(sql`${t.status} = 'pending'`),
    check('member_change_requests_status_check', sql`${t.status} in ('pending','approved','rejected','withdrawn')`),
  ],
);

/** Members of one unit (not its subtree) by status, kept by triggers on `members` for fast counts. */
export const unitMemberCounts = pgTable(
  'unit_member_counts',
  {
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    status: text('status').notNull(),
    memberCount: integer('member_count').notNull().default(0),
  },
  (t) => [uniqueIndex('unit_member_counts_pk').on(t.unitId, t.status)],
);
