// 报送提醒: the regions' group robots (企业微信 / 钉钉) the system administrator sets (both
// administrators read them), and running the reminders now (the server's timer and `sibi remind` do
// it on their own).
import type { FastifyInstance } from 'fastify';
import { authorize, authorizeRole } from '../../policies/authorize';
import {
  type DeliveryView,
  listRobotSettings,
  removeRobot,
  saveRobot,
} from '../../services/reminder-webhooks';
import { runReminders } from '../../services/reminders';
import { type AppDeps, actorOfRequest, auditContext } from '../request-auth';
import type { ZodTypeProvider } from '../schema/zod-provider';
import {
  ZRegionParams,
  ZReminderRun,
  ZReminderRunBody,
  ZRobot,
  ZRobotBody,
  ZRobotList,
} from './reminders.types';

const stamp = <T extends { updatedAt: Date }>(row: T) => ({ ...row, updatedAt: row.updatedAt.toISOString() });
const presentDelivery = (d: DeliveryView) => ({
  ...d,
  status: d.status as 'pending' | 'sent' | 'failed',
  createdAt: d.createdAt.toISOString(),
  finishedAt: d.finishedAt?.toISOString() ?? null,
});

export function reminderRoutes(root: FastifyInstance, deps: AppDeps): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['reminders'];

  app.get(
    '/api/reminder-webhooks',
    {
      schema: {
        summary: '报送提醒的群机器人（各地区一个）与最近的发送记录',
        tags,
        response: { 200: ZRobotList },
      },
    },
    async (request) => {
      authorizeRole(actorOfRequest(request), 'settings.read');
      const { items, deliveries } = await listRobotSettings(deps.database);
      return { items: items.map(stamp), deliveries: deliveries.map(presentDelivery) };
    },
  );

  app.put(
    '/api/reminder-webhooks/:region',
    {
      schema: {
        summary: '设置地区的群机器人（系统管理员）：企业微信或钉钉，地址，钉钉加签密钥',
        tags,
        params: ZRegionParams,
        body: ZRobotBody,
        response: { 200: ZRobot },
      },
    },
    async (request) => {
      authorize(actorOfRequest(request), 'settings.report', null);
      const saved = await saveRobot(deps.database, auditContext(request, deps), {
        regionCode: request.params.region,
        ...request.body,
      });
      return stamp(saved);
    },
  );

  app.delete(
    '/api/reminder-webhooks/:region',
    {
      schema: { summary: '删除地区的群机器人（系统管理员）', tags, params: ZRegionParams },
    },
    async (request, reply) => {
      authorize(actorOfRequest(request), 'settings.report', null);
      await removeRobot(deps.database, auditContext(request, deps), request.params.region);
      return reply.status(204).send();
    },
  );

  app.post(
    '/api/reminders/run',
    {
      schema: {
        summary: '立即发送到期的报送提醒（系统管理员；只发尚未提醒过的月报，可先 dryRun 预览）',
        tags,
        body: ZReminderRunBody,
        response: { 200: ZReminderRun },
      },
    },
    async (request) => {
      authorize(actorOfRequest(request), 'settings.report', null);
      const ctx = auditContext(request, deps);
      return runReminders(deps.database, { now: ctx.now, dryRun: request.body.dryRun, actor: ctx.actor });
    },
  );
}
