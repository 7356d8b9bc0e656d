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
import { user } from './auth.js';
import { units } from './org.js';
import { members } from './members.js';
import { documents } from './documents.js';

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();

/** Candidates for admission (kết nạp đoàn viên), from application to the ceremony. */
export const admissionCandidates = pgTable(
  'admission_candidates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The branch that proposes the candidate. */
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    fullName: text('full_name').notNull(),
    birthDate: date('birth_date').notNull(),
    gender: text('gender').notNull(),
    ethnicity: text('ethnicity'),
    religion: text('religion'),
    cccd: text('cccd'),
    phone: text('phone'),
    email: text('email'),
    /** Other member-record fields copied to the member on admission (hometown, addresses, occupation...). */
    profile: jsonb('profile').notNull().default({}),
    /** youth, pioneer (đội viên trưởng thành), federation (hội viên Hội LHTN). */
    source: text('source').notNull(),
    applicationDate: date('application_date').notNull(),
    courseName: text('course_name'),
    courseCertificateNo: text('course_certificate_no'),
    courseCompletedOn: date('course_completed_on'),
    /** member, pioneer_squad (chi đội), federation_chapter (chi hội). */
    introducerKind: text('introducer_kind'),
    introducerMemberId: uuid('introducer_member_id').references(() => members.id),
    introducerName: text('introducer_name'),
    /** Since when the introducing member has worked with the candidate (at least 3 months). */
    introducerKnownSince: date('introducer_known_since'),
    /** The member credited under "1+1" recruitment. */
    recruiterMemberId: uuid('recruiter_member_id').references(() => members.id),
    meetingOn: date('meeting_on'),
    meetingPresent: integer('meeting_present'),
    meetingInFavour: integer('meeting_in_favour'),
    status: text('status').notNull().default('applied'),
    approvingUnitId: uuid('approving_unit_id').references(() => units.id),
    approvedOn: date('approved_on'),
    decisionId: uuid('decision_id').references(() => documents.id),
    ceremonyOn: date('ceremony_on'),
    memberId: uuid('member_id').references(() => members.id),
    cardNumber: text('card_number'),
    rejectReason: text('reject_reason'),
    version: integer('version').notNull().default(1),
    createdBy: text('created_by').references(() => user.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('admission_candidates_unit_idx').on(t.unitId, t.status),
    index('admission_candidates_decision_idx').on(t.decisionId),
    check(
      'admission_candidates_status_check',
      sql`${t.status} in ('applied','voted','approved','admitted','rejected','withdrawn')`,
    ),
    check('admission_candidates_source_check', sql`${t.source} in ('youth','pioneer','federation')`),
    check(
      'admission_candidates_introducer_check',
      sql`${t.introducerKind} is null or ${t.introducerKind} in ('member','pioneer_squad','federation_chapter')`,
    ),
    check('admission_candidates_gender_check', sql`${t.gender} in ('male','female')`),
  ],
);

/** Per-unit numbering of member cards: next card number = prefix + zero-padded counter. */
export const cardNumberSchemes = pgTable('card_number_schemes', {
  unitId: uuid('unit_id')
    .primaryKey()
    .references(() => units.id),
  prefix: text('prefix').notNull(),
  width: integer('width').notNull().default(6),
  nextNumber: integer('next_number').notNull().default(1),
  updatedAt: updatedAt(),
});

/** The register of member cards issued, reissued and revoked (sổ kết nạp và cấp thẻ). */
export const memberCards = pgTable(
  'member_cards',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    memberId: uuid('member_id')
      .notNull()
      .references(() => members.id),
    /** The unit that issued the card. */
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    cardNumber: text('card_number').notNull(),
    issuedOn: date('issued_on').notNull(),
    /** admission, initial (recorded from paper), reissue_lost, reissue_damaged. */
    reason: text('reason').notNull(),
    status: text('status').notNull().default('active'),
    endedOn: date('ended_on'),
    endReason: text('end_reason'),
    createdBy: text('created_by').references(() => user.id),
    createdAt: createdAt(),
  },
  (t) => [
    index('member_cards_member_idx').on(t.memberId, t.issuedOn),
    index('member_cards_unit_idx').on(t.unitId, t.issuedOn),
    uniqueIndex('member_cards_active_number_uq')
      .on(t.cardNumber)
      .where(sql`${t.status} = 'active'`),
    check('member_cards_status_check', sql`${t.status} in ('active','replaced','revoked')`),
    check('member_cards_reason_check', sql`${t.reason} in ('admission','initial','reissue_lost','reissue_damaged')`),
  ],
);

