// 报送情况: a month's monthly reports in the working region at a glance — how many are drafts,
// submitted, returned, approved, how many came late, and which projects on the year's lists have
// not reported at all (漏报). The month starts at the region's default (GET /api/periods: the latest
// that is over with submitted reports), else the month under way; the tables page
// and sort on the server, and the filters live in the address.
import { EditOutlined, ReloadOutlined } from '@ant-design/icons';
import {
  Card,
  Checkbox,
  Col,
  Row,
  Select,
  Space,
  Statistic,
  type TableProps,
  Tabs,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { MISSING_TABLE, OVERVIEW_TABLE } from '../../../src/domain/tables/reports';
import { api } from '../api/client';
import { splitMonth, useRegionPeriods } from '../api/periods';
import { useApiQuery } from '../api/query';
import { type MissingReport, type MonthlyReport, REPORT_SORTS, REPORT_STATES } from '../api/reports-types';
import type { Page } from '../api/types';
import { ExportButton } from '../components/export-button';
import { PageHeader } from '../components/page-header';
import { Async, ErrorState } from '../components/states';
import { formatMonth } from '../format';
import { type MessageKey, useI18n } from '../i18n';
import { useRegions } from '../regions';
import { Link, setSearch, useLocation } from '../router';
import { useCan } from '../session';
import {
  currentMonth,
  fillPath,
  LateTag,
  MonthPicker,
  monthFromSearch,
  ProjectCell,
  ReportStateTag,
  ServerTable,
  stateKey,
  usePaging,
} from './report-shared';
import { screenContext, specColumns } from './spec-columns';

type Month = { year: number; month: number };

export default function ReportOverviewPage() {
  const { t, locale } = useI18n();
  const regions = useRegions();
  const { search } = useLocation();
  const region = regions.working ?? undefined;
  const chosen = monthFromSearch(search);
  const can = useCan();
  const periods = useRegionPeriods(region, !chosen && can('stats.read'));
  const month: Month | undefined =
    chosen ?? splitMonth(periods.data?.month) ?? (periods.loading ? undefined : currentMonth());

  return (
    <>
      <PageHeader
        title={
          <>
            {t('reports.overview.title')}
            <Typography.Text type="secondary" style={{ fontSize: 16, fontWeight: 'normal', marginLeft: 12 }}>
              {[regions.name(region), month ? formatMonth(month.year, month.month, locale) : '']
                .filter(Boolean)
                .join(' · ')}
            </Typography.Text>
          </>
        }
        extra={
          <MonthPicker
            testId="overview-month"
            value={month ?? null}
            onChange={(next) =>
              next && setSearch({ year: next.year, month: next.month, page: null, mpage: null })
            }
          />
        }
      />
      <Async state={{ ...periods, data: month, error: chosen ? null : periods.error }}>
        {(m) => <MonthOverview month={m} region={region} />}
      </Async>
    </>
  );
}

interface Counts {
  states: Record<(typeof REPORT_STATES)[number], number>;
  late: number;
  missing: number;
}

function MonthOverview({ month, region }: { month: Month; region: string | undefined }) {
  const { t } = useI18n();
  const { search } = useLocation();
  const tab = search.get('tab') === 'missing' ? 'missing' : 'reports';
  const stateFilter = search.get('state') ?? undefined;
  const late = search.get('late') === 'true';
  const base = { region, ...month };
  const counts = useApiQuery(
    ['/api/reports', 'counts', JSON.stringify(base)],
    async (signal): Promise<Counts> => {
      const total = (path: string, extra: Record<string, string | boolean>) =>
        api.get<Page<unknown>>(path, { ...base, ...extra, pageSize: 1 }, signal).then((p) => p.total);
      const [states, lateCount, missing] = await Promise.all([
        Promise.all(REPORT_STATES.map((state) => total('/api/reports', { state }))),
        total('/api/reports', { late: true }),
        total('/api/reports/missing', {}),
      ]);
      return {
        states: Object.fromEntries(REPORT_STATES.map((s, i) => [s, states[i]!])) as Counts['states'],
        late: lateCount,
        missing,
      };
    },
  );

  const pick = (params: Record<string, string | null>) => setSearch({ page: null, mpage: null, ...params });
  const figure = (
    key: string,
    label: MessageKey,
    value: number | undefined,
    colour: string | undefined,
    onClick: () => void,
    active: boolean,
  ) => (
    <Col xs={12} sm={8} md={6} xl={{ flex: '1 1 0' }} key={key}>
      <Card
        size="small"
        hoverable
        onClick={onClick}
        data-testid={`count-${key}`}
        style={active ? { borderColor: '#1d5fb8', boxShadow: '0 0 0 1px #1d5fb8' } : undefined}
      >
        <Statistic
          title={t(label)}
          value={value ?? '—'}
          loading={counts.loading && !counts.data}
          styles={{ content: colour ? { color: colour } : undefined }}
        />
      </Card>
    </Col>
  );

  const c = counts.data;
  const all = c ? Object.values(c.states).reduce((a, b) => a + b, 0) : undefined;
  return (
    <>
      {counts.error ? (
        <div style={{ marginBottom: 16 }}>
          <ErrorState error={counts.error} onRetry={counts.reload} />
        </div>
      ) : (
        <Row gutter={[12, 12]} style={{ marginBottom: 16 }} data-testid="report-counts">
          {figure(
            'all',
            'reports.overview.all',
            all,
            undefined,
            () => pick({ tab: null, state: null, late: null }),
            tab === 'reports' && !stateFilter && !late,
          )}
          {(['approved', 'submitted', 'returned', 'draft'] as const).map((s) =>
            figure(
              s,
              stateKey(s),
              c?.states[s],
              { approved: '#389e0d', submitted: '#1d5fb8', returned: '#cf1322', draft: undefined }[s],
              () => pick({ tab: null, state: s, late: null }),
              tab === 'reports' && stateFilter === s,
            ),
          )}
          {figure(
            'late',
            'reports.late',
            c?.late,
            '#ad6800', // 4.4:1 on white (the figure is large text: 3:1 needed)
            () => pick({ tab: null, state: null, late: 'true' }),
            tab === 'reports' && late,
          )}
          {figure(
            'missing',
            'reports.overview.missing',
            c?.missing,
            c && c.missing > 0 ? '#cf1322' : undefined,
            () => pick({ tab: 'missing', state: null, late: null }),
            tab === 'missing',
          )}
        </Row>
      )}
      <Card size="small">
        <Tabs
          activeKey={tab}
          onChange={(key) => pick({ tab: key === 'missing' ? 'missing' : null })}
          // The refresh link beside the tab bar, not in it (tabBarExtraContent would sit inside
          // role="tablist", whose children must all be tabs).
          renderTabBar={(props, TabBar) => (
            <div className="sibi-tabs-bar">
              <TabBar {...props} />
              <Typography.Link onClick={() => counts.reload()} aria-label={t('common.refresh')}>
                <ReloadOutlined />
              </Typography.Link>
            </div>
          )}
          items={[
            {
              key: 'reports',
              label: `${t('reports.overview.reportsTab')}${all === undefined ? '' : ` (${all})`}`,
              children: <MonthReports base={base} stateFilter={stateFilter} late={late} />,
            },
            {
              key: 'missing',
              label: (
                <span data-testid="missing-tab">
                  {t('reports.overview.missingTab')}
                  {c && (
                    <Tag color={c.missing > 0 ? 'error' : 'default'} style={{ marginInlineStart: 6 }}>
                      {c.missing}
                    </Tag>
                  )}
                </span>
              ),
              children: <MissingReports base={base} />,
            },
          ]}
        />
      </Card>
    </>
  );
}

function MonthReports({
  base,
  stateFilter,
  late,
}: {
  base: Month & { region?: string };
  stateFilter: string | undefined;
  late: boolean;
}) {
  const { t, locale } = useI18n();
  const regions = useRegions();
  const paging = usePaging<MonthlyReport>(REPORT_SORTS);
  const { page, pageSize, sort, sortOrder } = paging;
  const query = { ...base, state: stateFilter, late: late || undefined, page, pageSize, sort };
  const state = useApiQuery(['/api/reports', JSON.stringify(query)], (signal) =>
    api.get<Page<MonthlyReport>>('/api/reports', query, signal),
  );

  // The columns of the export (src/domain/tables/reports.ts); the screen links the project and tags the state.
  const sortable = (key: string) => ({ extra: { sorter: true, sortOrder: sortOrder(key) } });
  const columns = specColumns<MonthlyReport>(OVERVIEW_TABLE, screenContext(locale, regions.name), {
    projectCode: { ...sortable('projectCode'), render: (_, r) => <ProjectCell report={r} /> },
    investYtd: sortable('investYtd'),
    state: {
      ...sortable('state'),
      render: (_, r) => (
        <Space size={4} wrap>
          {r.state === 'returned' && r.returnedReason ? (
            <Tooltip title={t('reports.overview.returnedBecause', { reason: r.returnedReason })}>
              <span>
                <ReportStateTag state={r.state} />
              </span>
            </Tooltip>
          ) : (
            <ReportStateTag state={r.state} />
          )}
          {r.late && <LateTag />}
        </Space>
      ),
    },
  });
  const exportQuery = {
    ...base,
    state: stateFilter,
    late: late ? 'true' : undefined,
    sort,
    view: 'overview',
  };

  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          allowClear
          style={{ width: 140 }}
          placeholder={t('reports.overview.anyState')}
          aria-label={t('reports.state')}
          value={stateFilter}
          data-testid="overview-state"
          options={REPORT_STATES.map((s) => ({ value: s, label: t(stateKey(s)) }))}
          onChange={(value?: string) => setSearch({ state: value ?? null, page: null })}
        />
        <Checkbox
          checked={late}
          onChange={(e) => setSearch({ late: e.target.checked ? 'true' : null, page: null })}
        >
          {t('reports.overview.onlyLate')}
        </Checkbox>
        <ExportButton path="/api/reports/export" query={exportQuery} testId="overview-export" />
      </Space>
      <ServerTable<MonthlyReport>
        rowKey="id"
        testId="overview-table"
        columns={columns}
        state={state}
        paging={paging}
        empty={t('reports.overview.noReports')}
      />
    </>
  );
}

