// 审计日志 (审计管理员): the audit trail in words — each action, object and outcome labelled (Chinese
// first), a change opened shows each field before → after — with filters (user, action, object,
// outcome, time) kept in the address (a filtered view can be bookmarked or shared), server-side
// paging, and the filtered list exported as Excel or CSV.
import { DownloadOutlined, ReloadOutlined, SearchOutlined } from '@ant-design/icons';
import {
  AutoComplete,
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  Select,
  Table,
  type TableProps,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import type { AuditChoices } from '../../../src/http/contract';
import { api, withQuery } from '../api/client';
import { useApiQuery } from '../api/query';
import type { AuditRow, Page } from '../api/types';
import { PageHeader } from '../components/page-header';
import { ErrorState } from '../components/states';
import { formatDateTime } from '../format';
import { type MessageKey, useI18n } from '../i18n';
import { setSearch, useLocation } from '../router';
import { AuditEntry, hasDetails } from './audit-entry';

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
  const choices = useApiQuery(['/api/audit/choices'], (signal) =>
    api.get<AuditChoices>('/api/audit/choices', {}, signal),
  ).data;
  const en = locale === 'en';
  const labelOf = (c: { zh: string; en: string }) => (en ? c.en : c.zh);
  const actionOptions = (choices?.actions ?? []).map((c) => ({
    value: c.value,
    label: `${labelOf(c)} · ${c.value}`,
  }));

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
      width: 220,
      render: (action: string, row) => (
        <>
          <div>{en ? row.actionLabelEn : row.actionLabel}</div>
          <Typography.Text type="secondary" code style={{ fontSize: 12 }}>
            {action}
          </Typography.Text>
        </>
      ),
    },
    {
      key: 'target',
      title: t('audit.target'),
      ellipsis: true,
      render: (_, row) =>
        [en ? row.targetTypeLabelEn : row.targetTypeLabel, row.targetLabel].filter(Boolean).join(' · ') ||
        '—',
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
            <Tooltip title={t('audit.exportHint')}>
              <Button
                icon={<DownloadOutlined />}
                href={withQuery('/api/audit/export', { ...filters, format: 'xlsx' })}
                download
                data-testid="audit-export-xlsx"
              >
                {t('audit.exportXlsx')}
              </Button>
            </Tooltip>
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
            <AutoComplete
              allowClear
              style={{ width: 150 }}
              id="audit-actor"
              defaultActiveFirstOption={false}
              options={(choices?.actors ?? []).map((actor) => ({ value: actor }))}
              showSearch={{
                filterOption: (input, option) => String(option?.value ?? '').includes(input.trim()),
              }}
            />
          </Form.Item>
          <Form.Item
            name="action"
            label={t('audit.action')}
            tooltip={t('audit.actionHint')}
            htmlFor="audit-action"
          >
            <AutoComplete
              allowClear
              style={{ width: 240 }}
              placeholder="auth."
              id="audit-action"
              defaultActiveFirstOption={false}
              options={actionOptions}
              popupMatchSelectWidth={320}
              showSearch={{
                filterOption: (input, option) =>
                  String(option?.label ?? '')
                    .toLowerCase()
                    .includes(input.trim().toLowerCase()),
              }}
            />
          </Form.Item>
          <Form.Item name="outcome" label={t('audit.outcome')}>
            <Select
              allowClear
              style={{ width: 110 }}
              options={OUTCOMES.map((o) => ({ value: o, label: outcomeLabel(o, t) }))}
            />
          </Form.Item>
          <Form.Item name="targetType" label={t('audit.targetType')}>
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              style={{ width: 150 }}
              options={(choices?.objects ?? []).map((c) => ({ value: c.value, label: labelOf(c) }))}
            />
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
            expandedRowRender: (row) => <AuditEntry row={row} />,
            rowExpandable: hasDetails,
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

function outcomeLabel(outcome: string, t: (key: MessageKey) => string): string {
  const key = `audit.outcome.${outcome}` as MessageKey;
  return OUTCOMES.includes(outcome as (typeof OUTCOMES)[number]) ? t(key) : outcome;
}

const day = (iso: string | undefined): Dayjs | null => (iso ? dayjs(iso) : null);
