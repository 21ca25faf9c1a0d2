// The figures a ledger feeds (GET /api/stats): a strip above it for a year, that changes as the
// ledger does; a search naming a year moves it to that year.
import { Card, Select, Space, Statistic, Typography } from 'antd';
import { api } from '../api/client';
import { useRegionPeriods } from '../api/periods';
import { useApiQuery } from '../api/query';
import type { Stats } from '../api/types';
import { ErrorState } from '../components/states';
import { formatPeriod } from '../format';
import { useI18n } from '../i18n';
import { formatMetric, metricLabel } from '../metrics';
import { useRegions } from '../regions';
import { setSearch, useLocation } from '../router';
import { thisYear, YEARS } from './ledger-filters';
import type { FigureSpec } from './ledger-table';

export function FiguresStrip({
  id,
  spec,
  filters,
  generation,
}: {
  id: string;
  spec: FigureSpec;
  filters: Record<string, string>;
  /** Changes after every write, so the figures are read again. */
  generation: number;
}) {
  const { t, locale } = useI18n();
  const regions = useRegions();
  const { search } = useLocation();
  const region = filters.region ?? regions.working;
  const chosen = Number(search.get('figuresYear')) || undefined;
  const fromFilter = spec.yearOf?.(filters);
  const latest = useRegionPeriods(region, !chosen && !fromFilter);
  const year = chosen ?? fromFilter ?? (Number(latest.data?.year) || (latest.loading ? undefined : thisYear));
  const extra = spec.query?.(filters) ?? {};
  const stats = useApiQuery(['/api/stats', region, year, JSON.stringify(extra), generation], (signal) =>
    region && year
      ? api.get<Stats>('/api/stats', { region, period: String(year), ...extra }, signal)
      : Promise.resolve(null),
  );
  if (!region) return null;

  return (
    <Card
      size="small"
      style={{ marginBottom: 16 }}
      data-testid={`figures-${id}`}
      title={
        <Space wrap size={4}>
          <span>{t('ledgers.figures')}</span>
          <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>
            {regions.name(region)}
            {year ? ` · ${formatPeriod(String(year), locale)}` : ''}
          </Typography.Text>
        </Space>
      }
      extra={
        <Select
          size="small"
          value={year}
          aria-label={t('ledgers.figuresYear')}
          data-testid={`figures-${id}-year`}
          style={{ width: 110 }}
          options={YEARS.map((y) => ({ value: y, label: t('ledgers.year', { year: y }) }))}
          onChange={(value: number) => setSearch({ figuresYear: value })}
        />
      }
    >
      {stats.error ? (
        <ErrorState error={stats.error} onRetry={stats.reload} />
      ) : (
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: '12px 32px' }}>
          {spec.metrics.map((metric) => (
            <Statistic
              key={metric}
              title={metricLabel(metric, t)}
              value={stats.data ? formatMetric(metric, stats.data.metrics[metric], t, locale) : '—'}
              loading={stats.loading || latest.loading}
              styles={{ content: { fontSize: 20 } }}
              data-testid={`figure-${metric}`}
            />
          ))}
        </div>
      )}
      {spec.note && year && (
        <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8, fontSize: 12 }}>
          {t(spec.note, { year, next: year + 1 })}
        </Typography.Text>
      )}
    </Card>
  );
}

/**
 * A search whose filters name a year (deals signed in 2020) moves the figures to that year, and so
 * does a reset; other searches keep the year chosen on the figures strip.
 */
export function figuresFollow(spec: FigureSpec | undefined) {
  return (next: Record<string, string | null>) => {
    const filters = Object.fromEntries(Object.entries(next).filter(([, v]) => v !== null)) as Record<
      string,
      string
    >;
    const reset = Object.keys(filters).length === 0;
    return reset || spec?.yearOf?.(filters) !== undefined ? { ...next, figuresYear: null } : next;
  };
}
