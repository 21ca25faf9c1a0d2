ALTER TABLE "evaluation_adjustments" ADD COLUMN "status" text DEFAULT 'pending' NOT NULL;--> statement-breakpoint
ALTER TABLE "evaluation_adjustments" ADD COLUMN "approved_by" text;--> statement-breakpoint
ALTER TABLE "evaluation_adjustments" ADD COLUMN "approved_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "evaluation_adjustments" ADD COLUMN "revoked_by" text;--> statement-breakpoint
ALTER TABLE "evaluation_adjustments" ADD COLUMN "revoked_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "evaluation_adjustments" ADD COLUMN "revoke_reason" text;--> statement-breakpoint
ALTER TABLE "evaluation_events" ADD COLUMN "reason" text;--> statement-breakpoint
ALTER TABLE "evaluation_events" ADD COLUMN "status" text DEFAULT 'pending' NOT NULL;--> statement-breakpoint
ALTER TABLE "evaluation_events" ADD COLUMN "approved_by" text;--> statement-breakpoint
ALTER TABLE "evaluation_events" ADD COLUMN "approved_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "evaluation_events" ADD COLUMN "revoked_by" text;--> statement-breakpoint
ALTER TABLE "evaluation_events" ADD COLUMN "revoked_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "evaluation_events" ADD COLUMN "revoke_reason" text;--> statement-breakpoint
-- Rows written before review existed (only by hand: nothing could enter them) counted in every
-- evaluation; they stay counted, approved by whoever entered them.
UPDATE "evaluation_events" SET "status" = 'approved', "approved_by" = "author", "approved_at" = "created_at";--> statement-breakpoint
UPDATE "evaluation_adjustments" SET "status" = 'approved', "approved_by" = "author", "approved_at" = "created_at";--> statement-breakpoint
ALTER TABLE "evaluation_events" ADD CONSTRAINT "evaluation_events_status_check" CHECK (
  ("status" = 'pending' AND "approved_by" IS NULL AND "revoked_by" IS NULL)
  OR ("status" = 'approved' AND "approved_by" IS NOT NULL AND "revoked_by" IS NULL)
  OR ("status" = 'revoked' AND "revoked_by" IS NOT NULL AND "revoked_at" IS NOT NULL AND "revoke_reason" IS NOT NULL));--> statement-breakpoint
ALTER TABLE "evaluation_adjustments" ADD CONSTRAINT "evaluation_adjustments_status_check" CHECK (
  ("status" = 'pending' AND "approved_by" IS NULL AND "revoked_by" IS NULL)
  OR ("status" = 'approved' AND "approved_by" IS NOT NULL AND "revoked_by" IS NULL)
  OR ("status" = 'revoked' AND "revoked_by" IS NOT NULL AND "revoked_at" IS NOT NULL AND "revoke_reason" IS NOT NULL));
