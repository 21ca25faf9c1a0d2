// The 驾驶舱's two charts: the completion rates against time progress, and the investment completed
// to date month by month against the plan to date (the annual target × month / 12). Amounts reach
// the chart only to be drawn (dashboard-figures.ts plotValue); the tooltip formats the exact 元.
import type { Dashboard } from '../api/dashboard-types';
import type { ChartOption } from '../charts/echarts';
import { formatAmount, formatMonth, toYuan } from '../format';
import type { Locale, Translate } from '../i18n';
import { metricLabel } from '../metrics';
import { amountScale, plotValue } from './dashboard-figures';

const RATE_BARS = [
  'key.investRate',
  'key.newStartRate',
  'key.completionRate',
  'key.productionRate',
  'deals.landingRate',
  'reserve.conversionRate',
  'approvals.completionRate',
  'issues.resolutionRate',
  'reports.onTimeRate',
];

const BLUE = '#1d5fb8';
const RED = '#d4380d';

export function rateChart(metrics: Dashboard['metrics'], t: Translate): ChartOption {
  const names = RATE_BARS.filter((name) => name in metrics).reverse();
  const percent = (name: string) => {
    const value = metrics[name];
    return typeof value === 'number' ? Math.round(value * 1000) / 10 : null;
  };
  const progress = percent('key.timeProgress');
  // Rates can pass 100% (investment ahead of plan): widen the axis rather than cut the bar.
  const highest = Math.max(100, ...names.map((name) => percent(name) ?? 0));
  return {
    grid: { left: 8, right: 56, top: 32, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', valueFormatter: (v) => (v === null || v === undefined ? '—' : `${v}%`) },
    xAxis: { type: 'value', max: Math.ceil(highest / 10) * 10, axisLabel: { formatter: '{value}%' } },
    yAxis: { type: 'category', data: names.map((name) => metricLabel(name, t)) },
    series: [
      {
        type: 'bar',
        name: t('dashboard.value'),
        data: names.map(percent),
        itemStyle: { color: BLUE },
        barMaxWidth: 18,
        label: { show: true, position: 'right', formatter: '{c}%' },
        markLine:
          progress === null
            ? undefined
            : {
                symbol: 'none',
                lineStyle: { color: RED, type: 'dashed' },
                // Above the top of the line, clear of the bars and their labels.
                label: { position: 'end', formatter: `${metricLabel('key.timeProgress', t)} ${progress}%` },
                data: [{ xAxis: progress }],
              },
      },
    ],
  };
}

export function monthlyChart(dashboard: Dashboard, t: Translate, locale: Locale): ChartOption {
  const year = Number(dashboard.period.slice(0, 4));
  const rows = dashboard.monthly;
  const invest = rows.map((m) => toYuan(m.investYtd) ?? 0n);
  const plan = rows.map((m) => toYuan(m.planToDate) ?? 0n);
  const exact = [rows.map((m) => m.investYtd), rows.map((m) => m.planToDate)];
  const scale = amountScale([...invest, ...plan], locale);
  const colon = locale === 'en' ? ': ' : '：';
  return {
    grid: { left: 8, right: 16, top: 56, bottom: 8, containLabel: true },
    legend: { top: 0 },
    tooltip: {
      trigger: 'axis',
      formatter: (params) => {
        const list = Array.isArray(params) ? params : [params];
        const at = list[0]?.dataIndex ?? 0;
        const lines = list.map(
          (p) =>
            `${p.marker ?? ''}${p.seriesName}${colon}${formatAmount(exact[p.seriesIndex ?? 0]?.[at], locale)}`,
        );
        return [formatMonth(year, rows[at]?.month ?? 1, locale), ...lines].join('<br/>');
      },
    },
    xAxis: {
      type: 'category',
      data: rows.map((m) =>
        t('dashboard.monthly.axis', {
          month: locale === 'en' ? formatMonth(year, m.month, locale).slice(0, 3) : m.month,
        }),
      ),
    },
    yAxis: { type: 'value', name: scale.name, nameTextStyle: { align: 'left' } },
    series: [
      {
        type: 'bar',
        name: t('dashboard.monthly.invest'),
        data: invest.map((v) => plotValue(v, scale)),
        itemStyle: { color: BLUE },
        barMaxWidth: 28,
      },
      {
        type: 'line',
        name: t('dashboard.monthly.plan'),
        data: plan.map((v) => plotValue(v, scale)),
        itemStyle: { color: RED },
        lineStyle: { type: 'dashed' },
        symbolSize: 6,
      },
    ],
  };
}
