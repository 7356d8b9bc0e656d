CREATE TABLE "branch_meeting_years" (
	"unit_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"held_mask" integer DEFAULT 0 NOT NULL,
	"present" integer[] NOT NULL,
	"expected" integer[] NOT NULL,
	CONSTRAINT "branch_meeting_years_unit_id_year_pk" PRIMARY KEY("unit_id","year")
);
--> statement-breakpoint
CREATE TABLE "branch_seen_months" (
	"unit_id" uuid NOT NULL,
	"month" text NOT NULL,
	"members" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "branch_seen_months_unit_id_month_pk" PRIMARY KEY("unit_id","month")
);
--> statement-breakpoint
ALTER TABLE "branch_meeting_years" ADD CONSTRAINT "branch_meeting_years_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "branch_seen_months" ADD CONSTRAINT "branch_seen_months_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- Recounts one branch-year from its held meetings. The row lock serialises writers of the same branch and year, so
-- the recount (a new snapshot in READ COMMITTED) sees what a concurrent writer committed before it.
CREATE FUNCTION branch_meeting_year_refresh(p_unit uuid, p_year int) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO branch_meeting_years (unit_id, year, present, expected)
  VALUES (p_unit, p_year, array_fill(0, ARRAY[12]), array_fill(0, ARRAY[12]))
  ON CONFLICT DO NOTHING;
  PERFORM 1 FROM branch_meeting_years WHERE unit_id = p_unit AND year = p_year FOR UPDATE;
  UPDATE branch_meeting_years y SET held_mask = x.mask, present = x.present, expected = x.expected
  FROM (
    SELECT coalesce(bit_or(1 << (g.mo - 1)) FILTER (WHERE s.mo IS NOT NULL), 0) AS mask,
           array_agg(coalesce(s.present, 0) ORDER BY g.mo) AS present,
           array_agg(coalesce(s.expected, 0) ORDER BY g.mo) AS expected
    FROM generate_series(1, 12) AS g(mo)
    LEFT JOIN (
      SELECT substr(period, 6, 2)::int AS mo, sum(present_count)::int AS present, sum(expected_count)::int AS expected
      FROM meetings
      WHERE unit_id = p_unit AND status = 'held' AND period >= p_year::text || '-01' AND period <= p_year::text || '-12'
      GROUP BY 1
    ) s ON s.mo = g.mo
  ) x
  WHERE y.unit_id = p_unit AND y.year = p_year;
END $$;
--> statement-breakpoint
CREATE FUNCTION meetings_rollup_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' AND OLD.status = 'held' THEN
    PERFORM branch_meeting_year_refresh(OLD.unit_id, substr(OLD.period, 1, 4)::int);
  END IF;
  IF TG_OP <> 'DELETE' AND NEW.status = 'held' AND (
    TG_OP = 'INSERT' OR OLD.status <> 'held' OR OLD.unit_id <> NEW.unit_id
    OR substr(OLD.period, 1, 4) <> substr(NEW.period, 1, 4)
  ) THEN
    PERFORM branch_meeting_year_refresh(NEW.unit_id, substr(NEW.period, 1, 4)::int);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER meetings_rollup AFTER INSERT OR DELETE OR UPDATE OF unit_id, period, status, present_count, expected_count
  ON meetings FOR EACH ROW EXECUTE FUNCTION meetings_rollup_apply();
--> statement-breakpoint
CREATE FUNCTION member_last_seen_rollup_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' AND OLD.unit_id IS NOT NULL THEN
    UPDATE branch_seen_months SET members = members - 1
     WHERE unit_id = OLD.unit_id AND month = to_char(OLD.last_present_on, 'YYYY-MM');
  END IF;
  IF TG_OP <> 'DELETE' AND NEW.unit_id IS NOT NULL THEN
    INSERT INTO branch_seen_months (unit_id, month, members)
    VALUES (NEW.unit_id, to_char(NEW.last_present_on, 'YYYY-MM'), 1)
    ON CONFLICT (unit_id, month) DO UPDATE SET members = branch_seen_months.members + 1;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER member_last_seen_rollup AFTER INSERT OR DELETE OR UPDATE OF unit_id, last_present_on
  ON member_last_seen FOR EACH ROW EXECUTE FUNCTION member_last_seen_rollup_apply();
--> statement-breakpoint
-- Rebuilds both rollups from their sources: the backfill below, and bulk loads that switch the triggers off.
CREATE FUNCTION branch_rollups_rebuild() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM branch_meeting_years;
  INSERT INTO branch_meeting_years (unit_id, year, held_mask, present, expected)
  SELECT k.unit_id, k.year,
         coalesce(bit_or(1 << (g.mo - 1)) FILTER (WHERE s.mo IS NOT NULL), 0),
         array_agg(coalesce(s.present, 0) ORDER BY g.mo), array_agg(coalesce(s.expected, 0) ORDER BY g.mo)
  FROM (SELECT DISTINCT unit_id, substr(period, 1, 4)::int AS year FROM meetings WHERE status = 'held') k
  CROSS JOIN generate_series(1, 12) AS g(mo)
  LEFT JOIN (
    SELECT unit_id, substr(period, 1, 4)::int AS year, substr(period, 6, 2)::int AS mo,
           sum(present_count)::int AS present, sum(expected_count)::int AS expected
    FROM meetings WHERE status = 'held' GROUP BY 1, 2, 3
  ) s ON s.unit_id = k.unit_id AND s.year = k.year AND s.mo = g.mo
  GROUP BY k.unit_id, k.year;
  DELETE FROM branch_seen_months;
  INSERT INTO branch_seen_months (unit_id, month, members)
  SELECT unit_id, to_char(last_present_on, 'YYYY-MM'), count(*)::int
  FROM member_last_seen WHERE unit_id IS NOT NULL GROUP BY 1, 2;
END $$;
--> statement-breakpoint
SELECT branch_rollups_rebuild();
