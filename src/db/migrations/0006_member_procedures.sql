CREATE TABLE "rule_sets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"key" text NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"value" jsonb NOT NULL,
	"note" text,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rule_sets_period_check" CHECK ("rule_sets"."valid_to" is null or "rule_sets"."valid_to" > "rule_sets"."valid_from")
);
--> statement-breakpoint
CREATE TABLE "document_counters" (
	"unit_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"last_number" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "document_counters_unit_id_year_pk" PRIMARY KEY("unit_id","year")
);
--> statement-breakpoint
CREATE TABLE "document_templates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"file_name" text NOT NULL,
	"data" "bytea" NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"uploaded_by" text,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"year" integer NOT NULL,
	"number" integer NOT NULL,
	"symbol" text NOT NULL,
	"number_text" text NOT NULL,
	"issued_on" date NOT NULL,
	"place" text,
	"subject" text NOT NULL,
	"data" jsonb NOT NULL,
	"signer_title" text,
	"signer_name" text,
	"entity" text,
	"entity_id" text,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "admission_candidates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"full_name" text NOT NULL,
	"birth_date" date NOT NULL,
	"gender" text NOT NULL,
	"ethnicity" text,
	"religion" text,
	"cccd" text,
	"phone" text,
	"email" text,
	"profile" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"source" text NOT NULL,
	"application_date" date NOT NULL,
	"course_name" text,
	"course_certificate_no" text,
	"course_completed_on" date,
	"introducer_kind" text,
	"introducer_member_id" uuid,
	"introducer_name" text,
	"introducer_known_since" date,
	"recruiter_member_id" uuid,
	"meeting_on" date,
	"meeting_present" integer,
	"meeting_in_favour" integer,
	"status" text DEFAULT 'applied' NOT NULL,
	"approving_unit_id" uuid,
	"approved_on" date,
	"decision_id" uuid,
	"ceremony_on" date,
	"member_id" uuid,
	"card_number" text,
	"reject_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "admission_candidates_status_check" CHECK ("admission_candidates"."status" in ('applied','voted','approved','admitted','rejected','withdrawn')),
	CONSTRAINT "admission_candidates_source_check" CHECK ("admission_candidates"."source" in ('youth','pioneer','federation')),
	CONSTRAINT "admission_candidates_introducer_check" CHECK ("admission_candidates"."introducer_kind" is null or "admission_candidates"."introducer_kind" in ('member','pioneer_squad','federation_chapter')),
	CONSTRAINT "admission_candidates_gender_check" CHECK ("admission_candidates"."gender" in ('male','female'))
);
--> statement-breakpoint
CREATE TABLE "card_number_schemes" (
	"unit_id" uuid PRIMARY KEY NOT NULL,
	"prefix" text NOT NULL,
	"width" integer DEFAULT 6 NOT NULL,
	"next_number" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "coming_of_age_exceptions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"member_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"valid_until" date,
	"note" text,
	"decided_by_unit_id" uuid,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "coming_of_age_exceptions_reason_check" CHECK ("coming_of_age_exceptions"."reason" in ('committee','full_time','extension'))
);
--> statement-breakpoint
CREATE TABLE "coming_of_age_records" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"member_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"ceremony_on" date NOT NULL,
	"certificate_id" uuid,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "disciplines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"subject_kind" text NOT NULL,
	"member_id" uuid,
	"subject_unit_id" uuid NOT NULL,
	"deciding_unit_id" uuid NOT NULL,
	"form" text NOT NULL,
	"reason" text NOT NULL,
	"meeting_on" date,
	"eligible_count" integer,
	"present_count" integer,
	"in_favour_count" integer,
	"secret_ballot" boolean DEFAULT true NOT NULL,
	"decided_on" date NOT NULL,
	"effective_on" date NOT NULL,
	"decision_id" uuid,
	"status" text DEFAULT 'decided' NOT NULL,
	"annulled_on" date,
	"annul_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "disciplines_subject_check" CHECK ("disciplines"."subject_kind" in ('member','unit')),
	CONSTRAINT "disciplines_status_check" CHECK ("disciplines"."status" in ('decided','annulled'))
);
--> statement-breakpoint
CREATE TABLE "member_cards" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"member_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"card_number" text NOT NULL,
	"issued_on" date NOT NULL,
	"reason" text NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"ended_on" date,
	"end_reason" text,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "member_cards_status_check" CHECK ("member_cards"."status" in ('active','replaced','revoked')),
	CONSTRAINT "member_cards_reason_check" CHECK ("member_cards"."reason" in ('admission','initial','reissue_lost','reissue_damaged'))
);
--> statement-breakpoint
CREATE TABLE "party_introductions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"member_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"resolution_on" date NOT NULL,
	"strengths" text NOT NULL,
	"weaknesses" text NOT NULL,
	"present_count" integer NOT NULL,
	"in_favour_count" integer NOT NULL,
	"awareness_certificate_no" text,
	"awareness_certificate_on" date,
	"criteria_warnings" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"introducing_unit_id" uuid,
	"introduced_on" date,
	"party_cell" text,
	"letter_id" uuid,
	"status" text DEFAULT 'proposed' NOT NULL,
	"outcome_on" date,
	"outcome_note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "party_introductions_status_check" CHECK ("party_introductions"."status" in ('proposed','introduced','admitted','not_admitted','withdrawn'))
);
--> statement-breakpoint
CREATE TABLE "transfers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"member_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"from_unit_id" uuid NOT NULL,
	"from_grassroots_id" uuid,
	"to_grassroots_id" uuid,
	"to_unit_id" uuid,
	"destination_text" text,
	"code" text NOT NULL,
	"reason" text,
	"branch_comment" text,
	"fee_paid_until" text,
	"status" text DEFAULT 'draft' NOT NULL,
	"letter_id" uuid,
	"sent_on" date,
	"due_on" date,
	"accepted_on" date,
	"returned_on" date,
	"return_reason" text,
	"starts_on" date,
	"ends_on" date,
	"previous_status" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "transfers_kind_check" CHECK ("transfers"."kind" in ('internal','external','temporary')),
	CONSTRAINT "transfers_status_check" CHECK ("transfers"."status" in ('draft','sent','accepted','returned','cancelled','ended'))
);
--> statement-breakpoint
ALTER TABLE "rule_sets" ADD CONSTRAINT "rule_sets_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_counters" ADD CONSTRAINT "document_counters_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_templates" ADD CONSTRAINT "document_templates_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_templates" ADD CONSTRAINT "document_templates_uploaded_by_user_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "admission_candidates" ADD CONSTRAINT "admission_candidates_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "admission_candidates" ADD CONSTRAINT "admission_candidates_introducer_member_id_members_id_fk" FOREIGN KEY ("introducer_member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "admission_candidates" ADD CONSTRAINT "admission_candidates_recruiter_member_id_members_id_fk" FOREIGN KEY ("recruiter_member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "admission_candidates" ADD CONSTRAINT "admission_candidates_approving_unit_id_units_id_fk" FOREIGN KEY ("approving_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "admission_candidates" ADD CONSTRAINT "admission_candidates_decision_id_documents_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "admission_candidates" ADD CONSTRAINT "admission_candidates_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "admission_candidates" ADD CONSTRAINT "admission_candidates_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "card_number_schemes" ADD CONSTRAINT "card_number_schemes_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coming_of_age_exceptions" ADD CONSTRAINT "coming_of_age_exceptions_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coming_of_age_exceptions" ADD CONSTRAINT "coming_of_age_exceptions_decided_by_unit_id_units_id_fk" FOREIGN KEY ("decided_by_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coming_of_age_exceptions" ADD CONSTRAINT "coming_of_age_exceptions_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coming_of_age_records" ADD CONSTRAINT "coming_of_age_records_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coming_of_age_records" ADD CONSTRAINT "coming_of_age_records_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coming_of_age_records" ADD CONSTRAINT "coming_of_age_records_certificate_id_documents_id_fk" FOREIGN KEY ("certificate_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coming_of_age_records" ADD CONSTRAINT "coming_of_age_records_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disciplines" ADD CONSTRAINT "disciplines_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disciplines" ADD CONSTRAINT "disciplines_subject_unit_id_units_id_fk" FOREIGN KEY ("subject_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disciplines" ADD CONSTRAINT "disciplines_deciding_unit_id_units_id_fk" FOREIGN KEY ("deciding_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disciplines" ADD CONSTRAINT "disciplines_decision_id_documents_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disciplines" ADD CONSTRAINT "disciplines_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_cards" ADD CONSTRAINT "member_cards_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_cards" ADD CONSTRAINT "member_cards_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_cards" ADD CONSTRAINT "member_cards_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "party_introductions" ADD CONSTRAINT "party_introductions_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "party_introductions" ADD CONSTRAINT "party_introductions_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "party_introductions" ADD CONSTRAINT "party_introductions_introducing_unit_id_units_id_fk" FOREIGN KEY ("introducing_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "party_introductions" ADD CONSTRAINT "party_introductions_letter_id_documents_id_fk" FOREIGN KEY ("letter_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "party_introductions" ADD CONSTRAINT "party_introductions_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transfers" ADD CONSTRAINT "transfers_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transfers" ADD CONSTRAINT "transfers_from_unit_id_units_id_fk" FOREIGN KEY ("from_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transfers" ADD CONSTRAINT "transfers_from_grassroots_id_units_id_fk" FOREIGN KEY ("from_grassroots_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transfers" ADD CONSTRAINT "transfers_to_grassroots_id_units_id_fk" FOREIGN KEY ("to_grassroots_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transfers" ADD CONSTRAINT "transfers_to_unit_id_units_id_fk" FOREIGN KEY ("to_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transfers" ADD CONSTRAINT "transfers_letter_id_documents_id_fk" FOREIGN KEY ("letter_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transfers" ADD CONSTRAINT "transfers_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "rule_sets_key_idx" ON "rule_sets" USING btree ("key","valid_from");--> statement-breakpoint
CREATE UNIQUE INDEX "document_templates_active_uq" ON "document_templates" USING btree ("unit_id","kind") WHERE "document_templates"."active";--> statement-breakpoint
CREATE UNIQUE INDEX "documents_number_uq" ON "documents" USING btree ("unit_id","year","number");--> statement-breakpoint
CREATE INDEX "documents_unit_idx" ON "documents" USING btree ("unit_id","issued_on");--> statement-breakpoint
CREATE INDEX "documents_entity_idx" ON "documents" USING btree ("entity","entity_id");--> statement-breakpoint
CREATE INDEX "admission_candidates_unit_idx" ON "admission_candidates" USING btree ("unit_id","status");--> statement-breakpoint
CREATE INDEX "admission_candidates_decision_idx" ON "admission_candidates" USING btree ("decision_id");--> statement-breakpoint
CREATE INDEX "coming_of_age_exceptions_member_idx" ON "coming_of_age_exceptions" USING btree ("member_id");--> statement-breakpoint
CREATE UNIQUE INDEX "coming_of_age_records_member_uq" ON "coming_of_age_records" USING btree ("member_id");--> statement-breakpoint
CREATE INDEX "coming_of_age_records_unit_idx" ON "coming_of_age_records" USING btree ("unit_id","year");--> statement-breakpoint
CREATE INDEX "disciplines_member_idx" ON "disciplines" USING btree ("member_id");--> statement-breakpoint
CREATE INDEX "disciplines_unit_idx" ON "disciplines" USING btree ("subject_unit_id","decided_on");--> statement-breakpoint
CREATE INDEX "member_cards_member_idx" ON "member_cards" USING btree ("member_id","issued_on");--> statement-breakpoint
CREATE INDEX "member_cards_unit_idx" ON "member_cards" USING btree ("unit_id","issued_on");--> statement-breakpoint
CREATE UNIQUE INDEX "member_cards_active_number_uq" ON "member_cards" USING btree ("card_number") WHERE "member_cards"."status" = 'active';--> statement-breakpoint
CREATE INDEX "party_introductions_unit_idx" ON "party_introductions" USING btree ("unit_id","year");--> statement-breakpoint
CREATE INDEX "party_introductions_member_idx" ON "party_introductions" USING btree ("member_id");--> statement-breakpoint
CREATE UNIQUE INDEX "transfers_code_uq" ON "transfers" USING btree ("code");--> statement-breakpoint
CREATE INDEX "transfers_member_idx" ON "transfers" USING btree ("member_id","created_at");--> statement-breakpoint
CREATE INDEX "transfers_from_idx" ON "transfers" USING btree ("from_grassroots_id","status");--> statement-breakpoint
CREATE INDEX "transfers_to_idx" ON "transfers" USING btree ("to_grassroots_id","status");--> statement-breakpoint
CREATE INDEX "transfers_to_unit_idx" ON "transfers" USING btree ("to_unit_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "transfers_open_uq" ON "transfers" USING btree ("member_id") WHERE "transfers"."status" in ('draft','sent') and "transfers"."kind" <> 'temporary';--> statement-breakpoint
INSERT INTO member_cards (member_id, unit_id, card_number, issued_on, reason)
  SELECT id, unit_id, card_number, coalesce(card_issued_on, joined_on, current_date), 'initial'
    FROM members WHERE card_number IS NOT NULL
  ON CONFLICT DO NOTHING;
