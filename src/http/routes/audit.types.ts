import { z } from 'zod';
import { zPage, zPageQuery } from '../schema/common';

const filters = {
  from: z.string().datetime({ offset: true }).optional(),
  to: z.string().datetime({ offset: true }).optional(),
  actor: z.string().max(64).optional(),
  action: z.string().max(64).optional(),
  outcome: z.enum(['ok', 'denied', 'failed', 'rejected']).optional(),
  targetType: z.string().max(40).optional(),
  targetId: z.string().max(200).optional(),
};

export const ZAuditQuery = zPageQuery(['id']).extend(filters).strict();
export const ZAuditExportQuery = z.object({ ...filters, format: z.enum(['csv']).default('csv') }).strict();

export const ZAuditRow = z.object({
  id: z.number().int(),
  at: z.string(),
  actor: z.string(),
  ip: z.string().nullable(),
  action: z.string(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  outcome: z.string(),
  before: z.unknown(),
  after: z.unknown(),
  details: z.unknown(),
});
export const ZAuditList = zPage(ZAuditRow);
