import { z } from 'zod';
import { REPORT_FIELDS, REPORT_STATES } from '../../domain/report-workflow';
import { ZProject } from '../presenters/project';
import { ZReport } from '../presenters/report';
import {
  ZBoolQuery,
  ZDate,
  ZMoney,
  ZMoneyOut,
  ZMonth,
  ZRegionCode,
  ZVersion,
  ZYear,
  zPage,
  zPageQuery,
} from '../schema/common';
import { ZAfter, zListPage } from '../schema/cursor';
import { zExportQuery } from '../table-export';

export const ZReportQuery = zPageQuery(['projectCode', 'year', 'month', 'state', 'investYtd', 'updatedAt'])
  .extend({
    region: ZRegionCode.optional(),
    projectId: z.coerce.number().int().min(1).optional(),
    year: ZYear.optional(),
    month: ZMonth.optional(),
    state: z.enum(REPORT_STATES).optional(),
    late: ZBoolQuery.optional(),
    after: ZAfter.optional(),
  })
  .strict();

/**
 * GET /api/reports/export: the list's filters and sort, all pages, headers in `lang`; `view` the
 * page's columns (月报审核 or 报送情况).
 */
export const ZReportExportQuery = zExportQuery(ZReportQuery).extend({
  view: z
    .enum(['review', 'overview'])
    .default('review')
    .describe('列：月报审核（review）或报送情况（overview）'),
});

const note = z.string().trim().max(4000).nullable();
const values = {
  investYtd: ZMoney,
  started: z.boolean(),
  startDate: ZDate.nullable(),
  completed: z.boolean(),
  completionDate: ZDate.nullable(),
  progressNote: note,
  problems: note,
};

export const ZReportCreate = z
  .object({
    projectId: z.number().int().min(1),
    year: z.number().int().min(2000).max(2100),
    month: z.number().int().min(1).max(12),
    ...values,
    started: values.started.default(false),
    completed: values.completed.default(false),
    startDate: values.startDate.default(null),
    completionDate: values.completionDate.default(null),
    progressNote: note.default(null),
    problems: note.default(null),
  })
  .strict();

export const ZReportPatch = z
  .object({
    version: ZVersion,
    ...values,
    /** Required for a correction: after the deadline lock, or of a submitted or approved report. */
    reason: z.string().trim().min(2).max(500).optional(),
  })
  .partial()
  .required({ version: true })
  .strict();

export const ZTransitionBody = z.object({ version: ZVersion }).strict();
export const ZReturnBody = z
  .object({ version: ZVersion, reason: z.string().trim().min(2).max(500) })
  .strict();

export const ZReportList = zListPage(ZReport);

/** 批量审核: the reports of a page as shown (id and version), approved or returned with one reason. */
export const ZReviewBody = z
  .object({
    action: z.enum(['approve', 'return']),
    reason: z.string().trim().min(2).max(500).optional(),
    items: z
      .array(z.object({ id: z.number().int().min(1), version: ZVersion }).strict())
      .min(1)
      .max(200),
  })
  .strict()
  .superRefine((body, ctx) => {
    if (body.action === 'return' && body.reason === undefined)
      ctx.addIssue({ code: 'custom', path: ['reason'], message: '退回须填写原因' });
    if (body.action === 'approve' && body.reason !== undefined)
      ctx.addIssue({ code: 'custom', path: ['reason'], message: '审核通过不填原因' });
    if (new Set(body.items.map((i) => i.id)).size !== body.items.length)
      ctx.addIssue({ code: 'custom', path: ['items'], message: '同一份月报列了两次' });
  });
export const ZReviewResult = z.object({ count: z.number().int(), items: z.array(ZReport) });

export const ZFormQuery = z.object({ year: ZYear, month: ZMonth }).strict();
const ZField = z.enum(REPORT_FIELDS);
export const ZReportForm = z.object({
  project: ZProject,
  year: z.number().int(),
  month: z.number().int(),
  /** The stored report, or null when the form is new. */
  report: ZReport.nullable(),
  values: z.object({
    investYtd: ZMoneyOut,
    started: z.boolean(),
    startDate: z.string().nullable(),
    completed: z.boolean(),
    completionDate: z.string().nullable(),
    progressNote: z.string().nullable(),
    problems: z.string().nullable(),
  }),
  /** Prefilled from the previous report; text among them should be reviewed before submitting. */
  carried: z.array(ZField),
  /** Same value as last month. */
  unchanged: z.array(ZField),
  previous: z
    .object({ year: z.number().int(), month: z.number().int(), investYtd: ZMoneyOut, state: z.string() })
    .nullable(),
  deadline: z.string(),
  locked: z.boolean(),
});
export { ZReport };

export const ZMissingQuery = zPageQuery(['projectCode'])
  .extend({
    region: ZRegionCode.optional(),
    year: ZYear,
    month: ZMonth,
    list: z.union([z.string().max(40), z.array(z.string().max(40)).max(10)]).optional(),
  })
  .strict();

/** GET /api/reports/missing/export: the 漏报 list's query, all pages, headers in `lang`. */
export const ZMissingExportQuery = zExportQuery(ZMissingQuery);

export const ZMissingList = zPage(
  z.object({
    projectId: z.number(),
    projectCode: z.string(),
    projectName: z.string(),
    regionCode: z.string(),
    leader: z.string().nullable(),
    hasDraft: z.boolean(),
    lastMonth: z.number().nullable(),
  }),
);
