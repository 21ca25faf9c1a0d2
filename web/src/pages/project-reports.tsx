// A project's monthly reports for one year: progress against time, a chart of the month's and the
// cumulative investment against the plan (annual target × time progress), and the reports as a
// table sorted on the server. Amounts stay exact (BigInt) and reach the chart in 万元 only to be
// drawn; the tooltip shows the exact figures.
import { Card, Select, Space, Statistic, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { api } from '../api/client';
import type { Project, ProjectReport, ProjectYear, ReportState } from '../api/projects-types';
import { useApiQuery } from '../api/query';
import type { Page } from '../api/types';
import { Chart } from '../charts/chart';
import type { ChartOption } from '../charts/echarts';
import { EmptyState, ErrorState } from '../components/states';
import { formatAmount, formatDate, formatMonth, formatPercent, roundedString, toYuan } from '../format';
import { type Locale, type MessageKey, type Translate, useI18n } from '../i18n';
import { ProgressTag, primaryEntry, progressOf } from './project-progress';
import { onTableChange, sortOrderOf, type TableState } from './table-state';

const REPORT_SORTS = ['month', 'investYtd', 'state'] as const;
const STATE_COLOURS: Record<ReportState, string> = {
  draft: 'default',
  submitted: 'processing',
  returned: 'warning',
  approved: 'success',
};
const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);
const wan = (yuan: bigint | null) => (yuan === null ? null : Number(roundedString(yuan, 10_000n, 2)));

export function ProjectReports({ project, years }: { project: Project; years: ProjectYear[] }) {
  const { t, locale } = useI18n();
  const [chosen, setChosen] = useState<number>();
  const [sort, setSort] = useState<string | undefined>('month');
  const latest = useApiQuery(['/api/reports', 'project-latest', project.id, project.id], (signal) =>
    api.get<Page<ProjectReport>>(
      '/api/reports',
      { projectId: project.id, sort: '-year', pageSize: 1 },
      signal,
    ),
  );
  const latestYear = latest.data?.items[0]?.year;
  const yearOptions = [...new Set([...years.map((y) => y.year), ...(latestYear ? [latestYear] : [])])].sort(
    (a, b) => b - a,
  );
  const year = chosen ?? latestYear ?? yearOptions[0];
  const reports = useApiQuery(['/api/reports', 'project', project.id, year, sort], (signal) =>
    year === undefined
      ? Promise.resolve(null)
      : api.get<Page<ProjectReport>>(
          '/api/reports',
          { projectId: project.id, year, sort, pageSize: 12 },
          signal,
        ),
  );
  const items = reports.data?.items ?? [];
  const byMonth = useMemo(() => [...items].sort((a, b) => a.month - b.month), [items]);
  const entry = year === undefined ? undefined : primaryEntry(years, year);
  const progress = progressOf(byMonth[byMonth.length - 1], years);

  const tableState: TableState = {
    page: 1,
    pageSize: 12,
    sort,
    filters: {},
    set: (change) => setSort(change.sort === null ? undefined : String(change.sort ?? sort)),
  };

  if (latest.error) return <ErrorState error={latest.error} onRetry={latest.reload} />;
  return (
    <Card
      title={t('projects.reports')}
      data-testid="project-reports"
      loading={latest.loading}
      extra={
        yearOptions.length > 0 && (
          <Select
            size="small"
            value={year}
            style={{ width: 110 }}
            aria-label={t('projects.year')}
            data-testid="project-reports-year"
            options={yearOptions.map((y) => ({ value: y, label: t('ledgers.year', { year: y }) }))}
            onChange={setChosen}
          />
        )
      }
    >
      {year === undefined ? (
        <EmptyState text={t('projects.reports.none')} />
      ) : (
        <>
          <div style={{ display: 'flex', flexWrap: 'wrap', gap: '12px 40px', marginBottom: 16 }}>
            <Statistic
              title={t('projects.annualTarget')}
              value={formatAmount(entry?.annualTarget ?? null, locale)}
              styles={{ content: { fontSize: 20 } }}
            />
            <Statistic
              title={
                progress
                  ? t('projects.reports.investYtdOf', {
                      month: formatMonth(progress.year, progress.month, locale),
                    })
                  : t('projects.reports.investYtd')
              }
              value={progress ? formatAmount(progress.investYtd, locale) : '—'}
              styles={{ content: { fontSize: 20 } }}
            />
            <Statistic
              title={t('metric.key.investRate')}
              value={formatPercent(progress?.rate ?? null)}
              styles={{ content: { fontSize: 20 } }}
            />
            <Statistic
              title={t('metric.key.timeProgress')}
              value={formatPercent(progress?.time ?? null)}
              styles={{ content: { fontSize: 20 } }}
            />
            <div style={{ alignSelf: 'center' }} data-testid="project-progress-tag">
              <ProgressTag progress={progress} t={t} />
            </div>
          </div>
          {reports.error ? (
            <ErrorState error={reports.error} onRetry={reports.reload} />
          ) : byMonth.length === 0 && !reports.loading ? (
            <EmptyState text={t('projects.reports.noneInYear', { year })} />
          ) : (
            <>
              <div data-testid="project-chart">
                <Chart
                  option={chartOption(byMonth, entry, year, t, locale)}
                  height={300}
                  label={t('projects.reports.chart')}
                />
              </div>
              <ReportTable items={items} loading={reports.loading} state={tableState} />
            </>
          )}
        </>
      )}
    </Card>
  );
}

