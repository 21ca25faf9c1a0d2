// The monthly reports a caller may see, a page at a time (by number, or after a cursor).
import type { Database } from '../../db/client';
import type { ListPage, ListRequest } from '../../db/paging';
import { listReports, type ReportFilter, type ReportWithProject } from '../../db/records/reports';

export function readReportList(
  database: Database,
  filter: ReportFilter,
  request: ListRequest,
): Promise<ListPage<ReportWithProject>> {
  return listReports(database.db, filter, request);
}
