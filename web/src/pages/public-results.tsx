// /public/<slug>: a published evaluation or honours list for anyone, without signing in and without
// the app's shell (app-routes.tsx renders it outside the session). Only what the public endpoint answers —
// the published snapshot — with its publication time, content hash, short link and QR code, in a
// layout that prints on A4 (public-results.css).
import { PrinterOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Result, Table, Typography } from 'antd';
import type { TableRef } from 'antd/es/table';
import { useEffect, useRef } from 'react';
import { ApiError, api } from '../api/client';
import type { PublicEvaluation, PublicHonours, PublicUnit } from '../api/public-types';
import { useApiQuery } from '../api/query';
import { focusableScroll } from '../components/scroll-focus';
import { formatDate, formatDateTime, formatPeriod } from '../format';
import { useI18n } from '../i18n';
import { groupLabel } from './evaluation-common';
import './public-results.css';

type Loaded =
  | { state: 'loading' }
  | { state: 'missing' }
  | { state: 'failed'; error: unknown }
  | { state: 'done'; data: PublicEvaluation | PublicHonours };

async function loadPublic(
  slug: string,
  signal: AbortSignal,
): Promise<PublicEvaluation | PublicHonours | null> {
  for (const path of [`/api/public/results/${slug}`, `/api/public/honours/${slug}`]) {
    try {
      return await api.get<PublicEvaluation | PublicHonours>(path, undefined, signal);
    } catch (error) {
      if (!(error instanceof ApiError && error.status === 404)) throw error;
    }
  }
  return null;
}

export default function PublicResultsPage({ slug }: { slug: string }) {
  const { t, locale, setLocale } = useI18n();
  const query = useApiQuery(['/api/public', slug], (signal) => loadPublic(slug, signal));
  const loaded: Loaded = query.error
    ? { state: 'failed', error: query.error }
    : query.loading || query.data === undefined
      ? { state: 'loading' }
      : query.data
        ? { state: 'done', data: query.data }
        : { state: 'missing' };

  const title =
    loaded.state !== 'done'
      ? t('public.brand')
      : loaded.data.kind === 'evaluation'
        ? t('public.evaluationTitle', {
            region: loaded.data.region.name,
            period: formatPeriod(loaded.data.period, locale),
            scheme: loaded.data.scheme.name,
          })
        : loaded.data.title;
  useEffect(() => {
    document.title = title;
  }, [title]);

  return (
    <div className="sibi-public">
      <header className="sibi-public-bar">
        <span className="sibi-public-brand">{t('public.brand')}</span>
        <span className="sibi-public-tools">
          {loaded.state === 'done' && (
            <Button
              size="small"
              icon={<PrinterOutlined />}
              onClick={() => window.print()}
              data-testid="public-print"
            >
              {t('public.print')}
            </Button>
          )}
          <Button
            size="small"
            type="text"
            onClick={() => setLocale(locale === 'en' ? 'zh-CN' : 'en')}
            data-testid="public-language"
          >
            {locale === 'en' ? t('lang.zh-CN') : t('lang.en')}
          </Button>
        </span>
      </header>
      <main className="sibi-public-main">
        {loaded.state === 'loading' && (
          <div className="sibi-fullpage" role="status" aria-busy="true">
            <span className="sibi-spinner" />
          </div>
        )}
        {loaded.state === 'missing' && (
          <Result
            status="404"
            title={t('public.notFound')}
            subTitle={t('public.notFoundHint')}
            data-testid="public-missing"
          />
        )}
        {loaded.state === 'failed' && (
          <Result
            status="error"
            title={loaded.error instanceof ApiError ? loaded.error.message : String(loaded.error)}
          />
        )}
        {loaded.state === 'done' && (
          <article data-testid="public-page">
            <div className="sibi-public-head">
              <div className="sibi-public-facts">
                <Typography.Title level={2} className="sibi-public-title" data-testid="public-title">
                  {title}
                </Typography.Title>
                <Facts data={loaded.data} />
              </div>
              <figure className="sibi-public-qr">
                <img
                  src={`/api/public/${loaded.data.kind === 'evaluation' ? 'results' : 'honours'}/${slug}/qr.svg`}
                  alt={t('publicLink.qrAlt')}
                  width={148}
                  height={148}
                  data-testid="public-qr"
                />
                <figcaption>{t('public.scan')}</figcaption>
              </figure>
            </div>
            {loaded.data.kind === 'evaluation' ? (
              <Ranking data={loaded.data} />
            ) : (
              <Honours data={loaded.data} />
            )}
            <p className="sibi-public-footer">{t('public.footer')}</p>
          </article>
        )}
      </main>
    </div>
  );
}

