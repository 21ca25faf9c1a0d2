import { z } from 'zod';
import { ZRegionCode, ZYear } from '../schema/common';

export const ZOc4idsQuery = z
  .object({
    /** Default: the caller's own region (the province for those bound to none). */
    region: ZRegionCode.optional(),
    year: ZYear.optional(),
    /** Reports up to this period's last month: 2020-09, 2020Q3 or 2020 (default: the whole year). */
    period: z
      .string()
      .regex(/^\d{4}(-\d{1,2}|[Qq][1-4])?$/)
      .optional(),
    list: z.string().max(40).default('province_key'),
  })
  .strict();
