-- Per-province KPI invalidation (issue 6, decision 0007 "Built (session 3)"): kpi_changes records, per
-- writing transaction, every province whose KPI results the change can move ('*' = every scope).
ALTER TABLE "kpi_changes" ADD COLUMN "province_code" text DEFAULT '*' NOT NULL;
--> statement-breakpoint
ALTER TABLE "kpi_changes" DROP CONSTRAINT "kpi_changes_pkey";
--> statement-breakpoint
ALTER TABLE "kpi_changes" ADD CONSTRAINT "kpi_changes_pkey" PRIMARY KEY("xid","province_code");
--> statement-breakpoint
DROP TRIGGER IF EXISTS kpi_touch_officials ON officials;
--> statement-breakpoint
DROP TRIGGER IF EXISTS kpi_touch_officials_truncate ON officials;
--> statement-breakpoint
DROP TRIGGER IF EXISTS kpi_touch_official_assignments ON official_assignments;
--> statement-breakpoint
DROP TRIGGER IF EXISTS kpi_touch_official_assignments_truncate ON official_assignments;
--> statement-breakpoint
DROP TRIGGER IF EXISTS kpi_touch_official_flags ON official_flags;
--> statement-breakpoint
DROP TRIGGER IF EXISTS kpi_touch_official_flags_truncate ON official_flags;
--> statement-breakpoint
DROP TRIGGER IF EXISTS kpi_touch_enrolments ON enrolments;
--> statement-breakpoint
DROP TRIGGER IF EXISTS kpi_touch_enrolments_truncate ON enrolments;
--> statement-breakpoint
DROP TRIGGER IF EXISTS kpi_touch_classes ON classes;
--> statement-breakpoint
DROP TRIGGER IF EXISTS kpi_touch_classes_truncate ON classes;
--> statement-breakpoint
DROP TRIGGER IF EXISTS kpi_touch_programmes ON programmes;
--> statement-breakpoint
DROP TRIGGER IF EXISTS kpi_touch_programmes_truncate ON programmes;
--> statement-breakpoint
DROP TRIGGER IF EXISTS kpi_touch_self_reports ON self_reports;
--> statement-breakpoint
DROP TRIGGER IF EXISTS kpi_touch_self_reports_truncate ON self_reports;
--> statement-breakpoint
DROP TRIGGER IF EXISTS kpi_touch_post_training_evaluations ON post_training_evaluations;
--> statement-breakpoint
DROP TRIGGER IF EXISTS kpi_touch_post_training_evaluations_truncate ON post_training_evaluations;
--> statement-breakpoint
DROP TRIGGER IF EXISTS kpi_touch_plans ON plans;
--> statement-breakpoint
DROP TRIGGER IF EXISTS kpi_touch_plans_truncate ON plans;
--> statement-breakpoint
DROP TRIGGER IF EXISTS kpi_touch_plan_targets ON plan_targets;
--> statement-breakpoint
DROP TRIGGER IF EXISTS kpi_touch_plan_targets_truncate ON plan_targets;
--> statement-breakpoint
DROP TRIGGER IF EXISTS kpi_touch_units ON units;
--> statement-breakpoint
DROP TRIGGER IF EXISTS kpi_touch_units_truncate ON units;
--> statement-breakpoint
DROP TRIGGER IF EXISTS kpi_touch_provinces ON provinces;
--> statement-breakpoint
DROP TRIGGER IF EXISTS kpi_touch_provinces_truncate ON provinces;
--> statement-breakpoint
DROP TRIGGER IF EXISTS kpi_touch_communes ON communes;
--> statement-breakpoint
DROP TRIGGER IF EXISTS kpi_touch_communes_truncate ON communes;
--> statement-breakpoint
DROP FUNCTION IF EXISTS kpi_touch();
--> statement-breakpoint
-- '*': a change to a table every scope reads (places, programmes, units) or a TRUNCATE
CREATE OR REPLACE FUNCTION kpi_note_all() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO kpi_changes (province_code) VALUES ('*') ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- enrolments: the nominating province (K6–K8, P1) and every province of the official's assignments (K1–K5)
CREATE OR REPLACE FUNCTION kpi_note_enrolments() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO kpi_changes (province_code)
    SELECT DISTINCT coalesce(p, '*') FROM (SELECT province_code AS p FROM n UNION SELECT a.province_code AS p FROM official_assignments a WHERE a.official_id IN (SELECT official_id FROM n)) x
    ON CONFLICT DO NOTHING;
  ELSIF TG_OP = 'UPDATE' THEN
    INSERT INTO kpi_changes (province_code)
    SELECT DISTINCT coalesce(p, '*') FROM (SELECT province_code AS p FROM n UNION SELECT a.province_code AS p FROM official_assignments a WHERE a.official_id IN (SELECT official_id FROM n) UNION SELECT province_code AS p FROM o UNION SELECT a.province_code AS p FROM official_assignments a WHERE a.official_id IN (SELECT official_id FROM o)) x
    ON CONFLICT DO NOTHING;
  ELSE
    INSERT INTO kpi_changes (province_code)
    SELECT DISTINCT coalesce(p, '*') FROM (SELECT province_code AS p FROM o UNION SELECT a.province_code AS p FROM official_assignments a WHERE a.official_id IN (SELECT official_id FROM o)) x
    ON CONFLICT DO NOTHING;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER kpi_note_enrolments_ins AFTER INSERT ON enrolments REFERENCING NEW TABLE AS n FOR EACH STATEMENT EXECUTE FUNCTION kpi_note_enrolments();
