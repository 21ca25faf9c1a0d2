import { z } from 'zod';
import { ZRegionCode } from '../schema/common';

export const ZWarningsQuery = z
  .object({
    region: ZRegionCode,
    period: z.string().regex(/^\d{4}(-\d{1,2}|[Qq][1-4])?$/),
    list: z.union([z.string().max(40), z.array(z.string().max(40)).max(10)]).optional(),
    level: z.enum(['red', 'yellow']).optional(),
  })
  .strict();

const ZRegion = z.object({ code: z.string(), name: z.string(), kind: z.string() });
const ZLevel = z.enum(['red', 'yellow', 'green']);
const ZAlert = z.object({
  kind: z.enum(['behind_time', 'not_started', 'no_report', 'issue_overdue', 'region_behind']),
  level: z.enum(['red', 'yellow']),
  value: z.number().describe('percentage points (negative: behind) or days'),
  threshold: z.number(),
  message: z.string(),
});

export const ZWarnings = z.object({
  region: ZRegion,
  period: z.string(),
  lists: z.array(z.string()),
  thresholds: z.object({
    behindRed: z.number(),
    behindYellow: z.number(),
    notStartedRedDays: z.number(),
    issueDays: z.number(),
  }),
  provinceRate: z.number().nullable(),
  counts: z.object({ red: z.number(), yellow: z.number(), green: z.number() }),
  projects: z.array(
    z.object({
      id: z.number(),
      code: z.string(),
      name: z.string(),
      region: ZRegion,
      level: ZLevel,
      alerts: z.array(ZAlert),
    }),
  ),
  units: z.array(
    z.object({ region: ZRegion, investRate: z.number().nullable(), level: ZLevel, alerts: z.array(ZAlert) }),
  ),
});
