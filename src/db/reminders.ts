// Deadline reminders in SQL: the claim (a report's reminder for a month goes out once: the primary key
// of report_reminders decides, across processes), who receives it, the regions' group robots and the
// record of each delivery.
import { desc, eq, sql } from 'drizzle-orm';
import { jsonParam, queryRows, type Tx } from './query';
import { reminderDeliveries, reminderWebhooks, reportReminders } from './schema-messages';

/**
 * Claims the reminders of these projects for the month: answers the projects this call claimed. A
 * project claimed before (by an earlier run, or by another process at the same moment: the second
 * insert waits for the first transaction and then finds the key taken) is left out.
 */
export async function claimReminders(
  db: Tx,
  claim: {
    projects: readonly { projectId: number; recipients: number }[];
    year: number;
    month: number;
    now: Date;
  },
): Promise<number[]> {
  if (claim.projects.length === 0) return [];
  const rows = await db
    .insert(reportReminders)
    .values(
      claim.projects.map((p) => ({
        projectId: p.projectId,
        year: claim.year,
        month: claim.month,
        sentAt: claim.now,
        recipients: p.recipients,
      })),
    )
    .onConflictDoNothing()
    .returning({ projectId: reportReminders.projectId });
  return rows.map((row) => row.projectId);
}

export interface Recipient {
  userId: number;
  role: string;
  /** The project the account is bound to (project owner), or null for an office (its region). */
  projectId: number | null;
  regionCode: string | null;
}

/**
 * The enabled accounts that fill these projects' reports: project owners bound to a project, and the
 * offices of the projects' own regions (the report.fill rule).
 */
export async function reportFillers(
  db: Tx,
  projects: { projectIds: readonly number[]; regionCodes: readonly string[] },
): Promise<Recipient[]> {
  if (projects.projectIds.length === 0) return [];
  const rows = await queryRows<{
    user_id: number;
    role: string;
    project_id: number | null;
    region_code: string | null;
  }>(
    db,
    sql`select u.id as user_id, u.role, up.project_id, null as region_code
        from users u join user_projects up on up.user_id = u.id
        where u.role = 'project_owner' and not u.disabled
          and up.project_id in (select (jsonb_array_elements_text(${jsonParam(projects.projectIds)}::jsonb))::int)
        union all
        select u.id, u.role, null, u.region_code
        from users u
        where u.role in ('province_officer', 'city_officer', 'county_officer') and not u.disabled
          and u.region_code in (select jsonb_array_elements_text(${jsonParam(projects.regionCodes)}::jsonb))
        order by 1`,
  );
  return rows.map((row) => ({
    userId: Number(row.user_id),
    role: row.role,
    projectId: row.project_id === null ? null : Number(row.project_id),
    regionCode: row.region_code,
  }));
}

export type WebhookRow = typeof reminderWebhooks.$inferSelect;
export type DeliveryRow = typeof reminderDeliveries.$inferSelect;

export function listWebhooks(db: Tx): Promise<WebhookRow[]> {
  return db.select().from(reminderWebhooks).orderBy(reminderWebhooks.regionCode);
}

export async function findWebhook(db: Tx, regionCode: string): Promise<WebhookRow | undefined> {
  const [row] = await db.select().from(reminderWebhooks).where(eq(reminderWebhooks.regionCode, regionCode));
  return row;
}

export async function upsertWebhook(
  db: Tx,
  values: Pick<WebhookRow, 'regionCode' | 'kind' | 'url' | 'secret' | 'enabled' | 'updatedBy' | 'updatedAt'>,
): Promise<WebhookRow> {
  const [row] = await db
    .insert(reminderWebhooks)
    .values(values)
    .onConflictDoUpdate({
      target: reminderWebhooks.regionCode,
      set: {
        kind: values.kind,
        url: values.url,
        secret: values.secret,
        enabled: values.enabled,
        updatedBy: values.updatedBy,
        updatedAt: values.updatedAt,
        version: sql`${reminderWebhooks.version} + 1`,
      },
    })
    .returning();
  return row!;
}

export async function deleteWebhook(db: Tx, regionCode: string): Promise<boolean> {
  const rows = await db
    .delete(reminderWebhooks)
    .where(eq(reminderWebhooks.regionCode, regionCode))
    .returning({ regionCode: reminderWebhooks.regionCode });
  return rows.length > 0;
}

export async function insertDeliveries(
  db: Tx,
  rows: readonly Omit<DeliveryRow, 'id' | 'status' | 'httpStatus' | 'error' | 'finishedAt'>[],
): Promise<DeliveryRow[]> {
  if (rows.length === 0) return [];
  return db
    .insert(reminderDeliveries)
    .values([...rows])
    .returning();
}

export async function finishDelivery(
  db: Tx,
  id: number,
  result: { status: 'sent' | 'failed'; httpStatus: number | null; error: string | null; finishedAt: Date },
): Promise<void> {
  await db.update(reminderDeliveries).set(result).where(eq(reminderDeliveries.id, id));
}

/** The latest deliveries, newest first (of one region, or of all). */
export function recentDeliveries(
  db: Tx,
  filter: { regionCode?: string; limit: number },
): Promise<DeliveryRow[]> {
  return db
    .select()
    .from(reminderDeliveries)
    .where(filter.regionCode ? eq(reminderDeliveries.regionCode, filter.regionCode) : undefined)
    .orderBy(desc(reminderDeliveries.id))
    .limit(filter.limit);
}