--> statement-breakpoint
CREATE TRIGGER kpi_note_enrolments_upd AFTER UPDATE ON enrolments REFERENCING OLD TABLE AS o NEW TABLE AS n FOR EACH STATEMENT EXECUTE FUNCTION kpi_note_enrolments();
--> statement-breakpoint
CREATE TRIGGER kpi_note_enrolments_del AFTER DELETE ON enrolments REFERENCING OLD TABLE AS o FOR EACH STATEMENT EXECUTE FUNCTION kpi_note_enrolments();
--> statement-breakpoint
CREATE TRIGGER kpi_note_enrolments_trunc AFTER TRUNCATE ON enrolments FOR EACH STATEMENT EXECUTE FUNCTION kpi_note_all();
--> statement-breakpoint
-- self_reports: the enrolment's province (K6 counts by enrolments.province_code)
CREATE OR REPLACE FUNCTION kpi_note_self_reports() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO kpi_changes (province_code)
    SELECT DISTINCT coalesce(p, '*') FROM (SELECT e.province_code AS p FROM enrolments e WHERE e.id IN (SELECT enrolment_id FROM n)) x
    ON CONFLICT DO NOTHING;
  ELSIF TG_OP = 'UPDATE' THEN
    INSERT INTO kpi_changes (province_code)
    SELECT DISTINCT coalesce(p, '*') FROM (SELECT e.province_code AS p FROM enrolments e WHERE e.id IN (SELECT enrolment_id FROM n) UNION SELECT e.province_code AS p FROM enrolments e WHERE e.id IN (SELECT enrolment_id FROM o)) x
    ON CONFLICT DO NOTHING;
  ELSE
    INSERT INTO kpi_changes (province_code)
    SELECT DISTINCT coalesce(p, '*') FROM (SELECT e.province_code AS p FROM enrolments e WHERE e.id IN (SELECT enrolment_id FROM o)) x
    ON CONFLICT DO NOTHING;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER kpi_note_self_reports_ins AFTER INSERT ON self_reports REFERENCING NEW TABLE AS n FOR EACH STATEMENT EXECUTE FUNCTION kpi_note_self_reports();
