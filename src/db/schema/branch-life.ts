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
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { user } from './auth.js';
import { units } from './org.js';
import { members } from './members.js';
import { bytea } from './types.js';

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();

/**
 * Dated designations of a branch: "pilot" (chi đoàn chỉ đạo, chosen by its đoàn cơ sở) and "remote" (vùng sâu,
 * vùng xa or dispersed members: meets at least quarterly). Ending a designation sets `valid_to`; rows are never
 * rewritten otherwise, so indicators of a past period read the designations of that period.
 */
export const branchDesignations = pgTable(
  'branch_designations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    kind: text('kind').notNull(),
    validFrom: date('valid_from').notNull(),
    /** First day the designation no longer holds; null while it holds. */
    validTo: date('valid_to'),
    note: text('note'),
    createdBy: text('created_by').references(() => user.id),
    endedBy: text('ended_by').references(() => user.id),
    createdAt: createdAt(),
  },
  (t) => [
    index('branch_designations_unit_idx').on(t.unitId, t.kind, t.validFrom),
    uniqueIndex('branch_designations_open_uq')
      .on(t.unitId, t.kind)
      .where(sql`${t.validTo} is null`),
    check('branch_designations_kind_check', sql`${t.kind} in ('pilot','remote')`),
    check('branch_designations_period_check', sql`${t.validTo} is null or ${t.validTo} > ${t.validFrom}`),
  ],
);

/** Branch meetings (sinh hoạt chi đoàn): planned for the year, then held (with minutes) or cancelled. */
export const meetings = pgTable(
  'meetings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The branch that meets. */
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    /** The period the meeting counts for, "YYYY-MM" (a quarterly branch uses the quarter's first month). */
    period: text('period').notNull(),
    status: text('status').notNull().default('planned'),
    plannedOn: date('planned_on'),
    /** Date the meeting took place; set when it is recorded as held (never in the future). */
    heldOn: date('held_on'),
    /** "HH:MM", optional. */
    startsAt: text('starts_at'),
    place: text('place'),
    /** regular, themed, birthday, outdoor, skills, armed_forces, three_plus_one, online. */
    form: text('form').notNull().default('regular'),
    topic: text('topic'),
    chairMemberId: uuid('chair_member_id').references(() => members.id),
    chairName: text('chair_name'),
    /** Minutes (biên bản): the course of the meeting. */
    minutes: text('minutes'),
    /** Criticism and self-criticism (phê bình và tự phê bình). */
    criticism: text('criticism'),
    resolutions: text('resolutions'),
    cancelReason: text('cancel_reason'),
    /** Attendance counts kept with the meeting (indicators read these instead of the attendance rows). */
    expectedCount: integer('expected_count').notNull().default(0),
    presentCount: integer('present_count').notNull().default(0),
    excusedCount: integer('excused_count').notNull().default(0),
    absentCount: integer('absent_count').notNull().default(0),
    version: integer('version').notNull().default(1),
    createdBy: text('created_by').references(() => user.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    // Per-branch figures of a period read from the index alone (indicators at national scale).
    index('meetings_unit_stats_idx').on(t.unitId, t.period, t.status, t.presentCount, t.expectedCount),
    index('meetings_unit_held_idx').on(t.unitId, t.heldOn),
    check('meetings_status_check', sql`${t.status} in ('planned','held','cancelled')`),
    check('meetings_period_check', sql`${t.period} ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'`),
    check(
      'meetings_form_check',
      sql`${t.form} in ('regular','themed','birthday','outdoor','skills','armed_forces','three_plus_one','online')`,
    ),
    check('meetings_held_check', sql`${t.status} <> 'held' or ${t.heldOn} is not null`),
  ],
);

/** Attendance of one member at one meeting: one row, whether ticked by the secretary or checked in by QR. */
export const meetingAttendance = pgTable(
  'meeting_attendance',
  {
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id),
    memberId: uuid('member_id')
      .notNull()
      .references(() => members.id),
    /** present, excused (vắng có phép), absent (vắng không phép). */
    status: text('status').notNull(),
    /** secretary or qr. */
    source: text('source').notNull().default('secretary'),
    /** True for a member under temporary participation hosted by the branch. */
    hosted: boolean('hosted').notNull().default(false),
    checkedInAt: timestamp('checked_in_at', { withTimezone: true }),
    note: text('note'),
    recordedBy: text('recorded_by').references(() => user.id),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.meetingId, t.memberId] }),
    index('meeting_attendance_member_idx').on(t.memberId),
    check('meeting_attendance_status_check', sql`${t.status} in ('present','excused','absent')`),
    check('meeting_attendance_source_check', sql`${t.source} in ('secretary','qr')`),
  ],
);

