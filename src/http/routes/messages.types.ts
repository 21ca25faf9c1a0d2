import { z } from 'zod';
import { ZBoolQuery, zPage, zPageQuery } from '../schema/common';

export const ZMessagesQuery = zPageQuery(['id'])
  .extend({ unread: ZBoolQuery.optional().describe('true：只列未读') })
  .strict();

export const ZMessage = z.object({
  id: z.number().int(),
  kind: z.string().describe('report.reminder：报送提醒'),
  title: z.string(),
  body: z.string(),
  link: z.string().nullable().describe('网页路径，如 /reports/fill?project=12&year=2020&month=9'),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});

export const ZMessageList = zPage(ZMessage).extend({
  unread: z.number().int().describe('未读条数（菜单角标）'),
});
export const ZMessageRead = z.object({ message: ZMessage, unread: z.number().int() });
export const ZMessagesReadAll = z.object({ marked: z.number().int() });
