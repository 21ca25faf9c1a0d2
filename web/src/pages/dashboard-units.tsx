// The child units of the 驾驶舱's region side by side, ranked by investment completion (sortable
// here: at most some twenty rows), the laggards marked, with 导出Excel of the table as sorted; and
// the units lagging most, as a list.
import { Card, List, Table, Tag, Typography } from 'antd';
import type { ColumnType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { UNIT_SORTERS, UNITS_TABLE, type UnitSortKey } from '../../../src/domain/tables/dashboard-units';
import type { Dashboard } from '../api/dashboard-types';
import { ExportButton } from '../components/export-button';
import { EmptyState } from '../components/states';
import { formatPercent } from '../format';
import { useI18n } from '../i18n';
import { useRegions } from '../regions';
import { pointsOf, type UnitRow, unitRows } from './dashboard-figures';
import { screenContext, specColumns } from './spec-columns';

export function UnitsTable({ dashboard }: { dashboard: Dashboard }) {
  const { t, locale } = useI18n();
  const regions = useRegions();
  const rows = useMemo(() => unitRows(dashboard), [dashboard]);
  // The screen's sort, for the export ("-gap"); none: as ranked.
  const [sort, setSort] = useState<string | undefined>();
  // The columns of the export (src/domain/tables/dashboard-units.ts), each sortable as the export
  // sorts; the wide ones take their text's width.
  const sorter = (key: UnitSortKey, extra: ColumnType<UnitRow> = { width: undefined }) => ({
    extra: { ...extra, sorter: UNIT_SORTERS[key] },
  });
  const columns = specColumns<UnitRow>(UNITS_TABLE, screenContext(locale, regions.name), {
    rank: sorter('rank', { align: undefined }),
    name: {
      ...sorter('name'),
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
    projectCount: sorter('projectCount'),
    investYtd: sorter('investYtd'),
    investRate: sorter('investRate'),
    gap: {
      ...sorter('gap'),
      render: (text, row) => (
        <Typography.Text type={row.gap !== null && row.gap < 0 ? 'danger' : undefined}>
          {text}
        </Typography.Text>
      ),
    },
    newStartRate: sorter('newStartRate'),
    completionRate: sorter('completionRate'),
  });
  return (
    <Card
      size="small"
      title={t('dashboard.units')}
      extra={
        <ExportButton
          path="/api/dashboard/units/export"
          query={{ region: dashboard.region.code, period: dashboard.period, sort }}
          testId="dashboard-units-export"
        />
      }
      data-testid="dashboard-units"
    >
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
        onChange={(_, __, sorted) => {
          const one = Array.isArray(sorted) ? sorted[0] : sorted;
          setSort(one?.order ? `${one.order === 'descend' ? '-' : ''}${String(one.columnKey)}` : undefined);
        }}
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
