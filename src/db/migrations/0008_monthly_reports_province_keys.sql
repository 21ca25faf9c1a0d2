-- The keys of monthly_reports carry province_code, as PostgreSQL requires of every primary key and
-- unique index of a table partitioned by it (`sibi db partition`, docs/scaling.md §3). A project
-- never changes province (the trigger below), so (project_id, year, month, province_code) is unique
-- exactly when (project_id, year, month) is, and the application's ON CONFLICT targets name it.
-- project_id and id stay the leading columns: the lookups by project (the report workflow) and by
-- id keep their index without knowing the province. project_months needs nothing: its primary key
-- already starts with province_code.
--
-- Writes below find a project-year's rows by (project_id, year, province_code):
-- project_months_project_idx gets the third column, or the planner reads them through the primary
-- key (province_code, year, month, project_id), a scan of the whole province-year.
ALTER TABLE "monthly_reports" DROP CONSTRAINT "monthly_reports_pkey";--> statement-breakpoint
ALTER TABLE "monthly_reports" ADD CONSTRAINT "monthly_reports_id_province_code_pk" PRIMARY KEY("id","province_code");--> statement-breakpoint
DROP INDEX "monthly_reports_key";--> statement-breakpoint
CREATE UNIQUE INDEX "monthly_reports_key" ON "monthly_reports" USING btree ("project_id","year","month","province_code");--> statement-breakpoint
DROP INDEX "project_months_project_idx";--> statement-breakpoint
CREATE INDEX "project_months_project_idx" ON "project_months" USING btree ("project_id","year","province_code");--> statement-breakpoint
-- A project stays in its province (the web page and the importer refuse a move with a message):
-- its reports, list entries and ledgers carry that province code, and after partitioning live in
-- that province's partition.
CREATE OR REPLACE FUNCTION projects_province_fixed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'a project cannot move to another province (project %: % to %)',
    OLD.code, OLD.province_code, NEW.province_code USING ERRCODE = 'check_violation';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER projects_province_fixed BEFORE UPDATE OF province_code ON projects
  FOR EACH ROW WHEN (OLD.province_code IS DISTINCT FROM NEW.province_code)
  EXECUTE FUNCTION projects_province_fixed();
--> statement-breakpoint
-- project_months is refreshed by (project, year, province code): its rows of a project-year and
-- province code come only from the reports with that province code (the window below partitions by
-- it), so nothing else changes. The transition tables carry the province code of every row written
-- (both codes of a report whose code changed). `province_code = ANY (p_provinces)` lets PostgreSQL
-- leave out the other provinces' partitions once the tables are partitioned (`sibi db partition`).
-- PL/pgSQL keeps each statement's plan for the session instead of planning every partition at every
-- call, as a SQL function does (that made a one-report write several times slower on partitioned
-- tables). A kept plan stays linear in the keys: every join here is a probe of an index (0005 was a
-- join of two transition tables).
CREATE OR REPLACE FUNCTION project_months_refresh(p_projects integer[], p_years integer[], p_provinces text[]) RETURNS void
LANGUAGE plpgsql SET jit = off SET work_mem = '64MB' AS $f$
BEGIN
  PERFORM 1 FROM projects p WHERE p.id = ANY (p_projects) ORDER BY p.id FOR NO KEY UPDATE;
  DELETE FROM project_months s
  USING (SELECT DISTINCT k.project_id, k.year, k.province_code
         FROM unnest(p_projects, p_years, p_provinces) AS k(project_id, year, province_code)) k
  WHERE s.project_id = k.project_id AND s.year = k.year AND s.province_code = k.province_code
    AND s.province_code = ANY (p_provinces);
  INSERT INTO project_months (project_id, province_code, year, month, invest_ytd, started, completed, on_time)
  SELECT r.project_id, r.province_code, r.year, n.month, r.invest_ytd,
         coalesce(r.started_from <= n.month, false), coalesce(r.completed_from <= n.month, false), r.on_time
  FROM (
    SELECT r.project_id, r.province_code, r.year, r.month,
           lead(r.month) OVER w AS next_month,
           (max(ARRAY[r.month::bigint, r.invest_ytd]) FILTER (WHERE r.state = 'approved') OVER w)[2] AS invest_ytd,
           min(CASE WHEN r.state = 'approved' AND r.started THEN
                 CASE WHEN r.start_date IS NULL OR r.start_date < (make_date(r.year, r.month, 1) + interval '1 month')::date
                        THEN r.month::int
                      WHEN extract(year FROM r.start_date) = r.year THEN extract(month FROM r.start_date)::int
                 END
               END) OVER w AS started_from,
           min(CASE WHEN r.state = 'approved' AND r.completed THEN
                 CASE WHEN r.completion_date IS NULL OR r.completion_date < (make_date(r.year, r.month, 1) + interval '1 month')::date
                        THEN r.month::int
                      WHEN extract(year FROM r.completion_date) = r.year THEN extract(month FROM r.completion_date)::int
                 END
               END) OVER w AS completed_from,
           count(*) FILTER (WHERE NOT r.late AND r.state <> 'draft') OVER w AS on_time,
           count(*) FILTER (WHERE r.state <> 'draft') OVER w AS filed
    FROM monthly_reports r
    JOIN (SELECT DISTINCT k.project_id, k.year, k.province_code
          FROM unnest(p_projects, p_years, p_provinces) AS k(project_id, year, province_code)) k
      ON r.project_id = k.project_id AND r.year = k.year AND r.province_code = k.province_code
    WHERE r.province_code = ANY (p_provinces)
    WINDOW w AS (PARTITION BY r.project_id, r.year, r.province_code ORDER BY r.month)
  ) r
  CROSS JOIN LATERAL generate_series(r.month, coalesce(r.next_month - 1, 12)) AS n(month)
  WHERE r.filed > 0;
