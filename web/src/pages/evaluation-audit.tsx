// The statistical audit of the scheme on the period's data (docs/methodology.md → 统计审计): per
// ranked group, nominal against effective weights (bars and a table), the correlation matrix of the
// indicators' scores (a heat map, with the same numbers as a table for screen readers and print)
// and the indicators whose values are outlying, with what the scheme's declared treatment did.
import { Card, Collapse, Segmented, Space, Table, type TableProps, Tag, Typography } from 'antd';
import type { TableRef } from 'antd/es/table';
import { useMemo, useRef, useState } from 'react';
import type { AuditOutliers, EvaluationAudit, GroupAudit } from '../api/audit-types';
import { request } from '../api/client';
import { useApi } from '../api/use-api';
import {
  correlationHeatmapOption,
  heatmapHeight,
  weightBarsHeight,
  weightBarsOption,
} from '../charts/audit-charts';
import { Chart } from '../charts/chart';
import { useFocusableScroll } from '../components/scroll-focus';
import { Async } from '../components/states';
import { type Translate, useI18n } from '../i18n';
import { type EvaluationSource, groupLabel, shareText } from './evaluation-common';

export function loadAudit(source: EvaluationSource, signal: AbortSignal): Promise<EvaluationAudit> {
  return source.kind === 'draft'
    ? request('POST', '/api/evaluations/draft/audit', { body: source.body, signal })
    : request('GET', `/api/evaluations/${source.id}/audit`, { signal });
}

export function AuditPanel({ source, group }: { source: EvaluationSource; group?: string }) {
  const state = useApi((signal) => loadAudit(source, signal), [JSON.stringify(source)]);
  return (
    <Async state={state}>
      {(audit) => (
        <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="audit">
          {audit.groups
            .filter((g) => !group || g.group === group)
            .map((g) => (
              <GroupAuditCard key={g.group} audit={audit} g={g} />
            ))}
        </Space>
      )}
    </Async>
  );
}

const r2 = (x: number | null) => (x === null ? '—' : x.toFixed(2));

interface IndicatorRow {
  k: number;
  name: string;
  points: number;
  nominal: number;
  effective: number | null;
  withTotal: number | null;
}

function GroupAuditCard({ audit, g }: { audit: EvaluationAudit; g: GroupAudit }) {
  const { t } = useI18n();
  const label = groupLabel(g.group, t);
  const rows: IndicatorRow[] = g.weights.map((w, k) => ({
    k: k + 1,
    name: w.name,
    points: w.points,
    nominal: w.nominal,
    effective: w.effective,
    withTotal: g.withTotal[k]?.spearman ?? null,
  }));
  const bars = useMemo(
    () =>
      weightBarsOption(rows, {
        nominal: t('evaluation.audit.nominal'),
        effective: t('evaluation.audit.effective'),
      }),
    [rows, t],
  );
  return (
    <Card size="small" title={t('evaluation.audit.title', { group: label })} data-testid={`audit-${g.group}`}>
      <Typography.Paragraph type="secondary">
        {t('evaluation.audit.intro', {
          units: g.units,
          skew: audit.rule.skewness,
          kurt: audit.rule.kurtosis,
        })}
      </Typography.Paragraph>
      <Typography.Title level={5}>{t('evaluation.audit.weights')}</Typography.Title>
      <div data-testid={`audit-weights-chart-${g.group}`}>
        <Chart
          option={bars}
          height={weightBarsHeight(rows.length)}
          label={t('evaluation.audit.weightsChart', { group: label })}
        />
      </div>
      <WeightTable rows={rows} group={g.group} />
      <Correlation g={g} label={label} />
      <Outliers g={g} audit={audit} />
    </Card>
  );
}

function WeightTable({ rows, group }: { rows: IndicatorRow[]; group: string }) {
  const { t } = useI18n();
  const ref = useRef<TableRef>(null);
  useFocusableScroll(ref, t('evaluation.audit.weights'));
  const columns: TableProps<IndicatorRow>['columns'] = [
    { key: 'k', title: t('evaluation.audit.number'), dataIndex: 'k', width: 70 },
    { key: 'name', title: t('evaluation.audit.indicator'), dataIndex: 'name', width: 200 },
    { key: 'points', title: t('evaluation.audit.points'), dataIndex: 'points', width: 80, align: 'right' },
    {
      key: 'nominal',
      title: t('evaluation.audit.nominal'),
      width: 110,
      align: 'right',
      render: (_, r) => shareText(r.nominal),
    },
    {
      key: 'effective',
      title: t('evaluation.audit.effective'),
      width: 110,
      align: 'right',
      render: (_, r) => (r.effective === null ? t('evaluation.audit.noVariance') : shareText(r.effective)),
    },
    {
      key: 'withTotal',
      title: t('evaluation.audit.withTotal'),
      width: 150,
      align: 'right',
      render: (_, r) => r2(r.withTotal),
    },
  ];
  return (
    <Table<IndicatorRow>
      ref={ref}
      rowKey="k"
      size="small"
      data-testid={`audit-weights-${group}`}
      columns={columns}
      dataSource={rows}
      pagination={false}
      scroll={{ x: 720 }}
    />
  );
}

