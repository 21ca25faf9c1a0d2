// 自评与核定对比: each reporting unit's self-score beside its verified score and the difference
// (self − verified), largest differences first as the result lists them; a unit's reported indicator
// lines open under its row. Units that did not report are named below. Reads result.selfScores only.
import { Alert, Space, Table, Typography } from 'antd';
import type { SelfScoreComparison, SelfScoreLine, SelfScoreRow } from '../api/self-score-types';
import { EmptyState } from '../components/states';
import { useI18n } from '../i18n';
import { useRegions } from '../regions';

const two = (x: number | null) => (x === null ? '—' : x.toFixed(2));

function Difference({ value }: { value: number | null }) {
  if (value === null) return <span>—</span>;
  const text = value > 0 ? `+${value.toFixed(2)}` : value.toFixed(2);
  // Self-scores above the verified score in a dark warning colour (contrast ≥ 4.5:1), below in plain text.
  return (
    <span style={{ color: value > 0 ? '#ad4e00' : undefined, fontWeight: value ? 600 : undefined }}>
      {text}
    </span>
  );
}

function Lines({ lines }: { lines: SelfScoreLine[] }) {
  const { t } = useI18n();
  return (
    <Table<SelfScoreLine>
      size="small"
      pagination={false}
      rowKey={(l) => l.indicator ?? ''}
      dataSource={lines}
      columns={[
        { key: 'name', title: t('selfScores.indicator'), render: (_, l) => `${l.name}（${l.points}）` },
        { key: 'self', title: t('selfScores.self'), align: 'right', render: (_, l) => two(l.self) },
        {
          key: 'verified',
          title: t('selfScores.verified'),
          align: 'right',
          render: (_, l) => two(l.verified),
        },
        {
          key: 'difference',
          title: t('selfScores.difference'),
          align: 'right',
          render: (_, l) => <Difference value={l.difference} />,
        },
      ]}
    />
  );
}

export function SelfScoreTable({ comparison }: { comparison: SelfScoreComparison }) {
  const { t } = useI18n();
  const regions = useRegions();
  const missing = comparison.missing.map((c) => regions.name(c)).join('、');
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Table<SelfScoreRow>
        size="small"
        rowKey="code"
        pagination={false}
        dataSource={comparison.units}
        data-testid="self-score-comparison"
        locale={{ emptyText: <EmptyState text={t('selfScores.noComparison')} /> }}
        expandable={{
          rowExpandable: (r) => r.indicators.length > 0,
          expandedRowRender: (r) => <Lines lines={r.indicators} />,
        }}
        columns={[
          { key: 'unit', title: t('selfScores.unit'), render: (_, r) => `${r.name}（${r.code}）` },
          { key: 'rank', title: t('selfScores.rank'), dataIndex: 'rank', align: 'right', width: 70 },
          { key: 'self', title: t('selfScores.self'), align: 'right', render: (_, r) => two(r.total.self) },
          {
            key: 'verified',
            title: t('selfScores.verified'),
            align: 'right',
            render: (_, r) => two(r.total.verified),
          },
          {
            key: 'difference',
            title: t('selfScores.difference'),
            align: 'right',
            render: (_, r) => <Difference value={r.total.difference} />,
          },
          {
            key: 'by',
            title: t('selfScores.reportedBy'),
            render: (_, r) => <Typography.Text type="secondary">{r.reportedBy.join('、')}</Typography.Text>,
          },
        ]}
      />
      {comparison.missing.length > 0 && (
        <Alert
          type={comparison.required ? 'warning' : 'info'}
          showIcon
          title={t(comparison.required ? 'selfScores.missingRequired' : 'selfScores.missing', {
            units: missing,
          })}
        />
      )}
    </Space>
  );
}
