// 综合考评 · 考评结果: the published evaluations (every reader in the province), filtered by scheme
// and period in the address; for the province officer also 试算: a draft run on current data for
// a scheme, period and group, compared with what was published, with the publish button when the
// server says it may be published (once per scheme, region and period; never changed afterwards;
// behind the publish gate, see evaluation-publish.tsx).
import { CalculatorOutlined, FileSearchOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Select, Space, Table, type TableProps, Typography } from 'antd';
import { useEffect, useMemo } from 'react';
import { api, request } from '../api/client';
import type {
  DraftEvaluation,
  PublishedSummary,
  RankMove,
  SchemeFull,
  SchemeSummary,
} from '../api/evaluation-types';
import { periodsWithData, useRegionPeriods } from '../api/periods';
import { DRAFT_QUERY, useApiQuery } from '../api/query';
import { LinkButton } from '../components/link-button';
import { PageHeader } from '../components/page-header';
import { EmptyState, ErrorState, Loading } from '../components/states';
import { formatDateTime, formatPeriod } from '../format';
import { useI18n } from '../i18n';
import { navigate, setSearch, useLocation } from '../router';
import { useCan, useMe } from '../session';
import { DEFAULT_SCHEME, GroupPicker, PeriodPicker, RankShift, scoreText } from './evaluation-common';
import { PublishButton } from './evaluation-publish';
import { DraftBanner, EvaluationView } from './evaluation-view';

export default function EvaluationPage() {
  const { t } = useI18n();
  const can = useCan();
  const me = useMe();
  const { search } = useLocation();
  const scheme = search.get('scheme') ?? DEFAULT_SCHEME;
  const period = search.get('period') ?? undefined;
  const group = search.get('group') ?? undefined;
  const mayRun = can('evaluation.run');
  const drafting = mayRun && search.get('view') === 'draft' && period !== undefined;

  const schemes = useApiQuery(['/api/schemes'], (signal) =>
    api.get<{ items: SchemeSummary[] }>('/api/schemes', undefined, signal),
  );
  const schemeFull = useApiQuery(['/api/schemes', scheme], (signal) =>
    api.get<SchemeFull>(`/api/schemes/${scheme}`, undefined, signal),
  );

  // The province officer starts at the region's default quarter (GET /api/periods: the latest whose
  // last month is over with submitted reports; a draft for the month under way does not move it).
  const periods = useRegionPeriods(me.regionCode, can('stats.read'));
  const marked = useMemo(() => periodsWithData(periods.data?.months), [periods.data]);
  const defaultQuarter = periods.data?.quarter;
  useEffect(() => {
    if (mayRun && !period && defaultQuarter) setSearch({ period: defaultQuarter });
  }, [mayRun, period, defaultQuarter]);

  return (
    <>
      <PageHeader
        title={t('evaluation.title')}
        extra={
          <LinkButton icon={<FileSearchOutlined />} to="/evaluation/schemes">
            {t('menu.evaluationSchemes')}
          </LinkButton>
        }
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Form layout="inline" className="sibi-filter-form">
          <Form.Item label={t('evaluation.scheme')} htmlFor="evaluation-scheme">
            <Select
              id="evaluation-scheme"
              style={{ width: 'min(380px, calc(100vw - 150px))' }}
              value={scheme}
              loading={schemes.loading}
              onChange={(value: string) => setSearch({ scheme: value, group: null })}
              options={(schemes.data?.items ?? [{ id: scheme, name: scheme, version: '' }]).map((s) => ({
                value: s.id,
                label: s.name,
              }))}
            />
          </Form.Item>
          <Form.Item label={t('evaluation.period')} htmlFor="evaluation-period-year">
            <PeriodPicker value={period} marked={marked} onChange={(value) => setSearch({ period: value })} />
          </Form.Item>
          <Form.Item label={t('evaluation.group')} htmlFor="evaluation-group">
            <GroupPicker
              value={group}
              groups={schemeFull.data?.scheme.groups}
              onChange={(value) => setSearch({ group: value })}
            />
          </Form.Item>
          {period && !mayRun && (
            <Form.Item>
              <Button onClick={() => setSearch({ period: null, group: null })}>{t('common.reset')}</Button>
            </Form.Item>
          )}
          {mayRun && (
            <Form.Item>
              <Button
                type="primary"
                icon={<CalculatorOutlined />}
                disabled={!period}
                data-testid="run-draft"
                onClick={() => setSearch({ view: 'draft', run: Date.now() })}
              >
                {t('evaluation.runDraft')}
              </Button>
            </Form.Item>
          )}
        </Form>
        {mayRun && (
          <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
            {t('evaluation.runHint')}
          </Typography.Paragraph>
        )}
      </Card>
      {drafting && period && (
        <DraftSection scheme={scheme} period={period} group={group} run={search.get('run') ?? ''} />
      )}
      <PublishedList
        scheme={scheme}
        schemes={schemes.data?.items ?? []}
        period={period}
        group={group}
        compact={drafting}
      />
    </>
  );
}

