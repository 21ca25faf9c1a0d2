// The monthly-report shapes the API answers: the types of src/http/presenters/report.ts and
// src/http/routes/reports.types.ts (src/http/contract.ts).
import type { ReportState } from '../../../src/http/contract';

export type {
  MissingReport,
  MonthlyReport,
  ReportField,
  ReportForm,
  ReportState,
  ReportValues,
} from '../../../src/http/contract';

export const REPORT_STATES = [
  'draft',
  'submitted',
  'returned',
  'approved',
] as const satisfies readonly ReportState[];

/** GET /api/reports sorts by these (prefix "-" for descending). */
export const REPORT_SORTS = ['projectCode', 'year', 'month', 'state', 'investYtd', 'updatedAt'] as const;