--> statement-breakpoint
CREATE TRIGGER kpi_note_self_reports_upd AFTER UPDATE ON self_reports REFERENCING OLD TABLE AS o NEW TABLE AS n FOR EACH STATEMENT EXECUTE FUNCTION kpi_note_self_reports();
--> statement-breakpoint
CREATE TRIGGER kpi_note_self_reports_del AFTER DELETE ON self_reports REFERENCING OLD TABLE AS o FOR EACH STATEMENT EXECUTE FUNCTION kpi_note_self_reports();
--> statement-breakpoint
CREATE TRIGGER kpi_note_self_reports_trunc AFTER TRUNCATE ON self_reports FOR EACH STATEMENT EXECUTE FUNCTION kpi_note_all();
--> statement-breakpoint
-- post_training_evaluations: the enrolment's province (K7)
CREATE OR REPLACE FUNCTION kpi_note_post_training_evaluations() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO kpi_changes (province_code)
    SELECT DISTINCT coalesce(p, '*') FROM (SELECT e.province_code AS p FROM enrolments e WHERE e.id IN (SELECT enrolment_id FROM n)) x
    ON CONFLICT DO NOTHING;
  ELSIF TG_OP = 'UPDATE' THEN
    INSERT INTO kpi_changes (province_code)
    SELECT DISTINCT coalesce(p, '*') FROM (SELECT e.province_code AS p FROM enrolments e WHERE e.id IN (SELECT enrolment_id FROM n) UNION SELECT e.province_code AS p FROM enrolments e WHERE e.id IN (SELECT enrolment_id FROM o)) x
    ON CONFLICT DO NOTHING;
  ELSE
    INSERT INTO kpi_changes (province_code)
    SELECT DISTINCT coalesce(p, '*') FROM (SELECT e.province_code AS p FROM enrolments e WHERE e.id IN (SELECT enrolment_id FROM o)) x
    ON CONFLICT DO NOTHING;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER kpi_note_post_training_evaluations_ins AFTER INSERT ON post_training_evaluations REFERENCING NEW TABLE AS n FOR EACH STATEMENT EXECUTE FUNCTION kpi_note_post_training_evaluations();
--> statement-breakpoint
CREATE TRIGGER kpi_note_post_training_evaluations_upd AFTER UPDATE ON post_training_evaluations REFERENCING OLD TABLE AS o NEW TABLE AS n FOR EACH STATEMENT EXECUTE FUNCTION kpi_note_post_training_evaluations();
--> statement-breakpoint
CREATE TRIGGER kpi_note_post_training_evaluations_del AFTER DELETE ON post_training_evaluations REFERENCING OLD TABLE AS o FOR EACH STATEMENT EXECUTE FUNCTION kpi_note_post_training_evaluations();
--> statement-breakpoint
CREATE TRIGGER kpi_note_post_training_evaluations_trunc AFTER TRUNCATE ON post_training_evaluations FOR EACH STATEMENT EXECUTE FUNCTION kpi_note_all();
--> statement-breakpoint
-- official_assignments: the rows' provinces and every province of the officials' assignments (own-province attribution)
CREATE OR REPLACE FUNCTION kpi_note_official_assignments() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO kpi_changes (province_code)
    SELECT DISTINCT coalesce(p, '*') FROM (SELECT province_code AS p FROM n UNION SELECT a.province_code AS p FROM official_assignments a WHERE a.official_id IN (SELECT official_id FROM n)) x
    ON CONFLICT DO NOTHING;
  ELSIF TG_OP = 'UPDATE' THEN
    INSERT INTO kpi_changes (province_code)
    SELECT DISTINCT coalesce(p, '*') FROM (SELECT province_code AS p FROM n UNION SELECT a.province_code AS p FROM official_assignments a WHERE a.official_id IN (SELECT official_id FROM n) UNION SELECT province_code AS p FROM o UNION SELECT a.province_code AS p FROM official_assignments a WHERE a.official_id IN (SELECT official_id FROM o)) x
    ON CONFLICT DO NOTHING;
  ELSE
    INSERT INTO kpi_changes (province_code)
    SELECT DISTINCT coalesce(p, '*') FROM (SELECT province_code AS p FROM o UNION SELECT a.province_code AS p FROM official_assignments a WHERE a.official_id IN (SELECT official_id FROM o)) x
    ON CONFLICT DO NOTHING;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER kpi_note_official_assignments_ins AFTER INSERT ON official_assignments REFERENCING NEW TABLE AS n FOR EACH STATEMENT EXECUTE FUNCTION kpi_note_official_assignments();
