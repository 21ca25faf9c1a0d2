// 系统设置: report settings (系统管理员) and security policies (安全管理员). Each administrator
// sees both groups and may change only their own (the server marks each item `editable`); below them
// the reminders' group robots (settings-robots.tsx).
import { Alert, App, Button, Card, Form, InputNumber, Space, Switch, Tag } from 'antd';
import { useState } from 'react';
import { api } from '../api/client';
import { errorText } from '../api/error-text';
import { useGet } from '../api/query';
import type { SettingItem, SettingsView } from '../api/types';
import { PageHeader } from '../components/page-header';
import { Async, EmptyState } from '../components/states';
import { isMessageKey, type Translate, useI18n } from '../i18n';
import RobotSettings from './settings-robots';

const GROUPS = ['report', 'security'] as const;

export default function SettingsPage() {
  const { t } = useI18n();
  const state = useGet<SettingsView>('/api/settings');
  return (
    <>
      <PageHeader title={t('settings.title')} />
      <Async state={state}>
        {(view) =>
          view.items.length === 0 ? (
            <EmptyState />
          ) : (
            <Space orientation="vertical" size={16} style={{ width: '100%' }}>
              {GROUPS.map((group) => {
                const items = view.items.filter((item) => item.group === group);
                return items.length === 0 ? null : (
                  <SettingsGroup key={group} group={group} items={items} onSaved={state.reload} />
                );
              })}
              <RobotSettings />
            </Space>
          )
        }
      </Async>
    </>
  );
}

type Values = Record<string, number | boolean>;

function SettingsGroup({
  group,
  items,
  onSaved,
}: {
  group: (typeof GROUPS)[number];
  items: SettingItem[];
  onSaved(): void;
}) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const editable = items.some((item) => item.editable);
  const initial = Object.fromEntries(items.map((item) => [item.key, item.value]));

  const save = async (values: Values) => {
    const changed = Object.fromEntries(
      items
        .filter((item) => item.editable && values[item.key] !== item.value)
        .map((item) => [item.key, values[item.key]]),
    );
    if (Object.keys(changed).length === 0) {
      void message.info(t('settings.noChanges'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await api.patch<SettingsView>('/api/settings', changed);
      void message.success(t('common.saved'));
      onSaved();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card
      title={t(`settings.group.${group}`)}
      size="small"
      extra={!editable && <Tag>{t('settings.readonly')}</Tag>}
      data-testid={`settings-${group}`}
    >
      {error !== null && (
        <Alert type="error" showIcon title={errorText(error, t, locale)} style={{ marginBottom: 16 }} />
      )}
      <Form
        form={form}
        layout="horizontal"
        labelCol={{ flex: '320px' }}
        labelWrap
        initialValues={initial}
        onFinish={save}
        disabled={busy}
      >
        {items.map((item) => (
          <Form.Item
            htmlFor={settingId(item.key)}
            key={item.key}
            name={item.key}
            label={settingLabel(item, t)}
            extra={t('settings.default', { value: shown(item.default, t) })}
            valuePropName={typeof item.value === 'boolean' ? 'checked' : 'value'}
          >
            {typeof item.value === 'boolean' ? (
              <Switch disabled={!item.editable} id={settingId(item.key)} />
            ) : (
              <InputNumber
                disabled={!item.editable}
                min={0}
                precision={0}
                style={{ width: 160 }}
                id={settingId(item.key)}
              />
            )}
          </Form.Item>
        ))}
        {editable && (
          <Form.Item label=" " colon={false}>
            <Button type="primary" htmlType="submit" loading={busy}>
              {t('common.save')}
            </Button>
          </Form.Item>
        )}
      </Form>
    </Card>
  );
}

/** "report.deadlineDay" → "setting-report-deadlineDay" (a plain id for labels and tests). */
const settingId = (key: string) => `setting-${key.replace(/\./g, '-')}`;

function settingLabel(item: SettingItem, t: Translate): string {
  const key = `settings.${item.key}`;
  return isMessageKey(key) ? t(key) : item.label;
}

const shown = (value: number | boolean, t: Translate) =>
  typeof value === 'boolean' ? (value ? t('common.yes') : t('common.no')) : String(value);
