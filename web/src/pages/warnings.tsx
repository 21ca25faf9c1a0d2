// 红黄绿灯 (GET /api/warnings): for the working region and a month (by default the latest with
// reports), the red and yellow projects with each warning and what to do, filtered by level, and
// the region's units behind the province's investment completion rate.
import { Card, List, Segmented, Space, Table, Typography } from 'antd';
import { alertText, WARNINGS_TABLE } from '../../../src/domain/tables/warnings';
import { api } from '../api/client';
import { useApiQuery } from '../api/query';
import type { WarningAlert, Warnings } from '../api/warnings-types';
import { ExportButton } from '../components/export-button';
import { MonthPicker, RegionMonthPage, useRegionMonth } from '../components/region-month';
import { Async, EmptyState } from '../components/states';
import { formatPercent } from '../format';
import { useI18n } from '../i18n';
import { useRegions } from '../regions';
import { Link, setSearch, useLocation } from '../router';
import { LightBadge } from './project-lights';
import { screenContext, specColumns } from './spec-columns';

function AlertLines({ alerts }: { alerts: WarningAlert[] }) {
  const { locale } = useI18n();
  return (
    <Space direction="vertical" size={2}>
      {alerts.map((a) => (
        <span key={a.kind}>
          <LightBadge level={a.level} />
          {alertText(a, locale)}
        </span>
      ))}
    </Space>
  );
}

export default function WarningsPage() {
  const { t } = useI18n();
  const regions = useRegions();
  if (!regions.working) return <EmptyState text={t('dashboard.noRegion')} />;
  return <RegionWarnings region={regions.working} />;
}

function RegionWarnings({ region }: { region: string }) {
  const { t } = useI18n();
  const month = useRegionMonth(region);
  const { period } = month;
  const { search } = useLocation();
  const levelAsked = search.get('level');
  const level = levelAsked === 'red' || levelAsked === 'yellow' ? levelAsked : null;
  const warnings = useApiQuery(['/api/warnings', region, period, level], (signal) =>
    period
      ? api.get<Warnings>('/api/warnings', { region, period, ...(level ? { level } : {}) }, signal)
      : Promise.resolve(null),
  );

  const filters = (
    <Space wrap>
      <Segmented
        value={level ?? 'all'}
        options={(['all', 'red', 'yellow'] as const).map((value) => ({
          value,
          label: t(`warnings.level.${value}`),
        }))}
        onChange={(value) => setSearch({ level: value === 'all' ? null : String(value) })}
        data-testid="level-filter"
      />
      <MonthPicker month={month} />
      {period && (
        <ExportButton
          path="/api/warnings/export"
          query={{ region, period, ...(level ? { level } : {}) }}
          testId="warnings-export"
        />
      )}
    </Space>
  );

  return (
    <RegionMonthPage title={t('warnings.title')} region={region} month={month} extra={filters}>
      {() => (
        <Async state={warnings}>{(data) => (data ? <WarningLists data={data} /> : <EmptyState />)}</Async>
      )}
    </RegionMonthPage>
  );
}

type ProjectRow = Warnings['projects'][number];

function WarningLists({ data }: { data: Warnings }) {
  const { t, locale } = useI18n();
  const regions = useRegions();
  // The columns of the export (src/domain/tables/warnings.ts); the screen dresses the light, the
  // project's link and the warnings' lines, and lets the wide columns take their text's width.
  const free = { extra: { width: undefined } };
  const columns = specColumns<ProjectRow>(WARNINGS_TABLE, screenContext(locale, regions.name), {
    level: { render: (_, row) => <LightBadge level={row.level} /> },
    project: {
      ...free,
      render: (_, row) => <Link to={`/projects/${row.id}`}>{`${row.code} ${row.name}`}</Link>,
    },
    region: free,
    alerts: { ...free, render: (_, row) => <AlertLines alerts={row.alerts} /> },
  });
  const th = data.thresholds;
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card size="small">
        <Typography.Paragraph style={{ marginBottom: 4 }}>
          {t('warnings.counts', data.counts)}
        </Typography.Paragraph>
        <Typography.Text type="secondary">
          {t('warnings.thresholds', {
            red: th.behindRed,
            yellow: th.behindYellow,
            days: th.notStartedRedDays,
            issueDays: th.issueDays,
          })}
        </Typography.Text>
      </Card>
      <Card title={t('warnings.projects')} data-testid="warning-projects">
        <Table
          rowKey="id"
          columns={columns}
          dataSource={data.projects}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: <EmptyState text={t('warnings.none')} /> }}
        />
      </Card>
      <Card
        title={t('warnings.units', { rate: formatPercent(data.provinceRate) })}
        data-testid="warning-units"
      >
        <List
          dataSource={data.units}
          locale={{ emptyText: <EmptyState text={t('warnings.noUnits')} /> }}
          renderItem={(unit) => (
            <List.Item>
              <Space direction="vertical" size={2}>
                <span>
                  <LightBadge level={unit.level} />
                  {unit.region.name} · {formatPercent(unit.investRate)}
                </span>
                {unit.alerts.map((a) => (
                  <Typography.Text key={a.kind} type="secondary">
                    {alertText(a, locale)}
                  </Typography.Text>
                ))}
              </Space>
            </List.Item>
          )}
        />
      </Card>
    </Space>
  );
}
