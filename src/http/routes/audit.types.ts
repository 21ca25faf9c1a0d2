import { z } from 'zod';
import { zPage, zPageQuery } from '../schema/common';

const filters = {
  from: z.string().datetime({ offset: true }).optional(),
  to: z.string().datetime({ offset: true }).optional(),
  actor: z.string().max(64).optional(),
  action: z.string().max(64).optional(),
  outcome: z.enum(['ok', 'denied', 'failed', 'rejected']).optional(),
  targetType: z.string().max(40).optional(),
  targetId: z.string().max(200).optional(),
};

export const ZAuditQuery = zPageQuery(['id']).extend(filters).strict();
export const ZAuditExportQuery = z
  .object({
    ...filters,
    format: z
      .enum(['csv', 'xlsx'])
      .default('csv')
      .describe(
        'csv：原始字段（UTF-8 BOM）；xlsx：北京时间、中文的操作、对象、结果与逐字段变更，并保留原始 JSON',
      ),
  })
  .strict();

export const ZAuditRow = z.object({
  id: z.number().int(),
  at: z.string(),
  actor: z.string(),
  ip: z.string().nullable(),
  action: z.string(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  outcome: z.string(),
  before: z.unknown().describe('变更前（原始 JSON）'),
  after: z.unknown().describe('变更后（原始 JSON）'),
  details: z.unknown(),
  actionLabel: z.string().describe('操作（中文）；未登记的操作为其代码'),
  actionLabelEn: z.string(),
  targetTypeLabel: z.string().nullable().describe('对象类型（中文）'),
  targetTypeLabelEn: z.string().nullable(),
  outcomeLabel: z.string().describe('结果：成功、拒绝、失败、驳回'),
  targetLabel: z.string().nullable().describe('对象（地区写名称，如 孟津县（410322））'),
  changes: z
    .array(
      z.object({
        field: z.string(),
        label: z.string(),
        labelEn: z.string(),
        before: z
          .string()
          .describe('变更前，按字段格式显示：金额为万元（精确），是/否，地区与角色为名称，无为 —'),
        after: z.string(),
      }),
    )
    .describe('逐字段的变更：新建为其全部字段，删除为删除前的全部字段；版次与时间戳不列'),
});
export const ZAuditList = zPage(ZAuditRow);

const ZChoice = z.object({ value: z.string(), zh: z.string(), en: z.string() });
export const ZAuditChoices = z.object({
  actions: z.array(ZChoice).describe('操作；以 . 结尾的为一类（如 auth. 为登录与认证的全部操作）'),
  objects: z.array(ZChoice).describe('对象类型（targetType）'),
  outcomes: z.array(ZChoice),
  actors: z
    .array(z.string())
    .describe('最近 50,000 条日志中出现过的用户（最近的在前，最多 500 个）；更早的用户可直接输入'),
});