/** The published evaluations for the filter (the API answers them all: there are a few a year). */
function PublishedList({
  scheme,
  schemes,
  period,
  group,
  compact,
}: {
  scheme: string;
  schemes: SchemeSummary[];
  period?: string;
  group?: string;
  compact: boolean;
}) {
  const { t, locale } = useI18n();
  const key = JSON.stringify({ scheme, period });
  const state = useApiQuery(['/api/evaluations', 'list', key], (signal) =>
    api.get<{ items: PublishedSummary[] }>('/api/evaluations', { scheme, period }, signal),
  );
  const resultPath = (id: number) => `/evaluation/results/${id}${group ? `?group=${group}` : ''}`;
  const columns: TableProps<PublishedSummary>['columns'] = [
    {
      key: 'period',
      title: t('evaluation.period'),
      width: 150,
      sorter: (a, b) => a.period.localeCompare(b.period),
      defaultSortOrder: 'descend',
      render: (_, e) => formatPeriod(e.period, locale),
    },
    {
      key: 'scheme',
      title: t('evaluation.scheme'),
      render: (_, e) => `${schemes.find((s) => s.id === e.scheme)?.name ?? e.scheme}（${e.schemeVersion}）`,
    },
    { key: 'parent', title: t('evaluation.parent'), width: 110, render: (_, e) => e.parent.name },
    { key: 'by', title: t('evaluation.publishedBy'), dataIndex: 'publishedBy', width: 130 },
    {
      key: 'at',
      title: t('evaluation.publishedAt'),
      width: 190,
      render: (_, e) => formatDateTime(e.publishedAt, locale),
    },
    {
      key: 'hash',
      title: t('evaluation.hash'),
      width: 140,
      render: (_, e) => <Typography.Text code>{e.hash.slice(0, 12)}</Typography.Text>,
    },
    {
      key: 'open',
      title: t('common.actions'),
      width: 90,
      fixed: 'right',
      render: (_, e) => (
        <LinkButton type="link" size="small" to={resultPath(e.id)} data-testid={`open-${e.id}`}>
          {t('evaluation.open')}
        </LinkButton>
      ),
    },
  ];
  return (
    <Card
      size="small"
      title={t('evaluation.publishedList')}
      extra={
        <Button
          size="small"
          icon={<ReloadOutlined />}
          onClick={state.reload}
          aria-label={t('common.refresh')}
        />
      }
      style={compact ? { marginTop: 16 } : undefined}
    >
      {state.error ? (
        <ErrorState error={state.error} onRetry={state.reload} />
      ) : (
        <Table<PublishedSummary>
          rowKey="id"
          size="small"
          data-testid="published-list"
          columns={columns}
          dataSource={state.data?.items ?? []}
          loading={state.loading}
          // an empty list has nothing to scroll: its message keeps to the card's width
          scroll={state.data?.items.length ? { x: 900 } : undefined}
          onRow={(e) => ({ onDoubleClick: () => navigate(resultPath(e.id)) })}
          locale={{ emptyText: <EmptyState text={t('evaluation.noneFound')} /> }}
          pagination={{
            pageSize: 10,
            hideOnSinglePage: true,
            showTotal: (total) => t('common.total', { total }),
          }}
        />
      )}
    </Card>
  );
}

