// The import shapes the API answers: the types of src/http/routes/data-files.types.ts. Kinds
// follow src/domain/records.ts IMPORT_KINDS.
import type { ImportKind } from '../../../src/http/contract';

export type { ImportChanges, ImportColumn, ImportKind, ImportSummary } from '../../../src/http/contract';

export const IMPORT_KINDS = [
  'projects',
  'reports',
  'deals',
  'reserve',
  'approvals',
  'issues',
  'regions',
] as const satisfies readonly ImportKind[];

/** The year's lists a projects file can go to (src/domain/records.ts LISTS). */
export const IMPORT_LISTS = ['province_key', 'city_key', '982', 'sangeyipi'] as const;
