// 加分扣分 for the province office: events and manual adjustments — list, enter one, import a
// spreadsheet (a file with any bad row is refused whole, every problem listed), approve (never one's
// own entry: the server refuses it too) and revoke with a reason (the row stays, no longer counted).
import { UploadOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Popconfirm,
  Select,
  Space,
  Table,
  Tabs,
  Tag,
  Tooltip,
  Typography,
  Upload,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { api } from '../api/client';
import { errorText } from '../api/error-text';
import { useApi } from '../api/use-api';
import { PageHeader } from '../components/page-header';
import { Async, EmptyState } from '../components/states';
import { formatDateTime } from '../format';
import { useI18n } from '../i18n';
import type { PageProps } from '../routes';
import { useCan, useMe } from '../session';
import { uploadWithProgress } from './import-upload';

type Status = 'pending' | 'approved' | 'revoked';
interface Review {
  id: number;
  status: Status;
  author: string;
  createdAt: string | null;
  approvedBy: string | null;
  approvedAt: string | null;
  revokedBy: string | null;
  revokedAt: string | null;
  revokeReason: string | null;
  version: number;
}
interface EventEntry extends Review {
  regionCode: string;
  eventDate: string;
  item: string;
  count: number;
  note: string | null;
  reason: string | null;
}
interface AdjustmentEntry extends Review {
  scheme: string;
  period: string;
  unitCode: string;
  kind: 'bonus' | 'penalty';
  item: string | null;
  points: string;
  reason: string;
}
interface Choices {
  events: { id: string; name: string }[];
  schemes: {
    id: string;
    name: string;
    bonus: { id: string; name: string }[];
    penalty: { id: string; name: string }[];
  }[];
}

export default function EvaluationEntriesPage(_props: PageProps) {
  const { t } = useI18n();
  const [period, setPeriod] = useState(String(new Date().getFullYear() - 1));
  const choices = useApi(
    (signal) => api.get<Choices>('/api/evaluation-entries/choices', undefined, signal),
    [],
  );
  return (
    <>
      <PageHeader
        title={t('entries.title')}
        extra={
          <Space>
            <label htmlFor="entries-period">{t('entries.period')}</label>
            <Input
              id="entries-period"
              value={period}
              onChange={(e) => setPeriod(e.target.value.trim())}
              style={{ width: 120 }}
            />
          </Space>
        }
      />
      <Alert type="info" showIcon title={t('entries.hint')} style={{ marginBottom: 16 }} />
      <Async state={choices}>
        {(c) => (
          <Tabs
            items={[
              { key: 'events', label: t('entries.events'), children: <Events period={period} choices={c} /> },
              {
                key: 'adjustments',
                label: t('entries.adjustments'),
                children: <Adjustments period={period} choices={c} />,
              },
            ]}
          />
        )}
      </Async>
    </>
  );
}

function StatusCell({ row }: { row: Review }) {
  const { t, locale } = useI18n();
  if (row.status === 'approved')
    return (
      <Tag color="green">
        {t('entries.approved')} · {row.approvedBy}
      </Tag>
    );
  if (row.status === 'revoked')
    return (
      <Tooltip
        title={t('entries.revokedInfo', {
          by: row.revokedBy ?? '',
          at: row.revokedAt ? formatDateTime(row.revokedAt, locale) : '',
          reason: row.revokeReason ?? '',
        })}
      >
        <Tag>{t('entries.revoked')}</Tag>
      </Tooltip>
    );
  return <Tag color="gold">{t('entries.pending')}</Tag>;
}

function ReviewActions({ row, base, onDone }: { row: Review; base: string; onDone(): void }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const me = useMe();
  const can = useCan();
  const [reason, setReason] = useState('');
  const act = async (path: string, body: unknown) => {
    try {
      await api.post(`${base}/${row.id}/${path}`, body);
      onDone();
    } catch (error) {
      message.error(errorText(error, t, locale));
    }
  };
  if (row.status === 'revoked') return null;
  const own = row.author === me.username;
  return (
    <Space size={4}>
      {row.status === 'pending' && can('evaluationEntry.approve') && (
        <Tooltip title={own ? t('entries.ownEntry') : undefined}>
          <Button
            size="small"
            type="primary"
            disabled={own}
            onClick={() => act('approve', { version: row.version })}
          >
            {t('entries.approve')}
          </Button>
        </Tooltip>
      )}
      {can('evaluationEntry.revoke') && (
        <Popconfirm
          title={t('entries.revokeReason')}
          description={
            <Input
              aria-label={t('entries.revokeReason')}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
            />
          }
          okButtonProps={{ disabled: !reason.trim() }}
          onConfirm={() => act('revoke', { version: row.version, reason: reason.trim() })}
        >
          <Button size="small" danger>
            {t('entries.revoke')}
          </Button>
        </Popconfirm>
      )}
    </Space>
  );
}

function ImportButton({ path, hint, onDone }: { path: string; hint: string; onDone(): void }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [error, setError] = useState<string | null>(null);
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space>
        <Upload
          accept=".xlsx,.csv"
          showUploadList={false}
          beforeUpload={async (file) => {
            setError(null);
            try {
              const out = await uploadWithProgress<{ items: unknown[] }>(path, file);
              message.success(t('entries.importedCount', { n: out.items.length }));
              onDone();
            } catch (caught) {
              setError(errorText(caught, t, locale));
            }
            return false;
          }}
        >
          <Button icon={<UploadOutlined />}>{t('entries.import')}</Button>
        </Upload>
        <Typography.Text type="secondary">{hint}</Typography.Text>
      </Space>
      {error && (
        <Alert type="error" showIcon title={<span style={{ whiteSpace: 'pre-wrap' }}>{error}</span>} />
      )}
    </Space>
  );
}

