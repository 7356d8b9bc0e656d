CREATE TABLE "announcement_reads" (
	"announcement_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"read_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "announcement_reads_announcement_id_member_id_pk" PRIMARY KEY("announcement_id","member_id")
);
--> statement-breakpoint
CREATE TABLE "announcements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"published_at" timestamp with time zone,
	"withdrawn_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "announcements_status_check" CHECK ("announcements"."status" in ('draft','published','withdrawn'))
);
--> statement-breakpoint
CREATE TABLE "branch_designations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"note" text,
	"created_by" text,
	"ended_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "branch_designations_kind_check" CHECK ("branch_designations"."kind" in ('pilot','remote')),
	CONSTRAINT "branch_designations_period_check" CHECK ("branch_designations"."valid_to" is null or "branch_designations"."valid_to" > "branch_designations"."valid_from")
);
--> statement-breakpoint
CREATE TABLE "care_actions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"care_record_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"on_date" date NOT NULL,
	"description" text NOT NULL,
	"amount" integer,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "care_actions_kind_check" CHECK ("care_actions"."kind" in ('given','planned'))
);
--> statement-breakpoint
CREATE TABLE "care_records" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"member_id" uuid,
	"full_name" text NOT NULL,
	"birth_year" integer,
	"gender" text,
	"address" text,
	"phone" text,
	"categories" text[] NOT NULL,
	"situation" text,
	"status" text DEFAULT 'open' NOT NULL,
	"closed_on" date,
	"close_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "care_records_status_check" CHECK ("care_records"."status" in ('open','closed')),
	CONSTRAINT "care_records_categories_check" CHECK (cardinality("care_records"."categories") > 0)
);
--> statement-breakpoint
CREATE TABLE "fee_payments" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"member_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"month" text NOT NULL,
	"rate_class" text NOT NULL,
	"amount" integer NOT NULL,
	"collected_on" date NOT NULL,
	"note" text,
	"collected_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "fee_payments_month_check" CHECK ("fee_payments"."month" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
	CONSTRAINT "fee_payments_class_check" CHECK ("fee_payments"."rate_class" in ('without_salary','with_salary','abroad')),
	CONSTRAINT "fee_payments_amount_check" CHECK ("fee_payments"."amount" >= 0)
);
--> statement-breakpoint
CREATE TABLE "meeting_attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"mime_type" text NOT NULL,
	"size" integer NOT NULL,
	"content" "bytea" NOT NULL,
	"uploaded_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meeting_attendance" (
	"meeting_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"status" text NOT NULL,
	"source" text DEFAULT 'secretary' NOT NULL,
	"hosted" boolean DEFAULT false NOT NULL,
	"checked_in_at" timestamp with time zone,
	"note" text,
	"recorded_by" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "meeting_attendance_meeting_id_member_id_pk" PRIMARY KEY("meeting_id","member_id"),
	CONSTRAINT "meeting_attendance_status_check" CHECK ("meeting_attendance"."status" in ('present','excused','absent')),
	CONSTRAINT "meeting_attendance_source_check" CHECK ("meeting_attendance"."source" in ('secretary','qr'))
);
--> statement-breakpoint
CREATE TABLE "meeting_invitations" (
	"meeting_id" uuid NOT NULL,
	"user_id" text NOT NULL,
	"unit_id" uuid NOT NULL,
	"invited_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "meeting_invitations_meeting_id_user_id_pk" PRIMARY KEY("meeting_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "meetings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"period" text NOT NULL,
	"status" text DEFAULT 'planned' NOT NULL,
	"planned_on" date,
	"held_on" date,
	"starts_at" text,
	"place" text,
	"form" text DEFAULT 'regular' NOT NULL,
	"topic" text,
	"chair_member_id" uuid,
	"chair_name" text,
	"minutes" text,
	"criticism" text,
	"resolutions" text,
	"cancel_reason" text,
	"expected_count" integer DEFAULT 0 NOT NULL,
	"present_count" integer DEFAULT 0 NOT NULL,
	"excused_count" integer DEFAULT 0 NOT NULL,
	"absent_count" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "meetings_status_check" CHECK ("meetings"."status" in ('planned','held','cancelled')),
	CONSTRAINT "meetings_period_check" CHECK ("meetings"."period" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
	CONSTRAINT "meetings_form_check" CHECK ("meetings"."form" in ('regular','themed','birthday','outdoor','skills','armed_forces','three_plus_one','online')),
	CONSTRAINT "meetings_held_check" CHECK ("meetings"."status" <> 'held' or "meetings"."held_on" is not null)
);
--> statement-breakpoint
CREATE TABLE "member_fee_classes" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"member_id" uuid NOT NULL,
	"rate_class" text NOT NULL,
	"from_month" text NOT NULL,
	"set_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "member_fee_classes_class_check" CHECK ("member_fee_classes"."rate_class" in ('without_salary','with_salary','abroad'))
);
--> statement-breakpoint
CREATE TABLE "member_last_seen" (
	"member_id" uuid PRIMARY KEY NOT NULL,
	"last_present_on" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "member_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"period" text NOT NULL,
	"items" jsonb NOT NULL,
	"conclusion" text,
	"version" integer DEFAULT 1 NOT NULL,
	"reviewed_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "survey_participations" (
	"survey_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"answered_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "survey_participations_survey_id_member_id_pk" PRIMARY KEY("survey_id","member_id")
);
--> statement-breakpoint
CREATE TABLE "survey_responses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"survey_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"member_id" uuid,
	"answers" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "surveys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"questions" jsonb NOT NULL,
	"anonymous" boolean DEFAULT false NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"opens_on" date,
	"closes_on" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "surveys_status_check" CHECK ("surveys"."status" in ('draft','open','closed'))
);
--> statement-breakpoint
ALTER TABLE "announcement_reads" ADD CONSTRAINT "announcement_reads_announcement_id_announcements_id_fk" FOREIGN KEY ("announcement_id") REFERENCES "public"."announcements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "announcement_reads" ADD CONSTRAINT "announcement_reads_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "announcement_reads" ADD CONSTRAINT "announcement_reads_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "announcements" ADD CONSTRAINT "announcements_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "announcements" ADD CONSTRAINT "announcements_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "branch_designations" ADD CONSTRAINT "branch_designations_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "branch_designations" ADD CONSTRAINT "branch_designations_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "branch_designations" ADD CONSTRAINT "branch_designations_ended_by_user_id_fk" FOREIGN KEY ("ended_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_actions" ADD CONSTRAINT "care_actions_care_record_id_care_records_id_fk" FOREIGN KEY ("care_record_id") REFERENCES "public"."care_records"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_actions" ADD CONSTRAINT "care_actions_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_records" ADD CONSTRAINT "care_records_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_records" ADD CONSTRAINT "care_records_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "care_records" ADD CONSTRAINT "care_records_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fee_payments" ADD CONSTRAINT "fee_payments_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fee_payments" ADD CONSTRAINT "fee_payments_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fee_payments" ADD CONSTRAINT "fee_payments_collected_by_user_id_fk" FOREIGN KEY ("collected_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_attachments" ADD CONSTRAINT "meeting_attachments_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_attachments" ADD CONSTRAINT "meeting_attachments_uploaded_by_user_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_attendance" ADD CONSTRAINT "meeting_attendance_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_attendance" ADD CONSTRAINT "meeting_attendance_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_attendance" ADD CONSTRAINT "meeting_attendance_recorded_by_user_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_invitations" ADD CONSTRAINT "meeting_invitations_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_invitations" ADD CONSTRAINT "meeting_invitations_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_invitations" ADD CONSTRAINT "meeting_invitations_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_invitations" ADD CONSTRAINT "meeting_invitations_invited_by_user_id_fk" FOREIGN KEY ("invited_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_chair_member_id_members_id_fk" FOREIGN KEY ("chair_member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_fee_classes" ADD CONSTRAINT "member_fee_classes_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_fee_classes" ADD CONSTRAINT "member_fee_classes_set_by_user_id_fk" FOREIGN KEY ("set_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_last_seen" ADD CONSTRAINT "member_last_seen_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_reviews" ADD CONSTRAINT "member_reviews_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_reviews" ADD CONSTRAINT "member_reviews_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_reviews" ADD CONSTRAINT "member_reviews_reviewed_by_user_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_participations" ADD CONSTRAINT "survey_participations_survey_id_surveys_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."surveys"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_participations" ADD CONSTRAINT "survey_participations_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_survey_id_surveys_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."surveys"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "surveys" ADD CONSTRAINT "surveys_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "surveys" ADD CONSTRAINT "surveys_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "announcements_unit_idx" ON "announcements" USING btree ("unit_id","published_at");--> statement-breakpoint
CREATE INDEX "branch_designations_unit_idx" ON "branch_designations" USING btree ("unit_id","kind","valid_from");--> statement-breakpoint
CREATE UNIQUE INDEX "branch_designations_open_uq" ON "branch_designations" USING btree ("unit_id","kind") WHERE "branch_designations"."valid_to" is null;--> statement-breakpoint
CREATE INDEX "care_actions_record_idx" ON "care_actions" USING btree ("care_record_id","on_date");--> statement-breakpoint
CREATE INDEX "care_records_unit_idx" ON "care_records" USING btree ("unit_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "care_records_member_open_uq" ON "care_records" USING btree ("member_id") WHERE "care_records"."member_id" is not null and "care_records"."status" = 'open';--> statement-breakpoint
CREATE UNIQUE INDEX "fee_payments_member_month_uq" ON "fee_payments" USING btree ("member_id","month");--> statement-breakpoint
CREATE INDEX "fee_payments_unit_month_idx" ON "fee_payments" USING btree ("unit_id","month");--> statement-breakpoint
CREATE INDEX "meeting_attachments_meeting_idx" ON "meeting_attachments" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "meeting_attendance_member_idx" ON "meeting_attendance" USING btree ("member_id");--> statement-breakpoint
CREATE INDEX "meeting_invitations_user_idx" ON "meeting_invitations" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "meetings_unit_period_idx" ON "meetings" USING btree ("unit_id","period");--> statement-breakpoint
CREATE INDEX "meetings_unit_held_idx" ON "meetings" USING btree ("unit_id","held_on");--> statement-breakpoint
CREATE UNIQUE INDEX "member_fee_classes_member_month_uq" ON "member_fee_classes" USING btree ("member_id","from_month");--> statement-breakpoint
CREATE INDEX "member_last_seen_date_idx" ON "member_last_seen" USING btree ("last_present_on");--> statement-breakpoint
CREATE UNIQUE INDEX "member_reviews_meeting_uq" ON "member_reviews" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "member_reviews_unit_period_idx" ON "member_reviews" USING btree ("unit_id","period");--> statement-breakpoint
CREATE INDEX "survey_responses_survey_idx" ON "survey_responses" USING btree ("survey_id","unit_id");--> statement-breakpoint
CREATE INDEX "surveys_unit_idx" ON "surveys" USING btree ("unit_id","status");--> statement-breakpoint
-- The fee rule gained the abroad class, the branch's share and the overdue period: stored values take the defaults.
UPDATE "rule_sets" SET "value" = '{"abroad":5000,"branchKeepsPercent":40,"overdueMonths":3}'::jsonb || "value" WHERE "key" = 'fee' AND NOT ("value" ? 'abroad');
