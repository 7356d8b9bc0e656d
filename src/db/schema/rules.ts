import { check, date, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { user } from './auth.js';

/**
 * Configurable rules (age limits, ceremony dates, quorums, deadlines...) as data with a validity period.
 * The value valid on a date is the row with valid_from <= date < valid_to (valid_to null = open).
 */
export const ruleSets = pgTable(
  'rule_sets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Which rule set: see RULE_KEYS in src/domain/rules. */
    key: text('key').notNull(),
    validFrom: date('valid_from').notNull(),
    validTo: date('valid_to'),
    value: jsonb('value').notNull(),
    note: text('note'),
    createdBy: text('created_by').references(() => user.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('rule_sets_key_idx').on(t.key, t.validFrom),
    check('rule_sets_period_check', sql`${t.validTo} is null or ${t.validTo} > ${t.validFrom}`),
  ],
);
