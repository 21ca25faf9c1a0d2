// 加分扣分 → manual adjustments: points added to or taken from a unit's score in one scheme and period,
// with a reason, optionally under one of the scheme's bonus or penalty items.
import { Button, Form, Input, Select, Tag } from 'antd';
import { api } from '../api/client';
import { useApiQuery } from '../api/query';
import { useI18n } from '../i18n';
import { type AdjustmentEntry, type Choices, EntryLedger, useSubmit } from './evaluation-entries-common';

export function Adjustments({ period, choices }: { period: string; choices: Choices }) {
  const { t } = useI18n();
  const list = useApiQuery(['/api/evaluation-adjustments', period], (signal) =>
    api.get<{ items: AdjustmentEntry[] }>('/api/evaluation-adjustments', { period }, signal),
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
    <EntryLedger<AdjustmentEntry>
      base="/api/evaluation-adjustments"
      list={list}
      importHint={t('entries.adjustmentColumns')}
      testId="entries-adjustments"
      form={
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
          <Form.Item name="reason" label={t('entries.reason')} rules={[{ required: true, whitespace: true }]}>
            <Input style={{ width: 260 }} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={busy}>
            {t('entries.add')}
          </Button>
        </Form>
      }
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
      ]}
    />
  );
}