function DraftSection({
  scheme,
  period,
  group,
  run,
}: {
  scheme: string;
  period: string;
  group?: string;
  run: string;
}) {
  const { t } = useI18n();
  const body = { scheme, period, group };
  const state = useApiQuery(
    ['/api/evaluations/draft', body, run],
    (signal) => request<DraftEvaluation>('POST', '/api/evaluations/draft', { body, signal }),
    DRAFT_QUERY,
  );
  if (state.error) return <ErrorState error={state.error} onRetry={state.reload} />;
  if (state.loading || !state.data) return <Loading tip={t('evaluation.running')} />;
  return <DraftResult draft={state.data} group={group} />;
}

function DraftResult({ draft, group }: { draft: DraftEvaluation; group?: string }) {
  const { t } = useI18n();
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="draft">
      <DraftBanner
        draft={draft}
        title="evaluation.draft.title"
        description={
          <>
            {t('evaluation.draft.text', { parent: draft.parent.name })}{' '}
            <Typography.Text code copyable={{ text: draft.hash }}>
              {draft.hash.slice(0, 16)}
            </Typography.Text>
          </>
        }
        action={draft.permissions.publish ? <PublishButton draft={draft} /> : undefined}
      />
      {draft.published && <PublishedComparison published={draft.published} />}
      <EvaluationView
        source={{
          kind: 'draft',
          body: { scheme: draft.scheme.id, period: draft.period, region: draft.parent.code, group },
        }}
        result={draft.result}
        group={group}
        bulletin={{ period: draft.period, scheme: draft.scheme.id, draft: draft.published === null }}
      />
    </Space>
  );
}

/** A draft of a period already published: the same result, or what moved since. */
function PublishedComparison({ published }: { published: NonNullable<DraftEvaluation['published']> }) {
  const { t } = useI18n();
  const columns: TableProps<RankMove>['columns'] = [
    { key: 'name', title: t('evaluation.unit'), dataIndex: 'name' },
    {
      key: 'publishedRank',
      title: t('evaluation.moves.publishedRank'),
      width: 110,
      render: (_, m) => m.publishedRank ?? '—',
    },
    {
      key: 'rank',
      title: t('evaluation.moves.rank'),
      width: 130,
      render: (_, m) => <RankShift rank={m.rank} from={m.publishedRank} />,
    },
    {
      key: 'publishedTotal',
      title: t('evaluation.moves.publishedTotal'),
      width: 110,
      render: (_, m) => scoreText(m.publishedTotal),
    },
    { key: 'total', title: t('evaluation.moves.total'), width: 110, render: (_, m) => scoreText(m.total) },
  ];
  return (
    <Alert
      type={published.identical ? 'success' : 'info'}
      showIcon
      data-testid="published-comparison"
      title={
        published.identical
          ? t('evaluation.moves.identical', { id: published.id })
          : t('evaluation.moves.changed', { id: published.id, n: published.moves.length })
      }
      action={
        <LinkButton size="small" to={`/evaluation/results/${published.id}`}>
          {t('evaluation.moves.open')}
        </LinkButton>
      }
      description={
        published.moves.length > 0 ? (
          <Table<RankMove>
            rowKey="unit"
            size="small"
            columns={columns}
            dataSource={published.moves}
            pagination={false}
            scroll={{ x: 600 }}
          />
        ) : undefined
      }
    />
  );
}
