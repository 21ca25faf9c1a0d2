// A region's default periods and the months that have data (GET /api/periods): one rule on the
// server — the latest month that is over with submitted reports, so a draft for the month under way
// moves nothing — read here through the query cache by every page that opens on "the latest month"
// (驾驶舱, 挂图作战, 预警, 数据质量, 大屏, 考评, 项目, 月报总览, 台账 figures). A role that may not read
// the region's statistics asks nothing and gets no default.
import type { z } from 'zod';
import type { ZPeriods } from '../../../src/http/routes/periods.types';
import { api } from './client';
import { type ApiState, queryClient, useApiQuery } from './query';

/** GET /api/periods for one region. */
export type RegionPeriods = z.output<typeof ZPeriods>;

const PATH = '/api/periods';
const keyOf = (region: string) => [PATH, { region }] as const;
const load = (region: string, signal?: AbortSignal) => api.get<RegionPeriods>(PATH, { region }, signal);

/** The region's periods; not asked (data undefined, not loading) without a region or when `enabled` is false. */
export function useRegionPeriods(region: string | null | undefined, enabled = true): ApiState<RegionPeriods> {
  const asked = enabled && !!region;
  const state = useApiQuery(keyOf(region ?? ''), (signal) => load(region ?? '', signal), { enabled: asked });
  return asked ? state : { ...state, data: undefined, loading: false };
}

/** The same read outside a component (a download, another query's loader), from the cache when fresh. */
export function fetchRegionPeriods(region: string): Promise<RegionPeriods> {
  return queryClient.fetchQuery({ queryKey: keyOf(region), queryFn: ({ signal }) => load(region, signal) });
}

/** "2020-09" → { year: 2020, month: 9 }. */
export function splitMonth(period: string | null | undefined): { year: number; month: number } | null {
  const m = period ? /^(\d{4})-(\d{2})$/.exec(period) : null;
  return m ? { year: Number(m[1]), month: Number(m[2]) } : null;
}

/**
 * The periods a picker marks as having data: each month that is over with submitted reports
 * ("2020-09", months are cumulative), each quarter whose last month is such a month ("2020Q3"), and
 * each year with any ("2020").
 */
export function periodsWithData(months: RegionPeriods['months'] | undefined): ReadonlySet<string> {
  const marked = new Set<string>();
  for (const m of months ?? []) {
    if (!m.hasData) continue;
    marked.add(m.period);
    marked.add(String(m.year));
    if (m.month % 3 === 0) marked.add(`${m.year}Q${m.month / 3}`);
  }
  return marked;
}
