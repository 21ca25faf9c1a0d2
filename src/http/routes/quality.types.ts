import { z } from 'zod';
import { QUALITY_CHECKS, type QualityCheck } from '../../domain/data-quality';
import { ZRegionCode } from '../schema/common';
import { zExportQuery } from '../table-export';

export const ZQualityQuery = z
  .object({
    region: ZRegionCode,
    period: z.string().regex(/^\d{4}(-\d{1,2}|[Qq][1-4])?$/),
    /** all: January to the period's last month (default); last: that month's reports only. */
    months: z.enum(['all', 'last']).default('all'),
  })
  .strict();

/** A province's findings run to thousands: the answer lists this many (all are counted). */
/** The findings as Excel: the same query, the screen's severity filter, the headers' language. */
export const ZQualityExportQuery = zExportQuery(ZQualityQuery).extend({
  severity: z.enum(['error', 'warning']).optional().describe('只导出错误或提示（界面的筛选）'),
});

export const QUALITY_FINDINGS_LISTED = 1000;

export const ZQualityFinding = z.object({
  check: z.enum(QUALITY_CHECKS as [QualityCheck, ...QualityCheck[]]),
  severity: z.enum(['error', 'warning']),
  projectCode: z.string(),
  year: z.number().int(),
  month: z.number().int(),
  message: z.string().describe('the fact, in Chinese, with its figures (amounts in 万元)'),
  fix: z.string().describe('the fix to make, in Chinese'),
  figures: z
    .record(z.string(), z.union([z.string(), z.number()]))
    .describe('amounts as 元 decimal strings; months and counts as numbers'),
  reportId: z.number().int(),
  projectId: z.number().int(),
  projectName: z.string(),
  regionCode: z.string(),
});

const ZCounts = z.object({
  reports: z.number().int(),
  clean: z.number().int(),
  errors: z.number().int(),
  warnings: z.number().int(),
});
const ZMetrics = z.object({
  'reports.qualityFindings': z.number().int(),
  'reports.cleanRate': z.number().nullable(),
});
const ZRegion = z.object({ code: z.string(), name: z.string(), kind: z.string() });

export const ZQuality = z.object({
  region: ZRegion,
  period: z.string(),
  months: z.enum(['all', 'last']),
  thresholds: z.object({ jumpFactor: z.number(), jumpFloorWan: z.number(), copiedMonths: z.number() }),
  counts: ZCounts,
  metrics: ZMetrics,
  byCheck: z.record(z.string(), z.number().int()),
  findings: z
    .array(ZQualityFinding)
    .describe('the first 1000: latest month first, errors first, by project code'),
  /** How many findings there are in all (findings lists at most 1000). */
  findingsTotal: z.number().int(),
  units: z.array(z.object({ region: ZRegion, counts: ZCounts, metrics: ZMetrics })),
});

export const ZReportQuality = z.object({ findings: z.array(ZQualityFinding) });

/** A reports import's findings (warnings: the file is not rejected for them). */
export const ZImportQuality = z.object({
  errors: z.number().int(),
  warnings: z.number().int(),
  findings: z.array(ZQualityFinding).describe('the first 200'),
});
