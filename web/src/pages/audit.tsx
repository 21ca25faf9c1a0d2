// 审计日志 (审计管理员): the audit trail with filters kept in the address (a filtered view can be
// bookmarked or shared), server-side paging, each row's details, and CSV export of the filter.
import { DownloadOutlined, ReloadOutlined, SearchOutlined } from '@ant-design/icons';
import { Button, Card, DatePicker, Form, Input, Select, Table, type TableProps, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { api, withQuery } from '../api/client';
import { useApiQuery } from '../api/query';
import type { AuditRow, Page } from '../api/types';
import { PageHeader } from '../components/page-header';
import { ErrorState } from '../components/states';
import { formatDateTime } from '../format';
import { type MessageKey, useI18n } from '../i18n';
import { setSearch, useLocation } from '../router';

const FILTERS = ['actor', 'action', 'outcome', 'targetType', 'targetId', 'from', 'to'] as const;
type Filter = (typeof FILTERS)[number];
const OUTCOMES = ['ok', 'denied', 'failed', 'rejected'] as const;
const OUTCOME_COLOURS: Record<string, string> = {
  ok: 'green',
  denied: 'red',
  failed: 'orange',
  rejected: 'volcano',
};

interface FormValues {
  actor?: string;
  action?: string;
  outcome?: string;
  targetType?: string;
  targetId?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
}

export default function AuditPage() {
  const { t, locale } = useI18n();
  const { search } = useLocation();
  const [form] = Form.useForm<FormValues>();
  const page = Number(search.get('page') ?? 1) || 1;
  const pageSize = Number(search.get('pageSize') ?? 20) || 20;
  const filters = Object.fromEntries(
    FILTERS.map((name) => [name, search.get(name) ?? undefined]).filter(([, v]) => v),
  ) as Partial<Record<Filter, string>>;
  const key = JSON.stringify({ page, pageSize, filters });
  const state = useApiQuery(['/api/audit', key], (signal) =>
    api.get<Page<AuditRow>>('/api/audit', { ...filters, page, pageSize }, signal),
  );

  // The form shows what the address says (also after back/forward).
  // biome-ignore lint/correctness/useExhaustiveDependencies: the filters are encoded in key
  useEffect(() => {
    form.setFieldsValue({
      actor: filters.actor,
      action: filters.action,
      outcome: filters.outcome,
      targetType: filters.targetType,
      targetId: filters.targetId,
      range: filters.from || filters.to ? [day(filters.from), day(filters.to)] : null,
    });
  }, [key, form]);

  const apply = (values: FormValues) => {
    const [from, to] = values.range ?? [];
    setSearch({
      actor: values.actor?.trim(),
      action: values.action?.trim(),
      outcome: values.outcome,
      targetType: values.targetType?.trim(),
      targetId: values.targetId?.trim(),
      from: from ? from.startOf('minute').format() : null,
      to: to ? to.endOf('minute').format() : null,
      page: null,
    });
  };

  const reset = () => {
    form.resetFields();
    setSearch(Object.fromEntries([...FILTERS, 'page'].map((name) => [name, null])));
  };

  const columns: TableProps<AuditRow>['columns'] = [
    {
      key: 'at',
      title: t('audit.time'),
      dataIndex: 'at',
      width: 190,
      render: (at: string) => formatDateTime(at, locale, { seconds: true }),
    },
    { key: 'actor', title: t('audit.actor'), dataIndex: 'actor', width: 150, ellipsis: true },
    {
      key: 'action',
      title: t('audit.action'),
      dataIndex: 'action',
      width: 200,
      render: (action: string) => <Typography.Text code>{action}</Typography.Text>,
    },
    {
      key: 'target',
      title: t('audit.target'),
      ellipsis: true,
      render: (_, row) => [row.targetType, row.targetId].filter(Boolean).join(' · ') || '—',
    },
    {
      key: 'outcome',
      title: t('audit.outcome'),
      dataIndex: 'outcome',
      width: 100,
      render: (outcome: string) => (
        <Tag color={OUTCOME_COLOURS[outcome] ?? 'default'}>{outcomeLabel(outcome, t)}</Tag>
      ),
    },
    {
      key: 'ip',
      title: t('audit.ip'),
      dataIndex: 'ip',
      width: 140,
      render: (ip: string | null) => ip ?? '—',
    },
  ];

  return (
    <>
      <PageHeader
        title={t('audit.title')}
        extra={
          <>
            <Button icon={<ReloadOutlined />} onClick={state.reload}>
              {t('common.refresh')}
            </Button>
            <Button
              icon={<DownloadOutlined />}
              href={withQuery('/api/audit/export', filters)}
              download
              data-testid="audit-export"
            >
              {t('audit.exportCsv')}
            </Button>
          </>
        }
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Form form={form} layout="inline" onFinish={apply} className="sibi-filter-form">
          <Form.Item name="actor" label={t('audit.actor')} htmlFor="audit-actor">
            <Input allowClear style={{ width: 140 }} id="audit-actor" />
          </Form.Item>
          <Form.Item
            name="action"
            label={t('audit.action')}
            tooltip={t('audit.actionHint')}
            htmlFor="audit-action"
          >
            <Input allowClear style={{ width: 160 }} placeholder="auth." id="audit-action" />
          </Form.Item>
          <Form.Item name="outcome" label={t('audit.outcome')}>
            <Select
              allowClear
              style={{ width: 110 }}
              options={OUTCOMES.map((o) => ({ value: o, label: outcomeLabel(o, t) }))}
            />
          </Form.Item>
          <Form.Item name="targetType" label={t('audit.targetType')}>
            <Input allowClear style={{ width: 120 }} />
          </Form.Item>
          <Form.Item name="targetId" label={t('audit.targetId')}>
            <Input allowClear style={{ width: 140 }} />
          </Form.Item>
          <Form.Item name="range" label={t('audit.range')}>
            <DatePicker.RangePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" allowEmpty />
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
              {t('common.search')}
            </Button>
          </Form.Item>
          <Form.Item>
            <Button onClick={reset}>{t('common.reset')}</Button>
          </Form.Item>
        </Form>
      </Card>
      {state.error ? (
        <ErrorState error={state.error} onRetry={state.reload} />
      ) : (
        <Table<AuditRow>
          rowKey="id"
          size="small"
          data-testid="audit-table"
          columns={columns}
          dataSource={state.data?.items ?? []}
          loading={state.loading}
          scroll={{ x: 900 }}
          expandable={{
            expandedRowRender: (row) => <AuditDetails row={row} />,
            rowExpandable: (row) => row.details !== null || row.before !== null || row.after !== null,
          }}
          pagination={{
            current: page,
            pageSize,
            total: state.data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [20, 50, 100, 200],
            showTotal: (total) => t('common.total', { total }),
            onChange: (next, size) => setSearch({ page: size === pageSize ? next : 1, pageSize: size }),
          }}
        />
      )}
    </>
  );
}

function AuditDetails({ row }: { row: AuditRow }) {
  const { t } = useI18n();
  const parts: [MessageKey, unknown][] = [
    ['audit.details', row.details],
    ['audit.before', row.before],
    ['audit.after', row.after],
  ];
  return (
    <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(260px, 1fr))', gap: 12 }}>
      {parts
        .filter(([, value]) => value !== null && value !== undefined)
        .map(([label, value]) => (
          <div key={label}>
            <Typography.Text strong>{t(label)}</Typography.Text>
            <pre className="sibi-json">{JSON.stringify(value, null, 2)}</pre>
          </div>
        ))}
    </div>
  );
}

function outcomeLabel(outcome: string, t: (key: MessageKey) => string): string {
  const key = `audit.outcome.${outcome}` as MessageKey;
  return OUTCOMES.includes(outcome as (typeof OUTCOMES)[number]) ? t(key) : outcome;
}

const day = (iso: string | undefined): Dayjs | null => (iso ? dayjs(iso) : null);
