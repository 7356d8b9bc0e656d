import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { user } from './auth.js';
import { units } from './org.js';
import { bytea } from './types.js';

/** Last number given per issuing unit and year: decisions and letters are numbered 1, 2, 3... each year. */
export const documentCounters = pgTable(
  'document_counters',
  {
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    year: integer('year').notNull(),
    lastNumber: integer('last_number').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.unitId, t.year] })],
);

/** Official documents (decisions, letters, certificates) issued by a unit, with the data they are rendered from. */
export const documents = pgTable(
  'documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The issuing unit (its heading is on the document). */
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    /** Document kind: see DOCUMENT_KINDS in src/domain/documents. */
    kind: text('kind').notNull(),
    year: integer('year').notNull(),
    number: integer('number').notNull(),
    /** Symbol after the number, e.g. "QĐ/ĐTN". */
    symbol: text('symbol').notNull(),
    /** Number and symbol as printed, e.g. "15-QĐ/ĐTN". */
    numberText: text('number_text').notNull(),
    issuedOn: date('issued_on').notNull(),
    place: text('place'),
    subject: text('subject').notNull(),
    /** Merge fields the document is rendered from. */
    data: jsonb('data').notNull(),
    signerTitle: text('signer_title'),
    signerName: text('signer_name'),
    /** The entity the document decides on, e.g. "admission_candidate", "transfer". */
    entity: text('entity'),
    entityId: text('entity_id'),
    createdBy: text('created_by').references(() => user.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('documents_number_uq').on(t.unitId, t.year, t.number),
    index('documents_unit_idx').on(t.unitId, t.issuedOn),
    index('documents_entity_idx').on(t.entity, t.entityId),
  ],
);

/** A unit's own .docx template for a document kind, replacing the default in templates/. */
export const documentTemplates = pgTable(
  'document_templates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    kind: text('kind').notNull(),
    fileName: text('file_name').notNull(),
    data: bytea('data').notNull(),
    active: boolean('active').notNull().default(true),
    uploadedBy: text('uploaded_by').references(() => user.id),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('document_templates_active_uq')
      .on(t.unitId, t.kind)
      .where(sql`${t.active}`),
  ],
);
