// The child units of the 驾驶舱's region side by side, ranked by investment completion (sortable
// here: at most some twenty rows), the laggards marked; and the units lagging most, as a list.
import { Card, List, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo } from 'react';
import type { Dashboard } from '../api/dashboard-types';
import { EmptyState } from '../components/states';
import { formatAmount, formatPercent } from '../format';
import { useI18n } from '../i18n';
import { metricLabel } from '../metrics';
import { formatPoints, pointsOf, sortValues, type UnitRow, unitRows } from './dashboard-figures';

export function UnitsTable({ dashboard }: { dashboard: Dashboard }) {
  const { t, locale } = useI18n();
  const rows = useMemo(() => unitRows(dashboard), [dashboard]);
  const rateColumn = (key: 'investRate' | 'newStartRate' | 'completionRate', metric: string) => ({
    key,
    title: metricLabel(metric, t),
    align: 'right' as const,
    sorter: (a: UnitRow, b: UnitRow, order?: 'ascend' | 'descend' | null) =>
      sortValues(a[key], b[key], order),
    render: (_: unknown, row: UnitRow) => formatPercent(row[key]),
  });
  const columns: ColumnsType<UnitRow> = [
    {
      key: 'rank',
      title: t('dashboard.units.rank'),
      width: 64,
      sorter: (a, b, order) => sortValues(a.rank, b.rank, order),
      render: (_, row) => row.rank ?? '—',
    },
    {
      key: 'name',
      title: t('dashboard.units.unit'),
      sorter: (a, b) => a.code.localeCompare(b.code),
      render: (_, row) => (
        <span style={{ whiteSpace: 'nowrap' }}>
          {row.name}
          {row.gap !== null && row.gap < 0 && (
            <Tag color="error" style={{ marginInlineStart: 8 }}>
              {t('dashboard.units.lagging')}
            </Tag>
          )}
        </span>
      ),
    },
    {
      key: 'projectCount',
      title: metricLabel('key.projectCount', t),
      align: 'right',
      sorter: (a, b, order) => sortValues(a.projectCount, b.projectCount, order),
      render: (_, row) => row.projectCount ?? '—',
    },
    {
      key: 'investYtd',
      title: metricLabel('key.investYtd', t),
      align: 'right',
      sorter: (a, b, order) => sortValues(a.investYtd, b.investYtd, order),
      render: (_, row) => formatAmount(row.investYtd, locale),
    },
    rateColumn('investRate', 'key.investRate'),
    {
      key: 'gap',
      title: t('dashboard.units.gap'),
      align: 'right',
      sorter: (a, b, order) => sortValues(a.gap, b.gap, order),
      render: (_, row) => (
        <Typography.Text type={row.gap !== null && row.gap < 0 ? 'danger' : undefined}>
          {formatPoints(row.gap)}
        </Typography.Text>
      ),
    },
    rateColumn('newStartRate', 'key.newStartRate'),
    rateColumn('completionRate', 'key.completionRate'),
  ];
  return (
    <Card size="small" title={t('dashboard.units')} data-testid="dashboard-units">
      {/* In the body, not the title row: on a phone the title would be cut to make room. */}
      <Typography.Paragraph type="secondary">{t('dashboard.units.hint')}</Typography.Paragraph>
      <Table<UnitRow>
        rowKey="code"
        size="small"
        columns={columns}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: <EmptyState text={t('dashboard.units.none')} /> }}
        onRow={(row) => ({ 'data-lagging': row.lagging ? 'true' : 'false' }) as never}
      />
    </Card>
  );
}

export function LaggingUnits({ dashboard }: { dashboard: Dashboard }) {
  const { t } = useI18n();
  const byCode = new Map(unitRows(dashboard).map((row) => [row.code, row]));
  const lagging = dashboard.lagging.map((code) => byCode.get(code)).filter((row) => row !== undefined);
  return (
    <Card size="small" title={t('dashboard.lagging')} data-testid="dashboard-lagging">
      <List
        size="small"
        dataSource={lagging}
        locale={{ emptyText: <EmptyState text={t('dashboard.lagging.none')} /> }}
        renderItem={(row, i) => (
          <List.Item>
            <List.Item.Meta
              title={
                <span>
                  <Typography.Text type="danger" strong style={{ marginInlineEnd: 8 }}>
                    {i + 1}
                  </Typography.Text>
                  {row.name}
                </span>
              }
              description={t('dashboard.lagging.item', {
                rate: formatPercent(row.investRate),
                points: row.gap === null ? '—' : pointsOf(row.gap),
              })}
            />
          </List.Item>
        )}
      />
    </Card>
  );
}
