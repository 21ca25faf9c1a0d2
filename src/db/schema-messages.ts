// 站内消息 and deadline reminders (migration 0017_messages_reminders): the messages an account
// receives, the claim that a report's reminder for a period went out (at most once), the group robots
// of each region (企业微信 / 钉钉) and what was sent to them.
import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  index,
  integer,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  varchar,
} from 'drizzle-orm/pg-core';
import { projects } from './schema';
import { users } from './schema-auth';

const stamp = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const messages = pgTable(
  'messages',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    /** A path of the web app ("/reports/fill?project=12&year=2020&month=9"), or null. */
    link: text('link'),
    createdAt: stamp('created_at').notNull().defaultNow(),
    readAt: stamp('read_at'),
  },
  (t) => [
    index('messages_user_idx').on(t.userId, t.id),
    index('messages_unread_idx').on(t.userId).where(sql`read_at is null`),
  ],
);

/** One row per report (project, year, month) whose reminder went out: the key is the claim. */
export const reportReminders = pgTable(
  'report_reminders',
  {
    projectId: integer('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    year: smallint('year').notNull(),
    month: smallint('month').notNull(),
    sentAt: stamp('sent_at').notNull(),
    /** How many accounts got a message about it. */
    recipients: integer('recipients').notNull().default(0),
  },
  (t) => [primaryKey({ name: 'report_reminders_pkey', columns: [t.projectId, t.year, t.month] })],
);

/** A region's group robot: where its reminders go besides the messages. */
export const reminderWebhooks = pgTable('reminder_webhooks', {
  regionCode: varchar('region_code', { length: 6 }).primaryKey(),
  /** `wecom` (企业微信群机器人) or `dingtalk` (钉钉自定义机器人). */
  kind: text('kind').notNull(),
  url: text('url').notNull(),
  /** 钉钉 加签 secret; never returned by the API nor logged. */
  secret: text('secret'),
  enabled: boolean('enabled').notNull().default(true),
  version: integer('version').notNull().default(1),
  updatedBy: text('updated_by').notNull(),
  updatedAt: stamp('updated_at').notNull().defaultNow(),
});

/** One message to one robot: pending until sent, then sent or failed (never retried in a loop). */
export const reminderDeliveries = pgTable(
  'reminder_deliveries',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    regionCode: varchar('region_code', { length: 6 }).notNull(),
    kind: text('kind').notNull(),
    year: smallint('year').notNull(),
    month: smallint('month').notNull(),
    reports: integer('reports').notNull(),
    content: text('content').notNull(),
    status: text('status').notNull().default('pending'),
    httpStatus: integer('http_status'),
    error: text('error'),
    createdAt: stamp('created_at').notNull(),
    finishedAt: stamp('finished_at'),
  },
  (t) => [index('reminder_deliveries_region_idx').on(t.regionCode, t.id)],
);
