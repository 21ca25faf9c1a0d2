CREATE TABLE "approval_items" (
	"id" serial PRIMARY KEY NOT NULL,
	"project_id" integer NOT NULL,
	"province_code" varchar(6) NOT NULL,
	"item_name" text NOT NULL,
	"department" text,
	"due_date" date,
	"submitted_date" date,
	"done_date" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor" text NOT NULL,
	"ip" text,
	"action" text NOT NULL,
	"target_type" text,
	"target_id" text,
	"outcome" text NOT NULL,
	"before" jsonb,
	"after" jsonb,
	"details" jsonb
);
--> statement-breakpoint
CREATE TABLE "deals" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"region_code" varchar(6) NOT NULL,
	"province_code" varchar(6) NOT NULL,
	"investor" text,
	"origin" text NOT NULL,
	"top500" text,
	"signed_date" date NOT NULL,
	"contract_amount" bigint NOT NULL,
	"funds_in_place" bigint NOT NULL,
	"industry" text,
	"start_date" date,
	"project_code" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "evaluations" (
	"id" serial PRIMARY KEY NOT NULL,
	"scheme_id" text NOT NULL,
	"scheme_version" text NOT NULL,
	"period" text NOT NULL,
	"parent_code" varchar(6) NOT NULL,
	"province_code" varchar(6) NOT NULL,
	"state" text DEFAULT 'draft' NOT NULL,
	"scheme" jsonb NOT NULL,
	"inputs" jsonb NOT NULL,
	"options" jsonb NOT NULL,
	"result" jsonb NOT NULL,
	"content_hash" text NOT NULL,
	"created_by" text NOT NULL,
	"published_by" text,
	"published_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "monthly_reports" (
	"id" serial PRIMARY KEY NOT NULL,
	"project_id" integer NOT NULL,
	"province_code" varchar(6) NOT NULL,
	"year" smallint NOT NULL,
	"month" smallint NOT NULL,
	"invest_ytd" bigint NOT NULL,
	"invest_month" bigint,
	"started" boolean DEFAULT false NOT NULL,
	"start_date" date,
	"completed" boolean DEFAULT false NOT NULL,
	"completion_date" date,
	"progress_note" text,
	"problems" text,
	"reported_at" date,
	"state" text DEFAULT 'draft' NOT NULL,
	"late" boolean DEFAULT false NOT NULL,
	"submitted_by" text,
	"submitted_at" timestamp with time zone,
	"approved_by" text,
	"approved_at" timestamp with time zone,
	"returned_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "project_issues" (
	"id" serial PRIMARY KEY NOT NULL,
	"project_id" integer NOT NULL,
	"province_code" varchar(6) NOT NULL,
	"category" text,
	"description" text NOT NULL,
	"responsible_unit" text,
	"raised_date" date NOT NULL,
	"due_date" date,
	"resolved_date" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "project_years" (
	"id" serial PRIMARY KEY NOT NULL,
	"project_id" integer NOT NULL,
	"province_code" varchar(6) NOT NULL,
	"year" smallint NOT NULL,
	"list" text NOT NULL,
	"nature" text NOT NULL,
	"annual_target" bigint,
	"planned_start_month" smallint,
	"completion_planned" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "projects" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"region_code" varchar(6) NOT NULL,
	"province_code" varchar(6) NOT NULL,
	"owner" text,
	"leader" text,
	"domain" text,
	"total_investment" bigint,
	"planned_start" date,
	"planned_completion" date,
	"actual_start" date,
	"actual_completion" date,
	"production_start" date,
	"planned_production" date,
	"output_value" bigint,
	"lng" double precision,
	"lat" double precision,
	"scope" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "regions" (
	"code" varchar(6) PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"parent_code" varchar(6),
	"kind" text NOT NULL,
	"province_code" varchar(6) NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reserve_projects" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"region_code" varchar(6) NOT NULL,
	"province_code" varchar(6) NOT NULL,
	"target_year" smallint NOT NULL,
	"total_investment" bigint,
	"domain" text,
	"maturity" text,
	"major" boolean DEFAULT false NOT NULL,
	"converted_project_code" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "settings" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "approval_items" ADD CONSTRAINT "approval_items_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monthly_reports" ADD CONSTRAINT "monthly_reports_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_issues" ADD CONSTRAINT "project_issues_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_years" ADD CONSTRAINT "project_years_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "approval_items_key" ON "approval_items" USING btree ("project_id","item_name");--> statement-breakpoint
CREATE INDEX "approval_items_due_idx" ON "approval_items" USING btree ("province_code","due_date");--> statement-breakpoint
CREATE INDEX "audit_log_at_idx" ON "audit_log" USING btree ("at");--> statement-breakpoint
CREATE INDEX "audit_log_target_idx" ON "audit_log" USING btree ("target_type","target_id");--> statement-breakpoint
CREATE UNIQUE INDEX "deals_key" ON "deals" USING btree ("name","region_code");--> statement-breakpoint
CREATE INDEX "deals_signed_idx" ON "deals" USING btree ("province_code","signed_date");--> statement-breakpoint
CREATE INDEX "evaluations_period_idx" ON "evaluations" USING btree ("parent_code","period");--> statement-breakpoint
CREATE UNIQUE INDEX "evaluations_published_key" ON "evaluations" USING btree ("scheme_id","parent_code","period") WHERE state = 'published';--> statement-breakpoint
CREATE UNIQUE INDEX "monthly_reports_key" ON "monthly_reports" USING btree ("project_id","year","month");--> statement-breakpoint
CREATE INDEX "monthly_reports_period_idx" ON "monthly_reports" USING btree ("province_code","year","month");--> statement-breakpoint
CREATE UNIQUE INDEX "project_issues_key" ON "project_issues" USING btree ("project_id","description","raised_date");--> statement-breakpoint
CREATE INDEX "project_issues_raised_idx" ON "project_issues" USING btree ("province_code","raised_date");--> statement-breakpoint
CREATE UNIQUE INDEX "project_years_key" ON "project_years" USING btree ("project_id","year","list");--> statement-breakpoint
CREATE INDEX "project_years_year_list_idx" ON "project_years" USING btree ("province_code","year","list");--> statement-breakpoint
CREATE UNIQUE INDEX "projects_code_key" ON "projects" USING btree ("code");--> statement-breakpoint
CREATE INDEX "projects_region_idx" ON "projects" USING btree ("province_code","region_code");--> statement-breakpoint
CREATE INDEX "regions_parent_idx" ON "regions" USING btree ("parent_code");--> statement-breakpoint
CREATE UNIQUE INDEX "reserve_projects_key" ON "reserve_projects" USING btree ("name","region_code","target_year");--> statement-breakpoint
CREATE INDEX "reserve_projects_year_idx" ON "reserve_projects" USING btree ("province_code","target_year");