import { z } from 'zod';
import { SETTINGS } from '../../services/settings';

const S = SETTINGS;
/** Every setting optional: send only what changes. */
export const ZSettingsPatch = z
  .object({
    'report.deadlineDay': S['report.deadlineDay'].schema,
    'report.lockAfterDeadline': S['report.lockAfterDeadline'].schema,
    'alert.behindRed': S['alert.behindRed'].schema,
    'alert.behindYellow': S['alert.behindYellow'].schema,
    'alert.notStartedRedDays': S['alert.notStartedRedDays'].schema,
    'alert.issueDays': S['alert.issueDays'].schema,
    'quality.jumpFactor': S['quality.jumpFactor'].schema,
    'quality.jumpFloorWan': S['quality.jumpFloorWan'].schema,
    'quality.copiedMonths': S['quality.copiedMonths'].schema,
    'reminder.enabled': S['reminder.enabled'].schema,
    'reminder.daysBefore': S['reminder.daysBefore'].schema,
    'password.minLength': S['password.minLength'].schema,
    'password.maxAgeDays': S['password.maxAgeDays'].schema,
    'login.maxFailures': S['login.maxFailures'].schema,
    'login.lockMinutes': S['login.lockMinutes'].schema,
    'session.idleMinutes': S['session.idleMinutes'].schema,
    'session.absoluteHours': S['session.absoluteHours'].schema,
    'session.secureCookie': S['session.secureCookie'].schema,
  })
  .partial()
  .strict();

export const ZSettingsView = z.object({
  items: z.array(
    z.object({
      key: z.string(),
      group: z.enum(['report', 'security']),
      label: z.string(),
      value: z.union([z.number(), z.boolean()]),
      default: z.union([z.number(), z.boolean()]),
      /** The caller may change it (report settings: 系统管理员; security policies: 安全管理员). */
      editable: z.boolean(),
    }),
  ),
});
