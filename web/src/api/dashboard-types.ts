// The 驾驶舱 as GET /api/dashboard answers it (src/http/routes/stats.ts, ZDashboard).

export interface DashboardRegion {
  code: string;
  name: string;
  kind: string;
}

/** Amounts in 元 (a number, or a decimal string past 2^53); rates as fractions; null when undefined. */
export type Metrics = Record<string, number | string | null>;

export interface Dashboard {
  region: DashboardRegion;
  period: string;
  lists: string[];
  metrics: Metrics;
  /** Each month of the year up to the period's month; amounts in 元 as exact decimal strings. */
  monthly: { month: number; investYtd: string; planToDate: string }[];
  /** The child units, each with its own metrics; gap = investRate − time progress (null without a target). */
  children: { region: DashboardRegion; metrics: Metrics; gap: number | null }[];
  /** Codes of the children behind time progress, furthest behind first (at most five). */
  lagging: string[];
  /** The region's place in every published evaluation of its parent. */
  rankHistory: RankEntry[];
}

export interface RankEntry {
  evaluationId: number;
  schemeId: string;
  /** "2020Q3", "2020-09" or "2020". */
  period: string;
  group: string;
  rank: number;
  groupSize: number;
  total: number;
}
