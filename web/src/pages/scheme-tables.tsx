// A scheme for reading: its settings, every dimension and indicator with the rule in words and
// the points, and the bonus and penalty items. Used for the built-in schemes and for an edited
// copy once it validates.
import { Card, Descriptions, Space, Table, type TableProps, Tag, Typography } from 'antd';
import type {
  Scheme,
  SchemeAdjustments,
  SchemeIndicator,
  SchemeRule,
  SchemeTarget,
} from '../api/evaluation-types';
import { type Locale, type Translate, useI18n } from '../i18n';
import { metricLabel } from '../metrics';
import { groupLabel, metricValueText } from './evaluation-common';

interface IndicatorRow extends SchemeIndicator {
  key: string;
  dimensionName: string;
  dimensionPoints: number;
  /** Rows the dimension cell spans (0 for all but the dimension's first indicator). */
  span: number;
}

export function SchemeTables({ scheme }: { scheme: Scheme }) {
  const { t, locale } = useI18n();
  const dimensionName = (id: string) => scheme.dimensions.find((d) => d.id === id)?.name ?? id;
  const rows: IndicatorRow[] = scheme.dimensions.flatMap((d) =>
    d.indicators.map((ind, i) => ({
      ...ind,
      key: `${d.id}.${ind.id}`,
      dimensionName: d.name,
      dimensionPoints: d.points,
      span: i === 0 ? d.indicators.length : 0,
    })),
  );
  const columns: TableProps<IndicatorRow>['columns'] = [
    {
      key: 'dimension',
      title: t('scheme.dimension'),
      width: 150,
      onCell: (row) => ({ rowSpan: row.span }),
      render: (_, row) => (
        <>
          <Typography.Text strong>{row.dimensionName}</Typography.Text>
          <br />
          <Typography.Text type="secondary">
            {t('scheme.points', { points: row.dimensionPoints })}
          </Typography.Text>
        </>
      ),
    },
    { key: 'name', title: t('evaluation.indicator'), dataIndex: 'name', width: 170 },
    {
      key: 'metric',
      title: t('scheme.metric'),
      width: 200,
      render: (_, row) => {
        const metrics = row.metric ? [{ metric: row.metric, weight: 1 }] : (row.metrics ?? []);
        return metrics.map((m) => (
          <div key={m.metric}>
            {metricLabel(m.metric, t)}
            {row.metrics && ` × ${m.weight}`}
            <br />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {m.metric}
            </Typography.Text>
          </div>
        ));
      },
    },
    {
      key: 'direction',
      title: t('scheme.direction'),
      width: 100,
      render: (_, row) => (
        <Tag color={row.direction === 'higher_better' ? 'blue' : 'purple'}>
          {t(`scheme.direction.${row.direction}`)}
        </Tag>
      ),
    },
    {
      key: 'rule',
      title: t('evaluation.rule'),
      render: (_, row) => describeRule(row.rule, row, scheme, t, locale),
    },
    { key: 'points', title: t('evaluation.points'), dataIndex: 'points', width: 70, align: 'right' },
  ];
  const indicatorCount = rows.length;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card size="small" title={t('scheme.summary')}>
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2, lg: 3 }}
          items={[
            { key: 'name', label: t('scheme.name'), children: scheme.name, span: 'filled' },
            {
              key: 'id',
              label: t('scheme.id'),
              children: <Typography.Text code>{scheme.id}</Typography.Text>,
            },
            { key: 'version', label: t('scheme.version'), children: scheme.version },
            {
              key: 'total',
              label: t('scheme.total'),
              children: t('scheme.totalText', {
                total: scheme.total,
                dimensions: scheme.dimensions.length,
                indicators: indicatorCount,
              }),
            },
            {
              key: 'groups',
              label: t('scheme.groups'),
              children: scheme.groups.map((g) => groupLabel(g, t)).join('、'),
            },
            {
              key: 'missing',
              label: t('scheme.missingPolicy'),
              children: t(`scheme.missing.${scheme.missing_policy}`),
            },
            {
              key: 'over',
              label: t('scheme.normaliseOver'),
              children: t(`scheme.scope.${scheme.normalise_over}`),
            },
            {
              key: 'tie',
              label: t('scheme.tieBreak'),
              span: 'filled',
              children:
                scheme.tie_break.length > 0
                  ? t('scheme.tieBreakText', { order: scheme.tie_break.map(dimensionName).join(' → ') })
                  : t('scheme.tieBreakNone'),
            },
            ...(scheme.description
              ? [
                  {
                    key: 'description',
                    label: t('scheme.description'),
                    children: scheme.description,
                    span: 'filled' as const,
                  },
                ]
              : []),
          ]}
        />
      </Card>
      <Card size="small" title={t('scheme.indicators')}>
        <Table<IndicatorRow>
          rowKey="key"
          size="small"
          bordered
          data-testid="scheme-indicators"
          columns={columns}
          dataSource={rows}
          pagination={false}
          scroll={{ x: 900 }}
        />
      </Card>
      {(scheme.bonus || scheme.penalty) && (
        <Card size="small" title={t('scheme.adjustments')}>
          <Space orientation="vertical" style={{ width: '100%' }}>
            {scheme.bonus && <AdjustmentItems kind="bonus" adjustments={scheme.bonus} />}
            {scheme.penalty && <AdjustmentItems kind="penalty" adjustments={scheme.penalty} />}
          </Space>
        </Card>
      )}
    </Space>
  );
}

