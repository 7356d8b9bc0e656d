CREATE TABLE "member_accounts" (
	"user_id" text PRIMARY KEY NOT NULL,
	"member_id" uuid NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "member_change_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"member_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"changes" jsonb NOT NULL,
	"previous" jsonb NOT NULL,
	"note" text,
	"status" text DEFAULT 'pending' NOT NULL,
	"requested_by" text,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_by" text,
	"decided_at" timestamp with time zone,
	"decision_note" text,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "member_change_requests_status_check" CHECK ("member_change_requests"."status" in ('pending','approved','rejected','withdrawn'))
);
--> statement-breakpoint
CREATE TABLE "member_photos" (
	"member_id" uuid PRIMARY KEY NOT NULL,
	"content_type" text NOT NULL,
	"data" "bytea" NOT NULL,
	"byte_size" integer NOT NULL,
	"uploaded_by" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "unit_member_counts" (
	"unit_id" uuid NOT NULL,
	"status" text NOT NULL,
	"member_count" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "import_jobs" DROP CONSTRAINT "import_jobs_status_check";--> statement-breakpoint
ALTER TABLE "member_accounts" ADD CONSTRAINT "member_accounts_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_accounts" ADD CONSTRAINT "member_accounts_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_accounts" ADD CONSTRAINT "member_accounts_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_change_requests" ADD CONSTRAINT "member_change_requests_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_change_requests" ADD CONSTRAINT "member_change_requests_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_change_requests" ADD CONSTRAINT "member_change_requests_requested_by_user_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_change_requests" ADD CONSTRAINT "member_change_requests_decided_by_user_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_photos" ADD CONSTRAINT "member_photos_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_photos" ADD CONSTRAINT "member_photos_uploaded_by_user_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_member_counts" ADD CONSTRAINT "unit_member_counts_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "member_accounts_member_uq" ON "member_accounts" USING btree ("member_id");--> statement-breakpoint
CREATE INDEX "member_change_requests_unit_idx" ON "member_change_requests" USING btree ("unit_id","status","requested_at");--> statement-breakpoint
CREATE INDEX "member_change_requests_member_idx" ON "member_change_requests" USING btree ("member_id","requested_at");--> statement-breakpoint
CREATE UNIQUE INDEX "member_change_requests_pending_uq" ON "member_change_requests" USING btree ("member_id") WHERE "member_change_requests"."status" = 'pending';--> statement-breakpoint
CREATE UNIQUE INDEX "unit_member_counts_pk" ON "unit_member_counts" USING btree ("unit_id","status");--> statement-breakpoint
CREATE INDEX "members_province_birth_idx" ON "members" USING btree ("province_id","birth_date","id");--> statement-breakpoint
ALTER TABLE "import_jobs" ADD CONSTRAINT "import_jobs_status_check" CHECK ("import_jobs"."status" in ('queued','running','dry_run_ready','committing','done','failed','cancelled'));--> statement-breakpoint
CREATE FUNCTION unit_member_counts_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO unit_member_counts (unit_id, status, member_count)
      SELECT unit_id, status, count(*)::int FROM new_rows GROUP BY unit_id, status ORDER BY unit_id, status
      ON CONFLICT (unit_id, status) DO UPDATE SET member_count = unit_member_counts.member_count + excluded.member_count;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO unit_member_counts (unit_id, status, member_count)
      SELECT unit_id, status, -count(*)::int FROM old_rows GROUP BY unit_id, status ORDER BY unit_id, status
      ON CONFLICT (unit_id, status) DO UPDATE SET member_count = unit_member_counts.member_count + excluded.member_count;
  ELSE
    INSERT INTO unit_member_counts (unit_id, status, member_count)
      SELECT unit_id, status, sum(n)::int FROM (
        SELECT unit_id, status, -1 AS n FROM old_rows
        UNION ALL
        SELECT unit_id, status, 1 AS n FROM new_rows
      ) AS moves
      GROUP BY unit_id, status HAVING sum(n) <> 0 ORDER BY unit_id, status
      ON CONFLICT (unit_id, status) DO UPDATE SET member_count = unit_member_counts.member_count + excluded.member_count;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER members_counts_insert AFTER INSERT ON members REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION unit_member_counts_apply();
--> statement-breakpoint
CREATE TRIGGER members_counts_update AFTER UPDATE ON members REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION unit_member_counts_apply();
--> statement-breakpoint
CREATE TRIGGER members_counts_delete AFTER DELETE ON members REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION unit_member_counts_apply();
--> statement-breakpoint
INSERT INTO unit_member_counts (unit_id, status, member_count)
  SELECT unit_id, status, count(*)::int FROM members GROUP BY unit_id, status;
