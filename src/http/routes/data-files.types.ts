import { z } from 'zod';
import { IMPORT_KINDS } from '../../domain/records';
import { ZRegionCode } from '../schema/common';

export const ZKindParams = z.object({ kind: z.enum(IMPORT_KINDS) });
export const ZImportQuery = z
  .object({
    year: z.coerce.number().int().min(2000).max(2100).optional(),
    list: z.string().max(40).default('province_key'),
  })
  .strict();
export const ZImportSummary = z.object({
  kind: z.enum(IMPORT_KINDS),
  file: z.string(),
  rows: z.number().int(),
  inserted: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  warnings: z.array(z.string()),
});
export const ZExportQuery = z
  .object({
    region: ZRegionCode.optional(),
    year: z.coerce.number().int().min(2000).max(2100).optional(),
    list: z.string().max(40).default('province_key'),
    format: z.enum(['xlsx', 'csv']).default('xlsx'),
  })
  .strict();
export const ZTemplateQuery = z.object({ format: z.enum(['xlsx', 'csv']).default('xlsx') }).strict();
