CREATE TABLE "evaluation_revocations" (
	"id" serial PRIMARY KEY NOT NULL,
	"evaluation_id" integer NOT NULL,
	"reason" text NOT NULL,
	"revoked_by" text NOT NULL,
	"revoked_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
DROP INDEX "evaluations_published_key";--> statement-breakpoint
ALTER TABLE "evaluations" ADD COLUMN "edition" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "evaluations" ADD COLUMN "publish_gate" jsonb;--> statement-breakpoint
ALTER TABLE "evaluation_revocations" ADD CONSTRAINT "evaluation_revocations_evaluation_id_evaluations_id_fk" FOREIGN KEY ("evaluation_id") REFERENCES "public"."evaluations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "evaluation_revocations_evaluation_key" ON "evaluation_revocations" USING btree ("evaluation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "evaluations_published_key" ON "evaluations" USING btree ("scheme_id","parent_code","period","edition") WHERE state = 'published';--> statement-breakpoint
-- A published evaluation — its scheme, inputs (the snapshot), result and content hash — is final:
-- no UPDATE or DELETE of a published row, no UPDATE that publishes a row, no TRUNCATE of the table.
-- Revoking one is a row in evaluation_revocations; publishing again is a new row (the next edition).
CREATE OR REPLACE FUNCTION evaluations_published_final() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.state = 'published' OR (TG_OP = 'UPDATE' AND NEW.state = 'published') THEN
    RAISE EXCEPTION 'evaluation % is published and final (% refused)', OLD.id, TG_OP USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER evaluations_published_final BEFORE UPDATE OR DELETE ON evaluations
  FOR EACH ROW EXECUTE FUNCTION evaluations_published_final();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION evaluations_no_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% holds published results and is final (TRUNCATE refused)', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER evaluations_no_truncate BEFORE TRUNCATE ON evaluations
  FOR EACH STATEMENT EXECUTE FUNCTION evaluations_no_truncate();
--> statement-breakpoint
-- Edition n (n > 1) of a scheme, region and period may be published only once edition n - 1 is
-- revoked, and editions leave no gap. A duplicate edition is left to the unique index (so a
-- concurrent publisher that lost gets its ON CONFLICT answer, not an error).
CREATE OR REPLACE FUNCTION evaluations_edition_order() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.state <> 'published' OR NEW.edition = 1 THEN
    RETURN NEW;
  END IF;
  IF NEW.edition < 1 OR NOT EXISTS (
    SELECT 1 FROM evaluations e JOIN evaluation_revocations r ON r.evaluation_id = e.id
    WHERE e.state = 'published' AND e.scheme_id = NEW.scheme_id AND e.parent_code = NEW.parent_code
      AND e.period = NEW.period AND e.edition = NEW.edition - 1
  ) THEN
    RAISE EXCEPTION 'edition % of evaluation % % % needs edition % published and revoked first', NEW.edition, NEW.scheme_id, NEW.parent_code, NEW.period, NEW.edition - 1 USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER evaluations_edition_order BEFORE INSERT ON evaluations
  FOR EACH ROW EXECUTE FUNCTION evaluations_edition_order();
--> statement-breakpoint
-- A revocation is itself a record: it names a published evaluation, and is never changed or removed.
CREATE OR REPLACE FUNCTION evaluation_revocations_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    IF NOT EXISTS (SELECT 1 FROM evaluations WHERE id = NEW.evaluation_id AND state = 'published') THEN
      RAISE EXCEPTION 'evaluation % is not published: nothing to revoke', NEW.evaluation_id USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'evaluation_revocations is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER evaluation_revocations_append_only BEFORE INSERT OR UPDATE OR DELETE ON evaluation_revocations
  FOR EACH ROW EXECUTE FUNCTION evaluation_revocations_append_only();
--> statement-breakpoint
CREATE TRIGGER evaluation_revocations_no_truncate BEFORE TRUNCATE ON evaluation_revocations
  FOR EACH STATEMENT EXECUTE FUNCTION evaluations_no_truncate();
