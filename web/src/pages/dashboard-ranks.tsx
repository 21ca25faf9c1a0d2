// The region's own place in every published evaluation of its parent, per scheme and group: the
// latest place with its run of first places ("连续3个季度第一") or its move since the period
// before, and a small table of every period.
import { Card, Space, Table, Tag, Typography } from 'antd';
import type { Dashboard, RankEntry } from '../api/dashboard-types';
import { useGet } from '../api/query';
import { EmptyState } from '../components/states';
import { formatPeriod } from '../format';
import { isMessageKey, type Translate, useI18n } from '../i18n';
import { useCan } from '../session';
import { type Standing, standings } from './dashboard-figures';

export function RankHistory({ dashboard }: { dashboard: Dashboard }) {
  const { t } = useI18n();
  const can = useCan();
  const schemes = useGet<{ items: { id: string; name: string }[] }>('/api/schemes', undefined, {
    enabled: can('evaluation.read'),
  });
  const names = new Map((schemes.data?.items ?? []).map((s) => [s.id, s.name]));
  const list = standings(dashboard.rankHistory);
  const top = dashboard.region.kind === 'province';
  return (
    <Card size="small" title={t('dashboard.ranks')} data-testid="dashboard-ranks">
      {list.length === 0 ? (
        <EmptyState text={t(top ? 'dashboard.ranks.top' : 'dashboard.ranks.none')} />
      ) : (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          {list.map((standing) => (
            <SchemeStanding
              key={`${standing.schemeId}:${standing.group}`}
              standing={standing}
              name={names.get(standing.schemeId) ?? standing.schemeId}
            />
          ))}
        </Space>
      )}
    </Card>
  );
}

function SchemeStanding({ standing, name }: { standing: Standing; name: string }) {
  const { t, locale } = useI18n();
  const groupKey = `evaluation.group.${standing.group}`;
  return (
    <div data-testid="rank-standing">
      <Typography.Text strong>{name}</Typography.Text>
      <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
        {isMessageKey(groupKey) ? t(groupKey) : standing.group}
      </Typography.Text>
      <div style={{ margin: '8px 0' }}>
        <Space wrap size={[8, 4]}>
          <Tag color={standing.latest.rank === 1 ? 'gold' : 'blue'}>
            {formatPeriod(standing.latest.period, locale)}{' '}
            {t('dashboard.ranks.place', { rank: standing.latest.rank, size: standing.latest.groupSize })}
          </Tag>
          {standingNote(standing, t) && (
            <Tag color={standing.streak > 0 ? 'gold' : 'default'} data-testid="rank-streak">
              {standingNote(standing, t)}
            </Tag>
          )}
        </Space>
      </div>
      <Table<RankEntry>
        rowKey="period"
        size="small"
        pagination={false}
        dataSource={[...standing.entries].reverse()}
        columns={[
          {
            key: 'period',
            title: t('dashboard.ranks.period'),
            render: (_, e) => formatPeriod(e.period, locale),
          },
          {
            key: 'rank',
            title: t('dashboard.ranks.rank'),
            align: 'right',
            render: (_, e) => `${e.rank} / ${e.groupSize}`,
          },
          {
            key: 'total',
            title: t('dashboard.ranks.total'),
            align: 'right',
            render: (_, e) => e.total.toFixed(2),
          },
        ]}
      />
    </div>
  );
}

/** "连续3个季度第一", "本期第一", "较上期上升2位" …; null when there is nothing to say. */
function standingNote(standing: Standing, t: Translate): string | null {
  if (standing.streak >= 2 && standing.kind)
    return t(`dashboard.ranks.streak.${standing.kind}`, { n: standing.streak });
  if (standing.streak === 1 && standing.moved === null) return t('dashboard.ranks.first');
  if (standing.moved === null) return null;
  if (standing.moved > 0) return t('dashboard.ranks.up', { n: standing.moved });
  if (standing.moved < 0) return t('dashboard.ranks.down', { n: -standing.moved });
  return t('dashboard.ranks.same');
}
