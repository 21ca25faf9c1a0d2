// 加分扣分 → events: a bonus or penalty event of a unit on a date (the items any scheme lists), counted
// by the schemes that list its item once approved.
import { Button, DatePicker, Form, Input, InputNumber, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { api } from '../api/client';
import { useApiQuery } from '../api/query';
import { useI18n } from '../i18n';
import { type Choices, EntryLedger, type EventEntry, useSubmit } from './evaluation-entries-common';

export function Events({ period, choices }: { period: string; choices: Choices }) {
  const { t } = useI18n();
  const list = useApiQuery(['/api/evaluation-events', period], (signal) =>
    api.get<{ items: EventEntry[] }>('/api/evaluation-events', { period }, signal),
  );
  const { busy, submit } = useSubmit(list.reload);
  const [form] = Form.useForm();
  const names = new Map(choices.events.map((i) => [i.id, i.name]));
  return (
    <EntryLedger<EventEntry>
      base="/api/evaluation-events"
      list={list}
      importHint={t('entries.eventColumns')}
      testId="entries-events"
      form={
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
          <Form.Item name="reason" label={t('entries.reason')} rules={[{ required: true, whitespace: true }]}>
            <Input style={{ width: 260 }} />
          </Form.Item>
          <Form.Item name="note" label={t('entries.note')}>
            <Input style={{ width: 200 }} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={busy}>
            {t('entries.add')}
          </Button>
        </Form>
      }
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
      ]}
    />
  );
}
