// The 驾驶舱's child units side by side (下级单位对比), on screen and in its Excel export
// (columns.ts): the units ranked by investment completion (ties share a place), units without a
// target last; sortable by any column, the export taking the screen's sort. Rows are made from the
// dashboard as the API answers it (GET /api/dashboard: `children` and `lagging`).
import { say, type TableSpec, yuanOf } from './columns';

type Metrics = Record<string, number | string | null>;

/** What of GET /api/dashboard's answer the units table reads. */
export interface DashboardUnits {
  children: readonly {
    region: { code: string; name: string; kind: string };
    metrics: Metrics;
    gap: number | null;
  }[];
  lagging: readonly string[];
}

export interface UnitRow {
  code: string;
  name: string;
  kind: string;
  projectCount: number | null;
  investYtd: bigint | null;
  annualTarget: bigint | null;
  investRate: number | null;
  /** investRate − time progress; negative is behind. */
  gap: number | null;
  newStartRate: number | null;
  completionRate: number | null;
  /** Place by investment completion rate (ties share a place); null without a target. */
  rank: number | null;
  /** Among the units the server names as lagging most (furthest behind first). */
  lagging: boolean;
}

export type SortOrder = 'ascend' | 'descend' | null | undefined;

/**
 * A column sorter's comparison: ascending by value, absent values last whichever way the column is
 * sorted (a table reverses the whole comparison for a descending sort, so it passes the direction).
 */
export function sortValues<T extends number | bigint>(a: T | null, b: T | null, order?: SortOrder): number {
  if (a === null || b === null) {
    if (a === b) return 0;
    const last = a === null ? 1 : -1;
    return order === 'descend' ? -last : last;
  }
  return a < b ? -1 : a > b ? 1 : 0;
}

const rate = (metrics: Metrics, name: string): number | null => {
  const value = metrics[name];
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
};

/** The child units, best investment completion rate first; units without a target last, by code. */
export function unitRows(dashboard: DashboardUnits): UnitRow[] {
  const lagging = new Set(dashboard.lagging);
  const rows: UnitRow[] = dashboard.children.map(({ region, metrics, gap }) => {
    const count = metrics['key.projectCount'];
    return {
      code: region.code,
      name: region.name,
      kind: region.kind,
      projectCount: typeof count === 'number' ? count : null,
      investYtd: yuanOf(metrics['key.investYtd']),
      annualTarget: yuanOf(metrics['key.annualTarget']),
      investRate: rate(metrics, 'key.investRate'),
      gap,
      newStartRate: rate(metrics, 'key.newStartRate'),
      completionRate: rate(metrics, 'key.completionRate'),
      rank: null,
      lagging: lagging.has(region.code),
    };
  });
  rows.sort((a, b) => -sortValues(a.investRate, b.investRate, 'descend') || a.code.localeCompare(b.code));
  let place = 0;
  rows.forEach((row, i) => {
    if (row.investRate === null) return;
    if (i === 0 || row.investRate !== rows[i - 1]!.investRate) place = i + 1;
    row.rank = place;
  });
  return rows;
}

/** The columns the table sorts by, and how (the screen's sorters and the export's `sort`). */
export const UNIT_SORTERS = {
  rank: (a, b, order) => sortValues(a.rank, b.rank, order),
  name: (a, b) => a.code.localeCompare(b.code),
  projectCount: (a, b, order) => sortValues(a.projectCount, b.projectCount, order),
  investYtd: (a, b, order) => sortValues(a.investYtd, b.investYtd, order),
  investRate: (a, b, order) => sortValues(a.investRate, b.investRate, order),
  gap: (a, b, order) => sortValues(a.gap, b.gap, order),
  newStartRate: (a, b, order) => sortValues(a.newStartRate, b.newStartRate, order),
  completionRate: (a, b, order) => sortValues(a.completionRate, b.completionRate, order),
} satisfies Record<string, (a: UnitRow, b: UnitRow, order?: SortOrder) => number>;

export type UnitSortKey = keyof typeof UNIT_SORTERS;
export const UNIT_SORTS = Object.keys(UNIT_SORTERS).flatMap((key) => [key, `-${key}`]) as [
  string,
  ...string[],
];

/** The rows in a sort as the screen's table sorts them ("-gap": by gap, descending); as ranked without one. */
export function sortUnitRows(rows: readonly UnitRow[], sort: string | undefined): UnitRow[] {
  const key = sort?.replace(/^-/, '') as UnitSortKey | undefined;
  if (!key || !(key in UNIT_SORTERS)) return [...rows];
  const descend = sort!.startsWith('-');
  const compare = UNIT_SORTERS[key];
  return [...rows].sort((a, b) => {
    const result = compare(a, b, descend ? 'descend' : 'ascend');
    return descend ? -result : result;
  });
}

export const UNITS_TABLE: TableSpec<UnitRow> = {
  id: 'dashboard-units',
  zh: '下级单位对比',
  en: 'Units compared',
  columns: [
    { key: 'rank', zh: '名次', en: 'Rank', kind: 'count', width: 64 },
    {
      key: 'name',
      zh: '单位',
      en: 'Unit',
      kind: 'text',
      width: 150,
      // The screen tags a unit behind time progress.
      value: (row, ctx) =>
        row.gap !== null && row.gap < 0 ? `${row.name} ${say(ctx.lang, '滞后', 'Lagging')}` : row.name,
    },
    { key: 'projectCount', zh: '重点项目个数', en: 'Key projects', kind: 'count', width: 120 },
    { key: 'investYtd', zh: '累计完成投资', en: 'Investment to date', kind: 'amount', width: 170 },
    { key: 'investRate', zh: '投资完成率', en: 'Investment completion', kind: 'percent', width: 130 },
    { key: 'gap', zh: '较时序进度', en: 'vs time progress', kind: 'points', width: 150 },
    { key: 'newStartRate', zh: '开工率', en: 'Start rate', kind: 'percent', width: 110 },
    { key: 'completionRate', zh: '竣工率', en: 'Completion rate', kind: 'percent', width: 110 },
  ],
};
