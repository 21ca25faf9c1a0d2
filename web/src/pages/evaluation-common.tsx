// What the evaluation pages share: the source of a result (a draft or a published evaluation) and
// the requests that analyse it, ranks with ties (并列), scores, metric values, group labels and the
// period and group pickers.
import { Select, Space, Tag } from 'antd';
import type { ReactNode } from 'react';
import { request } from '../api/client';
import type { DraftBody, SensitivityResult, UnitResult, WhatItTakesResult } from '../api/evaluation-types';
import { formatPeriod } from '../format';
import { isMessageKey, type Locale, type Translate, useI18n } from '../i18n';
import { AMOUNT_METRICS, formatMetric } from '../metrics';

/** The scheme the pages start with. */
export const DEFAULT_SCHEME = 'sibisikan-2020';

/** Where a result comes from: a draft run on current data, or a published evaluation. */
export type EvaluationSource =
  | { kind: 'draft'; body: DraftBody }
  | { kind: 'published'; id: number; scheme: string; period: string };

export function loadSensitivity(
  source: EvaluationSource,
  replications: number,
  signal: AbortSignal,
): Promise<SensitivityResult> {
  return source.kind === 'draft'
    ? request('POST', '/api/evaluations/draft/sensitivity', {
        body: { ...source.body, replications },
        signal,
      })
    : request('GET', `/api/evaluations/${source.id}/sensitivity`, { query: { replications }, signal });
}

export function loadWhatItTakes(
  source: EvaluationSource,
  unit: string,
  signal: AbortSignal,
): Promise<WhatItTakesResult> {
  return source.kind === 'draft'
    ? request('POST', '/api/evaluations/draft/what-it-takes', { body: { ...source.body, unit }, signal })
    : request('GET', `/api/evaluations/${source.id}/what-it-takes`, { query: { unit }, signal });
}

// The units sharing their rank (with the results table's columns, shared with its export).
export { tiedUnits } from '../../../src/domain/tables/evaluations';

/** "2" or "2（并列）". */
export function rankText(rank: number, tied: boolean, t: Translate): string {
  return tied ? t('evaluation.rankTied', { rank }) : String(rank);
}

/** A score or total as published (evaluation-score.ts). */
export { scoreText } from './evaluation-score';

/** A share (0.25) as "25.0%". */
export const shareText = (value: number): string => `${(value * 100).toFixed(1)}%`;

/**
 * A metric's value for reading: amounts in 万元/亿元 (an analysis value in 元 may carry a fraction,
 * rounded to the whole 元 first), rates in %, days and counts.
 */
export function metricValueText(
  metric: string | undefined,
  value: number | null | undefined,
  t: Translate,
  locale: Locale,
): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  if (!metric) return Number.isInteger(value) ? String(value) : value.toFixed(2);
  if (AMOUNT_METRICS.has(metric)) return formatMetric(metric, Math.round(value), t, locale);
  const text = formatMetric(metric, value, t, locale);
  // Counts that are averages (a group mean) keep two decimals.
  return /^-?\d+\.\d{3,}$/.test(text) ? value.toFixed(2) : text;
}

const GROUPS = ['city', 'direct_county', 'district', 'county'] as const;

/** 省辖市（含济源示范区）, 省直管县（市）, …; an unknown group id as itself. */
export function groupLabel(group: string, t: Translate): string {
  const key = `evaluation.group.${group}`;
  return isMessageKey(key) ? t(key) : group;
}

/** The label of a metric: the UI's name when it has one, else the server's label. */
export function metricName(metric: string, fallback: string, t: Translate, locale: Locale): string {
  if (locale === 'zh-CN') return fallback || metric;
  const key = `metric.${metric}`;
  return isMessageKey(key) ? t(key) : fallback || metric;
}

// Periods: a year, a quarter ("2020Q3") or a month, cumulative within the year ("2020-09").
const PERIOD_PARTS = [
  'Q1',
  'Q2',
  'Q3',
  'Q4',
  ...Array.from({ length: 12 }, (_, i) => `-${String(i + 1).padStart(2, '0')}`),
  'year',
];

function splitPeriod(period: string | undefined): { year?: number; part?: string } {
  const m = period ? /^(\d{4})(Q[1-4]|-\d{2})?$/.exec(period) : null;
  if (!m) return {};
  return { year: Number(m[1]), part: m[2] ?? 'year' };
}

const joinPeriod = (year: number, part: string) => (part === 'year' ? String(year) : `${year}${part}`);

/**
 * The year and the quarter, month or whole year of a period, as two selects; the periods in
 * `marked` (those with submitted data, api/periods.ts) are marked in the lists.
 */
