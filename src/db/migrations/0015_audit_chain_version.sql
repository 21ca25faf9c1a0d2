-- Tamper-evident audit log (issue #14 item 8) and the schema/app version a database records (item 9).
--
-- Every audit row carries its place in one chain (chain_seq 1, 2, 3 …), the hash of the row before it
-- (prev_hash; 64 zeros for the first) and its own hash: sha256 of its canonical content, prev_hash
-- included (audit_log_hash). The BEFORE INSERT trigger assigns all three under the row lock of the one
-- row of audit_chain_head, held to the end of the writing transaction: concurrent writers queue there,
-- each reads the head its predecessor committed, so the chain cannot fork. `sibi audit verify` walks it.
-- Rows already present are chained here, in id order: the chain vouches for them as they were now.
ALTER TABLE audit_log ADD COLUMN chain_seq bigint;
--> statement-breakpoint
ALTER TABLE audit_log ADD COLUMN prev_hash text;
--> statement-breakpoint
ALTER TABLE audit_log ADD COLUMN hash text;
--> statement-breakpoint
CREATE UNIQUE INDEX audit_log_chain_seq_idx ON audit_log (chain_seq);
--> statement-breakpoint
-- The end of the chain (seq, hash), and where a retention purge cut its start (purged_seq, purged_hash:
-- the last row deleted). No row until the first chained audit row.
CREATE TABLE audit_chain_head (
  id smallint PRIMARY KEY CHECK (id = 1),
  seq bigint NOT NULL,
  hash text NOT NULL,
  purged_seq bigint NOT NULL DEFAULT 0,
  purged_hash text NOT NULL DEFAULT repeat('0', 64)
);
--> statement-breakpoint
-- The canonical content: a JSON array of every column but the hash (time as integer microseconds
-- since the epoch, so the session's time zone does not matter; jsonb text output is normalised).
CREATE OR REPLACE FUNCTION audit_log_hash(r audit_log) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT encode(sha256(convert_to(jsonb_build_array(
    r.chain_seq, r.id, (extract(epoch FROM r.at) * 1000000)::bigint, r.actor, r.ip, r.action,
    r.target_type, r.target_id, r.outcome, r.before, r.after, r.details, r.prev_hash
  )::text, 'UTF8')), 'hex')
$$;
--> statement-breakpoint
-- SECURITY DEFINER: the application role may INSERT audit rows but has no privilege on the head;
-- the trigger (owned by the schema owner) moves it. Values a caller supplies are overwritten.
CREATE OR REPLACE FUNCTION audit_log_chain() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = pg_catalog, public AS $$
DECLARE
  head_seq bigint;
  head_hash text;
BEGIN
  SELECT seq, hash INTO head_seq, head_hash FROM public.audit_chain_head WHERE id = 1 FOR UPDATE;
  IF NOT FOUND THEN
    INSERT INTO public.audit_chain_head (id, seq, hash) VALUES (1, 0, repeat('0', 64)) ON CONFLICT (id) DO NOTHING;
    SELECT seq, hash INTO head_seq, head_hash FROM public.audit_chain_head WHERE id = 1 FOR UPDATE;
  END IF;
  NEW.chain_seq := head_seq + 1;
  NEW.prev_hash := head_hash;
  NEW.hash := public.audit_log_hash(NEW);
  UPDATE public.audit_chain_head SET seq = NEW.chain_seq, hash = NEW.hash WHERE id = 1;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
-- The append-only guard of migration 0001, unchanged but for one thing: a retention purge (rows older
-- than 180 days, by the owner) records the last row it removed, so verify knows where the chain starts.
CREATE OR REPLACE FUNCTION audit_log_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND OLD.at < now() - interval '180 days' THEN
    IF OLD.chain_seq IS NOT NULL THEN
      UPDATE audit_chain_head SET purged_seq = OLD.chain_seq, purged_hash = OLD.hash
        WHERE id = 1 AND purged_seq < OLD.chain_seq;
    END IF;
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'audit_log is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
-- Existing rows, oldest id first (the append-only guard is off for this one update, in this transaction).
ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update;
--> statement-breakpoint
DO $$
DECLARE
  r audit_log;
  prev text := repeat('0', 64);
  n bigint := 0;
BEGIN
  FOR r IN SELECT * FROM audit_log ORDER BY id LOOP
    n := n + 1;
    r.chain_seq := n;
    r.prev_hash := prev;
    r.hash := audit_log_hash(r);
    UPDATE audit_log SET chain_seq = r.chain_seq, prev_hash = r.prev_hash, hash = r.hash WHERE id = r.id;
    prev := r.hash;
  END LOOP;
  IF n > 0 THEN
    INSERT INTO audit_chain_head (id, seq, hash) VALUES (1, n, prev);
  END IF;
END;
$$;
--> statement-breakpoint
ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update;
--> statement-breakpoint
CREATE TRIGGER audit_log_chain BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_chain();
--> statement-breakpoint
-- The head is the chain trigger's alone (and the retention purge's): a write that does not come from
-- inside a trigger is refused, whatever grants a role holds; no one may empty it.
CREATE OR REPLACE FUNCTION audit_chain_head_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF pg_trigger_depth() < 2 THEN
    RAISE EXCEPTION 'audit_chain_head is written by the audit_log triggers only (% refused)', TG_OP
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER audit_chain_head_guard BEFORE INSERT OR UPDATE OR DELETE ON audit_chain_head
  FOR EACH ROW EXECUTE FUNCTION audit_chain_head_guard();
--> statement-breakpoint
CREATE TRIGGER audit_chain_head_no_truncate BEFORE TRUNCATE ON audit_chain_head
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_no_truncate_fn();
--> statement-breakpoint
-- Version guard: the schema version (the journal index of the newest migration applied) and the app
-- version that last migrated this database. Written by the program after migrating (src/db/version.ts);
-- a program older than either refuses to open the database. Kept beside drizzle's own bookkeeping, not
-- in schema public: it describes the database, not its data (backups and their checks leave it out).
CREATE SCHEMA IF NOT EXISTS drizzle;
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS drizzle.schema_version (
  id smallint PRIMARY KEY CHECK (id = 1),
  schema_version integer NOT NULL,
  app_version text NOT NULL,
  migrated_at timestamp with time zone NOT NULL DEFAULT now()
);
