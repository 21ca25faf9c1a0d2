import { z } from 'zod';

const ZPeriod = z.object({
  year: z.number().int(),
  month: z.number().int(),
  id: z.string().describe('月份，如 2020-09'),
  deadline: z.string().describe('报送截止日（北京时间），如 2020-10-05；过后锁定'),
  daysLeft: z.number().int().describe('距截止日天数：截止当天为 0，已过为负'),
  title: z.string().describe('如 2020年9月'),
});

const ZTodoProject = z.object({
  projectId: z.number().int(),
  code: z.string(),
  name: z.string(),
  reportId: z.number().int().nullable().describe('该月月报；尚未填写为 null'),
  state: z.enum(['draft', 'returned']).nullable(),
  period: z.string(),
  reason: z.string().nullable().optional().describe('退回理由'),
  link: z.string().describe('网页路径：该项目该月的填报页'),
});

export const ZTodoItem = z.object({
  kind: z
    .enum([
      'report_due',
      'report_returned',
      'review_queue',
      'entries_review',
      'overdue_units',
      'overdue_projects',
      'robot_failures',
    ])
    .describe(
      'report_due 本期待填报；report_returned 退回待修改；review_queue 待审核月报；entries_review 待审核加分/扣分；overdue_units 逾期未报齐的下级单位；overdue_projects 本县逾期未报的项目；robot_failures 群机器人发送失败',
    ),
  title: z.string(),
  count: z.number().int(),
  link: z.string().describe('网页路径'),
  period: z.string().nullable(),
  deadline: z.string().nullable(),
  daysLeft: z.number().int().nullable(),
  overdue: z.boolean(),
  projects: z
    .array(ZTodoProject)
    .optional()
    .describe('逐个项目（最多 500 个；count 为准确总数），可用于“下一个项目”'),
  units: z
    .array(
      z.object({
        code: z.string(),
        name: z.string(),
        projects: z.number().int(),
        missing: z.number().int(),
        link: z.string(),
      }),
    )
    .optional(),
  months: z.array(z.object({ period: z.string(), count: z.number().int(), link: z.string() })).optional(),
});

export const ZTodoList = z.object({
  period: ZPeriod.describe('本期：正在报送的月份（截止日前为上月，之后为本月）'),
  overduePeriod: ZPeriod.describe('上一期：截止日已过，未报即逾期'),
  items: z.array(ZTodoItem),
  counts: z
    .object({
      todos: z.number().int(),
      fill: z.number().int(),
      review: z.number().int(),
      entries: z.number().int(),
      overdue: z.number().int(),
      messages: z.number().int(),
    })
    .describe('菜单角标：待办合计、填报、审核、加分/扣分、逾期、未读消息'),
});
