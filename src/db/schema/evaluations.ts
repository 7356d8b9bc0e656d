import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { user } from './auth.js';
import { members } from './members.js';
import { units } from './org.js';
import { bytea } from './types.js';

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();

/**
 * Criteria sets (bộ tiêu chí) of the evaluation programmes, one row per programme and period. `definition` holds
 * the whole set (criteria, items, scoring rules, classes, deadlines) as validated by `src/domain/evaluations`.
 * A set that a cycle uses is frozen: its definition no longer changes.
 */
export const criteriaSets = pgTable(
  'criteria_sets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    programme: text('programme').notNull(),
    title: text('title').notNull(),
    periodLabel: text('period_label').notNull(),
    validFrom: integer('valid_from').notNull(),
    validTo: integer('valid_to'),
    subject: text('subject').notNull(),
    definition: jsonb('definition').notNull(),
    version: integer('version').notNull().default(1),
    createdBy: text('created_by').references(() => user.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('criteria_sets_programme_from_uq').on(t.programme, t.validFrom),
    check('criteria_sets_subject_check', sql`${t.subject} in ('member','branch','grassroots')`),
    check('criteria_sets_period_check', sql`${t.validTo} is null or ${t.validTo} >= ${t.validFrom}`),
  ],
);

/**
 * An evaluation cycle (đợt đánh giá) opened by a unit for its subtree: a programme's criteria set, a year or a
 * half-year, the last day of each step, and the re-inspection mode (none, a sample, all).
 */
export const evaluationCycles = pgTable(
  'evaluation_cycles',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    criteriaSetId: uuid('criteria_set_id')
      .notNull()
      .references(() => criteriaSets.id),
    programme: text('programme').notNull(),
    ownerUnitId: uuid('owner_unit_id')
      .notNull()
      .references(() => units.id),
    kind: text('kind').notNull(),
    year: integer('year').notNull(),
    /** 1 or 2 for a half-yearly cycle; 0 for a yearly one. */
    half: integer('half').notNull().default(0),
    /** Step key → last day to submit (ISO date). */
    deadlines: jsonb('deadlines')
      .notNull()
      .default(sql`'{}'::jsonb`),
    reinspection: text('reinspection').notNull().default('all'),
    status: text('status').notNull().default('open'),
    note: text('note'),
    openedBy: text('opened_by').references(() => user.id),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('evaluation_cycles_owner_period_uq').on(t.programme, t.ownerUnitId, t.kind, t.year, t.half),
    index('evaluation_cycles_year_idx').on(t.year, t.programme),
    check('evaluation_cycles_kind_check', sql`${t.kind} in ('halfYear','year')`),
    check(
      'evaluation_cycles_half_check',
      sql`(${t.kind} = 'year' and ${t.half} = 0) or (${t.kind} = 'halfYear' and ${t.half} in (1,2))`,
    ),
    check('evaluation_cycles_reinspection_check', sql`${t.reinspection} in ('none','sample','all')`),
    check('evaluation_cycles_status_check', sql`${t.status} in ('open','closed')`),
  ],
);

/**
 * One subject (a unit, or a member with `member_id`) in a cycle: its current step and state, the scores and class
 * it gave itself, the scores and class of the level above (with the reason of any change), its evidence and the
 * figures computed from the system. `unit_id` is the evaluated unit, or the member's branch.
 */
export const evaluations = pgTable(
  'evaluations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    cycleId: uuid('cycle_id')
      .notNull()
      .references(() => evaluationCycles.id),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    memberId: uuid('member_id').references(() => members.id),
    /** The level above that checks the self-assessment and evaluates: set when the subject is enrolled. */
    evaluatorUnitId: uuid('evaluator_unit_id')
      .notNull()
      .references(() => units.id),
    step: text('step').notNull(),
    status: text('status').notNull(),
    returnReason: text('return_reason'),
    /** `{ reason, until }` while the level above has reopened the step. */
    reopened: jsonb('reopened'),
    selfScores: jsonb('self_scores')
      .notNull()
      .default(sql`'{}'::jsonb`),
    selfClass: text('self_class'),
    selfTotal: numeric('self_total', { precision: 8, scale: 2, mode: 'number' }),
    /** The scores in force: the self-assessment's, then the level above's. */
    scores: jsonb('scores')
      .notNull()
      .default(sql`'{}'::jsonb`),
    classKey: text('class_key'),
    total: numeric('total', { precision: 8, scale: 2, mode: 'number' }),
    /** Why the level above changed a score or the class. */
    overrideReason: text('override_reason'),
    evidenceNote: text('evidence_note'),
    /** Links to evidence: `[{ label, url }]`. */
    evidenceLinks: jsonb('evidence_links')
      .notNull()
      .default(sql`'[]'::jsonb`),
    /** Figures computed from the system at the last refresh: evidence key → value. */
    autoEvidence: jsonb('auto_evidence'),
    autoEvidenceAt: timestamp('auto_evidence_at', { withTimezone: true }),
    /** The cadre of the level above who follows and guides the unit (3 chủ động). */
    followUpUserId: text('follow_up_user_id').references(() => user.id),
    /** False when the re-inspection sample left the unit out. */
    sampled: boolean('sampled').notNull().default(true),
    decidedOn: date('decided_on'),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('evaluations_cycle_unit_uq')
      .on(t.cycleId, t.unitId)
      .where(sql`${t.memberId} is null`),
    uniqueIndex('evaluations_cycle_member_uq')
      .on(t.cycleId, t.memberId)
      .where(sql`${t.memberId} is not null`),
    index('evaluations_cycle_step_idx').on(t.cycleId, t.step, t.status),
    index('evaluations_unit_idx').on(t.unitId),
    index('evaluations_evaluator_idx').on(t.evaluatorUnitId),
    check(
      'evaluations_step_check',
      sql`${t.step} in ('registration','selfAssessment','evaluation','reinspection','decision')`,
    ),
    check(
      'evaluations_status_check',
      sql`${t.status} in ('waiting','ready','submitted','returned','approved','accepted')`,
    ),
  ],
);

/** Every transition and change of an evaluation, with the actor, the reason and what changed. */
export const evaluationEvents = pgTable(
  'evaluation_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    evaluationId: uuid('evaluation_id')
      .notNull()
      .references(() => evaluations.id),
    step: text('step').notNull(),
    action: text('action').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status'),
    reason: text('reason'),
    before: jsonb('before'),
    after: jsonb('after'),
    actorId: text('actor_id').references(() => user.id),
    createdAt: createdAt(),
  },
  (t) => [index('evaluation_events_evaluation_idx').on(t.evaluationId, t.id)],
);

/** Files attached to an evaluation: the registration plan, evidence of the self-assessment. */
export const evaluationFiles = pgTable(
  'evaluation_files',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    evaluationId: uuid('evaluation_id')
      .notNull()
      .references(() => evaluations.id),
    step: text('step').notNull(),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    content: bytea('content').notNull(),
    uploadedBy: text('uploaded_by').references(() => user.id),
    createdAt: createdAt(),
  },
  (t) => [index('evaluation_files_evaluation_idx').on(t.evaluationId)],
);
