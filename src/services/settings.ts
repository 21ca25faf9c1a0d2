// The settings an administrator may change, with their defaults and bounds. Report settings
// belong to the system administrator; security policies to the security administrator.
import { z } from 'zod';
import { writeAudit } from '../db/audit';
import type { Database } from '../db/client';
import type { Tx } from '../db/query';
import { readSettingRows, writeSettingRows } from '../db/settings-store';
import { DEFAULT_ALERT_THRESHOLDS as ALERT, type AlertThresholds } from '../domain/alerts';
import { DEFAULT_QUALITY_THRESHOLDS as QUALITY, type QualityThresholds } from '../domain/data-quality';
import { DEFAULT_DEADLINE_DAY } from '../domain/reporting';
import type { AuditContext } from './context';

interface SettingSpec<T> {
  group: 'report' | 'security';
  label: string;
  schema: z.ZodType<T>;
  fallback: T;
}

const spec = <T>(
  group: SettingSpec<T>['group'],
  label: string,
  schema: z.ZodType<T>,
  fallback: T,
): SettingSpec<T> => ({
  group,
  label,
  schema,
  fallback,
});

export const SETTINGS = {
  'report.deadlineDay': spec(
    'report',
    '月报截止日（次月几日）',
    z.number().int().min(1).max(31),
    DEFAULT_DEADLINE_DAY,
  ),
  'report.lockAfterDeadline': spec('report', '截止后锁定月报', z.boolean(), true),
  // 红黄绿灯 thresholds belong with the report settings: the system administrator sets them.
  'alert.behindRed': spec(
    'report',
    '红灯：落后时序进度或全省平均超过（百分点）',
    z.number().min(0).max(100),
    ALERT.behindRed,
  ),
  'alert.behindYellow': spec(
    'report',
    '黄灯：落后时序进度或全省平均超过（百分点）',
    z.number().min(0).max(100),
    ALERT.behindYellow,
  ),
  'alert.notStartedRedDays': spec(
    'report',
    '逾期未开工超过几天亮红灯',
    z.number().int().min(0).max(366),
    ALERT.notStartedRedDays,
  ),
  'alert.issueDays': spec(
    'report',
    '问题超过几天未解决亮黄灯（两倍亮红灯）',
    z.number().int().min(1).max(366),
    ALERT.issueDays,
  ),
  // 数据质量检查 thresholds, set by the system administrator like the 红黄绿灯 ones.
  'quality.jumpFactor': spec(
    'report',
    '数据质量：月度投资是上月的几倍（或几分之一）视为突变',
    z.number().min(2).max(100_000),
    QUALITY.jumpFactor,
  ),
  'quality.jumpFloorWan': spec(
    'report',
    '数据质量：突变检查忽略上月新增低于（万元）',
    z.number().min(0).max(1_000_000),
    QUALITY.jumpFloorWan,
  ),
  'quality.copiedMonths': spec(
    'report',
    '数据质量：形象进度连续几个月相同视为照抄',
    z.number().int().min(2).max(12),
    QUALITY.copiedMonths,
  ),
  // 报送提醒 (issue #16 item 2): 站内消息, and the regions' group robots, before the deadline day.
  'reminder.enabled': spec('report', '截止前自动发送报送提醒（站内消息、群机器人）', z.boolean(), true),
  'reminder.daysBefore': spec(
    'report',
    '报送提醒：截止日前几天开始提醒（每份月报每期只提醒一次）',
    z.number().int().min(0).max(28),
    3,
  ),
  'password.minLength': spec('security', '密码最短长度', z.number().int().min(8).max(64), 8),
  'password.maxAgeDays': spec(
    'security',
    '密码有效期（天，0 为不限）',
    z.number().int().min(0).max(3650),
    90,
  ),
  'login.maxFailures': spec('security', '连续失败几次后锁定', z.number().int().min(3).max(1000), 5),
  'login.lockMinutes': spec('security', '锁定时长（分钟）', z.number().int().min(1).max(1440), 15),
  'session.idleMinutes': spec('security', '会话空闲超时（分钟）', z.number().int().min(1).max(480), 30),
  'session.absoluteHours': spec('security', '会话最长有效期（小时）', z.number().int().min(1).max(72), 12),
  'session.secureCookie': spec(
    'security',
    'Cookie 仅经 HTTPS 发送（部署在 TLS 之后时开启）',
    z.boolean(),
    false,
  ),
} as const;

export type SettingKey = keyof typeof SETTINGS;
export type Settings = {
  [K in SettingKey]: (typeof SETTINGS)[K]['fallback'] extends boolean ? boolean : number;
};
export const SETTING_KEYS = Object.keys(SETTINGS) as SettingKey[];

/** The 红黄绿灯 thresholds among the settings. */
export function alertThresholds(settings: Settings): AlertThresholds {
  return {
    behindRed: settings['alert.behindRed'],
    behindYellow: settings['alert.behindYellow'],
    notStartedRedDays: settings['alert.notStartedRedDays'],
    issueDays: settings['alert.issueDays'],
  };
}

/** The 数据质量检查 thresholds among the settings. */
export function qualityThresholds(settings: Settings): QualityThresholds {
  return {
    jumpFactor: settings['quality.jumpFactor'],
    jumpFloorWan: settings['quality.jumpFloorWan'],
    copiedMonths: settings['quality.copiedMonths'],
  };
}

export async function loadSettings(db: Tx): Promise<Settings> {
  const rows = await readSettingRows(db);
  const out: Record<string, unknown> = {};
  for (const key of SETTING_KEYS) {
    const parsed = SETTINGS[key].schema.safeParse(rows.get(key));
    out[key] = parsed.success ? parsed.data : SETTINGS[key].fallback;
  }
  return out as Settings;
}

/** Which group of settings a change touches; the route authorizes each group. */
export function settingGroups(patch: Partial<Settings>): Set<'report' | 'security'> {
  return new Set(Object.keys(patch).map((key) => SETTINGS[key as SettingKey].group));
}

export async function updateSettings(
  database: Database,
  ctx: AuditContext,
  patch: Partial<Settings>,
): Promise<Settings> {
  return database.db.transaction(async (tx) => {
    const before = await loadSettings(tx);
    const entries = Object.entries(patch).filter(([, value]) => value !== undefined) as [
      SettingKey,
      unknown,
    ][];
    await writeSettingRows(tx, entries);
    const after = await loadSettings(tx);
    await writeAudit(tx, {
      actor: ctx.actor,
      ip: ctx.ip,
      action: 'settings.update',
      targetType: 'settings',
      targetId: entries.map(([key]) => key).join(','),
      outcome: 'ok',
      before: Object.fromEntries(entries.map(([key]) => [key, before[key]])),
      after: Object.fromEntries(entries.map(([key]) => [key, after[key]])),
    });
    return after;
  });
}