function Facts({ data }: { data: PublicEvaluation | PublicHonours }) {
  const { t, locale } = useI18n();
  const items =
    data.kind === 'evaluation'
      ? [
          {
            key: 'scheme',
            label: t('public.scheme'),
            children: `${data.scheme.name}（${data.scheme.version}）`,
          },
        ]
      : [
          { key: 'year', label: t('public.year'), children: String(data.year) },
          ...(data.issuedBy ? [{ key: 'by', label: t('public.issuedBy'), children: data.issuedBy }] : []),
          ...(data.issuedOn
            ? [{ key: 'on', label: t('public.issuedOn'), children: formatDate(data.issuedOn, locale) }]
            : []),
        ];
  return (
    <Descriptions
      size="small"
      column={1}
      items={[
        ...items,
        { key: 'at', label: t('public.publishedAt'), children: formatDateTime(data.publishedAt, locale) },
        {
          key: 'link',
          label: t('public.shortLink'),
          children: <span data-testid="public-short-link">{data.shortUrl}</span>,
        },
        {
          key: 'hash',
          label: t('public.hash'),
          children: (
            <Typography.Text code className="sibi-public-hash" data-testid="public-hash">
              {data.hash}
            </Typography.Text>
          ),
        },
      ]}
    />
  );
}

const points = (n: number) => n.toFixed(2);

function Ranking({ data }: { data: PublicEvaluation }) {
  const { t } = useI18n();
  // A table scrolling sideways on a phone is a region the keyboard can reach (axe).
  const tables = useRef<Record<string, TableRef | null>>({});
  useEffect(() => {
    for (const [id, table] of Object.entries(tables.current)) focusableScroll(table, groupLabel(id, t));
  });
  return (
    <>
      {data.groups.map((group) => {
        const dimensions = group.units[0]?.dimensions ?? [];
        const hasConsequence = group.units.some((u) => u.consequence);
        return (
          <Card
            key={group.id}
            size="small"
            title={groupLabel(group.id, t)}
            className="sibi-public-group"
            data-testid={`public-group-${group.id}`}
          >
            <Table<PublicUnit>
              ref={(table) => {
                tables.current[group.id] = table;
              }}
              size="small"
              pagination={false}
              rowKey="code"
              // every dimension's column: on a phone the table scrolls inside its card, not the page
              scroll={{ x: 'max-content' }}
              dataSource={group.units}
              columns={[
                { key: 'rank', title: t('public.rank'), dataIndex: 'rank', width: 64, align: 'center' },
                { key: 'name', title: t('public.unit'), dataIndex: 'name' },
                {
                  key: 'score',
                  title: t('public.score'),
                  align: 'right',
                  render: (_, u) => <strong>{points(u.score)}</strong>,
                },
                ...dimensions.map((d, i) => ({
                  key: d.id,
                  title: `${d.name}（${d.points}）`,
                  align: 'right' as const,
                  render: (_: unknown, u: PublicUnit) => points(u.dimensions[i]?.score ?? 0),
                })),
                {
                  key: 'bonus',
                  title: t('public.bonus'),
                  align: 'right',
                  width: 56,
                  render: (_, u) => points(u.bonus),
                },
                {
                  key: 'penalty',
                  title: t('public.penalty'),
                  align: 'right',
                  width: 56,
                  render: (_, u) => points(u.penalty),
                },
                ...(hasConsequence
                  ? [
                      {
                        key: 'consequence',
                        title: t('public.consequence'),
                        render: (_: unknown, u: PublicUnit) => u.consequence ?? '—',
                      },
                    ]
                  : []),
              ]}
            />
          </Card>
        );
      })}
    </>
  );
}

function Honours({ data }: { data: PublicHonours }) {
  const { t } = useI18n();
  const hasCategory = data.entries.some((e) => e.category);
  const hasNote = data.entries.some((e) => e.note);
  return (
    <Card
      size="small"
      className="sibi-public-group"
      title={t('public.entries', { count: data.entries.length })}
    >
      <Table
        size="small"
        pagination={false}
        rowKey="position"
        dataSource={data.entries}
        data-testid="public-honours"
        columns={[
          { key: 'position', title: t('public.position'), dataIndex: 'position', width: 64, align: 'center' },
          { key: 'name', title: t('public.name'), dataIndex: 'name' },
          ...(hasCategory ? [{ key: 'category', title: t('public.category'), dataIndex: 'category' }] : []),
          ...(hasNote ? [{ key: 'note', title: t('public.note'), dataIndex: 'note' }] : []),
        ]}
      />
    </Card>
  );
}
