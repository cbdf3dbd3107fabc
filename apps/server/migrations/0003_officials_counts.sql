-- Officials per commune, kept by triggers so unfiltered totals of big scopes (a province, the
-- nation) are a sum of ≤ 3,321 rows instead of a count over 200,000 (docs/decisions/0006).
CREATE TABLE IF NOT EXISTS official_counts (
  commune_code text PRIMARY KEY,
  province_code text NOT NULL,
  total integer NOT NULL DEFAULT 0
);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS official_counts_province_idx ON official_counts (province_code);
--> statement-breakpoint
CREATE OR REPLACE FUNCTION official_counts_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    UPDATE official_counts SET total = total - 1 WHERE commune_code = OLD.commune_code;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO official_counts (commune_code, province_code, total) VALUES (NEW.commune_code, NEW.province_code, 1)
    ON CONFLICT (commune_code) DO UPDATE SET total = official_counts.total + 1;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER official_counts_ins AFTER INSERT OR DELETE ON officials
  FOR EACH ROW EXECUTE FUNCTION official_counts_apply();
--> statement-breakpoint
CREATE TRIGGER official_counts_upd AFTER UPDATE OF commune_code ON officials
  FOR EACH ROW WHEN (OLD.commune_code IS DISTINCT FROM NEW.commune_code) EXECUTE FUNCTION official_counts_apply();
--> statement-breakpoint
-- TRUNCATE bypasses row triggers: keep the counters consistent.
CREATE OR REPLACE FUNCTION official_counts_reset() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM official_counts;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER official_counts_truncate AFTER TRUNCATE ON officials
  FOR EACH STATEMENT EXECUTE FUNCTION official_counts_reset();
--> statement-breakpoint
INSERT INTO official_counts (commune_code, province_code, total)
  SELECT commune_code, min(province_code), count(*) FROM officials GROUP BY commune_code
  ON CONFLICT (commune_code) DO UPDATE SET total = EXCLUDED.total;
--> statement-breakpoint
-- The name-order index also carries the search key, so a search that matches many people can walk
-- it in name order and filter without visiting the table.
CREATE INDEX IF NOT EXISTS officials_sort_search_idx ON officials (given_name, full_name, id) INCLUDE (search_key, province_code, commune_code);