function useSubmit(onDone: () => void) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const submit = async (path: string, body: unknown) => {
    setBusy(true);
    try {
      await api.post(path, body);
      message.success(t('entries.saved'));
      onDone();
      return true;
    } catch (error) {
      message.error(errorText(error, t, locale));
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { busy, submit };
}

function Events({ period, choices }: { period: string; choices: Choices }) {
  const { t } = useI18n();
  const can = useCan();
  const list = useApi(
    (signal) => api.get<{ items: EventEntry[] }>('/api/evaluation-events', { period }, signal),
    [period],
  );
  const { busy, submit } = useSubmit(list.reload);
  const [form] = Form.useForm();
  const names = new Map(choices.events.map((i) => [i.id, i.name]));
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      {can('evaluationEntry.enter') && (
        <Card size="small" title={t('entries.add')}>
          <Form
            form={form}
            layout="inline"
            initialValues={{ count: 1 }}
            onFinish={async (v: {
              regionCode: string;
              eventDate: Dayjs;
              item: string;
              count: number;
              reason: string;
              note?: string;
            }) => {
              const ok = await submit('/api/evaluation-events', {
                ...v,
                eventDate: v.eventDate.format('YYYY-MM-DD'),
                note: v.note?.trim() || null,
              });
              if (ok) form.resetFields();
            }}
          >
            <Form.Item
              name="regionCode"
              label={t('entries.region')}
              rules={[{ required: true, pattern: /^\d{6}$/ }]}
            >
              <Input style={{ width: 100 }} />
            </Form.Item>
            <Form.Item name="eventDate" label={t('entries.date')} rules={[{ required: true }]}>
              <DatePicker />
            </Form.Item>
            <Form.Item name="item" label={t('entries.item')} rules={[{ required: true }]}>
              <Select
                style={{ width: 260 }}
                options={choices.events.map((i) => ({ value: i.id, label: i.name }))}
              />
            </Form.Item>
            <Form.Item name="count" label={t('entries.count')} rules={[{ required: true }]}>
              <InputNumber min={1} max={1000} precision={0} />
            </Form.Item>
            <Form.Item
              name="reason"
              label={t('entries.reason')}
              rules={[{ required: true, whitespace: true }]}
            >
              <Input style={{ width: 260 }} />
            </Form.Item>
            <Form.Item name="note" label={t('entries.note')}>
              <Input style={{ width: 200 }} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={busy}>
              {t('entries.add')}
            </Button>
          </Form>
          <div style={{ marginTop: 12 }}>
            <ImportButton
              path="/api/evaluation-events/import"
              hint={t('entries.eventColumns')}
              onDone={list.reload}
            />
          </div>
        </Card>
      )}
      <Async state={list}>
        {({ items }) => (
          <Table<EventEntry>
            size="small"
            rowKey="id"
            dataSource={items}
            data-testid="entries-events"
            locale={{ emptyText: <EmptyState text={t('entries.none')} /> }}
            columns={[
              { key: 'date', title: t('entries.date'), dataIndex: 'eventDate', width: 110 },
              { key: 'region', title: t('entries.region'), dataIndex: 'regionCode', width: 90 },
              { key: 'item', title: t('entries.item'), render: (_, r) => names.get(r.item) ?? r.item },
              { key: 'count', title: t('entries.count'), dataIndex: 'count', width: 60, align: 'right' },
              {
                key: 'reason',
                title: t('entries.reason'),
                render: (_, r) => [r.reason, r.note].filter(Boolean).join(' · '),
              },
              { key: 'author', title: t('entries.author'), dataIndex: 'author', width: 110 },
              { key: 'status', title: t('entries.status'), render: (_, r) => <StatusCell row={r} /> },
              {
                key: 'actions',
                title: t('entries.actions'),
                render: (_, r) => (
                  <ReviewActions row={r} base="/api/evaluation-events" onDone={list.reload} />
                ),
              },
            ]}
          />
        )}
      </Async>
    </Space>
  );
}

