// 报送提醒群机器人 on the settings page: each region's 企业微信 / 钉钉 group robot (the system
// administrator adds, edits and deletes them; the security administrator reads), the recent
// deliveries, and running the period's reminders now — first as a preview that sends nothing.
// The URL comes back masked and the 加签 secret never: editing leaves each empty field as it was.
import {
  Alert,
  App,
  Button,
  Card,
  Form,
  Input,
  Modal,
  Popconfirm,
  Select,
  Space,
  Switch,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { api } from '../api/client';
import { errorText } from '../api/error-text';
import { useGet } from '../api/query';
import type { ReminderRun, Robot, RobotDelivery, RobotList } from '../api/types';
import { Async, EmptyState } from '../components/states';
import { formatDateTime, formatPeriod } from '../format';
import { type Translate, useI18n } from '../i18n';
import { useRegions } from '../regions';
import { useCan } from '../session';
import { type DialogValues, ROBOT_KINDS, robotBody } from './robot-body';

const STATUS_COLORS = {
  pending: 'processing',
  sent: 'success',
  failed: 'error',
  planned: 'default',
} as const;

export default function RobotSettings() {
  const { t, locale } = useI18n();
  const can = useCan();
  const editable = can('settings.report');
  const state = useGet<RobotList>('/api/reminder-webhooks');
  const [editing, setEditing] = useState<Robot | 'new' | null>(null);
  const [run, setRun] = useState<ReminderRun | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState<'preview' | 'run' | null>(null);

  const remind = async (dryRun: boolean) => {
    setBusy(dryRun ? 'preview' : 'run');
    setError(null);
    try {
      setRun(await api.post<ReminderRun>('/api/reminders/run', { dryRun }));
      state.reload();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  };

  return (
    <Card
      title={t('robots.title')}
      size="small"
      data-testid="settings-robots"
      extra={
        editable && (
          <Button type="primary" onClick={() => setEditing('new')} data-testid="robot-add">
            {t('robots.add')}
          </Button>
        )
      }
    >
      <Typography.Paragraph type="secondary">{t('robots.intro')}</Typography.Paragraph>
      {error !== null && (
        <Alert type="error" showIcon title={errorText(error, t, locale)} style={{ marginBottom: 16 }} />
      )}
      <Async state={state}>
        {(list) => (
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <RobotTable
              robots={list.items}
              editable={editable}
              onEdit={setEditing}
              onDeleted={state.reload}
            />
            {editable && (
              <Space wrap>
                <Button onClick={() => remind(true)} loading={busy === 'preview'} data-testid="robot-preview">
                  {t('robots.preview')}
                </Button>
                <Popconfirm title={t('robots.runConfirm')} onConfirm={() => remind(false)}>
                  <Button loading={busy === 'run'} data-testid="robot-run">
                    {t('robots.runNow')}
                  </Button>
                </Popconfirm>
              </Space>
            )}
            {run && <RunResult run={run} />}
            <Deliveries deliveries={list.deliveries} />
          </Space>
        )}
      </Async>
      {editing && (
        <RobotDialog
          robot={editing === 'new' ? null : editing}
          taken={new Set((state.data?.items ?? []).map((robot) => robot.regionCode))}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            state.reload();
          }}
        />
      )}
    </Card>
  );
}

const kindLabel = (kind: string, t: Translate) =>
  t(kind === 'dingtalk' ? 'robots.kind.dingtalk' : 'robots.kind.wecom');

function RobotTable({
  robots,
  editable,
  onEdit,
  onDeleted,
}: {
  robots: Robot[];
  editable: boolean;
  onEdit(robot: Robot): void;
  onDeleted(): void;
}) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const remove = async (robot: Robot) => {
    try {
      await api.delete(`/api/reminder-webhooks/${encodeURIComponent(robot.regionCode)}`);
      void message.success(t('robots.deleted'));
      onDeleted();
    } catch (e) {
      void message.error(errorText(e, t, locale));
    }
  };
  return (
    <Table<Robot>
      rowKey="regionCode"
      size="small"
      pagination={false}
      dataSource={robots}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: <EmptyState text={t('robots.none')} /> }}
      data-testid="robot-table"
      columns={[
        { title: t('robots.region'), dataIndex: 'regionName', key: 'region' },
        { title: t('robots.kind'), key: 'kind', render: (_, robot) => kindLabel(robot.kind, t) },
        {
          title: t('robots.url'),
          dataIndex: 'url',
          key: 'url',
          // The masked address in full on hover (the last 4 characters of the key tell robots apart).
          render: (url: string) => (
            <Typography.Text code ellipsis={{ tooltip: url }} style={{ maxWidth: 360 }}>
              {url}
            </Typography.Text>
          ),
        },
        {
          title: t('robots.secret'),
          key: 'secret',
          render: (_, robot) => (robot.hasSecret ? t('common.yes') : t('common.no')),
        },
        {
          title: t('robots.enabled'),
          key: 'enabled',
          render: (_, robot) => (robot.enabled ? t('common.yes') : t('common.no')),
        },
        {
          title: t('robots.updated'),
          key: 'updated',
          render: (_, robot) => `${robot.updatedBy} · ${formatDateTime(robot.updatedAt, locale)}`,
        },
        ...(editable
          ? [
              {
                title: t('common.actions'),
                key: 'actions',
                render: (_: unknown, robot: Robot) => (
                  <Space>
                    <Button size="small" onClick={() => onEdit(robot)} data-testid="robot-edit">
                      {t('common.edit')}
                    </Button>
                    <Popconfirm
                      title={t('robots.deleteConfirm', { region: robot.regionName })}
                      onConfirm={() => remove(robot)}
                    >
                      <Button size="small" danger data-testid="robot-delete">
                        {t('robots.delete')}
                      </Button>
                    </Popconfirm>
                  </Space>
                ),
              },
            ]
          : []),
      ]}
    />
  );
}

