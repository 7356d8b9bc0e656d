import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { units } from './org.js';
import { user } from './auth.js';

/** Members (đoàn viên): identity, union, social and management data of one member record. */
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
    /** Lower case without diacritics, for search. */
    searchName: text('search_name').notNull(),
    /** Vietnamese sort key: folded given name, then the folded full name. */
    sortKey: text('sort_key').notNull().default(''),
    birthDate: date('birth_date'),
    /** True when only the year of birth is known (birth_date is then 1 January). */
    birthYearOnly: boolean('birth_year_only').notNull().default(false),
    gender: text('gender').notNull(),
    ethnicity: text('ethnicity'),
    religion: text('religion'),
    cccd: text('cccd'),
    phone: text('phone'),
    email: text('email'),
    permanentProvince: text('permanent_province'),
    permanentCommune: text('permanent_commune'),
    permanentAddress: text('permanent_address'),
    residenceProvince: text('residence_province'),
    residenceCommune: text('residence_commune'),
    residenceAddress: text('residence_address'),
    hometown: text('hometown'),
    joinedOn: date('joined_on'),
    admittedAt: text('admitted_at'),
    cardNumber: text('card_number'),
    cardIssuedOn: date('card_issued_on'),
    position: text('position'),
    partyMember: boolean('party_member').notNull().default(false),
    partyJoinedOn: date('party_joined_on'),
    pioneerHistory: text('pioneer_history'),
    educationLevel: text('education_level'),
    qualification: text('qualification'),
    occupation: text('occupation'),
    schoolClass: text('school_class'),
    workplace: text('workplace'),
    status: text('status').notNull().default('active'),
    awayPlace: text('away_place'),
    awaySince: date('away_since'),
    careFlags: text('care_flags')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    careNote: text('care_note'),
    helpPlan: text('help_plan'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('members_unit_sort_idx').on(t.unitId, t.sortKey, t.id),
    // A province's list in name order carrying every list filter's column: pages, name searches and filtered
    // counts of a province walk it without reading the table (index-only).
    index('members_province_list_idx').on(
      t.provinceId,
      t.sortKey,
      t.id,
      t.searchName,
      t.status,
      t.gender,
      t.ethnicity,
      t.religion,
      t.partyMember,
      t.birthDate,
      t.careFlags,
    ),
    index('members_province_birth_idx').on(t.provinceId, t.birthDate, t.id),
    // The whole country in name order, with the folded name for searches.
    index('members_sort_idx').on(t.sortKey, t.id, t.searchName),
    // Trigram search, narrowed to a province inside the index (needs the btree_gin extension for province_id).
    index('members_search_trgm').using('gin', t.provinceId, sql`${t.searchName} gin_trgm_ops`),
    index('members_phone_idx').on(t.phone),
    index('members_card_idx').on(t.cardNumber),
    uniqueIndex('members_cccd_active_uq')
      .on(t.cccd)
      .where(
        sql`${t.cccd} is not null and ${t.status} in ('active','working_away','temporary_elsewhere','in_transit')`,
      ),
    check('members_gender_check', sql`${t.gender} in ('male','female')`),
    check(
      'members_status_check',
      sql`${t.status} in ('active','working_away','temporary_elsewhere','in_transit','matured','removed','expelled','deceased')`,
    ),
    check('members_cccd_check', sql`${t.cccd} is null or ${t.cccd} ~ '^[0-9]{12}$'`),
  ],
);

/** Dated events of a member's history: branch, status, position and card changes never overwrite. */
export const memberEvents = pgTable(
  'member_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    memberId: uuid('member_id')
      .notNull()
      .references(() => members.id),
    unitId: uuid('unit_id').references(() => units.id),
    kind: text('kind').notNull(),
    onDate: date('on_date').notNull(),
    before: jsonb('before'),
    after: jsonb('after'),
    note: text('note'),
    actorId: text('actor_id').references(() => user.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('member_events_member_idx').on(t.memberId, t.onDate)],
);

/** Yearly comments (nhận xét) written on a member's book. */
export const memberComments = pgTable(
  'member_comments',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    memberId: uuid('member_id')
      .notNull()
      .references(() => members.id),
    year: integer('year').notNull(),
    content: text('content').notNull(),
    authorId: text('author_id').references(() => user.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('member_comments_member_year_uq').on(t.memberId, t.year)],
);
