// One unit's indicator scores (value, score of points, the engine's sentence) and one score's
// explanation (the value, what it was compared with, the rule, the flags), as the results table, the
// unit's drawer and the robustness page show them.
import { Button, Descriptions, Popover, Space, Table, type TableProps, Tag, Typography } from 'antd';
import type { IndicatorReference, IndicatorScore } from '../api/evaluation-types';
import { isMessageKey, type Locale, type Translate, useI18n } from '../i18n';
import { metricValueText, scoreText } from './evaluation-common';

const EXPLANATION_WIDTH = 320;
/** The indicator table's columns side by side: narrower than this it scrolls, nothing squeezed. */
export const INDICATOR_TABLE_WIDTH = 180 + 140 + 90 + 72 + EXPLANATION_WIDTH;

/** Every indicator of a unit (or of one dimension): value, score of points; a score explains itself. */
export function IndicatorTable({ indicators }: { indicators: IndicatorScore[] }) {
  const { t, locale } = useI18n();
  const columns: TableProps<IndicatorScore>['columns'] = [
    { key: 'name', title: t('evaluation.indicator'), dataIndex: 'name', width: 180 },
    {
      key: 'value',
      title: t('evaluation.value'),
      width: 140,
      align: 'right',
      render: (_, ind) => (
        <>
          {metricValueText(ind.metrics.length === 1 ? ind.metrics[0] : undefined, ind.value, t, locale)}
          {ind.missing && (
            <Tag color="warning" style={{ marginInlineStart: 6 }}>
              {t('evaluation.missing')}
            </Tag>
          )}
        </>
      ),
    },
    {
      key: 'score',
      title: t('evaluation.score'),
      width: 90,
      align: 'right',
      render: (_, ind) => (
        <Popover
          trigger="click"
          title={ind.name}
          content={<Explanation indicator={ind} />}
          placement="left"
          destroyOnHidden
        >
          <Button type="link" size="small" style={{ padding: 0 }} data-testid={`score-${ind.id}`}>
            {scoreText(ind.score)}
          </Button>
        </Popover>
      ),
    },
    { key: 'points', title: t('evaluation.points'), dataIndex: 'points', width: 72, align: 'right' },
    {
      key: 'explanation',
      title: t('evaluation.explanation'),
      // the engine's whole sentence, wrapped: cut to one line it said nothing
      width: EXPLANATION_WIDTH,
      render: (_, ind) => <Typography.Text type="secondary">{ind.explanation}</Typography.Text>,
    },
  ];
  return (
    <Table<IndicatorScore>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={indicators}
      pagination={false}
      scroll={{ x: INDICATOR_TABLE_WIDTH }}
    />
  );
}

const REFERENCE_KEYS = [
  'target',
  'cap',
  'best',
  'mean',
  'min',
  'max',
  'lower',
  'upper',
  'threshold',
  'rank',
  'compared',
  'count',
] as const;
type ReferenceKey = (typeof REFERENCE_KEYS)[number];
/** Reference entries in the unit of the metric; the others are counts or a share. */
const IN_METRIC_UNIT = new Set<ReferenceKey>(
  REFERENCE_KEYS.filter((k) => !['cap', 'rank', 'compared', 'count'].includes(k)),
);

/** One score's explanation: the sentence, the value, the reference it was compared with, the points. */
export function Explanation({ indicator: ind }: { indicator: IndicatorScore }) {
  const { t, locale } = useI18n();
  const metric = ind.metrics.length === 1 ? ind.metrics[0] : undefined;
  const reference = REFERENCE_KEYS.filter((k) => ind.reference[k] !== undefined && ind.reference[k] !== null);
  return (
    <div style={{ maxWidth: 420 }} data-testid="explanation">
      <Typography.Paragraph style={{ marginBottom: 8 }}>{ind.explanation}</Typography.Paragraph>
      <Descriptions
        size="small"
        column={1}
        bordered
        items={[
          {
            key: 'value',
            label: t('evaluation.value'),
            children: (
              <>
                {metricValueText(metric, ind.value, t, locale)}
                {ind.fill !== 'none' && (
                  <Tag color="warning" style={{ marginInlineStart: 6 }}>
                    {flagLabel(`missing_${ind.fill}`, t)}
                  </Tag>
                )}
              </>
            ),
          },
          {
            key: 'score',
            label: t('evaluation.score'),
            children: t('evaluation.scoreOfPoints', { score: scoreText(ind.score), points: ind.points }),
          },
          { key: 'rule', label: t('evaluation.rule'), children: ruleTypeLabel(ind.rule, t) },
          ...reference.map((k) => ({
            key: k,
            label: referenceLabel(k, ind.reference, t, locale),
            children: referenceValue(k, ind.reference, metric, t, locale),
          })),
        ]}
      />
      {ind.flags.length > 0 && (
        <Space size={[4, 4]} wrap style={{ marginTop: 8 }}>
          {ind.flags.map((f) => (
            <Tag key={f} color="orange">
              {flagLabel(f, t)}
            </Tag>
          ))}
        </Space>
      )}
    </div>
  );
}

function referenceLabel(k: ReferenceKey, ref: IndicatorReference, t: Translate, locale: Locale) {
  if (k === 'target' && ref.targetSource && ref.targetSource !== 'value') {
    const source =
      ref.targetSource === 'metric' && ref.targetMetric
        ? metricLabelOf(ref.targetMetric, t, locale)
        : t(`evaluation.targetSource.${ref.targetSource}`);
    return t('evaluation.ref.targetFrom', { source });
  }
  return t(`evaluation.ref.${k}`);
}

function referenceValue(
  k: ReferenceKey,
  ref: IndicatorReference,
  metric: string | undefined,
  t: Translate,
  locale: Locale,
): string {
  const value = ref[k];
  if (typeof value !== 'number') return String(value ?? '—');
  if (k === 'cap') return `${(value * 100).toFixed(0)}%`;
  if (IN_METRIC_UNIT.has(k)) return metricValueText(metric, value, t, locale);
  return String(value);
}

function metricLabelOf(metric: string, t: Translate, _locale: Locale): string {
  const key = `metric.${metric}`;
  return isMessageKey(key) ? t(key) : metric;
}

export function ruleTypeLabel(rule: string, t: Translate): string {
  const key = `evaluation.ruleType.${rule}`;
  return isMessageKey(key) ? t(key) : rule;
}

export function flagLabel(flag: string, t: Translate): string {
  const key = `evaluation.flag.${flag}`;
  return isMessageKey(key) ? t(key) : flag;
}
