CREATE TABLE "bulletin_snapshots" (
	"evaluation_id" integer PRIMARY KEY NOT NULL,
	"snapshot" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "bulletin_snapshots" ADD CONSTRAINT "bulletin_snapshots_evaluation_id_evaluations_id_fk" FOREIGN KEY ("evaluation_id") REFERENCES "public"."evaluations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- What a published period's 通报 states besides the scores (figures, warnings, earlier ranks), taken at
-- publication beside the evaluation's hashed snapshot: written once with it, never changed.
CREATE OR REPLACE FUNCTION bulletin_snapshots_final() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'bulletin_snapshots rows are final (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER bulletin_snapshots_final BEFORE UPDATE OR DELETE ON bulletin_snapshots
  FOR EACH ROW EXECUTE FUNCTION bulletin_snapshots_final();
