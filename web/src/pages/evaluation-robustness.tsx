// How firm the ranking is, and what it would take to move up. Robustness: the ranks over many
// runs with the scheme's contestable choices varied (weights, caps, one indicator left out, the
// missing-data policy, bonus and penalty) as intervals in a chart, P(first) and P(top 3) per
// unit, and which choice moves ranks most (sensitivity indices with their bootstrap intervals and
// the seed), then the statistical audit (evaluation-audit.tsx). What it takes: for one unit, the
// smallest change of each single metric that lifts it one rank.
import { Alert, Card, Progress, Select, Space, Table, type TableProps, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import type { BootstrapInfo, IndexIntervals } from '../api/audit-types';
import type {
  EvaluationResult,
  SensitivityIndex,
  SensitivityResult,
  UnitRobustness,
  WhatItTakesEntry,
} from '../api/evaluation-types';
import { useApi } from '../api/use-api';
import { Chart } from '../charts/chart';
import { rankIntervalHeight, rankIntervalOption } from '../charts/rank-intervals';
import { Async, EmptyState } from '../components/states';
import { isMessageKey, type Translate, useI18n } from '../i18n';
import { useMe } from '../session';
import { AuditPanel } from './evaluation-audit';
import {
  type EvaluationSource,
  groupLabel,
  loadSensitivity,
  loadWhatItTakes,
  metricName,
  metricValueText,
  RankShift,
  shareText,
  UnitSelect,
} from './evaluation-common';
import { flagLabel } from './evaluation-indicators';

// The server refuses more than 2000 (issue #14 item 5, routes/evaluations.types.ts).
const REPLICATIONS = [200, 1000, 2000];

export function RobustnessPanel({ source, group }: { source: EvaluationSource; group?: string }) {
  const { t } = useI18n();
  const [replications, setReplications] = useState(1000);
  const key = JSON.stringify({ source, replications });
  const state = useApi((signal) => loadSensitivity(source, replications, signal), [key]);
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="robustness">
      <Space wrap>
        <Typography.Text>{t('evaluation.robustness.replications')}</Typography.Text>
        <Select
          id="robustness-replications"
          aria-label={t('evaluation.robustness.replications')}
          value={replications}
          style={{ width: 120 }}
          onChange={setReplications}
          options={REPLICATIONS.map((n) => ({ value: n, label: String(n) }))}
        />
        <Typography.Text type="secondary">{t('evaluation.robustness.intro')}</Typography.Text>
      </Space>
      <Async state={state}>{(data) => <Robustness data={data} group={group} />}</Async>
      <AuditPanel source={source} group={group} />
    </Space>
  );
}

function Robustness({ data, group }: { data: SensitivityResult & BootstrapInfo; group?: string }) {
  const { t } = useI18n();
  const groups = [...new Set(data.units.map((u) => u.group))].filter((g) => !group || g === group);
  return (
    <>
      {data.flags.map((f) => (
        <Alert key={f.code} type="info" showIcon title={f.message} />
      ))}
      {groups.map((g) => (
        <GroupRobustness key={g} group={g} units={data.units.filter((u) => u.group === g)} />
      ))}
      <Card size="small" title={t('evaluation.robustness.indices')}>
        <Typography.Paragraph type="secondary">
          {t('evaluation.robustness.indicesIntro', { n: data.replications, seed: data.seed })}
        </Typography.Paragraph>
        {data.bootstrap && data.bootstrap.samples > 0 && (
          <Typography.Paragraph type="secondary" data-testid="sensitivity-seed">
            {t('evaluation.robustness.bootstrap', { samples: data.bootstrap.samples, seed: data.seed })}
          </Typography.Paragraph>
        )}
        <IndicesTable indices={data.indices} />
      </Card>
      {data.leaveOneDimensionOut.length > 0 && <LeaveOneOut data={data} groups={groups} />}
    </>
  );
}

