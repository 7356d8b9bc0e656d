import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  check,
  date,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { ltree } from './types.js';
import { user } from './auth.js';

/** Level kinds of the tree, as data: centre, province, district, đoàn cơ sở, chi đoàn... */
export const unitKinds = pgTable('unit_kinds', {
  code: text('code').primaryKey(),
  nameVi: text('name_vi').notNull(),
  nameEn: text('name_en').notNull(),
  rank: integer('rank').notNull(),
  isLeaf: boolean('is_leaf').notNull().default(false),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Units of the organisation tree in their current state. */
export const units = pgTable(
  'units',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    parentId: uuid('parent_id'),
    path: ltree('path').notNull(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    shortName: text('short_name'),
    kind: text('kind')
      .notNull()
      .references(() => unitKinds.code),
    sector: text('sector').notNull(),
    powers: text('powers')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    address: text('address'),
    phone: text('phone'),
    email: text('email'),
    socialUrl: text('social_url'),
    foundedOn: date('founded_on'),
    closedOn: date('closed_on'),
    closeReason: text('close_reason'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('units_path_gist').using('gist', t.path),
    index('units_parent_idx').on(t.parentId),
    uniqueIndex('units_sibling_code_open_uq')
      .on(sql`coalesce(${t.parentId}, '00000000-0000-0000-0000-000000000000'::uuid)`, sql`lower(${t.code})`)
      .where(sql`${t.closedOn} is null`),
    index('units_name_trgm').using('gin', sql`lower(unaccent_immutable(${t.name})) gin_trgm_ops`),
    index('units_code_trgm').using('gin', sql`lower(${t.code}) gin_trgm_ops`),
    check(
      'units_sector_check',
      sql`${t.sector} in ('residential','school','enterprise','armed_forces','state_agency','other')`,
    ),
  ],
);

/** Every placement and naming of a unit over time: the tree "as of date D" reads this. */
export const unitVersions = pgTable(
  'unit_versions',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    parentId: uuid('parent_id'),
    path: ltree('path').notNull(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    validFrom: date('valid_from').notNull(),
    validTo: date('valid_to'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('unit_versions_unit_idx').on(t.unitId, t.validFrom),
    index('unit_versions_path_gist').using('gist', t.path),
  ],
);

/** Successor links left by merges and splits. */
export const unitSuccessions = pgTable(
  'unit_successions',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    predecessorId: uuid('predecessor_id')
      .notNull()
      .references(() => units.id),
    successorId: uuid('successor_id')
      .notNull()
      .references(() => units.id),
    kind: text('kind').notNull(),
    effectiveOn: date('effective_on').notNull(),
    note: text('note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('unit_successions_pred_idx').on(t.predecessorId),
    index('unit_successions_succ_idx').on(t.successorId),
    check('unit_successions_kind_check', sql`${t.kind} in ('merge','split')`),
  ],
);

/** Roles given to accounts on units; a revoked grant keeps its row. */
export const roleAssignments = pgTable(
  'role_assignments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: text('user_id')
      .notNull()
      .references(() => user.id),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    role: text('role').notNull(),
    grantedBy: text('granted_by'),
    grantedAt: timestamp('granted_at', { withTimezone: true }).notNull().defaultNow(),
    revokedBy: text('revoked_by'),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [
    index('role_assignments_user_idx').on(t.userId),
    index('role_assignments_unit_idx').on(t.unitId),
    uniqueIndex('role_assignments_active_uq')
      .on(t.userId, t.unitId, t.role)
      .where(sql`${t.revokedAt} is null`),
    check('role_assignments_role_check', sql`${t.role} in ('system_admin','unit_admin','cadre','viewer','member')`),
  ],
);
