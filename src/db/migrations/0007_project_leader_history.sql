CREATE TABLE "project_leader_history" (
	"id" serial PRIMARY KEY NOT NULL,
	"project_id" integer NOT NULL,
	"province_code" varchar(6) NOT NULL,
	"leader" text NOT NULL,
	"valid_from" timestamp with time zone NOT NULL,
	"valid_to" timestamp with time zone,
	"changed_by" integer
);
--> statement-breakpoint
ALTER TABLE "project_leader_history" ADD CONSTRAINT "project_leader_history_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_leader_history" ADD CONSTRAINT "project_leader_history_changed_by_users_id_fk" FOREIGN KEY ("changed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "project_leader_history_project_idx" ON "project_leader_history" USING btree ("project_id","valid_from");--> statement-breakpoint
CREATE UNIQUE INDEX "project_leader_history_open_key" ON "project_leader_history" USING btree ("project_id") WHERE valid_to is null;--> statement-breakpoint
-- project_leader_history is written only here: a statement that writes projects (a create, a PATCH,
-- an import's upsert) records every leader it changes, at the transaction's time, by the account
-- the transaction names in the setting sibi.user_id (src/db/records/project-leaders.ts; unset: null).
-- Statement-level with transition tables, so a bulk import is one INSERT … SELECT, not a call per
-- row. (A trigger with a column list, UPDATE OF leader, may not have transition tables.) An empty
-- leader is no leader.
CREATE OR REPLACE FUNCTION project_leader_history_after_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO project_leader_history (project_id, province_code, leader, valid_from, changed_by)
  SELECT n.id, n.province_code, btrim(n.leader), now(), nullif(current_setting('sibi.user_id', true), '')::int
  FROM new_projects n
  WHERE nullif(btrim(n.leader), '') IS NOT NULL;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
-- Rows whose leader changed are the (id, leader) pairs of new_projects not in old_projects: a set
-- difference, linear whatever the sizes (see 0005 for why not a join). The open row closes first,
-- then the new leader's row opens (at most one open row per project).
CREATE OR REPLACE FUNCTION project_leader_history_after_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE project_leader_history h SET valid_to = now()
  FROM (SELECT id, nullif(btrim(leader), '') AS leader FROM new_projects
        EXCEPT
        SELECT id, nullif(btrim(leader), '') FROM old_projects) c
  WHERE h.project_id = c.id AND h.valid_to IS NULL;
  INSERT INTO project_leader_history (project_id, province_code, leader, valid_from, changed_by)
  SELECT c.id, p.province_code, c.leader, now(), nullif(current_setting('sibi.user_id', true), '')::int
  FROM (SELECT id, nullif(btrim(leader), '') AS leader FROM new_projects
        EXCEPT
        SELECT id, nullif(btrim(leader), '') FROM old_projects) c
  JOIN projects p ON p.id = c.id
  WHERE c.leader IS NOT NULL;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER project_leader_history_on_insert AFTER INSERT ON projects
  REFERENCING NEW TABLE AS new_projects FOR EACH STATEMENT EXECUTE FUNCTION project_leader_history_after_insert();
--> statement-breakpoint
CREATE TRIGGER project_leader_history_on_update AFTER UPDATE ON projects
  REFERENCING OLD TABLE AS old_projects NEW TABLE AS new_projects
  FOR EACH STATEMENT EXECUTE FUNCTION project_leader_history_after_update();
--> statement-breakpoint
-- Projects that have a leader already: in charge since the last audited change of the leader
-- (an edit through the web or the API) of the project with that code, or since it was created if
-- later (greatest ignores a null). Who made that change is not recorded here.
INSERT INTO project_leader_history (project_id, province_code, leader, valid_from)
SELECT p.id, p.province_code, btrim(p.leader), greatest(a.changed_at, p.created_at)
FROM projects p
LEFT JOIN (
  SELECT target_id AS code, max(at) AS changed_at
  FROM audit_log
  WHERE target_type = 'project' AND action = 'project.update' AND outcome = 'ok'
    AND (after->>'leader') IS DISTINCT FROM (before->>'leader')
  GROUP BY target_id
) a ON a.code = p.code
WHERE nullif(btrim(p.leader), '') IS NOT NULL;
