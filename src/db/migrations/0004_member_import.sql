CREATE TABLE "import_job_rows" (
	"job_id" uuid NOT NULL,
	"row_number" integer NOT NULL,
	"outcome" text NOT NULL,
	"values" jsonb NOT NULL,
	"branch_ref" text,
	"unit_id" uuid,
	"member_id" uuid,
	"errors" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"changes" jsonb,
	"derived" jsonb,
	CONSTRAINT "import_job_rows_job_id_row_number_pk" PRIMARY KEY("job_id","row_number"),
	CONSTRAINT "import_job_rows_outcome_check" CHECK ("import_job_rows"."outcome" in ('create','update','unchanged','reject'))
);
--> statement-breakpoint
CREATE TABLE "import_jobs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"actor_id" text NOT NULL,
	"unit_id" uuid NOT NULL,
	"default_branch_id" uuid,
	"file_name" text NOT NULL,
	"file_kind" text NOT NULL,
	"file_size" integer NOT NULL,
	"file_data" "bytea" NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"sheet_name" text,
	"header_row" integer,
	"columns" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"mapping" jsonb,
	"requested_mapping" jsonb,
	"total_rows" integer,
	"processed_rows" integer DEFAULT 0 NOT NULL,
	"counts" jsonb,
	"error" jsonb,
	"attempts" integer DEFAULT 0 NOT NULL,
	"heartbeat_at" timestamp with time zone,
	"request_id" text,
	"commit_request_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	CONSTRAINT "import_jobs_status_check" CHECK ("import_jobs"."status" in ('queued','running','dry_run_ready','committing','done','failed')),
	CONSTRAINT "import_jobs_kind_check" CHECK ("import_jobs"."file_kind" in ('xlsx','csv'))
);
--> statement-breakpoint
CREATE TABLE "import_mappings" (
	"unit_id" uuid PRIMARY KEY NOT NULL,
	"mapping" jsonb NOT NULL,
	"updated_by" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "import_jobs" ADD CONSTRAINT "import_jobs_actor_id_user_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_jobs" ADD CONSTRAINT "import_jobs_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_jobs" ADD CONSTRAINT "import_jobs_default_branch_id_units_id_fk" FOREIGN KEY ("default_branch_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_mappings" ADD CONSTRAINT "import_mappings_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_mappings" ADD CONSTRAINT "import_mappings_updated_by_user_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "import_job_rows_outcome_idx" ON "import_job_rows" USING btree ("job_id","outcome","row_number");--> statement-breakpoint
CREATE INDEX "import_jobs_unit_idx" ON "import_jobs" USING btree ("unit_id","created_at");--> statement-breakpoint
CREATE INDEX "import_jobs_pending_idx" ON "import_jobs" USING btree ("created_at") WHERE "import_jobs"."status" in ('queued','running','committing');