-- Issue #17 item 3: the data version behind the cached reads (src/services/read-cache.ts). One number
-- that changes whenever a transaction that wrote figures commits, and only then:
--   * every table of figures (all of schema public but the few below that hold sessions, the audit
--     log, messages and other per-account bookkeeping) has a statement trigger that marks the writing
--     transaction once (data_version_marks, keyed by the transaction's id: concurrent writers never
--     meet there);
--   * a deferred constraint trigger on that mark runs at COMMIT and moves the version, so the row of
--     data_version is locked only for the instant of the commit (never between a writer's statements:
--     no lock cycle with the rows it writes), and a rolled-back transaction moves nothing;
--   * the new version is the larger of version + 1 and the clock in milliseconds: after a restore
--     (which brings back an older number) the next version is still one never used before, and a new
--     database starts from the clock too (two new databases never share a number).
-- A reader that finds the same version before and after computing an answer knows the answer is that
-- version's. Hand-written (no drizzle-kit generate); the drizzle side is src/db/data-version.ts, which
-- also names the tables left out (a test compares it with the catalogue).
CREATE TABLE "data_version" (
	"id" boolean PRIMARY KEY DEFAULT true NOT NULL,
	"version" bigint NOT NULL,
	CONSTRAINT "data_version_one_row" CHECK ("id")
);--> statement-breakpoint
INSERT INTO "data_version" ("id", "version") VALUES (true, (extract(epoch FROM clock_timestamp()) * 1000)::bigint);--> statement-breakpoint
CREATE TABLE "data_version_marks" (
	"txid" bigint PRIMARY KEY NOT NULL
);--> statement-breakpoint
CREATE OR REPLACE FUNCTION data_version_next() RETURNS void LANGUAGE sql AS $$
  UPDATE public.data_version
  SET version = greatest(version + 1, (extract(epoch FROM clock_timestamp()) * 1000)::bigint)
  WHERE id;
$$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION data_version_mark() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO public.data_version_marks (txid) VALUES (txid_current()) ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION data_version_commit() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM public.data_version_marks WHERE txid = NEW.txid;
  PERFORM public.data_version_next();
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "data_version_commit" AFTER INSERT ON "data_version_marks"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION data_version_commit();--> statement-breakpoint
DO $$
DECLARE t text;
BEGIN
  FOR t IN
    SELECT c.relname FROM pg_class c
    WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p') AND NOT c.relispartition
      AND c.relname NOT IN ('data_version', 'data_version_marks', 'audit_log', 'audit_chain_head',
        'sessions', 'login_sources', 'password_history', 'users', 'messages', 'report_reminders',
        'reminder_deliveries')
  LOOP
    EXECUTE format('CREATE TRIGGER data_version_mark AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I '
      'FOR EACH STATEMENT EXECUTE FUNCTION data_version_mark()', t);
  END LOOP;
END $$;
