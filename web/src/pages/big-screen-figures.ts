// The 大屏's figures worked out from two 驾驶舱 answers (this month and the month before): the child
// units ranked by investment completion rate, and the month's movers — the points of completion
// rate each gained since last month and how its place in that ranking changed.
import type { Dashboard } from '../api/dashboard-types';

export interface RankedUnit {
  code: string;
  name: string;
  /** Investment completion rate of the annual plan (a fraction); null without a target. */
  rate: number | null;
  rank: number;
}

export interface Mover extends RankedUnit {
  /** Percentage points of completion rate gained since the previous month. */
  gained: number;
  /** Places gained in the ranking (positive: up); null when it had no rank before. */
  rankChange: number | null;
}

const rateOf = (metrics: Dashboard['metrics']) => {
  const value = metrics['key.investRate'];
  return typeof value === 'number' ? value : null;
};

/** Children by completion rate, highest first (those without a target last, by code); ranks 1, 2, 2, 4. */
export function rankByRate(children: Dashboard['children']): RankedUnit[] {
  const units = children
    .map((c) => ({ code: c.region.code, name: c.region.name, rate: rateOf(c.metrics) }))
    .sort((a, b) => (b.rate ?? -1) - (a.rate ?? -1) || a.code.localeCompare(b.code));
  return units.map((u) => ({
    ...u,
    rank: u.rate === null ? units.length : units.findIndex((v) => v.rate === u.rate) + 1,
  }));
}

/**
 * The units with a rate in both months, by points gained (most first, then by code), at most
 * `limit`; empty without a previous month of the same year (rates start again each January).
 */
export function monthMovers(current: Dashboard, previous: Dashboard | null, limit = 5): Mover[] {
  if (!previous || previous.period.slice(0, 4) !== current.period.slice(0, 4)) return [];
  const before = new Map(rankByRate(previous.children).map((u) => [u.code, u]));
  const movers: Mover[] = [];
  for (const unit of rankByRate(current.children)) {
    const old = before.get(unit.code);
    if (unit.rate === null || old?.rate === null || old === undefined) continue;
    movers.push({
      ...unit,
      gained: Math.round((unit.rate - old.rate) * 1000) / 10,
      rankChange: old.rank - unit.rank,
    });
  }
  return movers.sort((a, b) => b.gained - a.gained || a.code.localeCompare(b.code)).slice(0, limit);
}

/** "2020-09" → "2020-08"; null for January (the plan starts again). */
export function previousMonth(period: string): string | null {
  const m = /^(\d{4})-(\d{2})$/.exec(period);
  if (!m || m[2] === '01') return null;
  return `${m[1]}-${String(Number(m[2]) - 1).padStart(2, '0')}`;
}

/** The refresh interval in seconds from `?refresh=` (at least 2), else 300. */
export function refreshSeconds(value: string | null): number {
  const n = value === null ? Number.NaN : Number(value);
  return Number.isFinite(n) && n >= 2 ? Math.min(Math.round(n), 86_400) : 300;
}
