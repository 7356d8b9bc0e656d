CREATE TABLE "criteria_sets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"programme" text NOT NULL,
	"title" text NOT NULL,
	"period_label" text NOT NULL,
	"valid_from" integer NOT NULL,
	"valid_to" integer,
	"subject" text NOT NULL,
	"definition" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "criteria_sets_subject_check" CHECK ("criteria_sets"."subject" in ('member','branch','grassroots')),
	CONSTRAINT "criteria_sets_period_check" CHECK ("criteria_sets"."valid_to" is null or "criteria_sets"."valid_to" >= "criteria_sets"."valid_from")
);
--> statement-breakpoint
CREATE TABLE "evaluation_cycles" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"criteria_set_id" uuid NOT NULL,
	"programme" text NOT NULL,
	"owner_unit_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"year" integer NOT NULL,
	"half" integer DEFAULT 0 NOT NULL,
	"deadlines" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"reinspection" text DEFAULT 'all' NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"note" text,
	"opened_by" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "evaluation_cycles_kind_check" CHECK ("evaluation_cycles"."kind" in ('halfYear','year')),
	CONSTRAINT "evaluation_cycles_half_check" CHECK (("evaluation_cycles"."kind" = 'year' and "evaluation_cycles"."half" = 0) or ("evaluation_cycles"."kind" = 'halfYear' and "evaluation_cycles"."half" in (1,2))),
	CONSTRAINT "evaluation_cycles_reinspection_check" CHECK ("evaluation_cycles"."reinspection" in ('none','sample','all')),
	CONSTRAINT "evaluation_cycles_status_check" CHECK ("evaluation_cycles"."status" in ('open','closed'))
);
--> statement-breakpoint
CREATE TABLE "evaluation_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"evaluation_id" uuid NOT NULL,
	"step" text NOT NULL,
	"action" text NOT NULL,
	"from_status" text,
	"to_status" text,
	"reason" text,
	"before" jsonb,
	"after" jsonb,
	"actor_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "evaluation_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"evaluation_id" uuid NOT NULL,
	"step" text NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"content" "bytea" NOT NULL,
	"uploaded_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "evaluations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cycle_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"member_id" uuid,
	"evaluator_unit_id" uuid NOT NULL,
	"step" text NOT NULL,
	"status" text NOT NULL,
	"return_reason" text,
	"reopened" jsonb,
	"self_scores" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"self_class" text,
	"self_total" numeric(8, 2),
	"scores" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"class_key" text,
	"total" numeric(8, 2),
	"override_reason" text,
	"evidence_note" text,
	"evidence_links" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"auto_evidence" jsonb,
	"auto_evidence_at" timestamp with time zone,
	"follow_up_user_id" text,
	"sampled" boolean DEFAULT true NOT NULL,
	"decided_on" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "evaluations_step_check" CHECK ("evaluations"."step" in ('registration','selfAssessment','evaluation','reinspection','decision')),
	CONSTRAINT "evaluations_status_check" CHECK ("evaluations"."status" in ('waiting','ready','submitted','returned','approved','accepted'))
);
--> statement-breakpoint
ALTER TABLE "criteria_sets" ADD CONSTRAINT "criteria_sets_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_cycles" ADD CONSTRAINT "evaluation_cycles_criteria_set_id_criteria_sets_id_fk" FOREIGN KEY ("criteria_set_id") REFERENCES "public"."criteria_sets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_cycles" ADD CONSTRAINT "evaluation_cycles_owner_unit_id_units_id_fk" FOREIGN KEY ("owner_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_cycles" ADD CONSTRAINT "evaluation_cycles_opened_by_user_id_fk" FOREIGN KEY ("opened_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_events" ADD CONSTRAINT "evaluation_events_evaluation_id_evaluations_id_fk" FOREIGN KEY ("evaluation_id") REFERENCES "public"."evaluations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_events" ADD CONSTRAINT "evaluation_events_actor_id_user_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_files" ADD CONSTRAINT "evaluation_files_evaluation_id_evaluations_id_fk" FOREIGN KEY ("evaluation_id") REFERENCES "public"."evaluations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_files" ADD CONSTRAINT "evaluation_files_uploaded_by_user_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluations" ADD CONSTRAINT "evaluations_cycle_id_evaluation_cycles_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."evaluation_cycles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluations" ADD CONSTRAINT "evaluations_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluations" ADD CONSTRAINT "evaluations_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluations" ADD CONSTRAINT "evaluations_evaluator_unit_id_units_id_fk" FOREIGN KEY ("evaluator_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluations" ADD CONSTRAINT "evaluations_follow_up_user_id_user_id_fk" FOREIGN KEY ("follow_up_user_id") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "criteria_sets_programme_from_uq" ON "criteria_sets" USING btree ("programme","valid_from");--> statement-breakpoint
CREATE UNIQUE INDEX "evaluation_cycles_owner_period_uq" ON "evaluation_cycles" USING btree ("programme","owner_unit_id","kind","year","half");--> statement-breakpoint
CREATE INDEX "evaluation_cycles_year_idx" ON "evaluation_cycles" USING btree ("year","programme");--> statement-breakpoint
CREATE INDEX "evaluation_events_evaluation_idx" ON "evaluation_events" USING btree ("evaluation_id","id");--> statement-breakpoint
CREATE INDEX "evaluation_files_evaluation_idx" ON "evaluation_files" USING btree ("evaluation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "evaluations_cycle_unit_uq" ON "evaluations" USING btree ("cycle_id","unit_id") WHERE "evaluations"."member_id" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "evaluations_cycle_member_uq" ON "evaluations" USING btree ("cycle_id","member_id") WHERE "evaluations"."member_id" is not null;--> statement-breakpoint
CREATE INDEX "evaluations_cycle_step_idx" ON "evaluations" USING btree ("cycle_id","step","status");--> statement-breakpoint
CREATE INDEX "evaluations_unit_idx" ON "evaluations" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "evaluations_evaluator_idx" ON "evaluations" USING btree ("evaluator_unit_id");