// 驾驶舱 (GET /api/dashboard): for the working region and a period (by default the latest month with
// reports), the key figures in the seed article's words, investment month by month against the plan,
// the completion rates against time progress, the child units ranked with the laggards marked, the
// units lagging most, the region's rank in past evaluations, and every metric. A 分包领导 sees their
// projects instead (dashboard-leader.tsx); other roles that read no statistics see a welcome.
import { FundProjectionScreenOutlined } from '@ant-design/icons';
import { Card, Col, Descriptions, Row, Space, Statistic, Typography } from 'antd';
import { useMemo } from 'react';
import { api } from '../api/client';
import type { Dashboard } from '../api/dashboard-types';
import { useApiQuery } from '../api/query';
import { Chart } from '../charts/chart';
import { LinkButton } from '../components/link-button';
import { PageHeader } from '../components/page-header';
import { MonthPicker, RegionMonthPage, useRegionMonth } from '../components/region-month';
import { Async, EmptyState } from '../components/states';
import { formatPeriod } from '../format';
import { type Translate, useI18n } from '../i18n';
import { MENU, visibleMenu } from '../menu';
import { formatMetric, METRIC_GROUPS, metricGroup, metricLabel } from '../metrics';
import { useRegions } from '../regions';
import { useCan, useMe } from '../session';
import { monthlyChart, rateChart } from './dashboard-charts';
import { paceOf, summaryParams } from './dashboard-figures';
import { LeaderDashboard } from './dashboard-leader';
import { RankHistory } from './dashboard-ranks';
import { LaggingUnits, UnitsTable } from './dashboard-units';

export default function DashboardPage() {
  const { t } = useI18n();
  const can = useCan();
  const me = useMe();
  const regions = useRegions();
  if (me.role === 'leader') return <LeaderDashboard />;
  if (!can('stats.read')) return <Welcome note={t('dashboard.noStats')} />;
  if (!regions.working) return <Welcome note={t('dashboard.noRegion')} />;
  return <RegionDashboard region={regions.working} />;
}

function RegionDashboard({ region }: { region: string }) {
  const { t } = useI18n();
  // the chosen month lives in the address (?period=2020-09), so a dashboard can be linked to
  const month = useRegionMonth(region);
  const { period } = month;
  const dashboard = useApiQuery(['/api/dashboard', region, period], (signal) =>
    period ? api.get<Dashboard>('/api/dashboard', { region, period }, signal) : Promise.resolve(null),
  );

  const picker = (
    <Space wrap>
      <Typography.Text type="secondary">{t('dashboard.period')}</Typography.Text>
      <MonthPicker month={month} />
      <LinkButton
        icon={<FundProjectionScreenOutlined />}
        to={period ? `/screen?period=${period}` : '/screen'}
        data-testid="open-screen"
      >
        {t('dashboard.screen')}
      </LinkButton>
    </Space>
  );

  return (
    <RegionMonthPage title={t('dashboard.title')} region={region} month={month} extra={picker}>
      {() => (
        <Async state={dashboard}>{(data) => (data ? <Figures dashboard={data} /> : <EmptyState />)}</Async>
      )}
    </RegionMonthPage>
  );
}

interface Fmt {
  label(name: string): string;
  value(name: string): string;
}

const KEY_FIGURES: { metric: string; footer?: (f: Fmt, t: Translate, d: Dashboard) => string }[] = [
  { metric: 'key.projectCount' },
  { metric: 'key.annualTarget' },
  {
    metric: 'key.investYtd',
    footer: (f) => `${f.label('key.investRate')} ${f.value('key.investRate')}`,
  },
  {
    metric: 'key.investRate',
    footer: (_f, t, d) => paceText(d, t),
  },
  {
    metric: 'key.newStartRate',
    footer: (f) => `${f.value('key.newStarted')} / ${f.value('key.plannedNewStarts')}`,
  },
  {
    metric: 'key.completionRate',
    footer: (f) => `${f.value('key.completed')} / ${f.value('key.plannedCompletions')}`,
  },
  {
    metric: 'deals.signedAmount',
    footer: (f, t) =>
      t('dashboard.figure.deals', {
        count: f.value('deals.signedCount'),
        started: f.value('deals.startedCount'),
      }),
  },
  {
    metric: 'reserve.investment',
    footer: (f, t) =>
      t('dashboard.figure.reserve', {
        count: f.value('reserve.count'),
        major: f.value('reserve.majorCount'),
      }),
  },
];

