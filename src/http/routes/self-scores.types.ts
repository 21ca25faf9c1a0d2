import { z } from 'zod';
import { ZRegionCode } from '../schema/common';

const ZPeriod = z.string().regex(/^\d{4}(Q[1-4]|-\d{2})?$/);
const ZPoints = z
  .union([z.string().max(20), z.number()])
  .describe('0 up to the full points, at most 2 decimals; a decimal string ("85.5") is exact');

export const ZSelfScoreIn = z
  .object({
    scheme: z.string().trim().min(1).max(100),
    period: ZPeriod,
    unitCode: ZRegionCode,
    note: z.string().trim().max(500).nullable().optional(),
    scores: z
      .array(
        z
          .object({
            indicator: z
              .string()
              .trim()
              .max(100)
              .nullable()
              .optional()
              .describe('an indicator id or name; absent, empty or 总分 for the total'),
            points: ZPoints,
          })
          .strict(),
      )
      .min(1)
      .max(200),
  })
  .strict();

export const ZSelfScoreQuery = z
  .object({
    scheme: z.string().max(100).optional(),
    period: ZPeriod.optional(),
    unitCode: ZRegionCode.optional(),
  })
  .strict();

export const ZSelfScoreOut = z.object({
  id: z.number(),
  scheme: z.string(),
  parentCode: z.string(),
  period: z.string(),
  unitCode: z.string(),
  indicator: z.string().nullable().describe('null for the total'),
  points: z.string(),
  note: z.string().nullable(),
  reportedBy: z.string(),
  reportedAt: z.string(),
  version: z.number(),
});

export const ZSelfScoreList = z.object({ items: z.array(ZSelfScoreOut) });

export const ZSelfScoreChoices = z.object({
  schemes: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      required: z.boolean(),
      total: z.number().describe('the most a total may be: the scheme total plus the bonus cap'),
      indicators: z
        .array(z.object({ id: z.string(), name: z.string(), points: z.number() }))
        .describe('empty when the scheme takes the total only'),
    }),
  ),
});
