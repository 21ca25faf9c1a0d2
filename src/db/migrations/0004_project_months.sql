CREATE TABLE "project_months" (
	"project_id" integer NOT NULL,
	"province_code" varchar(6) NOT NULL,
	"year" smallint NOT NULL,
	"month" smallint NOT NULL,
	"invest_ytd" bigint,
	"started" boolean NOT NULL,
	"completed" boolean NOT NULL,
	"on_time" smallint NOT NULL,
	CONSTRAINT "project_months_province_code_year_month_project_id_pk" PRIMARY KEY("province_code","year","month","project_id")
		INCLUDE ("invest_ytd","started","completed","on_time")
);
--> statement-breakpoint
ALTER TABLE "project_months" ADD CONSTRAINT "project_months_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "project_months_project_idx" ON "project_months" USING btree ("project_id","year");--> statement-breakpoint
-- project_months is derived from monthly_reports (see schema.ts). The rule, for every month N from
-- a project's first filed report to December, over its reports of months ≤ N (one partition per
-- project, year and province code, as the metric queries filter reports by province code):
--   invest_ytd  the latest approved report's invest_ytd;
--   started     an approved report says started, with no start date or one by the end of month N
--               (started_from: the first month N for which that holds; null: not in this year);
--   completed   the same with completed and completion_date;
--   on_time     reports that are not late and not drafts.
-- Each report's figures hold from its month until the month before the project's next report.
-- Months before the first report that is not a draft carry nothing and get no row.
-- Two transactions refreshing one project take turns: the second locks the project's row (in id
-- order, so two bulk writes cannot deadlock here) until the first commits, then reads afresh.
CREATE OR REPLACE FUNCTION project_months_refresh(p_projects integer[], p_years integer[]) RETURNS void
LANGUAGE sql SET jit = off SET work_mem = '64MB' AS $$
  SELECT 1 FROM projects p WHERE p.id = ANY (p_projects) ORDER BY p.id FOR NO KEY UPDATE;
  DELETE FROM project_months s
  USING (SELECT DISTINCT k.project_id, k.year FROM unnest(p_projects, p_years) AS k(project_id, year)) k
  WHERE s.project_id = k.project_id AND s.year = k.year;
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
    JOIN (SELECT DISTINCT k.project_id, k.year FROM unnest(p_projects, p_years) AS k(project_id, year)) k
      ON r.project_id = k.project_id AND r.year = k.year
    WINDOW w AS (PARTITION BY r.project_id, r.year, r.province_code ORDER BY r.month)
  ) r
  CROSS JOIN LATERAL generate_series(r.month, coalesce(r.next_month - 1, 12)) AS n(month)
  WHERE r.filed > 0;
$$;
--> statement-breakpoint
SELECT project_months_refresh(array_agg(k.project_id), array_agg(k.year))
FROM (SELECT DISTINCT project_id, year::int AS year FROM monthly_reports) k;
--> statement-breakpoint
ANALYZE project_months;
--> statement-breakpoint
-- Every statement that writes monthly_reports refreshes the project-years it touched.
CREATE OR REPLACE FUNCTION project_months_after_write() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- changed_reports: the inserted rows of an INSERT, the deleted rows of a DELETE
  PERFORM project_months_refresh(array_agg(k.project_id), array_agg(k.year))
  FROM (SELECT DISTINCT project_id, year::int AS year FROM changed_reports) k;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION project_months_after_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- only changes of what the rule reads (not invest_month, notes, versions or reviewers)
  PERFORM project_months_refresh(array_agg(k.project_id), array_agg(k.year))
  FROM (
    SELECT o.project_id, o.year::int AS year, n.project_id AS new_project_id, n.year::int AS new_year
    FROM old_reports o JOIN new_reports n ON n.id = o.id
    WHERE (o.project_id, o.province_code, o.year, o.month, o.invest_ytd, o.started, o.start_date,
           o.completed, o.completion_date, o.state, o.late)
          IS DISTINCT FROM
          (n.project_id, n.province_code, n.year, n.month, n.invest_ytd, n.started, n.start_date,
           n.completed, n.completion_date, n.state, n.late)
  ) c
  CROSS JOIN LATERAL (VALUES (c.project_id, c.year), (c.new_project_id, c.new_year)) AS k(project_id, year);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION project_months_after_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM project_months;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER project_months_on_insert AFTER INSERT ON monthly_reports
  REFERENCING NEW TABLE AS changed_reports FOR EACH STATEMENT EXECUTE FUNCTION project_months_after_write();
--> statement-breakpoint
CREATE TRIGGER project_months_on_update AFTER UPDATE ON monthly_reports
  REFERENCING OLD TABLE AS old_reports NEW TABLE AS new_reports
  FOR EACH STATEMENT EXECUTE FUNCTION project_months_after_update();
--> statement-breakpoint
CREATE TRIGGER project_months_on_delete AFTER DELETE ON monthly_reports
  REFERENCING OLD TABLE AS changed_reports FOR EACH STATEMENT EXECUTE FUNCTION project_months_after_write();
--> statement-breakpoint
CREATE TRIGGER project_months_on_truncate AFTER TRUNCATE ON monthly_reports
  FOR EACH STATEMENT EXECUTE FUNCTION project_months_after_truncate();
--> statement-breakpoint
-- Rows come only from the triggers above (trigger depth ≥ 1). A direct insert — a restore loading a
-- backup's copy of this table — is dropped: loading monthly_reports rebuilds the same rows.
CREATE OR REPLACE FUNCTION project_months_derived_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER project_months_derived_only BEFORE INSERT ON project_months
  FOR EACH ROW WHEN (pg_trigger_depth() = 0) EXECUTE FUNCTION project_months_derived_only();
