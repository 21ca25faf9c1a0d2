CREATE TABLE "evaluation_self_scores" (
	"id" serial PRIMARY KEY NOT NULL,
	"scheme_id" text NOT NULL,
	"parent_code" varchar(6) NOT NULL,
	"period" text NOT NULL,
	"unit_code" varchar(6) NOT NULL,
	"indicator" text DEFAULT '' NOT NULL,
	"points" numeric(8, 2) NOT NULL,
	"note" text,
	"reported_by" text NOT NULL,
	"reported_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "evaluation_self_scores_points_check" CHECK ("points" >= 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX "evaluation_self_scores_key" ON "evaluation_self_scores" USING btree ("scheme_id","parent_code","period","unit_code","indicator");--> statement-breakpoint
-- A unit's self-score (自评分; indicator '' is the total) may be reported and revised until the
-- result of its scheme, region and period is published; while a publication stands (not revoked)
-- the database refuses any insert, change or removal, so the published snapshot's self-scores are
-- the ones on record.
CREATE OR REPLACE FUNCTION evaluation_self_scores_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  r evaluation_self_scores%ROWTYPE;
BEGIN
  IF TG_OP = 'DELETE' THEN
    r := OLD;
  ELSE
    r := NEW;
  END IF;
  IF EXISTS (
    SELECT 1 FROM evaluations e
    WHERE e.state = 'published' AND e.scheme_id = r.scheme_id AND e.parent_code = r.parent_code
      AND e.period = r.period
      AND NOT EXISTS (SELECT 1 FROM evaluation_revocations v WHERE v.evaluation_id = e.id)
  ) OR (TG_OP = 'UPDATE' AND EXISTS (
    SELECT 1 FROM evaluations e
    WHERE e.state = 'published' AND e.scheme_id = OLD.scheme_id AND e.parent_code = OLD.parent_code
      AND e.period = OLD.period
      AND NOT EXISTS (SELECT 1 FROM evaluation_revocations v WHERE v.evaluation_id = e.id)
  )) THEN
    RAISE EXCEPTION 'self-scores of % % % are frozen: the result is published (% refused)', r.scheme_id, r.parent_code, r.period, TG_OP USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER evaluation_self_scores_frozen BEFORE INSERT OR UPDATE OR DELETE ON evaluation_self_scores
  FOR EACH ROW EXECUTE FUNCTION evaluation_self_scores_frozen();