function GroupRobustness({ group, units }: { group: string; units: UnitRobustness[] }) {
  const { t } = useI18n();
  const option = useMemo(
    () =>
      rankIntervalOption(units, {
        interval: t('evaluation.robustness.interval'),
        nominal: t('evaluation.robustness.nominal'),
        median: t('evaluation.robustness.median'),
        rank: t('evaluation.rank'),
        pFirst: t('evaluation.robustness.pFirst'),
      }),
    [units, t],
  );
  const columns: TableProps<UnitRobustness>['columns'] = [
    { key: 'nominal', title: t('evaluation.robustness.nominal'), dataIndex: 'nominalRank', width: 90 },
    { key: 'name', title: t('evaluation.unit'), dataIndex: 'name', width: 170 },
    { key: 'median', title: t('evaluation.robustness.median'), dataIndex: 'medianRank', width: 90 },
    {
      key: 'interval',
      title: t('evaluation.robustness.interval'),
      width: 110,
      render: (_, u) => (u.rankP5 === u.rankP95 ? String(u.rankP5) : `${u.rankP5}–${u.rankP95}`),
    },
    {
      key: 'pFirst',
      title: t('evaluation.robustness.pFirst'),
      width: 110,
      sorter: (a, b) => a.pFirst - b.pFirst,
      render: (_, u) => shareText(u.pFirst),
    },
    {
      key: 'pTop3',
      title: t('evaluation.robustness.pTop3'),
      width: 110,
      sorter: (a, b) => a.pTop3 - b.pTop3,
      render: (_, u) => shareText(u.pTop3),
    },
    {
      key: 'shift',
      title: t('evaluation.robustness.shift'),
      width: 110,
      render: (_, u) => u.meanAbsShift.toFixed(2),
    },
  ];
  return (
    <Card size="small" title={t('evaluation.robustness.groupTitle', { group: groupLabel(group, t) })}>
      <div data-testid={`rank-chart-${group}`}>
        <Chart
          option={option}
          height={rankIntervalHeight(units.length)}
          label={t('evaluation.robustness.chartLabel', { group: groupLabel(group, t) })}
        />
      </div>
      <Table<UnitRobustness>
        rowKey="code"
        size="small"
        data-testid={`robustness-${group}`}
        columns={columns}
        dataSource={units}
        pagination={false}
        scroll={{ x: 800 }}
      />
    </Card>
  );
}

/** Server labels are Chinese; known factors have English ones. */
function factorLabel(index: SensitivityIndex, t: Translate, english: boolean): string {
  const key = `evaluation.factor.${index.factor}`;
  return english && isMessageKey(key) ? t(key) : index.label;
}

const ciText = (x?: [number, number]) => (x ? `${x[0].toFixed(2)} – ${x[1].toFixed(2)}` : '—');

function IndicesTable({ indices }: { indices: (SensitivityIndex & IndexIntervals)[] }) {
  const { t, locale } = useI18n();
  // The bar's name: the factor and the index ("用地保障 一阶指数").
  const bar = (value: number, name: string) => (
    <Progress
      aria-label={name}
      percent={Math.round(Math.max(0, Math.min(1, value)) * 1000) / 10}
      size="small"
      format={(p) => `${(p ?? 0).toFixed(1)}%`}
    />
  );
  return (
    <Table<SensitivityIndex & IndexIntervals>
      rowKey="factor"
      size="small"
      data-testid="sensitivity-indices"
      pagination={false}
      dataSource={indices}
      locale={{ emptyText: <EmptyState /> }}
      columns={[
        {
          key: 'factor',
          title: t('evaluation.robustness.factor'),
          width: 200,
          render: (_, i) => factorLabel(i, t, locale === 'en'),
        },
        {
          key: 'first',
          title: t('evaluation.robustness.first'),
          render: (_, i) =>
            bar(i.first, `${factorLabel(i, t, locale === 'en')} ${t('evaluation.robustness.first')}`),
        },
        {
          key: 'total',
          title: t('evaluation.robustness.totalIndex'),
          render: (_, i) =>
            bar(i.total, `${factorLabel(i, t, locale === 'en')} ${t('evaluation.robustness.totalIndex')}`),
        },
        {
          key: 'ci',
          title: t('evaluation.robustness.ci'),
          width: 220,
          render: (_, i) => `${ciText(i.firstCi)} / ${ciText(i.totalCi)}`,
        },
      ]}
    />
  );
}

/** The rank each unit would have with one dimension left out. */
function LeaveOneOut({ data, groups }: { data: SensitivityResult; groups: string[] }) {
  const { t } = useI18n();
  const units = data.units.filter((u) => groups.includes(u.group));
  return (
    <Card size="small" title={t('evaluation.robustness.leaveOneOut')}>
      <Table<UnitRobustness>
        rowKey="code"
        size="small"
        pagination={false}
        dataSource={units}
        scroll={{ x: 300 + data.leaveOneDimensionOut.length * 130 }}
        columns={[
          {
            key: 'group',
            title: t('evaluation.group'),
            width: 170,
            render: (_, u) => groupLabel(u.group, t),
          },
          { key: 'name', title: t('evaluation.unit'), dataIndex: 'name', width: 170 },
          { key: 'nominal', title: t('evaluation.robustness.nominal'), dataIndex: 'nominalRank', width: 90 },
          ...data.leaveOneDimensionOut.map((d) => ({
            key: d.dimension,
            title: t('evaluation.robustness.without', { name: d.name }),
            width: 130,
            render: (_: unknown, u: UnitRobustness) => {
              const rank = d.ranks[u.code];
              return rank === undefined ? '—' : <RankShift rank={rank} from={u.nominalRank} />;
            },
          })),
        ]}
      />
    </Card>
  );
}

