// 加分扣分 for the province office: events and manual adjustments — list, enter one, import a
// spreadsheet (a file with any bad row is refused whole, every problem listed), approve (never one's
// own entry: the server refuses it too) and revoke with a reason (the row stays, no longer counted).
import { Alert, Input, Space, Tabs } from 'antd';
import { useState } from 'react';
import { api } from '../api/client';
import { useApiQuery } from '../api/query';
import { PageHeader } from '../components/page-header';
import { Async } from '../components/states';
import { useI18n } from '../i18n';
import type { PageProps } from '../routes';
import { Adjustments } from './evaluation-entries-adjustments';
import type { Choices } from './evaluation-entries-common';
import { Events } from './evaluation-entries-events';

export default function EvaluationEntriesPage(_props: PageProps) {
  const { t } = useI18n();
  const [period, setPeriod] = useState(String(new Date().getFullYear() - 1));
  const choices = useApiQuery(['/api/evaluation-entries/choices'], (signal) =>
    api.get<Choices>('/api/evaluation-entries/choices', undefined, signal),
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
