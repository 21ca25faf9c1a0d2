-- The UPDATE trigger of 0004 joined its two transition tables on id. PL/pgSQL keeps a statement's
-- plan for the session, so after a one-row update the join stayed a nested loop, and a later bulk
-- update (an import re-deriving invest_month over 100k reports) took quadratic time. A set
-- difference needs no join plan: a row of new_reports that is not in old_reports (or the reverse)
-- changed something the rule reads. Hash or sort, it is linear whatever the sizes.
CREATE OR REPLACE FUNCTION project_months_after_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- only changes of what the rule reads (not invest_month, notes, versions or reviewers)
  PERFORM project_months_refresh(array_agg(k.project_id), array_agg(k.year))
  FROM (
    SELECT DISTINCT c.project_id, c.year::int AS year
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