function ReportTable({
  items,
  loading,
  state,
}: {
  items: ProjectReport[];
  loading: boolean;
  state: TableState;
}) {
  const { t, locale } = useI18n();
  const base: ColumnsType<ProjectReport> = [
    {
      key: 'month',
      dataIndex: 'month',
      title: t('projects.reports.month'),
      width: 110,
      render: (month: number, r) => formatMonth(r.year, month, locale),
    },
    {
      key: 'investMonth',
      dataIndex: 'investMonth',
      title: t('projects.reports.investMonth'),
      width: 130,
      align: 'right',
      render: (value: string | null) => formatAmount(value, locale),
    },
    {
      key: 'investYtd',
      dataIndex: 'investYtd',
      title: t('projects.reports.investYtd'),
      width: 130,
      align: 'right',
      render: (value: string) => formatAmount(value, locale),
    },
    {
      key: 'state',
      dataIndex: 'state',
      title: t('projects.reports.state'),
      width: 150,
      render: (value: ReportState, r) => (
        <Space size={4} wrap>
          <Tag color={STATE_COLOURS[value]}>{t(`projects.reportState.${value}` as MessageKey)}</Tag>
          {r.late && <Tag color="orange">{t('projects.reports.late')}</Tag>}
          {r.state === 'returned' && r.returnedReason && (
            <Tooltip title={r.returnedReason}>
              <Typography.Text type="warning">{t('projects.reports.reason')}</Typography.Text>
            </Tooltip>
          )}
        </Space>
      ),
    },
    {
      key: 'reportedAt',
      dataIndex: 'reportedAt',
      title: t('projects.reports.reportedAt'),
      width: 140,
      render: (value: string | null) => formatDate(value, locale),
    },
    {
      key: 'progressNote',
      dataIndex: 'progressNote',
      title: t('projects.reports.progressNote'),
      width: 320,
      ellipsis: true,
      render: (value: string | null) => value ?? '—',
    },
  ];
  const columns = base.map((column) =>
    typeof column.key === 'string' && (REPORT_SORTS as readonly string[]).includes(column.key)
      ? { ...column, sorter: true, sortOrder: sortOrderOf(state.sort, column.key) }
      : column,
  );

  return (
    <Table<ProjectReport>
      rowKey="id"
      size="small"
      data-testid="project-reports-table"
      columns={columns}
      dataSource={items}
      loading={loading}
      pagination={false}
      scroll={{ x: 1100 }}
      onChange={onTableChange<ProjectReport>(state, REPORT_SORTS)}
      style={{ marginTop: 16 }}
    />
  );
}

function chartOption(
  reports: ProjectReport[],
  entry: ProjectYear | undefined,
  year: number,
  t: Translate,
  locale: Locale,
): ChartOption {
  const at = new Map(reports.map((r) => [r.month, r]));
  const last = reports[reports.length - 1]?.month ?? 0;
  const target = toYuan(entry?.annualTarget ?? null);
  const monthly = MONTHS.map((m) => toYuan(at.get(m)?.investMonth ?? null));
  const cumulative = MONTHS.map((m) => (m <= last ? toYuan(at.get(m)?.investYtd ?? null) : null));
  const plan = MONTHS.map((m) => (target === null ? null : (target * BigInt(m)) / 12n));
  const exact = [monthly, cumulative, plan];
  const names = [
    t('projects.chart.month'),
    t('projects.chart.cumulative'),
    target === null ? t('projects.chart.noTarget') : t('projects.chart.plan'),
  ];
  return {
    grid: { left: 16, right: 24, top: 64, bottom: 8, containLabel: true },
    legend: { top: 0, type: 'scroll' },
    tooltip: {
      trigger: 'axis',
      formatter: (params) => {
        const list = Array.isArray(params) ? params : [params];
        const month = (list[0]?.dataIndex ?? 0) + 1;
        const lines = list.map((p) => {
          const value = exact[p.seriesIndex ?? 0]?.[p.dataIndex ?? 0] ?? null;
          return `${p.marker ?? ''}${p.seriesName}${locale === 'en' ? ': ' : '：'}${formatAmount(value, locale)}`;
        });
        return [formatMonth(year, month, locale), ...lines].join('<br/>');
      },
    },
    xAxis: {
      type: 'category',
      data: MONTHS.map((m) => (locale === 'en' ? formatMonth(year, m, locale).slice(0, 3) : `${m}月`)),
    },
    yAxis: { type: 'value', name: t('projects.chart.unit'), nameTextStyle: { align: 'left' } },
    series: [
      {
        name: names[0],
        type: 'bar',
        data: monthly.map(wan),
        itemStyle: { color: '#91b4e6' },
        barMaxWidth: 24,
      },
      {
        name: names[1],
        type: 'line',
        data: cumulative.map(wan),
        itemStyle: { color: '#1d5fb8' },
        symbolSize: 6,
      },
      {
        name: names[2],
        type: 'line',
        data: plan.map(wan),
        itemStyle: { color: '#d4380d' },
        lineStyle: { type: 'dashed' },
        symbol: 'none',
      },
    ],
  };
}