/** What it takes for one unit to move up one rank: the minimum change of each single metric. */
export function WhatItTakesPanel({ source, result }: { source: EvaluationSource; result: EvaluationResult }) {
  const { t } = useI18n();
  const me = useMe();
  const units = result.units;
  // Start with the caller's own unit when it is ranked, else the runner-up of the first group.
  const initial =
    units.find((u) => u.code === me.regionCode)?.code ??
    units.find((u) => u.rank === 2)?.code ??
    units[0]?.code;
  const [unit, setUnit] = useState(initial);
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="what-it-takes">
      <Space wrap>
        <Typography.Text>{t('evaluation.whatItTakes.unit')}</Typography.Text>
        <UnitSelect id="what-it-takes-unit" units={units} value={unit} onChange={setUnit} ranks />
      </Space>
      {unit ? <WhatItTakes source={source} unit={unit} /> : <EmptyState />}
    </Space>
  );
}

function WhatItTakes({ source, unit }: { source: EvaluationSource; unit: string }) {
  const { t, locale } = useI18n();
  const key = JSON.stringify({ source, unit });
  const state = useApi((signal) => loadWhatItTakes(source, unit, signal), [key]);
  const columns: TableProps<WhatItTakesEntry>['columns'] = [
    {
      key: 'metric',
      title: t('evaluation.whatItTakes.metric'),
      width: 180,
      render: (_, e) => metricName(e.metric, e.label, t, locale),
    },
    {
      key: 'current',
      title: t('evaluation.whatItTakes.current'),
      width: 140,
      align: 'right',
      render: (_, e) => metricValueText(e.metric, e.current, t, locale),
    },
    {
      key: 'required',
      title: t('evaluation.whatItTakes.required'),
      width: 140,
      align: 'right',
      render: (_, e) => (e.required === null ? '—' : metricValueText(e.metric, e.required, t, locale)),
    },
    {
      key: 'change',
      title: t('evaluation.whatItTakes.change'),
      width: 150,
      align: 'right',
      render: (_, e) =>
        e.change === null || e.direction === null
          ? '—'
          : `${e.direction === 'increase' ? '+' : '−'}${metricValueText(e.metric, Math.abs(e.change), t, locale)}`,
    },
    {
      key: 'newRank',
      title: t('evaluation.whatItTakes.newRank'),
      width: 90,
      align: 'right',
      render: (_, e) => e.newRank ?? '—',
    },
    {
      key: 'flags',
      title: t('evaluation.whatItTakes.note'),
      render: (_, e) =>
        e.flags.length > 0 ? (
          e.flags.map((f) => (
            <Tag key={f} color="orange">
              {flagLabel(f, t)}
            </Tag>
          ))
        ) : e.required === null ? (
          <Typography.Text type="secondary">{t('evaluation.whatItTakes.notAlone')}</Typography.Text>
        ) : null,
    },
  ];
  return (
    <Async state={state}>
      {(data) => {
        // Metrics that can lift the unit first, the smallest relative change first.
        const rows = [...data.entries].sort(
          (a, b) =>
            Number(a.required === null) - Number(b.required === null) ||
            relative(a) - relative(b) ||
            a.metric.localeCompare(b.metric),
        );
        const reachable = rows.filter((e) => e.required !== null).length;
        return (
          <Card
            size="small"
            title={t('evaluation.whatItTakes.title', {
              name: data.name,
              rank: data.rank,
              size: data.groupSize,
            })}
          >
            <Alert
              type={data.rank === 1 ? 'success' : reachable > 0 ? 'info' : 'warning'}
              showIcon
              style={{ marginBottom: 12 }}
              title={
                data.rank === 1
                  ? t('evaluation.whatItTakes.first')
                  : t('evaluation.whatItTakes.summary', { n: reachable, target: data.rank - 1 })
              }
            />
            <Table<WhatItTakesEntry>
              rowKey="metric"
              size="small"
              data-testid="what-it-takes-table"
              pagination={false}
              columns={columns}
              dataSource={rows}
              scroll={{ x: 900 }}
            />
          </Card>
        );
      }}
    </Async>
  );
}

const relative = (e: WhatItTakesEntry): number =>
  e.change === null || !e.current ? Number.POSITIVE_INFINITY : Math.abs(e.change / e.current);
