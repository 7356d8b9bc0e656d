DROP INDEX "meetings_unit_period_idx";--> statement-breakpoint
ALTER TABLE "member_last_seen" ADD COLUMN "unit_id" uuid;--> statement-breakpoint
ALTER TABLE "member_last_seen" ADD CONSTRAINT "member_last_seen_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "meetings_unit_stats_idx" ON "meetings" USING btree ("unit_id","period","status","present_count","expected_count");--> statement-breakpoint
CREATE INDEX "member_last_seen_unit_idx" ON "member_last_seen" USING btree ("unit_id","last_present_on");--> statement-breakpoint
-- Rows written before the column: the branch of the member's latest meeting attended.
UPDATE "member_last_seen" s SET "unit_id" = x."unit_id" FROM (
  SELECT DISTINCT ON (a."member_id") a."member_id", m."unit_id"
  FROM "meeting_attendance" a JOIN "meetings" m ON m."id" = a."meeting_id"
  WHERE a."status" = 'present' AND m."status" <> 'cancelled'
  ORDER BY a."member_id", coalesce(m."held_on", m."planned_on") DESC
) x WHERE x."member_id" = s."member_id" AND s."unit_id" IS NULL;
