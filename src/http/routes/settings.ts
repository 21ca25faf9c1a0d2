// Settings: report deadline and lock (系统管理员), password, lockout and session policies (安全管理员).
import type { FastifyInstance } from 'fastify';
import type { Actor } from '../../policies/actor';
import { authorize, authorizeRole, can } from '../../policies/authorize';
import {
  loadSettings,
  SETTING_KEYS,
  SETTINGS,
  type Settings,
  settingGroups,
  updateSettings,
} from '../../services/settings';
import { type AppDeps, actorOfRequest, auditContext } from '../request-auth';
import type { ZodTypeProvider } from '../schema/zod-provider';
import { ZSettingsPatch, ZSettingsView } from './settings.types';

const actionOf = (group: 'report' | 'security') =>
  group === 'report' ? 'settings.report' : 'settings.security';

function present(actor: Actor, values: Settings) {
  return {
    items: SETTING_KEYS.map((key) => ({
      key,
      group: SETTINGS[key].group,
      label: SETTINGS[key].label,
      value: values[key],
      default: SETTINGS[key].fallback,
      editable: can(actor, actionOf(SETTINGS[key].group), null),
    })),
  };
}

export function settingsRoutes(root: FastifyInstance, deps: AppDeps): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['settings'];

  app.get(
    '/api/settings',
    { schema: { summary: '系统设置', tags, response: { 200: ZSettingsView } } },
    async (request) => {
      const actor = actorOfRequest(request);
      authorizeRole(actor, 'settings.read');
      return present(actor, await loadSettings(deps.database.db));
    },
  );

  app.patch(
    '/api/settings',
    {
      schema: {
        summary: '修改设置（各组由其管理员修改）',
        tags,
        body: ZSettingsPatch,
        response: { 200: ZSettingsView },
      },
    },
    async (request) => {
      const actor = actorOfRequest(request);
      authorizeRole(actor, 'settings.read');
      for (const group of settingGroups(request.body)) authorize(actor, actionOf(group), null);
      const values = await updateSettings(deps.database, auditContext(request, deps), request.body);
      return present(actor, values);
    },
  );
}
