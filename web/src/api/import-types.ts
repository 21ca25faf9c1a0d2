// The import shapes the API answers (src/http/routes/data-files.types.ts), written out for the
// browser. Kinds follow src/domain/records.ts IMPORT_KINDS.
import type { ImportQuality } from './quality-types';

export const IMPORT_KINDS = [
  'projects',
  'reports',
  'deals',
  'reserve',
  'approvals',
  'issues',
  'regions',
] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/** The year's lists a projects file can go to (src/domain/records.ts LISTS). */
export const IMPORT_LISTS = ['province_key', 'city_key', '982', 'sangeyipi'] as const;

export interface ImportColumn {
  /** The header text in the file. */
  header: string;
  /** The record field it was read as. */
  field: string;
  /** The column letter ("A", "B", …). */
  column: string;
}

export interface ImportChanges {
  changedRows: number;
  columns: { field: string; header: string; rows: number }[];
  rows: {
    row: number;
    key: string;
    cells: { field: string; header: string; before: string | null; after: string | null }[];
  }[];
}

/** POST /api/import/:kind (with ?dryRun=true nothing is written and the counts say what would be). */
export interface ImportSummary {
  dryRun: boolean;
  columns: ImportColumn[];
  kind: ImportKind;
  file: string;
  rows: number;
  inserted: number;
  updated: number;
  unchanged: number;
  /** Every stored value the import changed (src/services/import-changes.ts). */
  changes: ImportChanges;
  warnings: string[];
  /** A reports import: the 数据质量检查 findings on its rows (the file is not rejected for them). */
  quality?: ImportQuality;
}
