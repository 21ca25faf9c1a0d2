// The regions' group robots (企业微信 / 钉钉) that reminders are posted to, as the system administrator
// sets them. The URL (it carries the robot's key) is shown masked and the 加签 secret never: neither
// goes into an answer or the audit log.
import { writeAudit } from '../db/audit';
import type { Database } from '../db/client';
import {
  type DeliveryRow,
  deleteWebhook,
  findWebhook,
  listWebhooks,
  recentDeliveries,
  upsertWebhook,
  type WebhookRow,
} from '../db/reminders';
import type { RobotKind } from '../domain/reminder-text';
import { requireRegion } from './compute-stats';
import type { AuditContext } from './context';
import { InputRejectedError, NotFoundError } from './errors';
import { regionTree } from './region-tree';
import { maskUrl } from './robot-webhook';

export interface WebhookView {
  regionCode: string;
  regionName: string;
  kind: RobotKind;
  /** Masked: the key in the query string shows its last 4 characters only. */
  url: string;
  hasSecret: boolean;
  enabled: boolean;
  version: number;
  updatedBy: string;
  updatedAt: Date;
}

export interface DeliveryView {
  id: number;
  regionCode: string;
  regionName: string;
  kind: string;
  period: string;
  reports: number;
  content: string;
  status: string;
  httpStatus: number | null;
  error: string | null;
  createdAt: Date;
  finishedAt: Date | null;
}

const nameOf = (names: Map<string, string>, code: string) => names.get(code) ?? code;

function view(row: WebhookRow, names: Map<string, string>): WebhookView {
  return {
    regionCode: row.regionCode,
    regionName: nameOf(names, row.regionCode),
    kind: row.kind as RobotKind,
    url: maskUrl(row.url),
    hasSecret: row.secret !== null && row.secret !== '',
    enabled: row.enabled,
    version: row.version,
    updatedBy: row.updatedBy,
    updatedAt: row.updatedAt,
  };
}

const deliveryView = (row: DeliveryRow, names: Map<string, string>): DeliveryView => ({
  id: row.id,
  regionCode: row.regionCode,
  regionName: nameOf(names, row.regionCode),
  kind: row.kind,
  period: `${row.year}-${String(row.month).padStart(2, '0')}`,
  reports: row.reports,
  content: row.content,
  status: row.status,
  httpStatus: row.httpStatus,
  error: row.error,
  createdAt: row.createdAt,
  finishedAt: row.finishedAt,
});

async function regionNames(database: Database): Promise<Map<string, string>> {
  return new Map((await regionTree(database)).map((r) => [r.code, r.name]));
}

/** Every region's robot, and the latest deliveries (newest first). */
export async function listRobotSettings(
  database: Database,
): Promise<{ items: WebhookView[]; deliveries: DeliveryView[] }> {
  const names = await regionNames(database);
  const [hooks, deliveries] = [
    await listWebhooks(database.db),
    await recentDeliveries(database.db, { limit: 50 }),
  ];
  return {
    items: hooks.map((row) => view(row, names)),
    deliveries: deliveries.map((row) => deliveryView(row, names)),
  };
}

/** What the audit log keeps of a robot: never the secret, the URL masked. */
const audited = (row: WebhookRow | undefined) =>
  row && { kind: row.kind, url: maskUrl(row.url), hasSecret: Boolean(row.secret), enabled: row.enabled };

export async function saveRobot(
  database: Database,
  ctx: AuditContext,
  input: {
    regionCode: string;
    kind: RobotKind;
    /** undefined: keep the stored one (the answers only ever show it masked); required for a new robot. */
    url?: string;
    /** undefined: keep the stored one; null or "": none. */
    secret?: string | null;
    enabled: boolean;
  },
): Promise<WebhookView> {
  const region = requireRegion(await regionTree(database), input.regionCode);
  const row = await database.db.transaction(async (tx) => {
    const before = await findWebhook(tx, region.code);
    const secret = input.secret === undefined ? (before?.secret ?? null) : input.secret || null;
    const url = input.url ?? before?.url;
    if (!url)
      throw new InputRejectedError(`${region.name} 还没有群机器人，请填写 Webhook 地址`, [
        {
          file: '群机器人设置',
          row: null,
          column: 'url',
          value: null,
          reason: '新的群机器人须填写 Webhook 地址',
        },
      ]);
    const saved = await upsertWebhook(tx, {
      regionCode: region.code,
      kind: input.kind,
      url,
      secret,
      enabled: input.enabled,
      updatedBy: ctx.actor,
      updatedAt: ctx.now,
    });
    await writeAudit(tx, {
      actor: ctx.actor,
      ip: ctx.ip,
      action: 'reminder_webhook.update',
      targetType: 'reminder_webhook',
      targetId: region.code,
      outcome: 'ok',
      before: audited(before),
      after: audited(saved),
    });
    return saved;
  });
  return view(row, await regionNames(database));
}

export async function removeRobot(database: Database, ctx: AuditContext, regionCode: string): Promise<void> {
  await database.db.transaction(async (tx) => {
    const before = await findWebhook(tx, regionCode);
    if (!before || !(await deleteWebhook(tx, regionCode))) throw new NotFoundError('该地区未设置群机器人');
    await writeAudit(tx, {
      actor: ctx.actor,
      ip: ctx.ip,
      action: 'reminder_webhook.delete',
      targetType: 'reminder_webhook',
      targetId: regionCode,
      outcome: 'ok',
      before: audited(before),
    });
  });
}