function MissingReports({ base }: { base: Month & { region?: string } }) {
  const { t, locale } = useI18n();
  const regions = useRegions();
  const can = useCan();
  // The server lists missing reports by region and project code (it takes no other order).
  const paging = usePaging<MissingReport>([], 'm');
  const query = { ...base, page: paging.page, pageSize: paging.pageSize };
  const state = useApiQuery(['/api/reports/missing', JSON.stringify(query)], (signal) =>
    api.get<Page<MissingReport>>('/api/reports/missing', query, signal),
  );
  // The columns of the export (src/domain/tables/reports.ts), then the link to fill or read.
  const columns: TableProps<MissingReport>['columns'] = [
    ...specColumns<MissingReport>(MISSING_TABLE, screenContext(locale, regions.name), {
      projectCode: {
        extra: { width: undefined },
        render: (_, r) => (
          <div>
            <Typography.Text strong>{r.projectName}</Typography.Text>
            <div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {r.projectCode}
              </Typography.Text>
            </div>
          </div>
        ),
      },
      status: {
        render: (text, r) => <Tag color={r.hasDraft ? 'default' : 'error'}>{text}</Tag>,
      },
      lastMonth: {
        render: (text, r) => (r.lastMonth === null ? text : formatMonth(base.year, r.lastMonth, locale)),
      },
    }),
    {
      key: 'actions',
      title: t('common.actions'),
      width: 110,
      render: (_, r) =>
        can('report.fill') || can('report.read') ? (
          <Link to={fillPath(r.projectId, base.year, base.month)}>
            {can('report.fill') ? (
              <>
                <EditOutlined /> {t('reports.overview.fillNow')}
              </>
            ) : (
              t('common.details')
            )}
          </Link>
        ) : null,
    },
  ];
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <ExportButton path="/api/reports/missing/export" query={base} testId="missing-export" />
      </Space>
      <ServerTable<MissingReport>
        rowKey="projectId"
        testId="missing-table"
        columns={columns}
        state={state}
        paging={paging}
        scrollX={800}
        empty={t('reports.overview.noMissing')}
      />
    </>
  );
}
