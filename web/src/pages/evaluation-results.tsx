// The ranked results of an evaluation, one table per group: rank (ties as 并列), unit, each
// dimension's score, bonus, penalty and total. A row opens to every indicator's score; a score
// opens its explanation (the engine's sentence, the value, what it was compared with, the points);
// a unit or a dimension score opens the unit's drawer with all of it side by side.
import { Alert, Button, Card, Descriptions, Drawer, Grid, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { resultsTable } from '../../../src/domain/tables/evaluations';
import type { AdjustmentSummary, EvaluationResult, UnitResult } from '../api/evaluation-types';
import { ExportButton } from '../components/export-button';
import { EmptyState } from '../components/states';
import { useI18n } from '../i18n';
import { type EvaluationSource, groupLabel, rankText, scoreText, tiedUnits } from './evaluation-common';
import { INDICATOR_TABLE_WIDTH, IndicatorTable } from './evaluation-indicators';
import { screenContext, specColumns } from './spec-columns';

export function ResultTables({
  result,
  group,
  source,
}: {
  result: EvaluationResult;
  group?: string;
  /** Where the result comes from, for its 导出Excel (its groups as shown, in one sheet). */
  source?: EvaluationSource;
}) {
  const { t } = useI18n();
  const tied = useMemo(() => tiedUnits(result.units), [result]);
  const [drawer, setDrawer] = useState<{ unit: UnitResult; dimension?: string } | null>(null);
  const groups = result.groups.filter((g) => !group || g.id === group);
  if (groups.length === 0) return <EmptyState />;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      {source && <ResultsExport source={source} group={group} />}
      {result.flags.length > 0 && (
        <Alert
          type="warning"
          showIcon
          title={t('evaluation.flags')}
          description={
            <ul className="sibi-problems">
              {result.flags.map((f) => (
                <li key={`${f.code}:${f.group ?? ''}:${f.indicator ?? ''}:${f.unit ?? ''}`}>{f.message}</li>
              ))}
            </ul>
          }
        />
      )}
      {groups.map((g) => {
        const units = result.units.filter((u) => u.group === g.id);
        return (
          <Card
            key={g.id}
            size="small"
            title={t('evaluation.groupTitle', { group: groupLabel(g.id, t), n: units.length })}
          >
            <GroupTable
              group={g.id}
              units={units}
              tied={tied}
              onOpen={(unit, dimension) => setDrawer({ unit, dimension })}
            />
          </Card>
        );
      })}
      {drawer && (
        <UnitDrawer
          unit={drawer.unit}
          dimension={drawer.dimension}
          tied={tied.has(drawer.unit.code)}
          onClose={() => setDrawer(null)}
        />
      )}
    </Space>
  );
}

