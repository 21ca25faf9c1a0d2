CREATE TABLE "evaluation_adjustments" (
	"id" serial PRIMARY KEY NOT NULL,
	"scheme_id" text NOT NULL,
	"parent_code" varchar(6) NOT NULL,
	"period" text NOT NULL,
	"unit_code" varchar(6) NOT NULL,
	"kind" text NOT NULL,
	"item" text,
	"points" numeric(8, 2) NOT NULL,
	"reason" text NOT NULL,
	"author" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "evaluation_events" (
	"id" serial PRIMARY KEY NOT NULL,
	"province_code" varchar(6) NOT NULL,
	"region_code" varchar(6) NOT NULL,
	"item" text NOT NULL,
	"event_date" date NOT NULL,
	"count" integer DEFAULT 1 NOT NULL,
	"note" text,
	"author" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "evaluation_adjustments_idx" ON "evaluation_adjustments" USING btree ("scheme_id","parent_code","period");--> statement-breakpoint
CREATE INDEX "evaluation_events_idx" ON "evaluation_events" USING btree ("province_code","event_date");