/** The latest meeting a member attended, kept in the same transaction as attendance (indicators at scale). */
export const memberLastSeen = pgTable(
  'member_last_seen',
  {
    memberId: uuid('member_id')
      .primaryKey()
      .references(() => members.id),
    lastPresentOn: date('last_present_on').notNull(),
    /** The branch of that meeting: "seen" figures of a subtree read short index ranges per branch. */
    unitId: uuid('unit_id').references(() => units.id),
  },
  (t) => [
    index('member_last_seen_date_idx').on(t.lastPresentOn),
    index('member_last_seen_unit_idx').on(t.unitId, t.lastPresentOn),
  ],
);

/** Photos and files attached to a meeting (minutes scans, pictures). */
export const meetingAttachments = pgTable(
  'meeting_attachments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id),
    fileName: text('file_name').notNull(),
    mimeType: text('mime_type').notNull(),
    size: integer('size').notNull(),
    content: bytea('content').notNull(),
    uploadedBy: text('uploaded_by').references(() => user.id),
    createdAt: createdAt(),
  },
  (t) => [index('meeting_attachments_meeting_idx').on(t.meetingId)],
);

/** Superior cadres invited to a meeting; the meeting appears in their calendar. */
export const meetingInvitations = pgTable(
  'meeting_invitations',
  {
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id),
    userId: text('user_id')
      .notNull()
      .references(() => user.id),
    /** The superior unit on whose behalf the cadre is invited. */
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    invitedBy: text('invited_by').references(() => user.id),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.userId] }), index('meeting_invitations_user_idx').on(t.userId)],
);

/**
 * The monthly member review (rà soát) recorded with a meeting: the checklist as it stood (`items`, each with the
 * branch's decision) and a general conclusion. One per meeting.
 */
export const memberReviews = pgTable(
  'member_reviews',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    /** "YYYY-MM" of the review. */
    period: text('period').notNull(),
    items: jsonb('items').notNull(),
    conclusion: text('conclusion'),
    version: integer('version').notNull().default(1),
    reviewedBy: text('reviewed_by').references(() => user.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('member_reviews_meeting_uq').on(t.meetingId),
    index('member_reviews_unit_period_idx').on(t.unitId, t.period),
  ],
);

/** Union fee (đoàn phí) collected from a member for one month; a month is paid once. */
export const feePayments = pgTable(
  'fee_payments',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    memberId: uuid('member_id')
      .notNull()
      .references(() => members.id),
    /** The branch that collected it. */
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    /** "YYYY-MM". */
    month: text('month').notNull(),
    /** without_salary, with_salary, abroad: the class the amount was computed from. */
    rateClass: text('rate_class').notNull(),
    amount: integer('amount').notNull(),
    collectedOn: date('collected_on').notNull(),
    note: text('note'),
    collectedBy: text('collected_by').references(() => user.id),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('fee_payments_member_month_uq').on(t.memberId, t.month),
    index('fee_payments_unit_month_idx').on(t.unitId, t.month),
    check('fee_payments_month_check', sql`${t.month} ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'`),
    check('fee_payments_class_check', sql`${t.rateClass} in ('without_salary','with_salary','abroad')`),
    check('fee_payments_amount_check', sql`${t.amount} >= 0`),
  ],
);

/** A member's fee rate class over time (the latest row holds); members without a row pay "without_salary". */
export const memberFeeClasses = pgTable(
  'member_fee_classes',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    memberId: uuid('member_id')
      .notNull()
      .references(() => members.id),
    rateClass: text('rate_class').notNull(),
    /** First month ("YYYY-MM") the class applies. */
    fromMonth: text('from_month').notNull(),
    setBy: text('set_by').references(() => user.id),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('member_fee_classes_member_month_uq').on(t.memberId, t.fromMonth),
    check('member_fee_classes_class_check', sql`${t.rateClass} in ('without_salary','with_salary','abroad')`),
  ],
);

/**
 * Care lists (chăm lo): members or local youth who are not members, in hardship, of an ethnic minority, religious
 * or vulnerable, kept by a unit with the help given and planned.
 */
