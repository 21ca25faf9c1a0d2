import { z } from 'zod';
import { ZApproval } from '../presenters/ledgers';
import { ZBoolQuery, ZDate, ZRegionCode, ZVersion, zPage, zPageQuery } from '../schema/common';

export const ZApprovalQuery = zPageQuery(['projectCode', 'itemName', 'dueDate', 'doneDate'])
  .extend({
    region: ZRegionCode.optional(),
    projectId: z.coerce.number().int().min(1).optional(),
    done: ZBoolQuery.optional(),
  })
  .strict();

const text = (max: number) => z.string().trim().max(max).nullable();

export const ZApprovalCreate = z
  .object({
    projectId: z.number().int().min(1),
    itemName: z.string().trim().min(1).max(200),
    department: text(200).default(null),
    dueDate: ZDate.nullable().default(null),
    submittedDate: ZDate.nullable().default(null),
    doneDate: ZDate.nullable().default(null),
  })
  .strict();
export const ZApprovalPatch = z
  .object({
    version: ZVersion,
    itemName: z.string().trim().min(1).max(200),
    department: text(200),
    dueDate: ZDate.nullable(),
    submittedDate: ZDate.nullable(),
    doneDate: ZDate.nullable(),
  })
  .partial()
  .required({ version: true })
  .strict();
export const ZApprovalList = zPage(ZApproval);
export { ZApproval };
