import { sql } from 'drizzle-orm';
import { check, date, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { units } from './org.js';

/** Members (đoàn viên). The member registry issue fills this record out; here: who belongs where. */
export const members = pgTable(
  'members',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    /** The province the member's unit lies in, kept for sharding by province. */
    provinceId: uuid('province_id').references(() => units.id),
    fullName: text('full_name').notNull(),
    givenName: text('given_name').notNull(),
    searchName: text('search_name').notNull(),
    birthDate: date('birth_date'),
    gender: text('gender').notNull(),
    status: text('status').notNull().default('active'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('members_unit_idx').on(t.unitId),
    index('members_province_idx').on(t.provinceId),
    check('members_gender_check', sql`${t.gender} in ('male','female')`),
  ],
);
