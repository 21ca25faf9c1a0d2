// 自评分: a city or county office reports its own unit's self-score (the total and, where the scheme
// asks, each indicator; revisable until the result is published, then the server refuses), or imports
// a spreadsheet; every officer lists the self-scores of its scope; the province office sees them beside
// the verified scores of a draft on current data (the published result shows the same in its own tab).
import { Alert, App, Button, Card, Form, Input, InputNumber, Select, Space, Table, Tabs } from 'antd';
import { useState } from 'react';
import { api, request } from '../api/client';
import type { DraftEvaluation } from '../api/evaluation-types';
import { DRAFT_QUERY, useApiQuery } from '../api/query';
import type { SelfScoreChoices, SelfScoreEntry } from '../api/self-score-types';
import { PageHeader } from '../components/page-header';
import { Async, EmptyState } from '../components/states';
import { formatDateTime } from '../format';
import { useI18n } from '../i18n';
import { useRegions } from '../regions';
import type { PageProps } from '../routes';
import { useCan, useMe } from '../session';
import { ImportButton } from './evaluation-entries-common';
import { SelfScoreTable } from './self-score-comparison';
import { type Refusal, refusalOf } from './self-score-refusal';

type Scheme = SelfScoreChoices['schemes'][number];

function ReportForm({ scheme, period, onDone }: { scheme: Scheme; period: string; onDone(): void }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const me = useMe();
  const regions = useRegions();
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  // Why the server refused the last try (a published quarter's self-scores are frozen), until the next.
  const [refused, setRefused] = useState<Refusal | null>(null);
  const unit = me.regionCode ?? '';
  const submit = async (v: Record<string, number | string | null | undefined>) => {
    const scores = [
      ...(v.total === null || v.total === undefined ? [] : [{ points: String(v.total) }]),
      ...scheme.indicators
        .filter((i) => v[`i_${i.id}`] !== null && v[`i_${i.id}`] !== undefined)
        .map((i) => ({ indicator: i.id, points: String(v[`i_${i.id}`]) })),
    ];
    if (scores.length === 0) return message.warning(t('selfScores.nothing'));
    setBusy(true);
    setRefused(null);
    try {
      await api.post('/api/evaluation-self-scores', {
        scheme: scheme.id,
        period,
        unitCode: unit,
        note: typeof v.note === 'string' && v.note.trim() ? v.note.trim() : null,
        scores,
      });
      message.success(t('selfScores.saved'));
      onDone();
    } catch (error) {
      setRefused(refusalOf(error, t, locale));
    } finally {
      setBusy(false);
    }
  };
  const score = (name: string, label: string, max: number) => (
    <Form.Item key={name} name={name} label={label} htmlFor={`self-score-${name}`}>
      <InputNumber
        id={`self-score-${name}`}
        min={0}
        max={max}
        step={0.5}
        precision={2}
        style={{ width: 120 }}
      />
    </Form.Item>
  );
  return (
    <Card size="small" title={t('selfScores.reportFor', { unit: regions.name(unit) })}>
      <Form form={form} layout="inline" onFinish={submit} data-testid="self-score-form">
        {score('total', t('selfScores.totalMax', { max: scheme.total }), scheme.total)}
        {scheme.indicators.map((i) =>
          score(`i_${i.id}`, t('selfScores.indicatorMax', { name: i.name, max: i.points }), i.points),
        )}
        <Form.Item name="note" label={t('selfScores.note')} htmlFor="self-score-note">
          <Input id="self-score-note" style={{ width: 240 }} maxLength={500} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy}>
          {t('selfScores.submit')}
        </Button>
      </Form>
      {refused && (
        <Alert
          type="error"
          showIcon
          closable
          onClose={() => setRefused(null)}
          style={{ marginTop: 12 }}
          data-testid="self-score-refused"
          title={refused.title}
          description={
            refused.reasons.length > 0 && (
              <ul style={{ margin: 0, paddingLeft: 20 }}>
                {refused.reasons.map((reason) => (
                  <li key={reason}>{reason}</li>
                ))}
              </ul>
            )
          }
        />
      )}
      <div style={{ marginTop: 12 }}>
        <ImportButton
          path="/api/evaluation-self-scores/import"
          hint={t('selfScores.columns')}
          label={t('selfScores.import')}
          done={(n) => t('selfScores.importedCount', { n })}
          onDone={onDone}
        />
      </div>
    </Card>
  );
}