/** Transfers of a member's union activity (chuyển sinh hoạt đoàn): internal, between units, or temporary. */
export const transfers = pgTable(
  'transfers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    memberId: uuid('member_id')
      .notNull()
      .references(() => members.id),
    /** internal (inside one đoàn cơ sở), external (anywhere in the country), temporary (tạm thời at residence). */
    kind: text('kind').notNull(),
    fromUnitId: uuid('from_unit_id')
      .notNull()
      .references(() => units.id),
    /** The sending đoàn cơ sở (issues the introduction letter). */
    fromGrassrootsId: uuid('from_grassroots_id').references(() => units.id),
    /** The receiving đoàn cơ sở when known in the system. */
    toGrassrootsId: uuid('to_grassroots_id').references(() => units.id),
    /** The branch the member is placed in (or the host branch of a temporary participation). */
    toUnitId: uuid('to_unit_id').references(() => units.id),
    /** Where the member goes when the receiving unit is not in the system. */
    destinationText: text('destination_text'),
    /** Code printed on the introduction letter; the receiving unit finds the transfer by it. */
    code: text('code').notNull(),
    reason: text('reason'),
    branchComment: text('branch_comment'),
    /** Union fee paid up to this month, "YYYY-MM". */
    feePaidUntil: text('fee_paid_until'),
    status: text('status').notNull().default('draft'),
    letterId: uuid('letter_id').references(() => documents.id),
    sentOn: date('sent_on'),
    dueOn: date('due_on'),
    acceptedOn: date('accepted_on'),
    returnedOn: date('returned_on'),
    returnReason: text('return_reason'),
    startsOn: date('starts_on'),
    endsOn: date('ends_on'),
    /** Member status before the transfer, restored when it is returned or cancelled. */
    previousStatus: text('previous_status'),
    version: integer('version').notNull().default(1),
    createdBy: text('created_by').references(() => user.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('transfers_code_uq').on(t.code),
    index('transfers_member_idx').on(t.memberId, t.createdAt),
    index('transfers_from_idx').on(t.fromGrassrootsId, t.status),
    index('transfers_to_idx').on(t.toGrassrootsId, t.status),
    index('transfers_to_unit_idx').on(t.toUnitId, t.status),
    uniqueIndex('transfers_open_uq')
      .on(t.memberId)
      .where(sql`${t.status} in ('draft','sent') and ${t.kind} <> 'temporary'`),
    check('transfers_kind_check', sql`${t.kind} in ('internal','external','temporary')`),
    check('transfers_status_check', sql`${t.status} in ('draft','sent','accepted','returned','cancelled','ended')`),
  ],
);

/** Members kept past the coming-of-age limit (committee member, full-time union worker, approved extension). */
export const comingOfAgeExceptions = pgTable(
  'coming_of_age_exceptions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    memberId: uuid('member_id')
      .notNull()
      .references(() => members.id),
    /** committee, full_time, extension. */
    reason: text('reason').notNull(),
    validUntil: date('valid_until'),
    note: text('note'),
    decidedByUnitId: uuid('decided_by_unit_id').references(() => units.id),
    createdBy: text('created_by').references(() => user.id),
    createdAt: createdAt(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [
    index('coming_of_age_exceptions_member_idx').on(t.memberId),
    check('coming_of_age_exceptions_reason_check', sql`${t.reason} in ('committee','full_time','extension')`),
  ],
);

/** Members who came of age (trưởng thành đoàn): the ceremony and the certificate. */
export const comingOfAgeRecords = pgTable(
  'coming_of_age_records',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    memberId: uuid('member_id')
      .notNull()
      .references(() => members.id),
    /** The đoàn cơ sở that decided. */
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    year: integer('year').notNull(),
    ceremonyOn: date('ceremony_on').notNull(),
    certificateId: uuid('certificate_id').references(() => documents.id),
    createdBy: text('created_by').references(() => user.id),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('coming_of_age_records_member_uq').on(t.memberId),
    index('coming_of_age_records_unit_idx').on(t.unitId, t.year),
  ],
);