--> statement-breakpoint
CREATE TRIGGER kpi_note_official_assignments_upd AFTER UPDATE ON official_assignments REFERENCING OLD TABLE AS o NEW TABLE AS n FOR EACH STATEMENT EXECUTE FUNCTION kpi_note_official_assignments();
--> statement-breakpoint
CREATE TRIGGER kpi_note_official_assignments_del AFTER DELETE ON official_assignments REFERENCING OLD TABLE AS o FOR EACH STATEMENT EXECUTE FUNCTION kpi_note_official_assignments();
--> statement-breakpoint
CREATE TRIGGER kpi_note_official_assignments_trunc AFTER TRUNCATE ON official_assignments FOR EACH STATEMENT EXECUTE FUNCTION kpi_note_all();
--> statement-breakpoint
-- officials: every province of the officials' assignments
CREATE OR REPLACE FUNCTION kpi_note_officials() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO kpi_changes (province_code)
    SELECT DISTINCT coalesce(p, '*') FROM (SELECT province_code AS p FROM n UNION SELECT a.province_code AS p FROM official_assignments a WHERE a.official_id IN (SELECT id FROM n)) x
    ON CONFLICT DO NOTHING;
  ELSIF TG_OP = 'UPDATE' THEN
    INSERT INTO kpi_changes (province_code)
    SELECT DISTINCT coalesce(p, '*') FROM (SELECT province_code AS p FROM n UNION SELECT a.province_code AS p FROM official_assignments a WHERE a.official_id IN (SELECT id FROM n) UNION SELECT province_code AS p FROM o UNION SELECT a.province_code AS p FROM official_assignments a WHERE a.official_id IN (SELECT id FROM o)) x
    ON CONFLICT DO NOTHING;
  ELSE
    INSERT INTO kpi_changes (province_code)
    SELECT DISTINCT coalesce(p, '*') FROM (SELECT province_code AS p FROM o UNION SELECT a.province_code AS p FROM official_assignments a WHERE a.official_id IN (SELECT id FROM o)) x
    ON CONFLICT DO NOTHING;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER kpi_note_officials_ins AFTER INSERT ON officials REFERENCING NEW TABLE AS n FOR EACH STATEMENT EXECUTE FUNCTION kpi_note_officials();
--> statement-breakpoint
CREATE TRIGGER kpi_note_officials_upd AFTER UPDATE ON officials REFERENCING OLD TABLE AS o NEW TABLE AS n FOR EACH STATEMENT EXECUTE FUNCTION kpi_note_officials();
--> statement-breakpoint
CREATE TRIGGER kpi_note_officials_del AFTER DELETE ON officials REFERENCING OLD TABLE AS o FOR EACH STATEMENT EXECUTE FUNCTION kpi_note_officials();
--> statement-breakpoint
CREATE TRIGGER kpi_note_officials_trunc AFTER TRUNCATE ON officials FOR EACH STATEMENT EXECUTE FUNCTION kpi_note_all();
--> statement-breakpoint
-- official_flags: every province of the officials' assignments (K1)
CREATE OR REPLACE FUNCTION kpi_note_official_flags() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO kpi_changes (province_code)
    SELECT DISTINCT coalesce(p, '*') FROM (SELECT province_code AS p FROM n UNION SELECT a.province_code AS p FROM official_assignments a WHERE a.official_id IN (SELECT official_id FROM n)) x
    ON CONFLICT DO NOTHING;
  ELSIF TG_OP = 'UPDATE' THEN
    INSERT INTO kpi_changes (province_code)
    SELECT DISTINCT coalesce(p, '*') FROM (SELECT province_code AS p FROM n UNION SELECT a.province_code AS p FROM official_assignments a WHERE a.official_id IN (SELECT official_id FROM n) UNION SELECT province_code AS p FROM o UNION SELECT a.province_code AS p FROM official_assignments a WHERE a.official_id IN (SELECT official_id FROM o)) x
    ON CONFLICT DO NOTHING;
  ELSE
    INSERT INTO kpi_changes (province_code)
    SELECT DISTINCT coalesce(p, '*') FROM (SELECT province_code AS p FROM o UNION SELECT a.province_code AS p FROM official_assignments a WHERE a.official_id IN (SELECT official_id FROM o)) x
    ON CONFLICT DO NOTHING;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER kpi_note_official_flags_ins AFTER INSERT ON official_flags REFERENCING NEW TABLE AS n FOR EACH STATEMENT EXECUTE FUNCTION kpi_note_official_flags();
