import { z } from 'zod';
import { ROBOT_KINDS } from '../../domain/reminder-text';
import { ZRegionCode } from '../schema/common';

export const ZRegionParams = z.object({ region: ZRegionCode });

export const ZRobotBody = z
  .object({
    kind: z.enum(ROBOT_KINDS).describe('wecom 企业微信群机器人；dingtalk 钉钉自定义机器人'),
    url: z
      .string()
      .max(1000)
      .url()
      .refine((u) => /^https?:\/\//i.test(u), '只支持 http(s) 地址')
      .optional()
      .describe('机器人的 Webhook 地址（含 key 或 access_token）；修改已有机器人时不传则保留原地址'),
    secret: z
      .string()
      .max(200)
      .nullable()
      .optional()
      .describe('钉钉“加签”密钥；不传则保留原值，null 或空串为不加签。从不返回'),
    enabled: z.boolean().default(true),
  })
  .strict();

export const ZRobot = z.object({
  regionCode: z.string(),
  regionName: z.string(),
  kind: z.enum(ROBOT_KINDS),
  url: z.string().describe('地址（密钥部分隐去，只显示末 4 位）'),
  hasSecret: z.boolean(),
  enabled: z.boolean(),
  version: z.number().int(),
  updatedBy: z.string(),
  updatedAt: z.string(),
});

export const ZDelivery = z.object({
  id: z.number().int(),
  regionCode: z.string(),
  regionName: z.string(),
  kind: z.string(),
  period: z.string(),
  reports: z.number().int(),
  content: z.string(),
  status: z.enum(['pending', 'sent', 'failed']),
  httpStatus: z.number().int().nullable(),
  error: z.string().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});

export const ZRobotList = z.object({
  items: z.array(ZRobot),
  deliveries: z.array(ZDelivery).describe('最近 50 次发送（新的在前）'),
});

export const ZReminderRunBody = z
  .object({
    dryRun: z.boolean().default(false).describe('true：只统计将提醒的月报、消息与机器人，不写入不发送'),
  })
  .strict();

export const ZReminderRun = z.object({
  period: z.object({
    year: z.number().int(),
    month: z.number().int(),
    id: z.string(),
    deadline: z.string(),
    daysLeft: z.number().int(),
  }),
  due: z.boolean().describe('今天在提醒日内（且提醒已开启）'),
  enabled: z.boolean(),
  daysBefore: z.number().int(),
  dryRun: z.boolean(),
  reports: z.number().int().describe('本次提醒的月报数（每份月报每期只提醒一次）'),
  messages: z.number().int(),
  deliveries: z.array(
    z.object({
      regionCode: z.string(),
      regionName: z.string(),
      kind: z.enum(ROBOT_KINDS),
      reports: z.number().int(),
      status: z.enum(['pending', 'sent', 'failed', 'planned']),
      httpStatus: z.number().int().nullable(),
      error: z.string().nullable(),
    }),
  ),
});
