// 漏报: the projects that owe a report for a month (nothing submitted yet), for the reporting page.
import type { Database } from '../../db/client';
import type { Page, PageRequest } from '../../db/paging';
import { listMissingReports, type MissingReportRow } from '../../db/records/reports';
import type { Visibility } from '../../policies/visibility';
import { DEFAULT_LISTS } from '../compute-stats';

export function findMissingReports(
  database: Database,
  filter: {
    visibility: Visibility;
    regionCodes?: readonly string[];
    year: number;
    month: number;
    lists?: string[];
  },
  page: PageRequest,
): Promise<Page<MissingReportRow>> {
  return listMissingReports(
    database.db,
    { ...filter, lists: filter.lists?.length ? filter.lists : DEFAULT_LISTS },
    page,
  );
}
