CREATE TABLE "branch_sizes" (
	"unit_id" uuid PRIMARY KEY NOT NULL,
	"members" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "subtree_attendance" (
	"path" "ltree" NOT NULL,
	"month" text NOT NULL,
	"present" bigint DEFAULT 0 NOT NULL,
	"expected" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "subtree_attendance_path_month_pk" PRIMARY KEY("path","month")
);
--> statement-breakpoint
CREATE TABLE "subtree_branch_sizes" (
	"path" "ltree" NOT NULL,
	"members" integer NOT NULL,
	"branches" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "subtree_branch_sizes_path_members_pk" PRIMARY KEY("path","members")
);
--> statement-breakpoint
CREATE TABLE "subtree_month_masks" (
	"path" "ltree" NOT NULL,
	"year" integer NOT NULL,
	"what" text NOT NULL,
	"mask" integer NOT NULL,
	"branches" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "subtree_month_masks_path_year_what_mask_pk" PRIMARY KEY("path","year","what","mask")
);
--> statement-breakpoint
CREATE TABLE "subtree_seen_months" (
	"path" "ltree" NOT NULL,
	"month" text NOT NULL,
	"members" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "subtree_seen_months_path_month_pk" PRIMARY KEY("path","month")
);
--> statement-breakpoint
ALTER TABLE "branch_meeting_years" ADD COLUMN "review_mask" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "branch_sizes" ADD CONSTRAINT "branch_sizes_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- The rollup paths a unit at p adds to: its ancestors below the root and itself (the root only to its own).
CREATE FUNCTION subtree_keys(p ltree) RETURNS SETOF ltree LANGUAGE sql IMMUTABLE AS $$
  SELECT subpath(p, 0, k) FROM generate_series(least(2, nlevel(p)), nlevel(p)) AS k ORDER BY k
$$;
--> statement-breakpoint
-- Moves one branch-year of a branch at p from its old masks and monthly counts to its new ones (NULL: none).
CREATE FUNCTION subtree_year_delta(p ltree, yr int, old_held int, new_held int, old_rev int, new_rev int,
  old_present int[], new_present int[], old_expected int[], new_expected int[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO subtree_month_masks (path, year, what, mask, branches)
  SELECT k, yr, d.what, d.mask, sum(d.n)::int
  FROM subtree_keys(p) AS k,
       (VALUES ('held', old_held, -1), ('held', new_held, 1), ('reviewed', old_rev, -1), ('reviewed', new_rev, 1))
         AS d(what, mask, n)
  WHERE d.mask IS NOT NULL AND d.mask <> 0
  GROUP BY 1, 2, 3, 4 HAVING sum(d.n) <> 0 ORDER BY 1, 3, 4
  ON CONFLICT (path, year, what, mask) DO UPDATE SET branches = subtree_month_masks.branches + excluded.branches;
  INSERT INTO subtree_attendance (path, month, present, expected)
  SELECT k, yr::text || '-' || lpad(mo::text, 2, '0'),
         coalesce(new_present[mo], 0) - coalesce(old_present[mo], 0),
         coalesce(new_expected[mo], 0) - coalesce(old_expected[mo], 0)
  FROM subtree_keys(p) AS k, generate_series(1, 12) AS mo
  WHERE coalesce(new_present[mo], 0) <> coalesce(old_present[mo], 0)
     OR coalesce(new_expected[mo], 0) <> coalesce(old_expected[mo], 0)
  ORDER BY 1, 2
  ON CONFLICT (path, month) DO UPDATE SET present = subtree_attendance.present + excluded.present,
                                          expected = subtree_attendance.expected + excluded.expected;
END $$;
--> statement-breakpoint
-- Moves an open branch at p between size buckets (NULL: not counted; LEAST would read NULL as the cap).
CREATE FUNCTION subtree_size_delta(p ltree, old_members int, new_members int) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO subtree_branch_sizes (path, members, branches)
  SELECT k, b.bucket, sum(d.n)::int
  FROM subtree_keys(p) AS k, (VALUES (old_members, -1), (new_members, 1)) AS d(members, n),
       LATERAL (SELECT least(d.members, 100) AS bucket) AS b
  WHERE d.members IS NOT NULL
  GROUP BY 1, 2 HAVING sum(d.n) <> 0 ORDER BY 1, 2
  ON CONFLICT (path, members) DO UPDATE SET branches = subtree_branch_sizes.branches + excluded.branches;
END $$;
--> statement-breakpoint
-- Adds (sign 1) or takes away (-1) everything an open branch holds at p: its size and every year of its meetings.
CREATE FUNCTION subtree_branch_apply(p_unit uuid, p ltree, sign int) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  size int := coalesce((SELECT members FROM branch_sizes WHERE unit_id = p_unit), 0);
  y record;
BEGIN
  IF sign > 0 THEN PERFORM subtree_size_delta(p, NULL, size); ELSE PERFORM subtree_size_delta(p, size, NULL); END IF;
  FOR y IN SELECT * FROM branch_meeting_years WHERE unit_id = p_unit ORDER BY year LOOP
    IF sign > 0 THEN
      PERFORM subtree_year_delta(p, y.year, NULL, y.held_mask, NULL, y.review_mask, NULL, y.present, NULL, y.expected);
    ELSE
      PERFORM subtree_year_delta(p, y.year, y.held_mask, NULL, y.review_mask, NULL, y.present, NULL, y.expected, NULL);
    END IF;
  END LOOP;
END $$;
--> statement-breakpoint
-- Adds (1) or takes away (-1) the last-seen months of any unit at p.
CREATE FUNCTION subtree_seen_apply(p_unit uuid, p ltree, sign int) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO subtree_seen_months (path, month, members)
  SELECT k, s.month, sign * s.members FROM branch_seen_months s, subtree_keys(p) AS k
  WHERE s.unit_id = p_unit AND s.members <> 0 ORDER BY 1, 2
  ON CONFLICT (path, month) DO UPDATE SET members = subtree_seen_months.members + excluded.members;
END $$;
--> statement-breakpoint
CREATE FUNCTION branch_meeting_years_subtree_apply() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  p ltree;
BEGIN
  IF current_setting('doanso.rollup_rebuild', true) = 'on' THEN RETURN NULL; END IF;
  SELECT path INTO p FROM units
   WHERE id = coalesce(NEW.unit_id, OLD.unit_id) AND kind = 'branch' AND closed_on IS NULL;
  IF p IS NULL THEN RETURN NULL; END IF;
  IF TG_OP = 'INSERT' THEN
    PERFORM subtree_year_delta(p, NEW.year, NULL, NEW.held_mask, NULL, NEW.review_mask, NULL, NEW.present, NULL, NEW.expected);
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM subtree_year_delta(p, OLD.year, OLD.held_mask, NULL, OLD.review_mask, NULL, OLD.present, NULL, OLD.expected, NULL);
  ELSIF OLD.unit_id = NEW.unit_id AND OLD.year = NEW.year THEN
    PERFORM subtree_year_delta(p, NEW.year, OLD.held_mask, NEW.held_mask, OLD.review_mask, NEW.review_mask,
                               OLD.present, NEW.present, OLD.expected, NEW.expected);
  ELSE
    RAISE EXCEPTION 'branch_meeting_years: unit_id and year are not updated in place';
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER branch_meeting_years_subtree AFTER INSERT OR UPDATE OR DELETE ON branch_meeting_years
  FOR EACH ROW EXECUTE FUNCTION branch_meeting_years_subtree_apply();
--> statement-breakpoint
-- In-union statuses: ACTIVE_STATUSES in src/domain/members/reference-lists.ts.
CREATE FUNCTION unit_member_counts_size_apply() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  in_union text[] := ARRAY['active', 'working_away', 'temporary_elsewhere', 'in_transit'];
  u uuid := coalesce(NEW.unit_id, OLD.unit_id);
  d int := (CASE WHEN TG_OP <> 'DELETE' AND NEW.status = ANY (in_union) THEN NEW.member_count ELSE 0 END)
         - (CASE WHEN TG_OP <> 'INSERT' AND OLD.status = ANY (in_union) THEN OLD.member_count ELSE 0 END);
  unit record;
  before int;
BEGIN
  IF d = 0 THEN RETURN NULL; END IF;
  SELECT path, closed_on INTO unit FROM units WHERE id = u AND kind = 'branch';
  IF NOT FOUND THEN RETURN NULL; END IF;
  INSERT INTO branch_sizes (unit_id, members) VALUES (u, 0) ON CONFLICT DO NOTHING;
  SELECT members INTO before FROM branch_sizes WHERE unit_id = u FOR UPDATE;
  UPDATE branch_sizes SET members = before + d WHERE unit_id = u;
  IF unit.closed_on IS NULL THEN PERFORM subtree_size_delta(unit.path, before, before + d); END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER unit_member_counts_size AFTER INSERT OR UPDATE OR DELETE ON unit_member_counts
  FOR EACH ROW EXECUTE FUNCTION unit_member_counts_size_apply();
--> statement-breakpoint
CREATE FUNCTION branch_seen_months_subtree_apply() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  u uuid := coalesce(NEW.unit_id, OLD.unit_id);
  m text := coalesce(NEW.month, OLD.month);
  d int := (CASE WHEN TG_OP <> 'DELETE' THEN NEW.members ELSE 0 END)
         - (CASE WHEN TG_OP <> 'INSERT' THEN OLD.members ELSE 0 END);
  p ltree;
BEGIN
  IF current_setting('doanso.rollup_rebuild', true) = 'on' THEN RETURN NULL; END IF;
  IF TG_OP = 'UPDATE' AND (OLD.unit_id <> NEW.unit_id OR OLD.month <> NEW.month) THEN
    RAISE EXCEPTION 'branch_seen_months: unit_id and month are not updated in place';
  END IF;
  IF d = 0 THEN RETURN NULL; END IF;
  SELECT path INTO p FROM units WHERE id = u;
  IF p IS NULL THEN RETURN NULL; END IF;
  INSERT INTO subtree_seen_months (path, month, members)
  SELECT k, m, d FROM subtree_keys(p) AS k
  ON CONFLICT (path, month) DO UPDATE SET members = subtree_seen_months.members + excluded.members;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER branch_seen_months_subtree AFTER INSERT OR UPDATE OR DELETE ON branch_seen_months
  FOR EACH ROW EXECUTE FUNCTION branch_seen_months_subtree_apply();
--> statement-breakpoint
-- A unit created, moved (its path changes, so do its descendants'), closed, reopened or made a branch: what it
-- holds leaves its old paths and joins its new ones.
CREATE FUNCTION units_subtree_apply() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  was_open boolean := TG_OP <> 'INSERT' AND OLD.kind = 'branch' AND OLD.closed_on IS NULL;
  is_open boolean := TG_OP <> 'DELETE' AND NEW.kind = 'branch' AND NEW.closed_on IS NULL;
  moved boolean := TG_OP = 'UPDATE' AND OLD.path <> NEW.path;
BEGIN
  IF was_open AND (NOT is_open OR moved) THEN PERFORM subtree_branch_apply(OLD.id, OLD.path, -1); END IF;
  IF is_open AND (NOT was_open OR moved) THEN PERFORM subtree_branch_apply(NEW.id, NEW.path, 1); END IF;
  IF moved THEN
    PERFORM subtree_seen_apply(OLD.id, OLD.path, -1);
    PERFORM subtree_seen_apply(NEW.id, NEW.path, 1);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER units_subtree AFTER INSERT OR DELETE OR UPDATE OF path, kind, closed_on ON units
  FOR EACH ROW EXECUTE FUNCTION units_subtree_apply();
--> statement-breakpoint
-- The branch-year recount of migration 0010, now with the months that have a member review; an unchanged row is
-- not rewritten (its subtree trigger would move nothing).
CREATE OR REPLACE FUNCTION branch_meeting_year_refresh(p_unit uuid, p_year int) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO branch_meeting_years (unit_id, year, present, expected)
  VALUES (p_unit, p_year, array_fill(0, ARRAY[12]), array_fill(0, ARRAY[12]))
  ON CONFLICT DO NOTHING;
  PERFORM 1 FROM branch_meeting_years WHERE unit_id = p_unit AND year = p_year FOR UPDATE;
  UPDATE branch_meeting_years y SET held_mask = x.mask, present = x.present, expected = x.expected, review_mask = x.review
  FROM (
    SELECT coalesce(bit_or(1 << (g.mo - 1)) FILTER (WHERE s.mo IS NOT NULL), 0) AS mask,
           array_agg(coalesce(s.present, 0) ORDER BY g.mo) AS present,
           array_agg(coalesce(s.expected, 0) ORDER BY g.mo) AS expected,
           (SELECT coalesce(bit_or(1 << (substr(r.period, 6, 2)::int - 1)), 0) FROM member_reviews r
             WHERE r.unit_id = p_unit AND r.period >= p_year::text || '-01' AND r.period <= p_year::text || '-12') AS review
    FROM generate_series(1, 12) AS g(mo)
    LEFT JOIN (
      SELECT substr(period, 6, 2)::int AS mo, sum(present_count)::int AS present, sum(expected_count)::int AS expected
      FROM meetings
      WHERE unit_id = p_unit AND status = 'held' AND period >= p_year::text || '-01' AND period <= p_year::text || '-12'
      GROUP BY 1
    ) s ON s.mo = g.mo
  ) x
  WHERE y.unit_id = p_unit AND y.year = p_year
    AND (y.held_mask, y.present, y.expected, y.review_mask) IS DISTINCT FROM (x.mask, x.present, x.expected, x.review);
END $$;
--> statement-breakpoint
CREATE FUNCTION member_reviews_rollup_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    PERFORM branch_meeting_year_refresh(OLD.unit_id, substr(OLD.period, 1, 4)::int);
  END IF;
  IF TG_OP <> 'DELETE' AND (TG_OP = 'INSERT' OR OLD.unit_id <> NEW.unit_id OR OLD.period <> NEW.period) THEN
    PERFORM branch_meeting_year_refresh(NEW.unit_id, substr(NEW.period, 1, 4)::int);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER member_reviews_rollup AFTER INSERT OR DELETE OR UPDATE OF unit_id, period
  ON member_reviews FOR EACH ROW EXECUTE FUNCTION member_reviews_rollup_apply();
--> statement-breakpoint
-- Rebuilds the subtree rollups (and the branch sizes) from what the branches hold.
CREATE FUNCTION subtree_rollups_rebuild() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM branch_sizes;
  INSERT INTO branch_sizes (unit_id, members)
  SELECT k.unit_id, sum(k.member_count)::int FROM unit_member_counts k JOIN units u ON u.id = k.unit_id
  WHERE u.kind = 'branch' AND k.status IN ('active', 'working_away', 'temporary_elsewhere', 'in_transit')
  GROUP BY 1;
  DELETE FROM subtree_branch_sizes;
  INSERT INTO subtree_branch_sizes (path, members, branches)
  SELECT k, least(coalesce(s.members, 0), 100), count(*)::int
  FROM units u LEFT JOIN branch_sizes s ON s.unit_id = u.id, subtree_keys(u.path) AS k
  WHERE u.kind = 'branch' AND u.closed_on IS NULL GROUP BY 1, 2;
  DELETE FROM subtree_month_masks;
  INSERT INTO subtree_month_masks (path, year, what, mask, branches)
  SELECT k, y.year, w.what, w.mask, count(*)::int
  FROM branch_meeting_years y JOIN units u ON u.id = y.unit_id AND u.kind = 'branch' AND u.closed_on IS NULL,
       subtree_keys(u.path) AS k, LATERAL (VALUES ('held', y.held_mask), ('reviewed', y.review_mask)) AS w(what, mask)
  WHERE w.mask <> 0 GROUP BY 1, 2, 3, 4;
  DELETE FROM subtree_attendance;
  INSERT INTO subtree_attendance (path, month, present, expected)
  SELECT k, y.year::text || '-' || lpad(mo::text, 2, '0'), sum(y.present[mo]), sum(y.expected[mo])
  FROM branch_meeting_years y JOIN units u ON u.id = y.unit_id AND u.kind = 'branch' AND u.closed_on IS NULL,
       subtree_keys(u.path) AS k, generate_series(1, 12) AS mo
  WHERE y.present[mo] <> 0 OR y.expected[mo] <> 0 GROUP BY 1, 2;
  DELETE FROM subtree_seen_months;
  INSERT INTO subtree_seen_months (path, month, members)
  SELECT k, s.month, sum(s.members)::int FROM branch_seen_months s JOIN units u ON u.id = s.unit_id,
       subtree_keys(u.path) AS k
  WHERE s.members <> 0 GROUP BY 1, 2;
END $$;
--> statement-breakpoint
-- The branch rollups of migration 0010, now with review months, then the subtree rollups above them.
-- The per-row subtree triggers stand aside while it runs (the subtree rebuild at the end recounts everything).
CREATE OR REPLACE FUNCTION branch_rollups_rebuild() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM set_config('doanso.rollup_rebuild', 'on', true);
  DELETE FROM branch_meeting_years;
  INSERT INTO branch_meeting_years (unit_id, year, held_mask, present, expected, review_mask)
  SELECT k.unit_id, k.year,
         coalesce(bit_or(1 << (g.mo - 1)) FILTER (WHERE s.mo IS NOT NULL), 0),
         array_agg(coalesce(s.present, 0) ORDER BY g.mo), array_agg(coalesce(s.expected, 0) ORDER BY g.mo),
         coalesce((SELECT bit_or(1 << (substr(r.period, 6, 2)::int - 1)) FROM member_reviews r
                   WHERE r.unit_id = k.unit_id AND substr(r.period, 1, 4)::int = k.year), 0)
  FROM (SELECT unit_id, substr(period, 1, 4)::int AS year FROM meetings WHERE status = 'held'
        UNION SELECT unit_id, substr(period, 1, 4)::int FROM member_reviews) k
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
  PERFORM set_config('doanso.rollup_rebuild', 'off', true);
  PERFORM subtree_rollups_rebuild();
END $$;
--> statement-breakpoint
SELECT branch_rollups_rebuild();
