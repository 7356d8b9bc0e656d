CREATE TABLE "member_comments" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"member_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"content" text NOT NULL,
	"author_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "member_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"member_id" uuid NOT NULL,
	"unit_id" uuid,
	"kind" text NOT NULL,
	"on_date" date NOT NULL,
	"before" jsonb,
	"after" jsonb,
	"note" text,
	"actor_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
DROP INDEX "members_unit_idx";--> statement-breakpoint
DROP INDEX "members_province_idx";--> statement-breakpoint
ALTER TABLE "members" ADD COLUMN "sort_key" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "members" ADD COLUMN "birth_year_only" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "members" ADD COLUMN "ethnicity" text;--> statement-breakpoint
ALTER TABLE "members" ADD COLUMN "religion" text;--> statement-breakpoint
ALTER TABLE "members" ADD COLUMN "cccd" text;--> statement-breakpoint
ALTER TABLE "members" ADD COLUMN "phone" text;--> statement-breakpoint
ALTER TABLE "members" ADD COLUMN "email" text;--> statement-breakpoint
ALTER TABLE "members" ADD COLUMN "permanent_province" text;--> statement-breakpoint
ALTER TABLE "members" ADD COLUMN "permanent_commune" text;--> statement-breakpoint
ALTER TABLE "members" ADD COLUMN "permanent_address" text;--> statement-breakpoint
ALTER TABLE "members" ADD COLUMN "residence_province" text;--> statement-breakpoint
ALTER TABLE "members" ADD COLUMN "residence_commune" text;--> statement-breakpoint
ALTER TABLE "members" ADD COLUMN "residence_address" text;--> statement-breakpoint
ALTER TABLE "members" ADD COLUMN "hometown" text;--> statement-breakpoint
ALTER TABLE "members" ADD COLUMN "joined_on" date;--> statement-breakpoint
ALTER TABLE "members" ADD COLUMN "admitted_at" text;--> statement-breakpoint
ALTER TABLE "members" ADD COLUMN "card_number" text;--> statement-breakpoint
ALTER TABLE "members" ADD COLUMN "card_issued_on" date;--> statement-breakpoint
ALTER TABLE "members" ADD COLUMN "position" text;--> statement-breakpoint
ALTER TABLE "members" ADD COLUMN "party_member" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "members" ADD COLUMN "party_joined_on" date;--> statement-breakpoint
ALTER TABLE "members" ADD COLUMN "pioneer_history" text;--> statement-breakpoint
ALTER TABLE "members" ADD COLUMN "education_level" text;--> statement-breakpoint
ALTER TABLE "members" ADD COLUMN "qualification" text;--> statement-breakpoint
ALTER TABLE "members" ADD COLUMN "occupation" text;--> statement-breakpoint
ALTER TABLE "members" ADD COLUMN "school_class" text;--> statement-breakpoint
ALTER TABLE "members" ADD COLUMN "workplace" text;--> statement-breakpoint
ALTER TABLE "members" ADD COLUMN "away_place" text;--> statement-breakpoint
ALTER TABLE "members" ADD COLUMN "away_since" date;--> statement-breakpoint
ALTER TABLE "members" ADD COLUMN "care_flags" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "members" ADD COLUMN "care_note" text;--> statement-breakpoint
ALTER TABLE "members" ADD COLUMN "help_plan" text;--> statement-breakpoint
ALTER TABLE "members" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "member_comments" ADD CONSTRAINT "member_comments_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_comments" ADD CONSTRAINT "member_comments_author_id_user_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_events" ADD CONSTRAINT "member_events_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_events" ADD CONSTRAINT "member_events_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_events" ADD CONSTRAINT "member_events_actor_id_user_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "member_comments_member_year_uq" ON "member_comments" USING btree ("member_id","year");--> statement-breakpoint
CREATE INDEX "member_events_member_idx" ON "member_events" USING btree ("member_id","on_date");--> statement-breakpoint
CREATE INDEX "members_unit_sort_idx" ON "members" USING btree ("unit_id","sort_key","id");--> statement-breakpoint
CREATE INDEX "members_province_sort_idx" ON "members" USING btree ("province_id","sort_key","id");--> statement-breakpoint
CREATE INDEX "members_sort_idx" ON "members" USING btree ("sort_key","id");--> statement-breakpoint
CREATE INDEX "members_search_trgm" ON "members" USING gin ("search_name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "members_phone_idx" ON "members" USING btree ("phone");--> statement-breakpoint
CREATE INDEX "members_card_idx" ON "members" USING btree ("card_number");--> statement-breakpoint
CREATE UNIQUE INDEX "members_cccd_active_uq" ON "members" USING btree ("cccd") WHERE "members"."cccd" is not null and "members"."status" in ('active','working_away','temporary_elsewhere','in_transit');--> statement-breakpoint
ALTER TABLE "members" ADD CONSTRAINT "members_status_check" CHECK ("members"."status" in ('active','working_away','temporary_elsewhere','in_transit','matured','removed','expelled','deceased'));--> statement-breakpoint
ALTER TABLE "members" ADD CONSTRAINT "members_cccd_check" CHECK ("members"."cccd" is null or "members"."cccd" ~ '^[0-9]{12}$');--> statement-breakpoint
UPDATE "members" SET "sort_key" =
  lower(unaccent_immutable(replace(replace("given_name", 'đ', 'dz'), 'Đ', 'Dz'))) || ' ' ||
  lower(unaccent_immutable(replace(replace("full_name", 'đ', 'dz'), 'Đ', 'Dz')))
WHERE "sort_key" = '';
