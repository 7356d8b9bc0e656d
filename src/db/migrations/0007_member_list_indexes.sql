CREATE EXTENSION IF NOT EXISTS btree_gin;--> statement-breakpoint
DROP INDEX IF EXISTS "members_province_sort_idx";--> statement-breakpoint
DROP INDEX IF EXISTS "members_sort_idx";--> statement-breakpoint
DROP INDEX IF EXISTS "members_search_trgm";--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "members_province_list_idx" ON "members" USING btree ("province_id","sort_key","id","search_name","status","gender","ethnicity","religion","party_member","birth_date","care_flags");--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "members_sort_idx" ON "members" USING btree ("sort_key","id","search_name");--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "members_search_trgm" ON "members" USING gin ("province_id","search_name" gin_trgm_ops);