function Reported({ scheme, period, reload }: { scheme: Scheme; period: string; reload: number }) {
  const { t, locale } = useI18n();
  const regions = useRegions();
  const list = useApiQuery(['/api/evaluation-self-scores', scheme.id, period, reload], (signal) =>
    api.get<{ items: SelfScoreEntry[] }>(
      '/api/evaluation-self-scores',
      { scheme: scheme.id, period },
      signal,
    ),
  );
  const indicatorName = (id: string | null) =>
    id === null ? t('selfScores.total') : (scheme.indicators.find((i) => i.id === id)?.name ?? id);
  return (
    <Async state={list}>
      {({ items }) => (
        <Table<SelfScoreEntry>
          size="small"
          rowKey="id"
          dataSource={items}
          data-testid="self-scores-reported"
          locale={{ emptyText: <EmptyState text={t('selfScores.none')} /> }}
          columns={[
            {
              key: 'unit',
              title: t('selfScores.unit'),
              render: (_, r) => `${regions.name(r.unitCode)}（${r.unitCode}）`,
            },
            {
              key: 'indicator',
              title: t('selfScores.indicator'),
              render: (_, r) => indicatorName(r.indicator),
            },
            { key: 'points', title: t('selfScores.points'), dataIndex: 'points', align: 'right' },
            { key: 'note', title: t('selfScores.note'), dataIndex: 'note' },
            { key: 'by', title: t('selfScores.reportedBy'), dataIndex: 'reportedBy' },
            {
              key: 'at',
              title: t('selfScores.reportedAt'),
              render: (_, r) => formatDateTime(r.reportedAt, locale),
            },
            { key: 'version', title: t('selfScores.version'), dataIndex: 'version', align: 'right' },
          ]}
        />
      )}
    </Async>
  );
}

function DraftComparison({ scheme, period }: { scheme: Scheme; period: string }) {
  const { t } = useI18n();
  const me = useMe();
  const body = { scheme: scheme.id, period, region: me.regionCode ?? undefined };
  const draft = useApiQuery(
    ['/api/evaluations/draft', body],
    (signal) => request<DraftEvaluation>('POST', '/api/evaluations/draft', { body, signal }),
    DRAFT_QUERY,
  );
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Alert type="warning" showIcon title={t('selfScores.comparisonDraft')} />
      <Async state={draft}>
        {(d) =>
          d.result.selfScores ? (
            <SelfScoreTable comparison={d.result.selfScores} />
          ) : (
            <EmptyState text={t('selfScores.noComparison')} />
          )
        }
      </Async>
    </Space>
  );
}

export default function EvaluationSelfScoresPage(_props: PageProps) {
  const { t } = useI18n();
  const can = useCan();
  const [period, setPeriod] = useState(`${new Date().getFullYear() - 1}Q4`);
  const [schemeId, setSchemeId] = useState<string | undefined>();
  const [reload, setReload] = useState(0);
  const choices = useApiQuery(['/api/evaluation-self-scores/choices'], (signal) =>
    api.get<SelfScoreChoices>('/api/evaluation-self-scores/choices', undefined, signal),
  );
  const valid = /^\d{4}(Q[1-4]|-\d{2})?$/.test(period);
  return (
    <>
      <PageHeader title={t('selfScores.title')} />
      <Alert type="info" showIcon title={t('selfScores.hint')} style={{ marginBottom: 16 }} />
      <Async state={choices}>
        {(c) => {
          const scheme = c.schemes.find((s) => s.id === schemeId) ?? c.schemes[0];
          if (!scheme) return <EmptyState text={t('selfScores.noSchemes')} />;
          return (
            <Space orientation="vertical" size={16} style={{ width: '100%' }}>
              <Space wrap>
                <label htmlFor="self-scores-scheme">{t('selfScores.scheme')}</label>
                <Select
                  id="self-scores-scheme"
                  value={scheme.id}
                  onChange={setSchemeId}
                  style={{ width: 280 }}
                  options={c.schemes.map((s) => ({ value: s.id, label: s.name }))}
                />
                <label htmlFor="self-scores-period">{t('selfScores.period')}</label>
                <Input
                  id="self-scores-period"
                  value={period}
                  onChange={(e) => setPeriod(e.target.value.trim())}
                  style={{ width: 120 }}
                />
              </Space>
              {valid && (
                <Tabs
                  items={[
                    ...(can('selfScore.report')
                      ? [
                          {
                            key: 'report',
                            label: t('selfScores.report'),
                            children: (
                              <ReportForm
                                scheme={scheme}
                                period={period}
                                onDone={() => setReload((n) => n + 1)}
                              />
                            ),
                          },
                        ]
                      : []),
                    {
                      key: 'reported',
                      label: t('selfScores.reported'),
                      children: <Reported scheme={scheme} period={period} reload={reload} />,
                    },
                    {
                      key: 'comparison',
                      label: t('selfScores.comparison'),
                      children: can('evaluation.run') ? (
                        <DraftComparison scheme={scheme} period={period} />
                      ) : (
                        <Alert type="info" showIcon title={t('selfScores.comparisonOthers')} />
                      ),
                    },
                  ]}
                />
              )}
            </Space>
          );
        }}
      </Async>
    </>
  );
}