export function PeriodPicker({
  value,
  onChange,
  marked,
  id = 'evaluation-period',
}: {
  value: string | undefined;
  onChange(period: string | undefined): void;
  marked?: ReadonlySet<string>;
  id?: string;
}) {
  const { t, locale } = useI18n();
  const { year, part } = splitPeriod(value);
  const thisYear = new Date().getFullYear();
  const years = Array.from({ length: 12 }, (_, i) => thisYear - i);
  const partLabel = (p: string) => {
    if (p === 'year') return t('evaluation.period.year');
    // "2020年1-9月" → "1-9月", "Jan–Sep 2020" → "Jan–Sep".
    return formatPeriod(joinPeriod(thisYear, p), locale).replace(/^\d{4}年|\s\d{4}$/g, '');
  };
  // An option of a period with data, in the open list (the chosen value is shown plain).
  const hasData = t('dashboard.period.hasData');
  const optionRender =
    (period: (value: unknown) => string) => (option: { label?: ReactNode; value?: unknown }) =>
      marked?.has(period(option.value)) ? (
        <span className="sibi-period-has-data" title={hasData}>
          {option.label}
        </span>
      ) : (
        option.label
      );
  return (
    <Space.Compact>
      <Select
        id={`${id}-year`}
        aria-label={t('evaluation.period.pickYear')}
        style={{ width: 96 }}
        value={year}
        placeholder={t('evaluation.period.pickYear')}
        onChange={(y: number) => onChange(joinPeriod(y, part ?? 'Q1'))}
        optionRender={optionRender((y) => String(y))}
        options={years.map((y) => ({ value: y, label: locale === 'en' ? String(y) : `${y}年` }))}
      />
      <Select
        id={`${id}-part`}
        aria-label={t('evaluation.period.pickPart')}
        style={{ width: 128 }}
        value={part}
        disabled={year === undefined}
        placeholder={t('evaluation.period.pickPart')}
        onChange={(p: string) => onChange(joinPeriod(year ?? thisYear, p))}
        optionRender={optionRender((p) => joinPeriod(year ?? thisYear, String(p)))}
        options={[
          {
            label: t('evaluation.period.quarters'),
            options: PERIOD_PARTS.slice(0, 4).map((p) => ({ value: p, label: partLabel(p) })),
          },
          {
            label: t('evaluation.period.months'),
            options: PERIOD_PARTS.slice(4, 16).map((p) => ({ value: p, label: partLabel(p) })),
          },
          { label: t('evaluation.period.whole'), options: [{ value: 'year', label: partLabel('year') }] },
        ]}
      />
    </Space.Compact>
  );
}

/** The groups a scheme ranks, or every known group. */
export function GroupPicker({
  value,
  groups,
  onChange,
  id = 'evaluation-group',
}: {
  value: string | undefined;
  groups?: readonly string[];
  onChange(group: string | undefined): void;
  id?: string;
}) {
  const { t } = useI18n();
  return (
    <Select
      id={id}
      aria-label={t('evaluation.group')}
      allowClear
      style={{ width: 210 }}
      value={value}
      placeholder={t('evaluation.allGroups')}
      onChange={(g?: string) => onChange(g)}
      options={(groups ?? GROUPS).map((g) => ({ value: g, label: groupLabel(g, t) }))}
    />
  );
}

/** A unit of a result, chosen from its groups ("2. 郑州市" with ranks). */
export function UnitSelect({
  units,
  value,
  onChange,
  id,
  ranks = false,
}: {
  units: readonly UnitResult[];
  value: string | undefined;
  onChange(unit: string): void;
  id: string;
  ranks?: boolean;
}) {
  const { t } = useI18n();
  const options = [...new Set(units.map((u) => u.group))].map((g) => ({
    label: groupLabel(g, t),
    options: units
      .filter((u) => u.group === g)
      .map((u) => ({ value: u.code, label: ranks ? `${u.rank}. ${u.name}` : u.name })),
  }));
  return (
    <Select
      id={id}
      aria-label={t('evaluation.unit')}
      showSearch={{ optionFilterProp: 'label' }}
      style={{ width: 240 }}
      value={value}
      onChange={onChange}
      options={options}
    />
  );
}

/** A rank, with how far it moved from another one (↑2 green, ↓1 red). */
export function RankShift({ rank, from }: { rank: number | null; from: number | null }) {
  const up = rank !== null && from !== null ? from - rank : 0;
  return (
    <>
      {rank ?? '—'}
      {up !== 0 && (
        <Tag color={up > 0 ? 'green' : 'red'} style={{ marginInlineStart: 6 }}>
          {up > 0 ? `↑${up}` : `↓${-up}`}
        </Tag>
      )}
    </>
  );
}
