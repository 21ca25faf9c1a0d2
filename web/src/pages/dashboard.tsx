// 驾驶舱: the key figures of the working region for a period (by default the latest month with
// reports), a chart of the completion rates against time progress, and every metric. Roles that
// read no statistics see a welcome with their shortcuts instead.
import { Button, Card, Col, DatePicker, Descriptions, Row, Space, Statistic, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { api } from '../api/client';
import { latestReportMonth } from '../api/latest-period';
import type { Stats } from '../api/types';
import { useApi } from '../api/use-api';
import { Chart } from '../charts/chart';
import type { ChartOption } from '../charts/echarts';
import { PageHeader } from '../components/page-header';
import { Async, EmptyState } from '../components/states';
import { formatPeriod } from '../format';
import { type Translate, useI18n } from '../i18n';
import { MENU, visibleMenu } from '../menu';
import { formatMetric, METRIC_GROUPS, metricGroup, metricLabel } from '../metrics';
import { useRegions } from '../regions';
import { navigate } from '../router';
import { useCan, useMe } from '../session';

const pad = (n: number) => String(n).padStart(2, '0');

export default function DashboardPage() {
  const { t } = useI18n();
  const can = useCan();
  const regions = useRegions();
  if (!can('stats.read')) return <Welcome note={t('dashboard.noStats')} />;
  if (!regions.working) return <Welcome note={t('dashboard.noRegion')} />;
  return <RegionDashboard region={regions.working} />;
}

function RegionDashboard({ region }: { region: string }) {
  const { t, locale } = useI18n();
  const regions = useRegions();
  const [chosen, setChosen] = useState<string | null>(null);
  const latest = useApi((signal) => latestReportMonth(region, signal), [region]);
  const latestId = latest.data ? `${latest.data.year}-${pad(latest.data.month)}` : null;
  const period = chosen ?? latestId;
  const stats = useApi(
    (signal) => (period ? api.get<Stats>('/api/stats', { region, period }, signal) : Promise.resolve(null)),
    [region, period],
  );

  const picker = (
    <Space wrap>
      <Typography.Text type="secondary">{t('dashboard.period')}</Typography.Text>
      <DatePicker
        picker="month"
        allowClear={false}
        value={period ? dayjs(`${period}-01`) : null}
        onChange={(value) => value && setChosen(value.format('YYYY-MM'))}
        format={(value) => formatPeriod(value.format('YYYY-MM'), locale)}
        data-testid="period-picker"
      />
    </Space>
  );

  return (
    <>
      <PageHeader
        title={
          <>
            {t('dashboard.title')}
            <Typography.Text type="secondary" style={{ fontSize: 16, fontWeight: 'normal', marginLeft: 12 }}>
              {regions.name(region)}
              {period ? ` · ${formatPeriod(period, locale)}` : ''}
            </Typography.Text>
          </>
        }
        extra={picker}
      />
      <Async state={latest}>
        {() =>
          !period ? (
            <Card>
              <EmptyState text={t('dashboard.noPeriod')} />
            </Card>
          ) : (
            <Async state={stats}>{(data) => (data ? <Figures stats={data} /> : <EmptyState />)}</Async>
          )
        }
      </Async>
    </>
  );
}

const KEY_FIGURES: { metric: string; footer?: (m: Stats['metrics'], f: Fmt) => string }[] = [
  { metric: 'key.projectCount' },
  { metric: 'key.annualTarget' },
  {
    metric: 'key.investYtd',
    footer: (m, f) => `${f.label('key.investRate')} ${f.value('key.investRate', m)}`,
  },
  {
    metric: 'key.investRate',
    footer: (m, f) => `${f.label('key.timeProgress')} ${f.value('key.timeProgress', m)}`,
  },
  {
    metric: 'key.newStartRate',
    footer: (m, f) => `${f.value('key.newStarted', m)} / ${f.value('key.plannedNewStarts', m)}`,
  },
  {
    metric: 'key.completionRate',
    footer: (m, f) => `${f.value('key.completed', m)} / ${f.value('key.plannedCompletions', m)}`,
  },
  {
    metric: 'deals.signedAmount',
    footer: (m, f) => `${f.label('deals.signedCount')} ${f.value('deals.signedCount', m)}`,
  },
  {
    metric: 'reserve.investment',
    footer: (m, f) => `${f.label('reserve.count')} ${f.value('reserve.count', m)}`,
  },
];

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

interface Fmt {
  label(name: string): string;
  value(name: string, metrics: Stats['metrics']): string;
}

function Figures({ stats }: { stats: Stats }) {
  const { t, locale } = useI18n();
  const fmt: Fmt = {
    label: (name) => metricLabel(name, t),
    value: (name, metrics) => formatMetric(name, metrics[name], t, locale),
  };
  const option = useMemo(() => rateChart(stats, t), [stats, t]);
  const groups = METRIC_GROUPS.map((group) => ({
    group,
    names: Object.keys(stats.metrics).filter((name) => metricGroup(name) === group),
  })).filter((g) => g.names.length > 0);

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Row gutter={[16, 16]} align="stretch" data-testid="key-figures">
        {KEY_FIGURES.map(({ metric, footer }) => (
          <Col key={metric} xs={24} sm={12} xl={6}>
            <Card className="sibi-figure-card" size="small" style={{ height: '100%' }}>
              <Statistic
                title={fmt.label(metric)}
                value={fmt.value(metric, stats.metrics)}
                formatter={(value) => value}
              />
              <Typography.Text type="secondary">
                {footer ? footer(stats.metrics, fmt) : '\u00a0'}
              </Typography.Text>
            </Card>
          </Col>
        ))}
      </Row>
      <Card title={t('dashboard.rates')} size="small">
        <Chart option={option} label={t('dashboard.rates')} height={340} />
      </Card>
      <Card title={t('dashboard.allMetrics')} size="small">
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          {groups.map(({ group, names }) => (
            <Descriptions
              key={group}
              title={t(`dashboard.group.${group}`)}
              size="small"
              bordered
              column={{ xs: 1, sm: 2, lg: 3 }}
              items={names.map((name) => ({
                key: name,
                label: fmt.label(name),
                children: fmt.value(name, stats.metrics),
              }))}
            />
          ))}
        </Space>
      </Card>
    </Space>
  );
}

