-- Issue #16 item 2: 站内消息 (in-app messages), deadline reminders sent at most once per report and
-- period (the primary key of report_reminders is the claim: a second run, or a second server process,
-- inserts nothing and so sends nothing), the group robots of each region (企业微信 / 钉钉) and what
-- was sent to them. Hand-written (no drizzle-kit generate); the drizzle side is src/db/schema-messages.ts.
CREATE TABLE "messages" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"user_id" integer NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"link" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone
);--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "messages_user_idx" ON "messages" USING btree ("user_id","id");--> statement-breakpoint
CREATE INDEX "messages_unread_idx" ON "messages" USING btree ("user_id") WHERE "read_at" IS NULL;--> statement-breakpoint
CREATE TABLE "report_reminders" (
	"project_id" integer NOT NULL,
	"year" smallint NOT NULL,
	"month" smallint NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	"recipients" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "report_reminders_pkey" PRIMARY KEY("project_id","year","month")
);--> statement-breakpoint
ALTER TABLE "report_reminders" ADD CONSTRAINT "report_reminders_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE TABLE "reminder_webhooks" (
	"region_code" varchar(6) PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"url" text NOT NULL,
	"secret" text,
	"enabled" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reminder_webhooks_kind_check" CHECK ("kind" in ('wecom', 'dingtalk'))
);--> statement-breakpoint
CREATE TABLE "reminder_deliveries" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"region_code" varchar(6) NOT NULL,
	"kind" text NOT NULL,
	"year" smallint NOT NULL,
	"month" smallint NOT NULL,
	"reports" integer NOT NULL,
	"content" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"http_status" integer,
	"error" text,
	"created_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone,
	CONSTRAINT "reminder_deliveries_status_check" CHECK ("status" in ('pending', 'sent', 'failed'))
);--> statement-breakpoint
CREATE INDEX "reminder_deliveries_region_idx" ON "reminder_deliveries" USING btree ("region_code","id");