function AdjustmentItems({
  kind,
  adjustments,
}: {
  kind: 'bonus' | 'penalty';
  adjustments: SchemeAdjustments;
}) {
  const { t } = useI18n();
  return (
    <Table
      rowKey="id"
      size="small"
      pagination={false}
      title={() => (
        <Typography.Text strong>
          {t(kind === 'bonus' ? 'scheme.bonusTitle' : 'scheme.penaltyTitle', { cap: adjustments.cap })}
        </Typography.Text>
      )}
      dataSource={adjustments.items}
      columns={[
        { key: 'name', title: t('evaluation.item'), dataIndex: 'name' },
        {
          key: 'each',
          title: t('scheme.perEvent'),
          dataIndex: 'points_per_event',
          width: 120,
          align: 'right',
        },
        {
          key: 'cap',
          title: t('scheme.itemCap'),
          dataIndex: 'cap',
          width: 100,
          align: 'right',
          render: (cap?: number) => cap ?? '—',
        },
      ]}
    />
  );
}

/** A rule in words: "以本组最高值为满分，其余按比例". */
export function describeRule(
  rule: SchemeRule,
  indicator: SchemeIndicator,
  scheme: Scheme,
  t: Translate,
  locale: Locale,
): string {
  const metric = indicator.metric;
  const v = (x: number) => metricValueText(metric, x, t, locale);
  const scope = (over?: 'group' | 'all') => t(`scheme.scope.${over ?? scheme.normalise_over}`);
  const target = (x: SchemeTarget) => targetText(x, metric, t, locale);
  const join = (parts: string[]) => parts.join(t('scheme.rule.separator'));
  switch (rule.type) {
    case 'ratio_to_target':
      return t('scheme.rule.ratio_to_target', {
        target: target(rule.target),
        cap: `${Math.round(rule.cap * 100)}%`,
      });
    case 'step': {
      const parts = [
        t('scheme.rule.step', {
          target: target(rule.target),
          base: rule.base,
          step: v(rule.step),
          points: rule.points_per_step,
        }),
      ];
      if (rule.above)
        parts.push(
          t('scheme.rule.stepAbove', { step: v(rule.above.step), points: rule.above.points_per_step }),
        );
      if (rule.below)
        parts.push(
          t('scheme.rule.stepBelow', { step: v(rule.below.step), points: rule.below.points_per_step }),
        );
      parts.push(t('scheme.rule.range', { min: rule.min, max: rule.max ?? indicator.points }));
      if (rule.rounding === 'whole') parts.push(t('scheme.rule.whole'));
      return join(parts);
    }
    case 'relative_to_best':
      return t(`scheme.rule.relative_to_best.${indicator.direction}`, { scope: scope(rule.over) });
    case 'min_max':
      return t('scheme.rule.min_max', { scope: scope(rule.over) });
    case 'goalposts':
      return t(`scheme.rule.goalposts.${indicator.direction}`, {
        lower: v(rule.lower),
        upper: v(rule.upper),
      });
    case 'rank_bands':
      return rule.bands
        ? join(rule.bands.map((b) => t('scheme.rule.band', { from: b.from, to: b.to, points: b.points })))
        : t('scheme.rule.rankLinear', {
            first: rule.first ?? indicator.points,
            decrement: rule.decrement ?? 1,
            min: rule.min,
            scope: scope(rule.over),
          });
    case 'tiers':
      return join(
        rule.tiers.map((x) => t('scheme.rule.tier', { threshold: v(x.threshold), points: x.points })),
      );
    case 'count_points':
      return join(
        rule.items.map((item) =>
          t(item.cap === undefined ? 'scheme.rule.count' : 'scheme.rule.countCapped', {
            name: item.name,
            points: item.points_per_event,
            cap: item.cap ?? 0,
          }),
        ),
      );
  }
}

function targetText(target: SchemeTarget, metric: string | undefined, t: Translate, locale: Locale): string {
  if ('value' in target) return metricValueText(metric, target.value, t, locale);
  if ('metric' in target) return t('scheme.target.metric', { metric: target.metric });
  if ('context' in target) return t('scheme.target.timeProgress');
  return t('scheme.target.mean');
}
