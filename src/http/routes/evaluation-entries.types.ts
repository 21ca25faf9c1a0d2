import { z } from 'zod';
import { ZDate, ZIdParams, ZRegionCode, ZVersion } from '../schema/common';

export const ZEntryParams = ZIdParams;
const ZStatus = z.enum(['pending', 'approved', 'revoked']);
const ZPeriod = z.string().regex(/^\d{4}(Q[1-4]|-\d{2})?$/);
const ZReason = z.string().trim().min(1).max(500);

export const ZEventIn = z
  .object({
    regionCode: ZRegionCode,
    eventDate: ZDate,
    item: z.string().trim().min(1).max(100).describe('the item id or name from a scheme'),
    count: z.number().int().min(1).max(1000).default(1),
    note: z.string().trim().max(500).nullable().optional().describe('evidence: notice, document'),
    reason: ZReason,
  })
  .strict();

export const ZAdjustmentIn = z
  .object({
    scheme: z.string().trim().min(1).max(100),
    period: ZPeriod,
    unitCode: ZRegionCode,
    kind: z.enum(['bonus', 'penalty']),
    item: z.string().trim().min(1).max(100).nullable().optional(),
    points: z
      .union([z.string().max(20), z.number()])
      .describe('positive, at most 2 decimals; a decimal string ("2.5") is exact'),
    reason: ZReason,
  })
  .strict();

export const ZEventQuery = z
  .object({ period: ZPeriod.optional(), regionCode: ZRegionCode.optional(), status: ZStatus.optional() })
  .strict();
export const ZAdjustmentQuery = z
  .object({
    scheme: z.string().max(100).optional(),
    period: ZPeriod.optional(),
    unitCode: ZRegionCode.optional(),
    status: ZStatus.optional(),
  })
  .strict();

export const ZApproveBody = z.object({ version: ZVersion.optional() }).strict();
export const ZRevokeBody = z.object({ version: ZVersion.optional(), reason: ZReason }).strict();

const review = {
  status: ZStatus,
  author: z.string(),
  createdAt: z.string().nullable(),
  approvedBy: z.string().nullable(),
  approvedAt: z.string().nullable(),
  revokedBy: z.string().nullable(),
  revokedAt: z.string().nullable(),
  revokeReason: z.string().nullable(),
  version: z.number(),
};

export const ZEventOut = z.object({
  id: z.number(),
  regionCode: z.string(),
  eventDate: z.string(),
  item: z.string(),
  count: z.number(),
  note: z.string().nullable(),
  reason: z.string().nullable(),
  ...review,
});

export const ZAdjustmentOut = z.object({
  id: z.number(),
  scheme: z.string(),
  parentCode: z.string(),
  period: z.string(),
  unitCode: z.string(),
  kind: z.enum(['bonus', 'penalty']),
  item: z.string().nullable(),
  points: z.string(),
  reason: z.string(),
  ...review,
});

export const ZEntryItems = z.object({
  events: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      uses: z.array(z.object({ scheme: z.string(), where: z.enum(['bonus', 'penalty', 'indicator']) })),
    }),
  ),
  schemes: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      bonus: z.array(z.object({ id: z.string(), name: z.string() })),
      penalty: z.array(z.object({ id: z.string(), name: z.string() })),
    }),
  ),
});
