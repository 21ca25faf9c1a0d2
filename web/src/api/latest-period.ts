// The latest month with a monthly report in a region: where the dashboard starts.
import { api } from './client';
import type { Page, Report } from './types';

export async function latestReportMonth(
  region: string,
  signal?: AbortSignal,
): Promise<{ year: number; month: number } | null> {
  const byYear = await api.get<Page<Report>>('/api/reports', { region, sort: '-year', pageSize: 1 }, signal);
  const year = byYear.items[0]?.year;
  if (year === undefined) return null;
  const byMonth = await api.get<Page<Report>>(
    '/api/reports',
    { region, year, sort: '-month', pageSize: 1 },
    signal,
  );
  const month = byMonth.items[0]?.month;
  return month === undefined ? null : { year, month };
}
