// The statistical audit's charts: a heat map of the indicators' correlation matrix (−1 blue, 0
// white, +1 red; a blank cell has no correlation) and bars of nominal against effective weight per
// indicator. Both name the indicators by number on the axes (the legend table below the chart
// gives the names), so a long Chinese name does not crowd the plot.
import type { ChartOption } from './echarts';
import { escapeHtml } from './escape-html';

export interface HeatmapLabels {
  title: string;
  none: string;
}

/** Rows of this height keep the cells square-ish and the numbers readable. */
export const heatmapHeight = (n: number): number => 80 + Math.max(4, n) * 30;

export function correlationHeatmapOption(
  names: readonly string[],
  matrix: readonly (readonly (number | null)[])[],
  labels: HeatmapLabels,
): ChartOption {
  const axis = names.map((_, i) => String(i + 1));
  const data: [number, number, number | '-'][] = [];
  matrix.forEach((row, i) => {
    row.forEach((r, j) => {
      data.push([j, i, r === null ? '-' : Math.round(r * 100) / 100]);
    });
  });
  return {
    grid: { left: 8, right: 72, top: 16, bottom: 8, containLabel: true },
    tooltip: {
      formatter: (p) => {
        const one = Array.isArray(p) ? p[0] : p;
        const [j, i, r] = (one?.data ?? []) as [number, number, number | '-'];
        return `${escapeHtml(names[i] ?? '')} × ${escapeHtml(names[j] ?? '')}：${r === '-' ? escapeHtml(labels.none) : r.toFixed(2)}`;
      },
    },
    xAxis: { type: 'category', data: axis, position: 'top', splitArea: { show: true } },
    yAxis: { type: 'category', data: axis, inverse: true, splitArea: { show: true } },
    visualMap: {
      min: -1,
      max: 1,
      calculable: false,
      orient: 'vertical',
      right: 0,
      top: 'middle',
      itemHeight: 120,
      inRange: { color: ['#1d4f91', '#ffffff', '#a8071a'] },
      text: ['+1', '−1'],
    },
    series: [
      {
        type: 'heatmap',
        name: labels.title,
        data,
        label: { show: names.length <= 14, fontSize: 10, formatter: (p) => formatCell(p.data) },
        emphasis: { itemStyle: { borderColor: '#000', borderWidth: 1 } },
      },
    ],
  };
}

function formatCell(data: unknown): string {
  const r = Array.isArray(data) ? data[2] : undefined;
  return typeof r === 'number' ? r.toFixed(2) : '';
}

export interface WeightBar {
  name: string;
  nominal: number;
  effective: number | null;
}

export interface WeightLabels {
  nominal: string;
  effective: string;
}

export const weightBarsHeight = (n: number): number => 90 + n * 34;

/** Horizontal bars, indicator k on row k (top first), shares in percent. */
export function weightBarsOption(rows: readonly WeightBar[], labels: WeightLabels): ChartOption {
  const pct = (x: number | null) => (x === null ? '-' : Math.round(x * 1000) / 10);
  return {
    grid: { left: 8, right: 24, top: 36, bottom: 24, containLabel: true },
    legend: { top: 0, data: [labels.nominal, labels.effective] },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v) => `${v}%` },
    xAxis: { type: 'value', axisLabel: { formatter: '{value}%' } },
    yAxis: { type: 'category', inverse: true, data: rows.map((_, i) => `${i + 1}`) },
    series: [
      {
        type: 'bar',
        name: labels.nominal,
        data: rows.map((r) => pct(r.nominal)),
        itemStyle: { color: '#8c8c8c' },
      },
      {
        type: 'bar',
        name: labels.effective,
        data: rows.map((r) => pct(r.effective)),
        itemStyle: { color: '#1d4f91' },
      },
    ],
  };
}