--> statement-breakpoint
CREATE TRIGGER kpi_note_official_flags_upd AFTER UPDATE ON official_flags REFERENCING OLD TABLE AS o NEW TABLE AS n FOR EACH STATEMENT EXECUTE FUNCTION kpi_note_official_flags();
--> statement-breakpoint
CREATE TRIGGER kpi_note_official_flags_del AFTER DELETE ON official_flags REFERENCING OLD TABLE AS o FOR EACH STATEMENT EXECUTE FUNCTION kpi_note_official_flags();
--> statement-breakpoint
CREATE TRIGGER kpi_note_official_flags_trunc AFTER TRUNCATE ON official_flags FOR EACH STATEMENT EXECUTE FUNCTION kpi_note_all();
--> statement-breakpoint
-- classes: the class's own and host province, the provinces it serves (P1), of its enrolments (K6–K8) and of the enrolled officials' assignments (K1–K5)
CREATE OR REPLACE FUNCTION kpi_note_classes() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO kpi_changes (province_code)
    SELECT DISTINCT coalesce(p, '*') FROM (SELECT province_code AS p FROM n WHERE province_code IS NOT NULL UNION SELECT cm.province_code AS p FROM communes cm WHERE cm.code IN (SELECT host_commune_code FROM n) UNION SELECT cc.province_code AS p FROM class_communes cc WHERE cc.class_id IN (SELECT id FROM n) UNION SELECT e.province_code AS p FROM enrolments e WHERE e.class_id IN (SELECT id FROM n) UNION SELECT a.province_code AS p FROM official_assignments a WHERE a.official_id IN (SELECT e.official_id FROM enrolments e WHERE e.class_id IN (SELECT id FROM n))) x
    ON CONFLICT DO NOTHING;
  ELSIF TG_OP = 'UPDATE' THEN
    INSERT INTO kpi_changes (province_code)
    SELECT DISTINCT coalesce(p, '*') FROM (SELECT province_code AS p FROM n WHERE province_code IS NOT NULL UNION SELECT cm.province_code AS p FROM communes cm WHERE cm.code IN (SELECT host_commune_code FROM n) UNION SELECT cc.province_code AS p FROM class_communes cc WHERE cc.class_id IN (SELECT id FROM n) UNION SELECT e.province_code AS p FROM enrolments e WHERE e.class_id IN (SELECT id FROM n) UNION SELECT a.province_code AS p FROM official_assignments a WHERE a.official_id IN (SELECT e.official_id FROM enrolments e WHERE e.class_id IN (SELECT id FROM n)) UNION SELECT province_code AS p FROM o WHERE province_code IS NOT NULL UNION SELECT cm.province_code AS p FROM communes cm WHERE cm.code IN (SELECT host_commune_code FROM o) UNION SELECT cc.province_code AS p FROM class_communes cc WHERE cc.class_id IN (SELECT id FROM o) UNION SELECT e.province_code AS p FROM enrolments e WHERE e.class_id IN (SELECT id FROM o) UNION SELECT a.province_code AS p FROM official_assignments a WHERE a.official_id IN (SELECT e.official_id FROM enrolments e WHERE e.class_id IN (SELECT id FROM o))) x
    ON CONFLICT DO NOTHING;
  ELSE
    INSERT INTO kpi_changes (province_code)
    SELECT DISTINCT coalesce(p, '*') FROM (SELECT province_code AS p FROM o WHERE province_code IS NOT NULL UNION SELECT cm.province_code AS p FROM communes cm WHERE cm.code IN (SELECT host_commune_code FROM o) UNION SELECT cc.province_code AS p FROM class_communes cc WHERE cc.class_id IN (SELECT id FROM o) UNION SELECT e.province_code AS p FROM enrolments e WHERE e.class_id IN (SELECT id FROM o) UNION SELECT a.province_code AS p FROM official_assignments a WHERE a.official_id IN (SELECT e.official_id FROM enrolments e WHERE e.class_id IN (SELECT id FROM o))) x
    ON CONFLICT DO NOTHING;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER kpi_note_classes_ins AFTER INSERT ON classes REFERENCING NEW TABLE AS n FOR EACH STATEMENT EXECUTE FUNCTION kpi_note_classes();