function GroupTable({
  group,
  units,
  tied,
  onOpen,
}: {
  group: string;
  units: UnitResult[];
  tied: Set<string>;
  onOpen(unit: UnitResult, dimension?: string): void;
}) {
  const { locale } = useI18n();
  // Rank and unit stay in view while the scores scroll, where the screen has room for both.
  const fixed = Grid.useBreakpoint().md ? ('left' as const) : undefined;
  const dimensions = units[0]?.dimensions ?? [];
  // The columns of the export (src/domain/tables/evaluations.ts) less the group, the card's title.
  const spec = resultsTable(dimensions, tied);
  const score = (key: keyof UnitResult & ('base' | 'adjusted')) => ({
    sorter: (a: UnitResult, b: UnitResult) => a[key] - b[key],
  });
  const columns = specColumns<UnitResult>(spec, screenContext(locale, String), {
    rank: {
      extra: { fixed, sorter: (a, b) => a.rank - b.rank, defaultSortOrder: 'ascend' },
      render: (text, u) => (
        <span data-testid="rank" style={tied.has(u.code) ? { color: '#ad4e00' } : undefined}>
          {text}
        </span>
      ),
    },
    unit: {
      extra: { fixed },
      render: (text, u) => (
        <Button type="link" size="small" style={{ padding: 0 }} onClick={() => onOpen(u)}>
          {text}
        </Button>
      ),
    },
    ...Object.fromEntries(
      dimensions.map((d, i) => [
        `dim:${d.id}`,
        {
          extra: {
            sorter: (a: UnitResult, b: UnitResult) =>
              (a.dimensions[i]?.score ?? 0) - (b.dimensions[i]?.score ?? 0),
          },
          render: (text: string, u: UnitResult) => (
            <Button
              type="link"
              size="small"
              style={{ padding: 0 }}
              onClick={() => onOpen(u, d.id)}
              data-testid={`dim-${d.id}`}
            >
              {text}
            </Button>
          ),
        },
      ]),
    ),
    base: { extra: score('base') },
    bonus: { render: (_, u) => adjustmentText(u.bonus, '+') },
    penalty: { render: (_, u) => adjustmentText(u.penalty, '−') },
    total: { extra: score('adjusted'), render: (text) => <Typography.Text strong>{text}</Typography.Text> },
  }).filter((column) => column.key !== 'group');
  return (
    <Table<UnitResult>
      rowKey="code"
      size="small"
      data-testid={`results-${group}`}
      columns={columns}
      dataSource={units}
      scroll={{ x: 590 + dimensions.length * 110 }}
      pagination={units.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
      expandable={{
        expandedRowRender: (u) => <IndicatorTable indicators={u.indicators} />,
        columnWidth: 40,
      }}
    />
  );
}

/** 导出Excel of the results as shown: a published result, or a draft of a built-in scheme (not of an edited copy). */
function ResultsExport({ source, group }: { source: EvaluationSource; group?: string }) {
  if (source.kind === 'published')
    return (
      <ExportButton
        path={`/api/evaluations/${source.id}/export`}
        query={{ group }}
        testId="evaluation-export"
      />
    );
  const { scheme, schemeText, period, region } = source.body;
  if (schemeText !== undefined) return null;
  return (
    <ExportButton
      path="/api/evaluations/draft/export"
      query={{ scheme, period, region, group: source.body.group }}
      testId="evaluation-export"
    />
  );
}

const adjustmentText = (a: AdjustmentSummary, sign: string) =>
  a.total === 0 ? '0' : `${sign}${scoreText(a.total)}`;

/** A unit's whole result: totals, every dimension's indicators with their explanations, bonus and penalty. */
function UnitDrawer({
  unit,
  dimension,
  tied,
  onClose,
}: {
  unit: UnitResult;
  dimension?: string;
  tied: boolean;
  onClose(): void;
}) {
  const { t } = useI18n();
  const [active, setActive] = useState(dimension ?? unit.dimensions[0]?.id ?? 'adjustments');
  return (
    <Drawer
      open
      // the dimension tabs beside the whole indicator table where the window allows
      size={Math.min(INDICATOR_TABLE_WIDTH + 300, window.innerWidth)}
      onClose={onClose}
      title={t('evaluation.unitTitle', { name: unit.name, group: groupLabel(unit.group, t) })}
      data-testid="unit-drawer"
    >
      <Descriptions
        size="small"
        column={{ xs: 2, sm: 4 }}
        items={[
          {
            key: 'rank',
            label: t('evaluation.rank'),
            children: `${rankText(unit.rank, tied, t)} / ${unit.groupSize}`,
          },
          ...(unit.consequence
            ? [{ key: 'consequence', label: t('evaluation.consequence'), children: unit.consequence }]
            : []),
          { key: 'base', label: t('evaluation.base'), children: scoreText(unit.base) },
          {
            key: 'adj',
            label: t('evaluation.adjustments'),
            children: `${adjustmentText(unit.bonus, '+')} / ${adjustmentText(unit.penalty, '−')}`,
          },
          {
            key: 'total',
            label: t('evaluation.total'),
            children: <strong>{scoreText(unit.adjusted)}</strong>,
          },
        ]}
      />
      <Tabs
        activeKey={active}
        onChange={setActive}
        // Beside the table where the drawer is wide: a row of dimension tabs overflows it, and antd's
        // overflow button then sits inside role="tablist" (axe: aria-required-children).
        tabPlacement={window.innerWidth >= 600 ? 'start' : 'top'}
        items={[
          ...unit.dimensions.map((d) => ({
            key: d.id,
            label: `${d.name} ${scoreText(d.score)}/${d.points}`,
            children: <IndicatorTable indicators={unit.indicators.filter((i) => i.dimension === d.id)} />,
          })),
          {
            key: 'adjustments',
            label: t('evaluation.adjustments'),
            children: <Adjustments unit={unit} />,
          },
        ]}
      />
    </Drawer>
  );
}

function Adjustments({ unit }: { unit: UnitResult }) {
  const { t } = useI18n();
  const rows = [
    ...unit.bonus.lines.map((l, i) => ({ ...l, kind: 'bonus' as const, key: `b${i}` })),
    ...unit.penalty.lines.map((l, i) => ({ ...l, kind: 'penalty' as const, key: `p${i}` })),
  ];
  const capNote = (a: AdjustmentSummary) =>
    a.capped ? t('evaluation.capped', { raw: scoreText(a.raw), cap: a.cap ?? '—' }) : null;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {[capNote(unit.bonus), capNote(unit.penalty)].filter(Boolean).map((note) => (
        <Alert key={note} type="info" showIcon title={note} />
      ))}
      <Table
        rowKey="key"
        size="small"
        pagination={false}
        dataSource={rows}
        locale={{ emptyText: <EmptyState text={t('evaluation.noAdjustments')} /> }}
        columns={[
          {
            key: 'kind',
            title: t('evaluation.adjustmentKind'),
            width: 80,
            render: (_, r) =>
              r.kind === 'bonus' ? (
                <Tag color="green">{t('evaluation.bonus')}</Tag>
              ) : (
                <Tag color="red">{t('evaluation.penalty')}</Tag>
              ),
          },
          { key: 'name', title: t('evaluation.item'), dataIndex: 'name' },
          {
            key: 'count',
            title: t('evaluation.count'),
            dataIndex: 'count',
            width: 70,
            render: (c?: number) => c ?? '—',
          },
          { key: 'points', title: t('evaluation.score'), dataIndex: 'points', width: 80, render: scoreText },
          {
            key: 'reason',
            title: t('evaluation.reason'),
            render: (_, r) =>
              [r.reason, r.author, r.approvedBy && t('entries.approvedByName', { name: r.approvedBy })]
                .filter(Boolean)
                .join(' · ') || '—',
          },
        ]}
      />
    </Space>
  );
}
