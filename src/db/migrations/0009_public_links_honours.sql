CREATE TABLE "honour_list_entries" (
	"list_id" integer NOT NULL,
	"position" integer NOT NULL,
	"name" text NOT NULL,
	"region_code" varchar(6),
	"category" text,
	"note" text,
	CONSTRAINT "honour_list_entries_list_id_position_pk" PRIMARY KEY("list_id","position")
);
--> statement-breakpoint
CREATE TABLE "honour_lists" (
	"id" serial PRIMARY KEY NOT NULL,
	"province_code" varchar(6) NOT NULL,
	"title" text NOT NULL,
	"year" integer NOT NULL,
	"issued_by" text,
	"issued_on" date,
	"source_file" text,
	"content_hash" text NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_by" text,
	"published_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "public_links" (
	"id" serial PRIMARY KEY NOT NULL,
	"slug" varchar(16) NOT NULL,
	"kind" text NOT NULL,
	"target_id" integer NOT NULL,
	"province_code" varchar(6) NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "honour_list_entries" ADD CONSTRAINT "honour_list_entries_list_id_honour_lists_id_fk" FOREIGN KEY ("list_id") REFERENCES "public"."honour_lists"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "honour_lists_province_idx" ON "honour_lists" USING btree ("province_code","year");--> statement-breakpoint
CREATE UNIQUE INDEX "public_links_slug_key" ON "public_links" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "public_links_target_idx" ON "public_links" USING btree ("kind","target_id");--> statement-breakpoint
ALTER TABLE "public_links" ADD CONSTRAINT "public_links_kind_check" CHECK (kind IN ('evaluation', 'honours'));--> statement-breakpoint
-- A published honours list is final, like a published evaluation: the list row and its entries may
-- not change or go once published_at is set (publishing itself is the one update of a draft).
CREATE OR REPLACE FUNCTION honour_lists_published_final() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.published_at IS NOT NULL THEN
    RAISE EXCEPTION 'honour list % is published and final (% refused)', OLD.id, TG_OP USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER honour_lists_published_final BEFORE UPDATE OR DELETE ON honour_lists
  FOR EACH ROW EXECUTE FUNCTION honour_lists_published_final();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION honour_list_entries_published_final() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  list integer := CASE WHEN TG_OP = 'INSERT' THEN NEW.list_id ELSE OLD.list_id END;
BEGIN
  IF EXISTS (SELECT 1 FROM honour_lists WHERE id = list AND published_at IS NOT NULL) THEN
    RAISE EXCEPTION 'honour list % is published and final (% refused)', list, TG_OP USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER honour_list_entries_published_final BEFORE INSERT OR UPDATE OR DELETE ON honour_list_entries
  FOR EACH ROW EXECUTE FUNCTION honour_list_entries_published_final();
--> statement-breakpoint
-- A public link is a record of what was public and when: it is only ever revoked (revoked_at set
-- once), never changed, re-opened or deleted.
CREATE OR REPLACE FUNCTION public_links_revoke_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND OLD.revoked_at IS NULL AND NEW.revoked_at IS NOT NULL
     AND (NEW.id, NEW.slug, NEW.kind, NEW.target_id, NEW.province_code, NEW.created_by, NEW.created_at)
         IS NOT DISTINCT FROM (OLD.id, OLD.slug, OLD.kind, OLD.target_id, OLD.province_code, OLD.created_by, OLD.created_at) THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'public links are only revoked (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER public_links_revoke_only BEFORE UPDATE OR DELETE ON public_links
  FOR EACH ROW EXECUTE FUNCTION public_links_revoke_only();