/** Discipline (kỷ luật) of a member or of a unit, with the meeting's vote and the decision. */
export const disciplines = pgTable(
  'disciplines',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** member or unit. */
    subjectKind: text('subject_kind').notNull(),
    memberId: uuid('member_id').references(() => members.id),
    /** The member's branch, or the unit disciplined. */
    subjectUnitId: uuid('subject_unit_id')
      .notNull()
      .references(() => units.id),
    decidingUnitId: uuid('deciding_unit_id')
      .notNull()
      .references(() => units.id),
    /** reprimand, warning, removal_from_post, expulsion, dissolution (configurable list). */
    form: text('form').notNull(),
    reason: text('reason').notNull(),
    meetingOn: date('meeting_on'),
    eligibleCount: integer('eligible_count'),
    presentCount: integer('present_count'),
    inFavourCount: integer('in_favour_count'),
    secretBallot: boolean('secret_ballot').notNull().default(true),
    decidedOn: date('decided_on').notNull(),
    effectiveOn: date('effective_on').notNull(),
    decisionId: uuid('decision_id').references(() => documents.id),
    status: text('status').notNull().default('decided'),
    annulledOn: date('annulled_on'),
    annulReason: text('annul_reason'),
    version: integer('version').notNull().default(1),
    createdBy: text('created_by').references(() => user.id),
    createdAt: createdAt(),
  },
  (t) => [
    index('disciplines_member_idx').on(t.memberId),
    index('disciplines_unit_idx').on(t.subjectUnitId, t.decidedOn),
    check('disciplines_subject_check', sql`${t.subjectKind} in ('member','unit')`),
    check('disciplines_status_check', sql`${t.status} in ('decided','annulled')`),
  ],
);

/** Introductions of outstanding members to the Party (giới thiệu đoàn viên ưu tú cho Đảng) and their outcome. */
export const partyIntroductions = pgTable(
  'party_introductions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    memberId: uuid('member_id')
      .notNull()
      .references(() => members.id),
    /** The branch whose resolution proposes the member. */
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    year: integer('year').notNull(),
    resolutionOn: date('resolution_on').notNull(),
    strengths: text('strengths').notNull(),
    weaknesses: text('weaknesses').notNull(),
    presentCount: integer('present_count').notNull(),
    inFavourCount: integer('in_favour_count').notNull(),
    awarenessCertificateNo: text('awareness_certificate_no'),
    awarenessCertificateOn: date('awareness_certificate_on'),
    /** Warnings found when the criteria were checked (latest rating, certificate, age). */
    criteriaWarnings: jsonb('criteria_warnings').notNull().default([]),
    /** The superior unit that introduces the member to the Party cell. */
    introducingUnitId: uuid('introducing_unit_id').references(() => units.id),
    introducedOn: date('introduced_on'),
    partyCell: text('party_cell'),
    letterId: uuid('letter_id').references(() => documents.id),
    /** proposed, introduced, admitted, not_admitted, withdrawn. */
    status: text('status').notNull().default('proposed'),
    outcomeOn: date('outcome_on'),
    outcomeNote: text('outcome_note'),
    version: integer('version').notNull().default(1),
    createdBy: text('created_by').references(() => user.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('party_introductions_unit_idx').on(t.unitId, t.year),
    index('party_introductions_member_idx').on(t.memberId),
    check(
      'party_introductions_status_check',
      sql`${t.status} in ('proposed','introduced','admitted','not_admitted','withdrawn')`,
    ),
  ],
);