const numberOf = (d: Dashboard, name: string) => {
  const value = d.metrics[name];
  return typeof value === 'number' ? value : null;
};

/** "快于时序进度21.9个百分点" / "慢于…" / "与时序进度持平". */
function paceText(d: Dashboard, t: Translate): string {
  const pace = paceOf(numberOf(d, 'key.investRate'), numberOf(d, 'key.timeProgress'));
  return pace ? t(`dashboard.pace.${pace.direction}`, { points: pace.points }) : t('dashboard.pace.unknown');
}

function Figures({ dashboard }: { dashboard: Dashboard }) {
  const { t, locale } = useI18n();
  const fmt: Fmt = {
    label: (name) => metricLabel(name, t),
    value: (name) => formatMetric(name, dashboard.metrics[name], t, locale),
  };
  const rates = useMemo(() => rateChart(dashboard.metrics, t), [dashboard, t]);
  const monthly = useMemo(() => monthlyChart(dashboard, t, locale), [dashboard, t, locale]);
  const groups = METRIC_GROUPS.map((group) => ({
    group,
    names: Object.keys(dashboard.metrics).filter((name) => metricGroup(name) === group),
  })).filter((g) => g.names.length > 0);

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card size="small" data-testid="dashboard-summary">
        <Typography.Paragraph style={{ margin: 0 }}>
          {t('dashboard.summary', {
            ...summaryParams(fmt.value),
            period: formatPeriod(dashboard.period, locale),
            pace: paceText(dashboard, t),
          })}
        </Typography.Paragraph>
      </Card>
      <Row gutter={[16, 16]} align="stretch" data-testid="key-figures">
        {KEY_FIGURES.map(({ metric, footer }) => (
          <Col key={metric} xs={12} xl={6}>
            <Card className="sibi-figure-card" size="small" style={{ height: '100%' }}>
              <Statistic title={fmt.label(metric)} value={fmt.value(metric)} formatter={(value) => value} />
              <Typography.Text type="secondary">
                {footer ? footer(fmt, t, dashboard) : '\u00a0'}
              </Typography.Text>
            </Card>
          </Col>
        ))}
      </Row>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Card
            title={t('dashboard.monthly')}
            size="small"
            style={{ height: '100%' }}
            data-testid="dashboard-monthly"
          >
            {dashboard.monthly.length > 0 ? (
              <Chart option={monthly} label={t('dashboard.monthly')} height={340} />
            ) : (
              <EmptyState text={t('dashboard.monthly.empty')} />
            )}
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card title={t('dashboard.rates')} size="small" style={{ height: '100%' }}>
            <Chart option={rates} label={t('dashboard.rates')} height={340} />
          </Card>
        </Col>
      </Row>
      {dashboard.children.length > 0 ? (
        <Row gutter={[16, 16]}>
          {/* The whole width up to 1600 px: in two thirds of it at 1366 px its last columns
              (开工率, 竣工率) were out of view. */}
          <Col xs={24} xxl={16}>
            <UnitsTable dashboard={dashboard} />
          </Col>
          <Col xs={24} xxl={8}>
            <Space orientation="vertical" size={16} style={{ width: '100%' }}>
              <LaggingUnits dashboard={dashboard} />
              <RankHistory dashboard={dashboard} />
            </Space>
          </Col>
        </Row>
      ) : (
        // A county has no units below it to compare: only its own rank.
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={12}>
            <RankHistory dashboard={dashboard} />
          </Col>
        </Row>
      )}
      <Card title={t('dashboard.allMetrics')} size="small">
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          {groups.map(({ group, names }) => (
            <Descriptions
              key={group}
              title={t(`dashboard.group.${group}`)}
              size="small"
              bordered
              column={{ xs: 1, sm: 2, lg: 3 }}
              items={names.map((name) => ({ key: name, label: fmt.label(name), children: fmt.value(name) }))}
            />
          ))}
        </Space>
      </Card>
    </Space>
  );
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
                <LinkButton key={entry.key} icon={entry.icon} to={entry.key}>
                  {t(entry.label)}
                </LinkButton>
              ))}
            </Space>
          </>
        )}
      </Card>
    </>
  );
}