export const careRecords = pgTable(
  'care_records',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    /** Set for a member; null for a young person who is not a member. */
    memberId: uuid('member_id').references(() => members.id),
    fullName: text('full_name').notNull(),
    birthYear: integer('birth_year'),
    gender: text('gender'),
    address: text('address'),
    phone: text('phone'),
    /** hardship, ethnic_minority, religious, vulnerable, disability, other. */
    categories: text('categories').array().notNull(),
    situation: text('situation'),
    /** open while the person is followed; closed with a reason. */
    status: text('status').notNull().default('open'),
    closedOn: date('closed_on'),
    closeReason: text('close_reason'),
    version: integer('version').notNull().default(1),
    createdBy: text('created_by').references(() => user.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('care_records_unit_idx').on(t.unitId, t.status),
    uniqueIndex('care_records_member_open_uq')
      .on(t.memberId)
      .where(sql`${t.memberId} is not null and ${t.status} = 'open'`),
    check('care_records_status_check', sql`${t.status} in ('open','closed')`),
    check('care_records_categories_check', sql`cardinality(${t.categories}) > 0`),
  ],
);

/** Help given to or planned for a person on a care list. */
export const careActions = pgTable(
  'care_actions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    careRecordId: uuid('care_record_id')
      .notNull()
      .references(() => careRecords.id),
    /** given or planned. */
    kind: text('kind').notNull(),
    onDate: date('on_date').notNull(),
    description: text('description').notNull(),
    /** Value in VND, optional. */
    amount: integer('amount'),
    createdBy: text('created_by').references(() => user.id),
    createdAt: createdAt(),
  },
  (t) => [
    index('care_actions_record_idx').on(t.careRecordId, t.onDate),
    check('care_actions_kind_check', sql`${t.kind} in ('given','planned')`),
  ],
);

/** Announcements from a unit to the members of its subtree (resolutions and policies to disseminate). */
export const announcements = pgTable(
  'announcements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    title: text('title').notNull(),
    body: text('body').notNull(),
    /** draft, published, withdrawn. */
    status: text('status').notNull().default('draft'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdBy: text('created_by').references(() => user.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('announcements_unit_idx').on(t.unitId, t.publishedAt),
    check('announcements_status_check', sql`${t.status} in ('draft','published','withdrawn')`),
  ],
);

/** A member has read an announcement (once). */
export const announcementReads = pgTable(
  'announcement_reads',
  {
    announcementId: uuid('announcement_id')
      .notNull()
      .references(() => announcements.id),
    memberId: uuid('member_id')
      .notNull()
      .references(() => members.id),
    /** The member's branch when they read it (per-branch read shares). */
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    readAt: timestamp('read_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.announcementId, t.memberId] })],
);

/** Surveys of members' thoughts and wishes (tâm tư, nguyện vọng) sent by a unit to its subtree. */
export const surveys = pgTable(
  'surveys',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    title: text('title').notNull(),
    description: text('description'),
    /** [{ key, text, kind: single | multiple | text | scale, options?: string[], required }]. */
    questions: jsonb('questions').notNull(),
    anonymous: boolean('anonymous').notNull().default(false),
    /** draft, open, closed. */
    status: text('status').notNull().default('draft'),
    opensOn: date('opens_on'),
    closesOn: date('closes_on'),
    version: integer('version').notNull().default(1),
    createdBy: text('created_by').references(() => user.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('surveys_unit_idx').on(t.unitId, t.status),
    check('surveys_status_check', sql`${t.status} in ('draft','open','closed')`),
  ],
);

/** Who has answered a survey (one answer per member); kept apart from the answers so anonymous answers stay so. */
export const surveyParticipations = pgTable(
  'survey_participations',
  {
    surveyId: uuid('survey_id')
      .notNull()
      .references(() => surveys.id),
    memberId: uuid('member_id')
      .notNull()
      .references(() => members.id),
    answeredAt: timestamp('answered_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.surveyId, t.memberId] })],
);

/** The answers of one respondent; `member_id` is null when the survey is anonymous. */
export const surveyResponses = pgTable(
  'survey_responses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    surveyId: uuid('survey_id')
      .notNull()
      .references(() => surveys.id),
    /** The respondent's branch (results by branch). */
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    memberId: uuid('member_id').references(() => members.id),
    /** { [questionKey]: string | string[] | number }. */
    answers: jsonb('answers').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('survey_responses_survey_idx').on(t.surveyId, t.unitId)],
);
