// Rank intervals of a robustness analysis: for each unit a bar from its 5th to its 95th percentile
// rank over the Monte Carlo runs, with marks at the nominal (published) rank and the median rank.
// Rank 1 is on the left and the best unit on top. Drawn with the bar and line charts already
// registered (a line without its line is a row of marks), so no chart type is added to the bundle.
import type { ChartOption } from './echarts';
import { escapeHtml } from './escape-html';

export interface RankInterval {
  name: string;
  nominalRank: number;
  medianRank: number;
  rankP5: number;
  rankP95: number;
  pFirst: number;
}

export interface RankIntervalLabels {
  interval: string;
  nominal: string;
  median: string;
  rank: string;
  pFirst: string;
}

const BAR = '#7fa7dd';
const NOMINAL = '#d4380d';
const MEDIAN = '#1d3f73';

/** Rows of this height keep the unit names readable. */
export const rankIntervalHeight = (units: number): number => 72 + units * 26;

export function rankIntervalOption(units: readonly RankInterval[], labels: RankIntervalLabels): ChartOption {
  const n = Math.max(units.length, ...units.map((u) => u.rankP95));
  // Half a rank either side, so a unit whose rank never moves still shows a short bar.
  const start = units.map((u) => u.rankP5 - 0.5);
  const length = units.map((u) => u.rankP95 - u.rankP5 + 1);
  const mark = (values: number[], name: string, symbol: string, color: string, size: number) => ({
    type: 'line' as const,
    name,
    data: values,
    symbol,
    symbolSize: size,
    lineStyle: { opacity: 0 },
    itemStyle: { color },
    z: 3,
  });
  return {
    grid: { left: 8, right: 24, top: 36, bottom: 28, containLabel: true },
    legend: { top: 0, data: [labels.interval, labels.nominal, labels.median] },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params) => {
        const list = Array.isArray(params) ? params : [params];
        const u = units[list[0]?.dataIndex ?? 0];
        if (!u) return '';
        // HTML: the name (and the labels) escaped (escape-html.ts).
        return [
          `<b>${escapeHtml(u.name)}</b>`,
          `${escapeHtml(labels.interval)}：${u.rankP5}–${u.rankP95}`,
          `${escapeHtml(labels.nominal)}：${u.nominalRank}`,
          `${escapeHtml(labels.median)}：${u.medianRank}`,
          `${escapeHtml(labels.pFirst)}：${(u.pFirst * 100).toFixed(1)}%`,
        ].join('<br/>');
      },
    },
    xAxis: {
      type: 'value',
      name: labels.rank,
      nameLocation: 'middle',
      nameGap: 22,
      // Whole ranks on the ticks; the half rank either side of the ends stays unlabelled.
      min: 0,
      max: n + 1,
      interval: 1,
      axisLabel: { formatter: (v: number) => (v >= 1 && v <= n ? String(v) : '') },
      splitLine: { lineStyle: { type: 'dashed', opacity: 0.5 } },
    },
    yAxis: { type: 'category', inverse: true, data: units.map((u) => u.name), axisTick: { show: false } },
    series: [
      {
        type: 'bar',
        stack: 'interval',
        data: start,
        itemStyle: { color: 'transparent' },
        silent: true,
        barWidth: 12,
        tooltip: { show: false },
      },
      {
        type: 'bar',
        name: labels.interval,
        stack: 'interval',
        data: length,
        itemStyle: { color: BAR, borderRadius: 6 },
        barWidth: 12,
      },
      // The nominal rank last, so it shows on top of a median at the same rank.
      mark(
        units.map((u) => u.medianRank),
        labels.median,
        'circle',
        MEDIAN,
        10,
      ),
      mark(
        units.map((u) => u.nominalRank),
        labels.nominal,
        'diamond',
        NOMINAL,
        13,
      ),
    ],
  };
}
