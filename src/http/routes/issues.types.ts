import { z } from 'zod';
import { ZIssue } from '../presenters/ledgers';
import { ZBoolQuery, ZDate, ZRegionCode, ZVersion, zPage, zPageQuery } from '../schema/common';

export const ZIssueQuery = zPageQuery(['projectCode', 'raisedDate', 'dueDate', 'resolvedDate'])
  .extend({
    region: ZRegionCode.optional(),
    projectId: z.coerce.number().int().min(1).optional(),
    resolved: ZBoolQuery.optional(),
    category: z.string().max(60).optional(),
  })
  .strict();

const text = (max: number) => z.string().trim().max(max).nullable();

export const ZIssueCreate = z
  .object({
    projectId: z.number().int().min(1),
    category: text(60).default(null),
    description: z.string().trim().min(1).max(2000),
    responsibleUnit: text(200).default(null),
    raisedDate: ZDate,
    dueDate: ZDate.nullable().default(null),
    resolvedDate: ZDate.nullable().default(null),
  })
  .strict();
export const ZIssuePatch = z
  .object({
    version: ZVersion,
    category: text(60),
    description: z.string().trim().min(1).max(2000),
    responsibleUnit: text(200),
    raisedDate: ZDate,
    dueDate: ZDate.nullable(),
    resolvedDate: ZDate.nullable(),
  })
  .partial()
  .required({ version: true })
  .strict();
export const ZIssueList = zPage(ZIssue);
export { ZIssue };