type Method = 'spearman' | 'pearson';

function Correlation({ g, label }: { g: GroupAudit; label: string }) {
  const { t } = useI18n();
  const [method, setMethod] = useState<Method>('spearman');
  const names = g.indicators.map((i) => i.name);
  const matrix = g.scores[method];
  const methodName = t(method === 'spearman' ? 'evaluation.audit.spearman' : 'evaluation.audit.pearson');
  const option = useMemo(
    () =>
      correlationHeatmapOption(names, matrix, {
        title: methodName,
        none: t('evaluation.audit.noCorrelation'),
      }),
    [names, matrix, methodName, t],
  );
  return (
    <>
      <Space wrap style={{ marginTop: 16 }}>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t('evaluation.audit.correlation')}
        </Typography.Title>
        <Segmented<Method>
          aria-label={t('evaluation.audit.method')}
          value={method}
          onChange={setMethod}
          options={[
            { value: 'spearman', label: t('evaluation.audit.spearman') },
            { value: 'pearson', label: t('evaluation.audit.pearson') },
          ]}
        />
      </Space>
      <div data-testid={`audit-heatmap-${g.group}`}>
        <Chart
          option={option}
          height={heatmapHeight(names.length)}
          label={t('evaluation.audit.heatmapLabel', { group: label, method: methodName })}
        />
      </div>
      <Collapse
        size="small"
        items={[
          {
            key: 'table',
            label: t('evaluation.audit.matrixTable'),
            children: <MatrixTable names={names} matrix={matrix} group={g.group} t={t} />,
          },
        ]}
      />
    </>
  );
}

function MatrixTable({
  names,
  matrix,
  group,
  t,
}: {
  names: string[];
  matrix: (number | null)[][];
  group: string;
  t: Translate;
}) {
  const ref = useRef<TableRef>(null);
  useFocusableScroll(ref, t('evaluation.audit.matrixTable'));
  const data = names.map((name, i) => ({ k: i + 1, name, row: matrix[i] ?? [] }));
  return (
    <Table
      ref={ref}
      rowKey="k"
      size="small"
      data-testid={`audit-matrix-${group}`}
      pagination={false}
      dataSource={data}
      scroll={{ x: 260 + names.length * 56 }}
      columns={[
        { key: 'k', title: t('evaluation.audit.number'), dataIndex: 'k', width: 60, fixed: 'left' },
        { key: 'name', title: t('evaluation.audit.indicator'), dataIndex: 'name', width: 180 },
        ...names.map((_, j) => ({
          key: `c${j}`,
          title: String(j + 1),
          width: 56,
          align: 'right' as const,
          render: (_: unknown, r: (typeof data)[number]) => r2(r.row[j] ?? null),
        })),
      ]}
    />
  );
}

function Outliers({ g, audit }: { g: GroupAudit; audit: EvaluationAudit }) {
  const { t } = useI18n();
  const hits = g.outliers.filter((o) => o.outlying);
  const limits = { skew: audit.rule.skewness, kurt: audit.rule.kurtosis };
  const ref = useRef<TableRef>(null);
  useFocusableScroll(ref, t('evaluation.audit.outliers'));
  return (
    <>
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('evaluation.audit.outliers')}
      </Typography.Title>
      {hits.length === 0 ? (
        <Typography.Paragraph data-testid={`audit-outliers-${g.group}`}>
          {t('evaluation.audit.noOutliers', limits)}
        </Typography.Paragraph>
      ) : (
        <Table<AuditOutliers>
          ref={ref}
          rowKey="indicator"
          size="small"
          data-testid={`audit-outliers-${g.group}`}
          pagination={false}
          dataSource={hits}
          scroll={{ x: 800 }}
          columns={[
            { key: 'name', title: t('evaluation.audit.indicator'), dataIndex: 'name', width: 180 },
            {
              key: 'skew',
              title: t('evaluation.audit.skewness'),
              width: 90,
              render: (_, o) => r2(o.skewness),
            },
            {
              key: 'kurt',
              title: t('evaluation.audit.kurtosis'),
              width: 90,
              render: (_, o) => r2(o.kurtosis),
            },
            {
              key: 'units',
              title: t('evaluation.audit.outlierUnits'),
              render: (_, o) =>
                `${o.units.map((u) => `${u.name} ${u.value}`).join('、')}${o.winsorisable ? '' : `（${t('evaluation.audit.notWinsorisable', { n: o.units.length })}）`}`,
            },
            {
              key: 'treatment',
              title: t('evaluation.audit.treatment'),
              width: 200,
              render: (_, o) => (
                <>
                  {t(`evaluation.audit.treatment.${o.treatment}`)}{' '}
                  <Tag color={o.applied === 'none' ? 'default' : 'blue'}>
                    {t(`evaluation.audit.applied.${o.applied}`)}
                  </Tag>
                </>
              ),
            },
          ]}
        />
      )}
    </>
  );
}
