import { z } from 'zod';
import { ZRegionCode } from '../schema/common';

export const ZPeriodsQuery = z.object({ region: ZRegionCode }).strict();

export const ZPeriods = z.object({
  region: z.object({ code: z.string(), name: z.string(), kind: z.string() }),
  month: z.string().nullable().describe('默认月份：已结束且有已报送月报的最近月份，如 2020-11'),
  quarter: z.string().nullable().describe('默认季度：末月已结束且有已报送月报的最近季度，如 2020Q3'),
  year: z.string().nullable().describe('默认月份所在年度'),
  months: z.array(
    z.object({
      period: z.string(),
      year: z.number(),
      month: z.number(),
      submitted: z.number().describe('已报送或已审核的月报数'),
      pending: z.number().describe('草稿与退回的月报数'),
      closed: z.boolean().describe('该月已结束（按北京时间）'),
      hasData: z.boolean().describe('已结束且有已报送月报：可作默认期间'),
    }),
  ),
});
