// Investment progress of a project against time (投资完成率 vs 时序进度) from its latest monthly
// report and that year's annual target, and the overview a 分包领导 (or a project owner) sees
// on the project list: their projects, the lagging ones first, furthest behind first.
//
// The project list API does not carry the latest report or the target, so this reads them per
// project (two requests each): fine for the handful of projects one leader holds, which is why
// it is shown only to the project-bound roles.
import { Card, List, Progress, Space, Tag, Typography } from 'antd';
import { api } from '../api/client';
import { PROJECT_LISTS, type Project, type ProjectReport, type ProjectYear } from '../api/projects-types';
import { useApiQuery } from '../api/query';
import type { Page } from '../api/types';
import { ErrorState, Loading } from '../components/states';
import { formatAmount, formatMonth, formatPercent, toYuan } from '../format';
import { type Translate, useI18n } from '../i18n';
import { useRegions } from '../regions';
import { Link } from '../router';
import { listLabel } from './project-kind';

/** At most this many projects are read for the overview. */
const OVERVIEW_LIMIT = 50;

export interface ProjectProgress {
  year: number;
  month: number;
  entry: ProjectYear | undefined;
  investYtd: bigint;
  /** investYtd / annual target (null without a target). */
  rate: number | null;
  /** month / 12. */
  time: number;
  /** rate − time; negative is behind. */
  gap: number | null;
  lagging: boolean;
}

/** The entry that sets a year's target: 省重点 before 市重点 before the programmes. */
export function primaryEntry(entries: ProjectYear[], year: number): ProjectYear | undefined {
  const order = (list: string) => {
    const at = (PROJECT_LISTS as readonly string[]).indexOf(list);
    return at < 0 ? PROJECT_LISTS.length : at;
  };
  return entries.filter((e) => e.year === year).sort((a, b) => order(a.list) - order(b.list))[0];
}

/** A share of two amounts in 元, exact to 1e-6 (a rate, shown rounded). */
export function share(part: bigint, whole: bigint): number | null {
  if (whole <= 0n) return null;
  return Number((part * 1_000_000n) / whole) / 1_000_000;
}

export function progressOf(
  report: ProjectReport | undefined,
  entries: ProjectYear[],
): ProjectProgress | null {
  if (!report) return null;
  const entry = primaryEntry(entries, report.year);
  const target = toYuan(entry?.annualTarget ?? null);
  const investYtd = toYuan(report.investYtd) ?? 0n;
  const rate = target === null ? null : share(investYtd, target);
  const time = report.month / 12;
  const gap = rate === null ? null : rate - time;
  return {
    year: report.year,
    month: report.month,
    entry,
    investYtd,
    rate,
    time,
    gap,
    lagging: gap !== null && gap < 0,
  };
}

/** The latest report of a project (any state), by year and month. */
export function latestReport(reports: ProjectReport[]): ProjectReport | undefined {
  return reports.reduce<ProjectReport | undefined>(
    (best, r) => (!best || r.year * 100 + r.month > best.year * 100 + best.month ? r : best),
    undefined,
  );
}

async function projectProgress(project: Project, signal: AbortSignal) {
  const [reports, years] = await Promise.all([
    api.get<Page<ProjectReport>>(
      '/api/reports',
      { projectId: project.id, sort: '-year', pageSize: 24 },
      signal,
    ),
    api.get<{ items: ProjectYear[] }>(`/api/projects/${project.id}/years`, undefined, signal),
  ]);
  return { project, progress: progressOf(latestReport(reports.items), years.items) };
}

/** Behind furthest first, then the rest by their gap, projects without a report last. */
export function byLag(
  a: { progress: ProjectProgress | null },
  b: { progress: ProjectProgress | null },
): number {
  const ga = a.progress?.gap ?? Number.POSITIVE_INFINITY;
  const gb = b.progress?.gap ?? Number.POSITIVE_INFINITY;
  return ga - gb;
}

export function ProgressTag({ progress, t }: { progress: ProjectProgress | null; t: Translate }) {
  if (!progress || progress.gap === null) return <Tag>{t('projects.progress.unknown')}</Tag>;
  const points = Math.abs(progress.gap * 100).toFixed(1);
  return progress.lagging ? (
    <Tag color="error">{t('projects.progress.behind', { points })}</Tag>
  ) : (
    <Tag color="success">{t('projects.progress.onTrack')}</Tag>
  );
}

/** 投资完成率 as a bar with the time progress written beside it. */
export function ProgressBar({ progress }: { progress: ProjectProgress }) {
  const { t } = useI18n();
  return (
    <Space size={12} wrap>
      <Progress
        aria-label={t('metric.key.investRate')}
        percent={Math.round((progress.rate ?? 0) * 1000) / 10}
        size={[160, 8]}
        status={progress.lagging ? 'exception' : 'normal'}
        format={() => formatPercent(progress.rate)}
      />
      <Typography.Text type="secondary">
        {t('projects.progress.time', { percent: formatPercent(progress.time) })}
      </Typography.Text>
    </Space>
  );
}

export function LeaderProgress() {
  const { t, locale } = useI18n();
  const regions = useRegions();
  const state = useApiQuery(['/api/projects', 'progress'], async (signal) => {
    const page = await api.get<Page<Project>>('/api/projects', { pageSize: OVERVIEW_LIMIT }, signal);
    const rows = await Promise.all(page.items.map((p) => projectProgress(p, signal)));
    return { rows: rows.sort(byLag), total: page.total };
  });

  return (
    <Card
      size="small"
      title={t('projects.progress.title')}
      style={{ marginBottom: 16 }}
      data-testid="leader-progress"
    >
      {/* In the body, not the title row: on a phone the title would be cut to make room. */}
      <Typography.Text type="secondary">{t('projects.progress.hint')}</Typography.Text>
      {state.error ? (
        <ErrorState error={state.error} onRetry={state.reload} />
      ) : !state.data ? (
        <Loading />
      ) : (
        <List
          dataSource={state.data.rows}
          locale={{ emptyText: t('projects.progress.none') }}
          renderItem={({ project, progress }) => (
            // On a phone the bar wraps below the project instead of squeezing it into a narrow column.
            <List.Item
              data-testid="progress-row"
              data-lagging={progress?.lagging ? 'true' : 'false'}
              style={{ flexWrap: 'wrap', gap: 8 }}
            >
              <List.Item.Meta
                style={{ minWidth: 260 }}
                title={
                  <Space wrap size={8}>
                    <Link to={`/projects/${project.id}`}>{project.name}</Link>
                    <ProgressTag progress={progress} t={t} />
                  </Space>
                }
                description={
                  <Space wrap size={[12, 0]}>
                    <span>{project.code}</span>
                    <span>{regions.name(project.regionCode)}</span>
                    {progress && (
                      <span>
                        {t('projects.progress.asOf', {
                          month: formatMonth(progress.year, progress.month, locale),
                          amount: formatAmount(progress.investYtd, locale),
                        })}
                      </span>
                    )}
                    {progress?.entry && (
                      <span>
                        {listLabel(progress.entry.list, t)} ·{' '}
                        {t('projects.progress.target', {
                          amount: formatAmount(progress.entry.annualTarget, locale),
                        })}
                      </span>
                    )}
                  </Space>
                }
              />
              {progress && progress.rate !== null && <ProgressBar progress={progress} />}
            </List.Item>
          )}
        />
      )}
      {state.data && state.data.total > OVERVIEW_LIMIT && (
        <Typography.Text type="secondary">
          {t('projects.progress.limited', { shown: OVERVIEW_LIMIT, total: state.data.total })}
        </Typography.Text>
      )}
    </Card>
  );
}
