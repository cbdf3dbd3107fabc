-- A class change always records '' (= the nation only: no province entry is invalidated by it, the nation's
-- P1, which reads every class, is): a national class with no province and no enrolments yet (or a national
-- class's dates or status) would otherwise leave no row in kpi_changes.
-- classes: the class's own and host province, the provinces it serves (P1), of its enrolments (K6–K8) and of the enrolled officials' assignments (K1–K5)
CREATE OR REPLACE FUNCTION kpi_note_classes() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO kpi_changes (province_code)
    SELECT DISTINCT coalesce(p, '*') FROM (SELECT '' AS p UNION SELECT province_code AS p FROM n WHERE province_code IS NOT NULL UNION SELECT cm.province_code AS p FROM communes cm WHERE cm.code IN (SELECT host_commune_code FROM n) UNION SELECT cc.province_code AS p FROM class_communes cc WHERE cc.class_id IN (SELECT id FROM n) UNION SELECT e.province_code AS p FROM enrolments e WHERE e.class_id IN (SELECT id FROM n) UNION SELECT a.province_code AS p FROM official_assignments a WHERE a.official_id IN (SELECT e.official_id FROM enrolments e WHERE e.class_id IN (SELECT id FROM n))) x
    ON CONFLICT DO NOTHING;
  ELSIF TG_OP = 'UPDATE' THEN
    INSERT INTO kpi_changes (province_code)
    SELECT DISTINCT coalesce(p, '*') FROM (SELECT '' AS p UNION SELECT province_code AS p FROM n WHERE province_code IS NOT NULL UNION SELECT cm.province_code AS p FROM communes cm WHERE cm.code IN (SELECT host_commune_code FROM n) UNION SELECT cc.province_code AS p FROM class_communes cc WHERE cc.class_id IN (SELECT id FROM n) UNION SELECT e.province_code AS p FROM enrolments e WHERE e.class_id IN (SELECT id FROM n) UNION SELECT a.province_code AS p FROM official_assignments a WHERE a.official_id IN (SELECT e.official_id FROM enrolments e WHERE e.class_id IN (SELECT id FROM n)) UNION SELECT '' AS p UNION SELECT province_code AS p FROM o WHERE province_code IS NOT NULL UNION SELECT cm.province_code AS p FROM communes cm WHERE cm.code IN (SELECT host_commune_code FROM o) UNION SELECT cc.province_code AS p FROM class_communes cc WHERE cc.class_id IN (SELECT id FROM o) UNION SELECT e.province_code AS p FROM enrolments e WHERE e.class_id IN (SELECT id FROM o) UNION SELECT a.province_code AS p FROM official_assignments a WHERE a.official_id IN (SELECT e.official_id FROM enrolments e WHERE e.class_id IN (SELECT id FROM o))) x
    ON CONFLICT DO NOTHING;
  ELSE
    INSERT INTO kpi_changes (province_code)
    SELECT DISTINCT coalesce(p, '*') FROM (SELECT '' AS p UNION SELECT province_code AS p FROM o WHERE province_code IS NOT NULL UNION SELECT cm.province_code AS p FROM communes cm WHERE cm.code IN (SELECT host_commune_code FROM o) UNION SELECT cc.province_code AS p FROM class_communes cc WHERE cc.class_id IN (SELECT id FROM o) UNION SELECT e.province_code AS p FROM enrolments e WHERE e.class_id IN (SELECT id FROM o) UNION SELECT a.province_code AS p FROM official_assignments a WHERE a.official_id IN (SELECT e.official_id FROM enrolments e WHERE e.class_id IN (SELECT id FROM o))) x
    ON CONFLICT DO NOTHING;
  END IF;
  RETURN NULL;
END $$;
