import { z } from 'zod';
import { UNIT_SORTS } from '../../domain/tables/dashboard-units';
import { ZMoneyOut, ZRegionCode } from '../schema/common';
import { zExportQuery } from '../table-export';

export const ZStatsQuery = z
  .object({
    region: ZRegionCode,
    period: z.string().regex(/^\d{4}(-\d{1,2}|[Qq][1-4])?$/),
    list: z.union([z.string().max(40), z.array(z.string().max(40)).max(10)]).optional(),
  })
  .strict();

/** The dashboard's units table as Excel: the dashboard's query, the screen's sort and language. */
export const ZDashboardUnitsExportQuery = zExportQuery(ZStatsQuery).extend({
  sort: z.enum(UNIT_SORTS).optional().describe('表格的排序（如 -gap）；缺省为按投资完成率排名'),
});

/** Amounts in 元 (a number, or a decimal string past 2^53); rates as fractions; null when undefined. */
export const ZMetrics = z.record(z.union([z.number(), z.string(), z.null()]));
export const ZRegionRef = z.object({ code: z.string(), name: z.string(), kind: z.string() });

export const ZStats = z.object({
  region: ZRegionRef,
  period: z.string(),
  lists: z.array(z.string()),
  metrics: ZMetrics,
});

export const ZRankEntry = z.object({
  evaluationId: z.number(),
  schemeId: z.string(),
  period: z.string().describe('"2020Q3", "2020-09" or "2020"'),
  group: z.string(),
  rank: z.number(),
  groupSize: z.number(),
  total: z.number(),
});

export const ZDashboard = z.object({
  region: ZRegionRef,
  period: z.string(),
  lists: z.array(z.string()),
  metrics: ZMetrics,
  monthly: z.array(
    z.object({
      month: z.number(),
      investYtd: ZMoneyOut.describe('元, carried forward from the latest approved report'),
      planToDate: ZMoneyOut.describe('元: the annual target × month / 12'),
    }),
  ),
  children: z.array(z.object({ region: ZRegionRef, metrics: ZMetrics, gap: z.number().nullable() })),
  lagging: z.array(z.string()).describe('codes of children behind time progress, furthest first'),
  rankHistory: z.array(ZRankEntry),
});