function rateChart(stats: Stats, t: Translate): ChartOption {
  const names = RATE_BARS.filter((name) => name in stats.metrics).reverse();
  const percent = (name: string) => {
    const value = stats.metrics[name];
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
        itemStyle: { color: '#1d5fb8' },
        barMaxWidth: 18,
        label: { show: true, position: 'right', formatter: '{c}%' },
        markLine:
          progress === null
            ? undefined
            : {
                symbol: 'none',
                lineStyle: { color: '#d4380d', type: 'dashed' },
                // Above the top of the line, clear of the bars and their labels.
                label: { position: 'end', formatter: `${metricLabel('key.timeProgress', t)} ${progress}%` },
                data: [{ xAxis: progress }],
              },
      },
    ],
  };
}

function Welcome({ note }: { note: string }) {
  const { t } = useI18n();
  const me = useMe();
  const can = useCan();
  const shortcuts = visibleMenu(can, MENU)
    .flatMap((entry) => entry.children ?? [entry])
    .filter((entry) => entry.key !== '/');
  return (
    <>
      <PageHeader title={t('dashboard.title')} />
      <Card>
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          {t('dashboard.welcome', { name: me.displayName })}
        </Typography.Title>
        <Typography.Paragraph>
          {t('dashboard.roleIntro', { role: t(`role.${me.role}`) })}
        </Typography.Paragraph>
        <Typography.Paragraph type="secondary">{note}</Typography.Paragraph>
        {shortcuts.length > 0 && (
          <>
            <Typography.Title level={5}>{t('dashboard.shortcuts')}</Typography.Title>
            <Space wrap>
              {shortcuts.map((entry) => (
                <Button key={entry.key} icon={entry.icon} onClick={() => navigate(entry.key)}>
                  {t(entry.label)}
                </Button>
              ))}
            </Space>
          </>
        )}
      </Card>
    </>
  );
}
