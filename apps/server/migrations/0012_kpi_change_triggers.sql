-- KPI result cache invalidation (decision 0007): every transaction that changes data the KPI engine
-- reads leaves its transaction id in kpi_changes, once (statement-level triggers, no shared counter row).
CREATE OR REPLACE FUNCTION kpi_touch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO kpi_changes (xid) VALUES (pg_current_xact_id()) ON CONFLICT (xid) DO NOTHING;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER kpi_touch_officials AFTER INSERT OR UPDATE OR DELETE ON officials FOR EACH STATEMENT EXECUTE FUNCTION kpi_touch();
--> statement-breakpoint
CREATE TRIGGER kpi_touch_officials_truncate AFTER TRUNCATE ON officials FOR EACH STATEMENT EXECUTE FUNCTION kpi_touch();
--> statement-breakpoint
CREATE TRIGGER kpi_touch_official_assignments AFTER INSERT OR UPDATE OR DELETE ON official_assignments FOR EACH STATEMENT EXECUTE FUNCTION kpi_touch();
--> statement-breakpoint
CREATE TRIGGER kpi_touch_official_assignments_truncate AFTER TRUNCATE ON official_assignments FOR EACH STATEMENT EXECUTE FUNCTION kpi_touch();
--> statement-breakpoint
CREATE TRIGGER kpi_touch_official_flags AFTER INSERT OR UPDATE OR DELETE ON official_flags FOR EACH STATEMENT EXECUTE FUNCTION kpi_touch();
--> statement-breakpoint
CREATE TRIGGER kpi_touch_official_flags_truncate AFTER TRUNCATE ON official_flags FOR EACH STATEMENT EXECUTE FUNCTION kpi_touch();
--> statement-breakpoint
CREATE TRIGGER kpi_touch_enrolments AFTER INSERT OR UPDATE OR DELETE ON enrolments FOR EACH STATEMENT EXECUTE FUNCTION kpi_touch();
--> statement-breakpoint
CREATE TRIGGER kpi_touch_enrolments_truncate AFTER TRUNCATE ON enrolments FOR EACH STATEMENT EXECUTE FUNCTION kpi_touch();
--> statement-breakpoint
CREATE TRIGGER kpi_touch_classes AFTER INSERT OR UPDATE OR DELETE ON classes FOR EACH STATEMENT EXECUTE FUNCTION kpi_touch();
--> statement-breakpoint
CREATE TRIGGER kpi_touch_classes_truncate AFTER TRUNCATE ON classes FOR EACH STATEMENT EXECUTE FUNCTION kpi_touch();
--> statement-breakpoint
CREATE TRIGGER kpi_touch_programmes AFTER INSERT OR UPDATE OR DELETE ON programmes FOR EACH STATEMENT EXECUTE FUNCTION kpi_touch();
--> statement-breakpoint
CREATE TRIGGER kpi_touch_programmes_truncate AFTER TRUNCATE ON programmes FOR EACH STATEMENT EXECUTE FUNCTION kpi_touch();
--> statement-breakpoint
CREATE TRIGGER kpi_touch_self_reports AFTER INSERT OR UPDATE OR DELETE ON self_reports FOR EACH STATEMENT EXECUTE FUNCTION kpi_touch();
--> statement-breakpoint
CREATE TRIGGER kpi_touch_self_reports_truncate AFTER TRUNCATE ON self_reports FOR EACH STATEMENT EXECUTE FUNCTION kpi_touch();
--> statement-breakpoint
CREATE TRIGGER kpi_touch_post_training_evaluations AFTER INSERT OR UPDATE OR DELETE ON post_training_evaluations FOR EACH STATEMENT EXECUTE FUNCTION kpi_touch();
--> statement-breakpoint
CREATE TRIGGER kpi_touch_post_training_evaluations_truncate AFTER TRUNCATE ON post_training_evaluations FOR EACH STATEMENT EXECUTE FUNCTION kpi_touch();
--> statement-breakpoint
CREATE TRIGGER kpi_touch_plans AFTER INSERT OR UPDATE OR DELETE ON plans FOR EACH STATEMENT EXECUTE FUNCTION kpi_touch();
--> statement-breakpoint
CREATE TRIGGER kpi_touch_plans_truncate AFTER TRUNCATE ON plans FOR EACH STATEMENT EXECUTE FUNCTION kpi_touch();
--> statement-breakpoint
CREATE TRIGGER kpi_touch_plan_targets AFTER INSERT OR UPDATE OR DELETE ON plan_targets FOR EACH STATEMENT EXECUTE FUNCTION kpi_touch();
--> statement-breakpoint
CREATE TRIGGER kpi_touch_plan_targets_truncate AFTER TRUNCATE ON plan_targets FOR EACH STATEMENT EXECUTE FUNCTION kpi_touch();
--> statement-breakpoint
CREATE TRIGGER kpi_touch_units AFTER INSERT OR UPDATE OR DELETE ON units FOR EACH STATEMENT EXECUTE FUNCTION kpi_touch();
--> statement-breakpoint
CREATE TRIGGER kpi_touch_units_truncate AFTER TRUNCATE ON units FOR EACH STATEMENT EXECUTE FUNCTION kpi_touch();
--> statement-breakpoint
CREATE TRIGGER kpi_touch_provinces AFTER INSERT OR UPDATE OR DELETE ON provinces FOR EACH STATEMENT EXECUTE FUNCTION kpi_touch();
--> statement-breakpoint
CREATE TRIGGER kpi_touch_provinces_truncate AFTER TRUNCATE ON provinces FOR EACH STATEMENT EXECUTE FUNCTION kpi_touch();
--> statement-breakpoint
CREATE TRIGGER kpi_touch_communes AFTER INSERT OR UPDATE OR DELETE ON communes FOR EACH STATEMENT EXECUTE FUNCTION kpi_touch();
--> statement-breakpoint
CREATE TRIGGER kpi_touch_communes_truncate AFTER TRUNCATE ON communes FOR EACH STATEMENT EXECUTE FUNCTION kpi_touch();
