import { z } from 'zod';
import { IMPORT_KINDS } from '../../domain/records';
import { ZBoolQuery, ZRegionCode } from '../schema/common';
import { ZImportQuality } from './quality.types';

export const ZKindParams = z.object({ kind: z.enum(IMPORT_KINDS) });
export const ZImportQuery = z
  .object({
    year: z.coerce.number().int().min(2000).max(2100).optional(),
    list: z.string().max(40).default('province_key'),
    /** Check the file and count what would change, writing nothing. */
    dryRun: ZBoolQuery.optional(),
  })
  .strict();
const ZChangedCell = z.object({
  field: z.string(),
  header: z.string(),
  before: z.string().nullable(),
  after: z.string().nullable(),
});
/** What the import changed in stored data: rows per column, the first changed rows before → after. */
export const ZImportChanges = z.object({
  changedRows: z.number().int(),
  columns: z.array(z.object({ field: z.string(), header: z.string(), rows: z.number().int() })),
  rows: z.array(z.object({ row: z.number().int(), key: z.string(), cells: z.array(ZChangedCell) })),
});
export const ZImportSummary = z.object({
  dryRun: z.boolean(),
  /** How the file's headers were read: header text → record field (and its column letter). */
  columns: z.array(z.object({ header: z.string(), field: z.string(), column: z.string() })),
  kind: z.enum(IMPORT_KINDS),
  file: z.string(),
  rows: z.number().int(),
  inserted: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  changes: ZImportChanges,
  warnings: z.array(z.string()),
  /** A reports import: the 数据质量检查 findings on its rows (not a reason to reject it). */
  quality: ZImportQuality.optional(),
});
export const ZExportQuery = z
  .object({
    region: ZRegionCode.optional(),
    year: z.coerce.number().int().min(2000).max(2100).optional(),
    list: z.string().max(40).default('province_key'),
    format: z.enum(['xlsx', 'csv']).default('xlsx'),
  })
  .strict();
export const ZReportFormQuery = z
  .object({
    year: z.coerce.number().int().min(2000).max(2100),
    month: z.coerce.number().int().min(1).max(12),
    region: ZRegionCode.optional(),
    list: z.string().max(40).default('province_key'),
  })
  .strict();
export const ZTemplateQuery = z.object({ format: z.enum(['xlsx', 'csv']).default('xlsx') }).strict();
