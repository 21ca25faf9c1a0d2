// 数据质量检查 (GET /api/quality): for the working region and a month (by default the latest with
// reports), the findings on the reports sent — this month's (the default), or January to this
// month — with the fact and the fix for each, filtered by severity; and each child unit's
// 信息报送质量 over the same months (reports without a finding, errors, warnings).
import { Card, Segmented, Space, Table, Typography } from 'antd';
import { QUALITY_TABLE, QUALITY_UNITS_TABLE } from '../../../src/domain/tables/quality';
import { api } from '../api/client';
import type { Quality, QualityFinding } from '../api/quality-types';
import { useApiQuery } from '../api/query';
import { ExportButton } from '../components/export-button';
import { MonthPicker, RegionMonthPage, useRegionMonth } from '../components/region-month';
import { Async, EmptyState } from '../components/states';
import { formatPercent } from '../format';
import { useI18n } from '../i18n';
import { useRegions } from '../regions';
import { Link, setSearch, useLocation } from '../router';
import { FindingText } from './quality-findings';
import { screenContext, specColumns } from './spec-columns';

export default function DataQualityPage() {
  const { t } = useI18n();
  const regions = useRegions();
  if (!regions.working) return <EmptyState text={t('dashboard.noRegion')} />;
  return <RegionQuality region={regions.working} />;
}

function RegionQuality({ region }: { region: string }) {
  const { t } = useI18n();
  const month = useRegionMonth(region);
  const { period } = month;
  const { search } = useLocation();
  const span = search.get('span') === 'all';
  const severityAsked = search.get('severity');
  const severity = severityAsked === 'error' || severityAsked === 'warning' ? severityAsked : null;
  const quality = useApiQuery(['/api/quality', region, period, span], (signal) =>
    period
      ? api.get<Quality>('/api/quality', { region, period, months: span ? 'all' : 'last' }, signal)
      : Promise.resolve(null),
  );

  const filters = (
    <Space wrap>
      <Segmented
        value={span ? 'all' : 'month'}
        options={[
          { value: 'month', label: t('quality.scope.month') },
          { value: 'all', label: t('quality.scope.span') },
        ]}
        onChange={(value) => setSearch({ span: value === 'all' ? 'all' : null })}
        data-testid="quality-span"
      />
      <Segmented
        value={severity ?? 'all'}
        options={(['all', 'error', 'warning'] as const).map((value) => ({
          value,
          label: t(`quality.severity.${value}`),
        }))}
        onChange={(value) => setSearch({ severity: value === 'all' ? null : String(value) })}
        data-testid="quality-severity"
      />
      <MonthPicker month={month} />
      {period && (
        <ExportButton
          path="/api/quality/export"
          query={{ region, period, months: span ? 'all' : 'last', ...(severity ? { severity } : {}) }}
          testId="quality-export"
        />
      )}
    </Space>
  );

  return (
    <RegionMonthPage title={t('quality.title')} region={region} month={month} extra={filters}>
      {() => (
        <Async state={quality}>
          {(data) => (data ? <QualityLists data={data} severity={severity} /> : <EmptyState />)}
        </Async>
      )}
    </RegionMonthPage>
  );
}

type UnitRow = Quality['units'][number];

function QualityLists({ data, severity }: { data: Quality; severity: 'error' | 'warning' | null }) {
  const { t, locale } = useI18n();
  const findings = data.findings.filter((f) => !severity || f.severity === severity);
  const regions = useRegions();
  // The columns of the export (src/domain/tables/quality.ts); the screen links the project and sets
  // the finding's check in bold beside its severity's tag.
  const columns = specColumns<QualityFinding>(QUALITY_TABLE, screenContext(locale, regions.name), {
    project: {
      render: (_, f) => <Link to={`/projects/${f.projectId}`}>{`${f.projectCode} ${f.projectName}`}</Link>,
    },
    finding: { extra: { width: undefined }, render: (_, f) => <FindingText finding={f} /> },
  });
  const exportQuery = { region: data.region.code, period: data.period, months: data.months };
  const unitColumns = specColumns<UnitRow>(QUALITY_UNITS_TABLE, screenContext(locale, regions.name), {
    unit: { extra: { width: undefined } },
  });
  const c = data.counts;
  const th = data.thresholds;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card size="small" data-testid="quality-summary">
        <Typography.Paragraph style={{ marginBottom: 4 }}>
          {t('quality.counts', { ...c, rate: formatPercent(data.metrics['reports.cleanRate']) })}
        </Typography.Paragraph>
        <Typography.Text type="secondary">
          {t('quality.thresholds', {
            factor: th.jumpFactor,
            floor: th.jumpFloorWan,
            months: th.copiedMonths,
          })}
        </Typography.Text>
      </Card>
      <Card
        title={t('quality.findings')}
        extra={
          data.findingsTotal > data.findings.length &&
          t('quality.listed', { listed: data.findings.length, total: data.findingsTotal })
        }
        data-testid="quality-findings"
      >
        <Table
          rowKey={(f) => `${f.reportId}-${f.check}`}
          columns={columns}
          dataSource={findings}
          pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
          scroll={{ x: 760 }}
          locale={{ emptyText: <EmptyState text={t('quality.none')} /> }}
        />
      </Card>
      {data.units.length > 0 && (
        <Card
          title={t('quality.units')}
          extra={
            <ExportButton
              path="/api/quality/units/export"
              query={exportQuery}
              testId="quality-units-export"
            />
          }
          data-testid="quality-units"
        >
          <Table
            rowKey={(u) => u.region.code}
            columns={unitColumns}
            dataSource={data.units}
            pagination={false}
            size="small"
            scroll={{ x: 'max-content' }}
          />
        </Card>
      )}
    </Space>
  );
}
