// 月报审核: the submitted reports in the working region, for the level above the filler — a city
// reviews its counties' reports, the province the cities' own and the directly managed counties'.
// Approve, or return with a reason (required); or the whole page at once (report-bulk-review.tsx).
// Which report the caller may review is what the
// server says (`permissions.approve` / `return`); the others wait for the level above. A report
// someone else changed in the meantime answers 409: the list reloads and says so. On a phone the
// table becomes a list of cards.
import { CheckOutlined, ReloadOutlined, RollbackOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Descriptions,
  Form,
  Modal,
  Pagination,
  Popconfirm,
  Space,
  type TableProps,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { beijingMinute } from '../../../src/domain/tables/columns';
import { REVIEW_TABLE } from '../../../src/domain/tables/reports';
import { ApiError, api } from '../api/client';
import { errorText } from '../api/error-text';
import { useApiQuery } from '../api/query';
import { type MonthlyReport, REPORT_SORTS } from '../api/reports-types';
import type { Page } from '../api/types';
import { ExportButton } from '../components/export-button';
import { PageHeader } from '../components/page-header';
import { EmptyState, ErrorState, Loading } from '../components/states';
import { formatAmount, formatDate, formatDateTime, formatMonth } from '../format';
import { useI18n } from '../i18n';
import { useRegions } from '../regions';
import { setSearch, useLocation } from '../router';
import { ApproveTitle, QualityTags, ReportQuality } from './quality-findings';
import { BulkReview } from './report-bulk-review';
import {
  LateTag,
  MonthPicker,
  monthFromSearch,
  ProjectCell,
  ReturnReasonItem,
  ServerTable,
  usePaging,
  usePhone,
} from './report-shared';
import { screenContext, specColumns } from './spec-columns';

export default function ReportReviewPage() {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const regions = useRegions();
  const phone = usePhone();
  const { search } = useLocation();
  const [returning, setReturning] = useState<MonthlyReport | null>(null);
  const [busy, setBusy] = useState<number | null>(null);

  const paging = usePaging<MonthlyReport>(REPORT_SORTS);
  const { page, pageSize, sort, sortOrder } = paging;
  const month = monthFromSearch(search);
  const region = regions.working ?? undefined;
  const query = { state: 'submitted', region, page, pageSize, sort, ...(month ?? {}) };
  const state = useApiQuery(['/api/reports', 'review', JSON.stringify(query)], (signal) =>
    api.get<Page<MonthlyReport>>('/api/reports', query, signal),
  );

  const failed = (error: unknown) => {
    if (error instanceof ApiError && error.code === 'conflict') void message.warning(t('reports.conflict'));
    else void message.error(errorText(error, t, locale));
    state.reload();
  };

  const approve = async (report: MonthlyReport) => {
    setBusy(report.id);
    try {
      await api.post(`/api/reports/${report.id}/approve`, { version: report.version });
      void message.success(t('reports.review.approved', { name: report.projectName }));
      state.reload();
    } catch (error) {
      failed(error);
    } finally {
      setBusy(null);
    }
  };

  const actions = (report: MonthlyReport, block = false) => {
    const p = report.permissions;
    if (!p.approve && !p.return) return <Tag>{t('reports.review.awaitingAbove')}</Tag>;
    return (
      <Space size={8} wrap style={block ? { width: '100%' } : undefined}>
        {p.approve && (
          <Popconfirm
            title={
              <ApproveTitle
                reportId={report.id}
                version={report.version}
                plain={t('reports.review.approveConfirm', { name: report.projectName })}
              />
            }
            onConfirm={() => approve(report)}
          >
            <Button
              type="primary"
              size={block ? 'middle' : 'small'}
              icon={<CheckOutlined />}
              loading={busy === report.id}
              data-testid="review-approve"
            >
              {t('reports.review.approve')}
            </Button>
          </Popconfirm>
        )}
        {p.return && (
          <Button
            danger
            size={block ? 'middle' : 'small'}
            icon={<RollbackOutlined />}
            onClick={() => setReturning(report)}
            data-testid="review-return"
          >
            {t('reports.review.return')}
          </Button>
        )}
      </Space>
    );
  };

  // The columns of the export (src/domain/tables/reports.ts), the data-quality check (a live check
  // of each report, not a field of the list) after them.
  const sortable = (key: string) => ({ sorter: true, sortOrder: sortOrder(key) });
  const columns: TableProps<MonthlyReport>['columns'] = [
    ...specColumns<MonthlyReport>(REVIEW_TABLE, screenContext(locale, regions.name), {
      projectCode: { render: (_, r) => <ProjectCell report={r} />, extra: sortable('projectCode') },
      month: { extra: sortable('month') },
      investYtd: { extra: sortable('investYtd') },
      updatedAt: {
        render: (_, r) => (
          <Space size={4} wrap>
            {beijingMinute(r.submittedAt ?? r.updatedAt)}
            {r.late && <LateTag />}
          </Space>
        ),
        extra: sortable('updatedAt'),
      },
    }),
    {
      key: 'quality',
      title: t('quality.title'),
      width: 150,
      render: (_, r) => <QualityTags reportId={r.id} version={r.version} />,
    },
    { key: 'actions', title: t('common.actions'), width: 190, fixed: 'right', render: (_, r) => actions(r) },
  ];
  const exportQuery = { state: 'submitted', region, sort, ...(month ?? {}) };

  const items = state.data?.items ?? [];
  const pagination = { ...paging.pagination(state.data?.total), showSizeChanger: !phone };

  return (
    <>
      <PageHeader
        title={t('reports.review.title')}
        extra={
          <>
            <MonthPicker
              allowClear
              testId="review-month"
              value={month}
              onChange={(next) => setSearch({ year: next?.year, month: next?.month, page: null })}
            />
            <Button icon={<ReloadOutlined />} onClick={state.reload}>
              {t('common.refresh')}
            </Button>
            <ExportButton path="/api/reports/export" query={exportQuery} testId="review-export" />
          </>
        }
      />
      <Typography.Paragraph type="secondary">
        {t('reports.review.intro', { region: regions.name(region) || t('reports.review.myScope') })}
      </Typography.Paragraph>
      <BulkReview reports={items} onDone={state.reload} />
      {state.error ? (
        <ErrorState error={state.error} onRetry={state.reload} />
      ) : phone ? (
        <div data-testid="review-cards">
          {state.loading && !state.data ? (
            <Loading />
          ) : items.length === 0 ? (
            <Card>
              <EmptyState text={t('reports.review.empty')} />
            </Card>
          ) : (
            <Space orientation="vertical" size={12} style={{ width: '100%' }}>
              {items.map((r) => (
                <Card
                  key={r.id}
                  size="small"
                  data-testid="review-card"
                  title={<ProjectCell report={r} phone />}
                >
                  <ReportDetails report={r} compact />
                  <div style={{ marginTop: 12 }}>
                    <ReportQuality reportId={r.id} version={r.version} />
                  </div>
                  <div style={{ marginTop: 12 }}>{actions(r, true)}</div>
                </Card>
              ))}
              <Pagination
                {...pagination}
                simple
                align="center"
                onChange={(next) => setSearch({ page: next })}
              />
            </Space>
          )}
        </div>
      ) : (
        <ServerTable<MonthlyReport>
          rowKey="id"
          testId="review-table"
          columns={columns}
          state={state}
          paging={paging}
          scrollX={1000}
          empty={t('reports.review.empty')}
          expandable={{
            expandedRowRender: (r) => (
              <Space orientation="vertical" size={12} style={{ width: '100%' }}>
                <ReportDetails report={r} />
                <ReportQuality reportId={r.id} version={r.version} />
              </Space>
            ),
          }}
          pagination={pagination}
        />
      )}
      {returning && (
        <ReturnDialog
          report={returning}
          onClose={() => setReturning(null)}
          onDone={() => {
            setReturning(null);
            state.reload();
          }}
          onConflict={() => {
            setReturning(null);
            failed(new ApiError(409, 'conflict', ''));
          }}
        />
      )}
    </>
  );
}

/** What the filler reported: amounts, start and completion, the progress text and problems. */
export function ReportDetails({ report, compact = false }: { report: MonthlyReport; compact?: boolean }) {
  const { t, locale } = useI18n();
  const yesNo = (flag: boolean, date: string | null) =>
    flag ? `${t('common.yes')}${date ? ` · ${formatDate(date, locale)}` : ''}` : t('common.no');
  return (
    <Descriptions
      size="small"
      column={compact ? 1 : { xs: 1, md: 2, xl: 4 }}
      items={[
        ...(compact
          ? [
              { key: 'ytd', label: t('reports.investYtd'), children: formatAmount(report.investYtd, locale) },
              {
                key: 'month',
                label: t('reports.investMonth'),
                children: formatAmount(report.investMonth, locale),
              },
            ]
          : []),
        { key: 'started', label: t('reports.started'), children: yesNo(report.started, report.startDate) },
        {
          key: 'completed',
          label: t('reports.completed'),
          children: yesNo(report.completed, report.completionDate),
        },
        { key: 'deadline', label: t('reports.deadline'), children: formatDate(report.deadline, locale) },
        {
          key: 'submittedAt',
          label: t('reports.submittedAt'),
          children: formatDateTime(report.submittedAt ?? report.reportedAt, locale),
        },
        {
          key: 'progress',
          label: t('reports.progressNote'),
          span: compact ? 1 : 'filled',
          children: (
            <Typography.Paragraph
              style={{ margin: 0, whiteSpace: 'pre-wrap' }}
              ellipsis={compact ? { rows: 3, expandable: true, symbol: t('common.details') } : false}
            >
              {report.progressNote ?? '—'}
            </Typography.Paragraph>
          ),
        },
        {
          key: 'problems',
          label: t('reports.problems'),
          span: compact ? 1 : 'filled',
          children: <span style={{ whiteSpace: 'pre-wrap' }}>{report.problems ?? '—'}</span>,
        },
      ]}
    />
  );
}

function ReturnDialog({
  report,
  onClose,
  onDone,
  onConflict,
}: {
  report: MonthlyReport;
  onClose(): void;
  onDone(): void;
  onConflict(): void;
}) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    const { reason } = await form.validateFields();
    setBusy(true);
    try {
      await api.post(`/api/reports/${report.id}/return`, { version: report.version, reason: reason.trim() });
      void message.success(t('reports.review.returned', { name: report.projectName }));
      onDone();
    } catch (error) {
      if (error instanceof ApiError && error.code === 'conflict') onConflict();
      else form.setFields([{ name: 'reason', errors: [errorText(error, t, locale)] }]);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={t('reports.review.returnTitle')}
      okText={t('reports.review.return')}
      okButtonProps={{ danger: true, loading: busy, id: 'return-ok' }}
      onOk={() => void submit().catch(() => {})}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph>
        {report.projectName} · {formatMonth(report.year, report.month, locale)}
      </Typography.Paragraph>
      <Form form={form} layout="vertical">
        <ReturnReasonItem id="return-reason" />
      </Form>
    </Modal>
  );
}