END;
$f$;
--> statement-breakpoint
-- By project and year alone (the backfill of 0004): every province code found for them in either table.
CREATE OR REPLACE FUNCTION project_months_refresh(p_projects integer[], p_years integer[]) RETURNS void
LANGUAGE sql AS $$
  SELECT project_months_refresh(array_agg(k.project_id), array_agg(k.year), array_agg(k.province_code))
  FROM (
    SELECT r.project_id, r.year::int, r.province_code::text
    FROM monthly_reports r JOIN unnest(p_projects, p_years) AS k(project_id, year)
      ON r.project_id = k.project_id AND r.year = k.year
    UNION
    SELECT s.project_id, s.year::int, s.province_code::text
    FROM project_months s JOIN unnest(p_projects, p_years) AS k(project_id, year)
      ON s.project_id = k.project_id AND s.year = k.year
  ) k(project_id, year, province_code);
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION project_months_after_write() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- changed_reports: the inserted rows of an INSERT, the deleted rows of a DELETE
  PERFORM project_months_refresh(array_agg(k.project_id), array_agg(k.year), array_agg(k.province_code))
  FROM (SELECT DISTINCT project_id, year::int AS year, province_code::text AS province_code FROM changed_reports) k;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION project_months_after_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- only changes of what the rule reads (not invest_month, notes, versions or reviewers); a row of
  -- new_reports not in old_reports (or the reverse) changed something (0005: no join plan to cache)
  PERFORM project_months_refresh(array_agg(k.project_id), array_agg(k.year), array_agg(k.province_code))
  FROM (
    SELECT DISTINCT c.project_id, c.year::int AS year, c.province_code::text AS province_code
    FROM (
      (SELECT id, project_id, province_code, year, month, invest_ytd, started, start_date, completed,
              completion_date, state, late FROM new_reports
       EXCEPT
       SELECT id, project_id, province_code, year, month, invest_ytd, started, start_date, completed,
              completion_date, state, late FROM old_reports)
      UNION ALL
      (SELECT id, project_id, province_code, year, month, invest_ytd, started, start_date, completed,
              completion_date, state, late FROM old_reports
       EXCEPT
       SELECT id, project_id, province_code, year, month, invest_ytd, started, start_date, completed,
              completion_date, state, late FROM new_reports)
    ) c
  ) k;
  RETURN NULL;
END;
$$;