--> statement-breakpoint
CREATE TRIGGER kpi_note_classes_upd AFTER UPDATE ON classes REFERENCING OLD TABLE AS o NEW TABLE AS n FOR EACH STATEMENT EXECUTE FUNCTION kpi_note_classes();
--> statement-breakpoint
CREATE TRIGGER kpi_note_classes_del AFTER DELETE ON classes REFERENCING OLD TABLE AS o FOR EACH STATEMENT EXECUTE FUNCTION kpi_note_classes();
--> statement-breakpoint
CREATE TRIGGER kpi_note_classes_trunc AFTER TRUNCATE ON classes FOR EACH STATEMENT EXECUTE FUNCTION kpi_note_all();
--> statement-breakpoint
-- class_communes: the served province (P1 of a province reads the classes serving it)
CREATE OR REPLACE FUNCTION kpi_note_class_communes() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO kpi_changes (province_code)
    SELECT DISTINCT coalesce(p, '*') FROM (SELECT province_code AS p FROM n) x
    ON CONFLICT DO NOTHING;
  ELSIF TG_OP = 'UPDATE' THEN
    INSERT INTO kpi_changes (province_code)
    SELECT DISTINCT coalesce(p, '*') FROM (SELECT province_code AS p FROM n UNION SELECT province_code AS p FROM o) x
    ON CONFLICT DO NOTHING;
  ELSE
    INSERT INTO kpi_changes (province_code)
    SELECT DISTINCT coalesce(p, '*') FROM (SELECT province_code AS p FROM o) x
    ON CONFLICT DO NOTHING;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER kpi_note_class_communes_ins AFTER INSERT ON class_communes REFERENCING NEW TABLE AS n FOR EACH STATEMENT EXECUTE FUNCTION kpi_note_class_communes();
--> statement-breakpoint
CREATE TRIGGER kpi_note_class_communes_upd AFTER UPDATE ON class_communes REFERENCING OLD TABLE AS o NEW TABLE AS n FOR EACH STATEMENT EXECUTE FUNCTION kpi_note_class_communes();
--> statement-breakpoint
CREATE TRIGGER kpi_note_class_communes_del AFTER DELETE ON class_communes REFERENCING OLD TABLE AS o FOR EACH STATEMENT EXECUTE FUNCTION kpi_note_class_communes();
--> statement-breakpoint
CREATE TRIGGER kpi_note_class_communes_trunc AFTER TRUNCATE ON class_communes FOR EACH STATEMENT EXECUTE FUNCTION kpi_note_all();
--> statement-breakpoint
-- plans: the plan's province; a national plan (no province) → '*'
CREATE OR REPLACE FUNCTION kpi_note_plans() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO kpi_changes (province_code)
    SELECT DISTINCT coalesce(p, '*') FROM (SELECT province_code AS p FROM n) x
    ON CONFLICT DO NOTHING;
  ELSIF TG_OP = 'UPDATE' THEN
    INSERT INTO kpi_changes (province_code)
    SELECT DISTINCT coalesce(p, '*') FROM (SELECT province_code AS p FROM n UNION SELECT province_code AS p FROM o) x
    ON CONFLICT DO NOTHING;
  ELSE
    INSERT INTO kpi_changes (province_code)
    SELECT DISTINCT coalesce(p, '*') FROM (SELECT province_code AS p FROM o) x
    ON CONFLICT DO NOTHING;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER kpi_note_plans_ins AFTER INSERT ON plans REFERENCING NEW TABLE AS n FOR EACH STATEMENT EXECUTE FUNCTION kpi_note_plans();