function Adjustments({ period, choices }: { period: string; choices: Choices }) {
  const { t } = useI18n();
  const can = useCan();
  const list = useApi(
    (signal) => api.get<{ items: AdjustmentEntry[] }>('/api/evaluation-adjustments', { period }, signal),
    [period],
  );
  const { busy, submit } = useSubmit(list.reload);
  const [form] = Form.useForm();
  const scheme: string | undefined = Form.useWatch('scheme', form);
  const kind: 'bonus' | 'penalty' | undefined = Form.useWatch('kind', form);
  const items = choices.schemes.find((s) => s.id === scheme)?.[kind ?? 'bonus'] ?? [];
  const itemName = (s: string, k: 'bonus' | 'penalty', id: string | null) =>
    id === null
      ? t('entries.noItem')
      : (choices.schemes.find((x) => x.id === s)?.[k].find((i) => i.id === id)?.name ?? id);
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      {can('evaluationEntry.enter') && (
        <Card size="small" title={t('entries.add')}>
          <Form
            form={form}
            layout="inline"
            initialValues={{ scheme: choices.schemes[0]?.id, kind: 'bonus', period }}
            onFinish={async (v: {
              scheme: string;
              period: string;
              unitCode: string;
              kind: string;
              item?: string;
              points: string;
              reason: string;
            }) => {
              const ok = await submit('/api/evaluation-adjustments', { ...v, item: v.item ?? null });
              if (ok) form.resetFields(['unitCode', 'item', 'points', 'reason']);
            }}
          >
            <Form.Item name="scheme" label={t('entries.scheme')} rules={[{ required: true }]}>
              <Select
                style={{ width: 200 }}
                options={choices.schemes.map((s) => ({ value: s.id, label: s.name }))}
              />
            </Form.Item>
            <Form.Item name="period" label={t('entries.period')} rules={[{ required: true }]}>
              <Input style={{ width: 90 }} />
            </Form.Item>
            <Form.Item
              name="unitCode"
              label={t('entries.region')}
              rules={[{ required: true, pattern: /^\d{6}$/ }]}
            >
              <Input style={{ width: 100 }} />
            </Form.Item>
            <Form.Item name="kind" label={t('entries.kind')} rules={[{ required: true }]}>
              <Select
                style={{ width: 90 }}
                options={[
                  { value: 'bonus', label: t('entries.bonus') },
                  { value: 'penalty', label: t('entries.penalty') },
                ]}
              />
            </Form.Item>
            <Form.Item name="item" label={t('entries.item')}>
              <Select
                allowClear
                style={{ width: 240 }}
                placeholder={t('entries.noItem')}
                options={items.map((i) => ({ value: i.id, label: i.name }))}
              />
            </Form.Item>
            <Form.Item
              name="points"
              label={t('entries.points')}
              rules={[{ required: true, pattern: /^\d{1,6}(\.\d{1,2})?$/ }]}
            >
              <Input style={{ width: 90 }} inputMode="decimal" />
            </Form.Item>
            <Form.Item
              name="reason"
              label={t('entries.reason')}
              rules={[{ required: true, whitespace: true }]}
            >
              <Input style={{ width: 260 }} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={busy}>
              {t('entries.add')}
            </Button>
          </Form>
          <div style={{ marginTop: 12 }}>
            <ImportButton
              path="/api/evaluation-adjustments/import"
              hint={t('entries.adjustmentColumns')}
              onDone={list.reload}
            />
          </div>
        </Card>
      )}
      <Async state={list}>
        {({ items: rows }) => (
          <Table<AdjustmentEntry>
            size="small"
            rowKey="id"
            dataSource={rows}
            data-testid="entries-adjustments"
            locale={{ emptyText: <EmptyState text={t('entries.none')} /> }}
            columns={[
              { key: 'scheme', title: t('entries.scheme'), dataIndex: 'scheme', width: 130 },
              { key: 'period', title: t('entries.period'), dataIndex: 'period', width: 80 },
              { key: 'unit', title: t('entries.region'), dataIndex: 'unitCode', width: 90 },
              {
                key: 'kind',
                title: t('entries.kind'),
                width: 70,
                render: (_, r) =>
                  r.kind === 'bonus' ? (
                    <Tag color="green">{t('entries.bonus')}</Tag>
                  ) : (
                    <Tag color="red">{t('entries.penalty')}</Tag>
                  ),
              },
              { key: 'points', title: t('entries.points'), dataIndex: 'points', width: 70, align: 'right' },
              { key: 'item', title: t('entries.item'), render: (_, r) => itemName(r.scheme, r.kind, r.item) },
              { key: 'reason', title: t('entries.reason'), dataIndex: 'reason' },
              { key: 'author', title: t('entries.author'), dataIndex: 'author', width: 110 },
              { key: 'status', title: t('entries.status'), render: (_, r) => <StatusCell row={r} /> },
              {
                key: 'actions',
                title: t('entries.actions'),
                render: (_, r) => (
                  <ReviewActions row={r} base="/api/evaluation-adjustments" onDone={list.reload} />
                ),
              },
            ]}
          />
        )}
      </Async>
    </Space>
  );
}
