// The 驾驶舱 of a 分包领导: no regional statistics, but the projects in their charge (the server
// scopes GET /api/projects to them), the lagging ones first, each linking to its page; and who was
// in charge of those projects over time, the latest change first.
import { Card, Table, Tag, Typography } from 'antd';
import { api } from '../api/client';
import type { LeaderTerm, Project } from '../api/projects-types';
import { useApiQuery } from '../api/query';
import type { Page } from '../api/types';
import { PageHeader } from '../components/page-header';
import { EmptyState, ErrorState, Loading } from '../components/states';
import { formatDateTime } from '../format';
import { useI18n } from '../i18n';
import { Link } from '../router';
import { useMe } from '../session';
import { loadLeaderTerms } from './project-leaders';
import { LeaderProgress } from './project-progress';

/** At most this many projects' histories are read (one request each). */
const HISTORY_LIMIT = 50;

interface HistoryRow {
  key: string;
  project: Project;
  term: LeaderTerm;
}

export function LeaderDashboard() {
  const { t } = useI18n();
  const me = useMe();
  return (
    <>
      <PageHeader title={t('dashboard.title')} />
      <Typography.Paragraph>
        <Typography.Text strong>{t('dashboard.welcome', { name: me.displayName })}</Typography.Text>{' '}
        <Typography.Text type="secondary">{t('dashboard.leader.intro')}</Typography.Text>
      </Typography.Paragraph>
      <LeaderProgress />
      <LeaderHistory />
    </>
  );
}

function LeaderHistory() {
  const { t, locale } = useI18n();
  const state = useApiQuery(['/api/projects', 'leader-history'], async (signal) => {
    const page = await api.get<Page<Project>>('/api/projects', { pageSize: HISTORY_LIMIT }, signal);
    const terms = await Promise.all(page.items.map((p) => loadLeaderTerms(p.id, signal)));
    return page.items
      .flatMap((project, i) =>
        (terms[i] ?? []).map((term, j): HistoryRow => ({ key: `${project.id}:${j}`, project, term })),
      )
      .sort((a, b) => b.term.from.localeCompare(a.term.from));
  });

  return (
    <Card size="small" title={t('dashboard.leader.history')} data-testid="leader-history">
      <Typography.Paragraph type="secondary">{t('dashboard.leader.historyHint')}</Typography.Paragraph>
      {state.error ? (
        <ErrorState error={state.error} onRetry={state.reload} />
      ) : !state.data ? (
        <Loading />
      ) : (
        <Table<HistoryRow>
          size="small"
          dataSource={state.data}
          pagination={state.data.length > 10 ? { pageSize: 10, size: 'small' } : false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: <EmptyState text={t('dashboard.leader.none')} /> }}
          columns={[
            {
              key: 'project',
              title: t('dashboard.leader.project'),
              render: (_, row) => <Link to={`/projects/${row.project.id}`}>{row.project.name}</Link>,
            },
            {
              key: 'leader',
              title: t('projects.leaders.leader'),
              render: (_, row) => (
                <span style={{ whiteSpace: 'nowrap' }}>
                  {row.term.leader}
                  {!row.term.to && (
                    <Tag color="success" style={{ marginInlineStart: 8 }}>
                      {t('projects.leaders.current')}
                    </Tag>
                  )}
                </span>
              ),
            },
            {
              key: 'from',
              title: t('projects.leaders.from'),
              render: (_, row) => formatDateTime(row.term.from, locale),
            },
            {
              key: 'to',
              title: t('projects.leaders.to'),
              render: (_, row) =>
                row.term.to ? formatDateTime(row.term.to, locale) : t('projects.leaders.present'),
            },
            {
              key: 'changedBy',
              title: t('projects.leaders.changedBy'),
              render: (_, row) => row.term.changedBy ?? t('projects.leaders.unknown'),
            },
          ]}
        />
      )}
    </Card>
  );
}