function RobotDialog({
  robot,
  taken,
  onClose,
  onSaved,
}: {
  robot: Robot | null;
  taken: Set<string>;
  onClose(): void;
  onSaved(): void;
}) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const regions = useRegions();
  const [form] = Form.useForm<DialogValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const choices = regions.all.filter(
    (region) => region.code === robot?.regionCode || !taken.has(region.code),
  );

  const save = async (values: DialogValues) => {
    setBusy(true);
    setError(null);
    try {
      const body = robotBody(values, robot);
      if (!body) return;
      await api.put(`/api/reminder-webhooks/${encodeURIComponent(values.region)}`, body);
      void message.success(t('common.saved'));
      onSaved();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={robot ? `${t('common.edit')} · ${robot.regionName}` : t('robots.add')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      destroyOnHidden
    >
      {error !== null && (
        <Alert type="error" showIcon title={errorText(error, t, locale)} style={{ marginBottom: 16 }} />
      )}
      <Form<DialogValues>
        form={form}
        layout="vertical"
        onFinish={save}
        initialValues={{
          region: robot?.regionCode,
          kind: robot?.kind ?? 'wecom',
          enabled: robot?.enabled ?? true,
        }}
      >
        <Form.Item
          name="region"
          label={t('robots.region')}
          rules={[{ required: true }]}
          htmlFor="robot-region"
        >
          <Select
            id="robot-region"
            showSearch={{ optionFilterProp: 'label' }}
            disabled={robot !== null}
            options={choices.map((region) => ({ value: region.code, label: region.name }))}
          />
        </Form.Item>
        <Form.Item name="kind" label={t('robots.kind')} rules={[{ required: true }]} htmlFor="robot-kind">
          <Select
            id="robot-kind"
            options={ROBOT_KINDS.map((kind) => ({ value: kind, label: kindLabel(kind, t) }))}
          />
        </Form.Item>
        <Form.Item
          name="url"
          label={t('robots.url')}
          htmlFor="robot-url"
          rules={[{ required: robot === null }, { type: 'url' }]}
          extra={robot ? t('robots.urlKept', { url: robot.url }) : undefined}
        >
          <Input
            id="robot-url"
            autoComplete="off"
            placeholder="https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…"
          />
        </Form.Item>
        <Form.Item
          name="secret"
          label={t('robots.secret')}
          htmlFor="robot-secret"
          extra={robot?.hasSecret ? t('robots.secretKept') : t('robots.secretNone')}
        >
          <Input.Password id="robot-secret" autoComplete="new-password" />
        </Form.Item>
        {robot?.hasSecret && (
          <Form.Item
            name="clearSecret"
            valuePropName="checked"
            label={t('robots.clearSecret')}
            htmlFor="robot-clear"
          >
            <Switch id="robot-clear" />
          </Form.Item>
        )}
        <Form.Item name="enabled" valuePropName="checked" label={t('robots.enabled')} htmlFor="robot-enabled">
          <Switch id="robot-enabled" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function RunResult({ run }: { run: ReminderRun }) {
  const { t, locale } = useI18n();
  const due = !run.enabled
    ? t('robots.disabled')
    : run.due
      ? t('robots.due')
      : t('robots.notDue', { days: run.daysBefore });
  return (
    <Alert
      type={run.due ? 'info' : 'warning'}
      showIcon
      data-testid="robot-run-result"
      title={
        <>
          {t('robots.runResult', {
            period: formatPeriod(run.period.id, locale),
            deadline: run.period.deadline,
            days: run.period.daysLeft,
            due,
            reports: run.reports,
            messages: run.messages,
            robots: run.deliveries.length,
          })}
          {run.dryRun && <Tag style={{ marginInlineStart: 8 }}>{t('robots.dryRun')}</Tag>}
        </>
      }
    />
  );
}

function Deliveries({ deliveries }: { deliveries: RobotDelivery[] }) {
  const { t, locale } = useI18n();
  return (
    <Table<RobotDelivery>
      rowKey="id"
      size="small"
      title={() => t('robots.deliveries')}
      pagination={{ pageSize: 10, hideOnSinglePage: true }}
      dataSource={deliveries}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: <EmptyState text={t('robots.noDeliveries')} /> }}
      data-testid="robot-deliveries"
      columns={[
        { title: t('robots.time'), key: 'time', render: (_, d) => formatDateTime(d.createdAt, locale) },
        { title: t('robots.region'), dataIndex: 'regionName', key: 'region' },
        { title: t('robots.kind'), key: 'kind', render: (_, d) => kindLabel(d.kind, t) },
        { title: t('robots.period'), key: 'period', render: (_, d) => formatPeriod(d.period, locale) },
        { title: t('robots.reports'), dataIndex: 'reports', key: 'reports', align: 'right' },
        {
          title: t('robots.status'),
          key: 'status',
          render: (_, d) => (
            <Tag color={STATUS_COLORS[d.status]} title={d.error ?? undefined}>
              {t(`robots.status.${d.status}`)}
              {d.httpStatus !== null ? ` · HTTP ${d.httpStatus}` : ''}
            </Tag>
          ),
        },
      ]}
    />
  );
}