--> statement-breakpoint
CREATE TRIGGER kpi_note_plans_upd AFTER UPDATE ON plans REFERENCING OLD TABLE AS o NEW TABLE AS n FOR EACH STATEMENT EXECUTE FUNCTION kpi_note_plans();
--> statement-breakpoint
CREATE TRIGGER kpi_note_plans_del AFTER DELETE ON plans REFERENCING OLD TABLE AS o FOR EACH STATEMENT EXECUTE FUNCTION kpi_note_plans();
--> statement-breakpoint
CREATE TRIGGER kpi_note_plans_trunc AFTER TRUNCATE ON plans FOR EACH STATEMENT EXECUTE FUNCTION kpi_note_all();
--> statement-breakpoint
-- plan_targets: the plan's province; a national plan → '*'
CREATE OR REPLACE FUNCTION kpi_note_plan_targets() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO kpi_changes (province_code)
    SELECT DISTINCT coalesce(p, '*') FROM (SELECT p.province_code AS p FROM plans p WHERE p.id IN (SELECT plan_id FROM n)) x
    ON CONFLICT DO NOTHING;
  ELSIF TG_OP = 'UPDATE' THEN
    INSERT INTO kpi_changes (province_code)
    SELECT DISTINCT coalesce(p, '*') FROM (SELECT p.province_code AS p FROM plans p WHERE p.id IN (SELECT plan_id FROM n) UNION SELECT p.province_code AS p FROM plans p WHERE p.id IN (SELECT plan_id FROM o)) x
    ON CONFLICT DO NOTHING;
  ELSE
    INSERT INTO kpi_changes (province_code)
    SELECT DISTINCT coalesce(p, '*') FROM (SELECT p.province_code AS p FROM plans p WHERE p.id IN (SELECT plan_id FROM o)) x
    ON CONFLICT DO NOTHING;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER kpi_note_plan_targets_ins AFTER INSERT ON plan_targets REFERENCING NEW TABLE AS n FOR EACH STATEMENT EXECUTE FUNCTION kpi_note_plan_targets();
--> statement-breakpoint
CREATE TRIGGER kpi_note_plan_targets_upd AFTER UPDATE ON plan_targets REFERENCING OLD TABLE AS o NEW TABLE AS n FOR EACH STATEMENT EXECUTE FUNCTION kpi_note_plan_targets();
--> statement-breakpoint
CREATE TRIGGER kpi_note_plan_targets_del AFTER DELETE ON plan_targets REFERENCING OLD TABLE AS o FOR EACH STATEMENT EXECUTE FUNCTION kpi_note_plan_targets();
--> statement-breakpoint
CREATE TRIGGER kpi_note_plan_targets_trunc AFTER TRUNCATE ON plan_targets FOR EACH STATEMENT EXECUTE FUNCTION kpi_note_all();
--> statement-breakpoint
CREATE TRIGGER kpi_note_programmes AFTER INSERT OR UPDATE OR DELETE ON programmes FOR EACH STATEMENT EXECUTE FUNCTION kpi_note_all();
--> statement-breakpoint
CREATE TRIGGER kpi_note_programmes_trunc AFTER TRUNCATE ON programmes FOR EACH STATEMENT EXECUTE FUNCTION kpi_note_all();
--> statement-breakpoint
CREATE TRIGGER kpi_note_units AFTER INSERT OR UPDATE OR DELETE ON units FOR EACH STATEMENT EXECUTE FUNCTION kpi_note_all();
--> statement-breakpoint
CREATE TRIGGER kpi_note_units_trunc AFTER TRUNCATE ON units FOR EACH STATEMENT EXECUTE FUNCTION kpi_note_all();
--> statement-breakpoint
CREATE TRIGGER kpi_note_provinces AFTER INSERT OR UPDATE OR DELETE ON provinces FOR EACH STATEMENT EXECUTE FUNCTION kpi_note_all();
--> statement-breakpoint
CREATE TRIGGER kpi_note_provinces_trunc AFTER TRUNCATE ON provinces FOR EACH STATEMENT EXECUTE FUNCTION kpi_note_all();
--> statement-breakpoint
CREATE TRIGGER kpi_note_communes AFTER INSERT OR UPDATE OR DELETE ON communes FOR EACH STATEMENT EXECUTE FUNCTION kpi_note_all();
--> statement-breakpoint
CREATE TRIGGER kpi_note_communes_trunc AFTER TRUNCATE ON communes FOR EACH STATEMENT EXECUTE FUNCTION kpi_note_all();
