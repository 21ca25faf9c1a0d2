// 分包领导变更记录: who was in charge of a project from when to when and who made the change
// (GET /api/projects/:id/leaders, written by the database on every change of the leader). On the
// project page as a timeline, the current leader first.
import { Card, Tag, Timeline, Typography } from 'antd';
import { api } from '../api/client';
import type { LeaderTerm, Project } from '../api/projects-types';
import { useApiQuery } from '../api/query';
import { EmptyState, ErrorState, Loading } from '../components/states';
import { formatDateTime } from '../format';
import { type Locale, type Translate, useI18n } from '../i18n';

export function loadLeaderTerms(projectId: number, signal: AbortSignal): Promise<LeaderTerm[]> {
  return api
    .get<{ items: LeaderTerm[] }>(`/api/projects/${projectId}/leaders`, undefined, signal)
    .then(({ items }) => items);
}

/** "2020年9月5日 14:03 至 2020年10月8日 09:12", "2020年10月8日 09:12 起至今". */
export function termSpan(term: LeaderTerm, t: Translate, locale: Locale): string {
  const from = formatDateTime(term.from, locale);
  return term.to
    ? t('projects.leaders.term', { from, to: formatDateTime(term.to, locale) })
    : t('projects.leaders.since', { from });
}

export function ProjectLeaders({ project }: { project: Project }) {
  const { t, locale } = useI18n();
  // The version moves with every edit, so a changed leader shows at once.
  const terms = useApiQuery(['/api/projects', project.id, 'leaders', project.id, project.version], (signal) =>
    loadLeaderTerms(project.id, signal),
  );
  return (
    <Card title={t('projects.leaders.title')} style={{ marginBottom: 16 }} data-testid="project-leaders">
      {terms.error ? (
        <ErrorState error={terms.error} onRetry={terms.reload} />
      ) : !terms.data ? (
        <Loading />
      ) : terms.data.length === 0 ? (
        <EmptyState text={t('projects.leaders.none')} />
      ) : (
        <Timeline
          items={[...terms.data].reverse().map((term, i) => ({
            key: `${term.from}-${i}`,
            color: term.to ? 'gray' : 'green',
            // Content only: a title would stand on the other side of the line.
            content: (
              <>
                <div>
                  <Typography.Text strong>{term.leader}</Typography.Text>
                  {!term.to && (
                    <Tag color="success" style={{ marginInlineStart: 8 }}>
                      {t('projects.leaders.current')}
                    </Tag>
                  )}
                </div>
                <Typography.Text type="secondary">
                  {termSpan(term, t, locale)}
                  {term.changedBy ? ` · ${t('projects.leaders.by', { name: term.changedBy })}` : ''}
                </Typography.Text>
              </>
            ),
          }))}
        />
      )}
    </Card>
  );
}
