// 项目详情: a project's basic information, who was in charge of it when (project-leaders.tsx), its
// year entries (list, nature, annual target), its monthly reports as a chart and a table, and the
// approval items, issues and deals linked to it.
// Editing is a PATCH with the version read (a 409 offers to reload); what the caller may do comes
// from the record's `permissions`.
import { DeleteOutlined, EditOutlined, FormOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Space, Tabs, Typography } from 'antd';
import { useMemo } from 'react';
import { api } from '../api/client';
import type { Deal } from '../api/ledgers-types';
import type { Project, ProjectYear } from '../api/projects-types';
import { useApiQuery } from '../api/query';
import type { Page } from '../api/types';
import { PageHeader } from '../components/page-header';
import { ErrorState, Loading } from '../components/states';
import { formatAmount, formatDate, formatDateTime } from '../format';
import { useI18n } from '../i18n';
import { useRegions } from '../regions';
import { Link, navigate } from '../router';
import type { PageProps } from '../routes';
import { useCan } from '../session';
import { APPROVALS, DEALS, ISSUES } from './ledger-kinds';
import { type LedgerKind, type LedgerRow, LedgerTable, useLedgerEditor, useLedgerRows } from './ledger-table';
import { PROJECTS, yearKind } from './project-kind';
import { ProjectLeaders } from './project-leaders';
import { ProjectReports } from './project-reports';
import { useLocalTableState } from './table-state';

export default function ProjectDetailPage({ params }: PageProps) {
  const id = Number(params.id);
  const { t } = useI18n();
  const project = useApiQuery(['/api/projects', id], (signal) =>
    api.get<Project>(`/api/projects/${id}`, undefined, signal),
  );
  const editor = useLedgerEditor(PROJECTS, {
    onChanged: project.reload,
    onRemoved: () => navigate('/projects'),
  });

  if (project.error) return <ErrorState error={project.error} onRetry={project.reload} />;
  if (!project.data) return <Loading />;
  const p = project.data;
  return (
    <>
      <PageHeader
        title={
          <Space wrap size={[12, 0]}>
            <span data-testid="project-title">{p.name}</span>
            <Typography.Text type="secondary" code style={{ fontSize: 14, fontWeight: 'normal' }}>
              {p.code}
            </Typography.Text>
          </Space>
        }
        extra={
          <>
            {p.permissions.fillReports && (
              <Link to={`/reports/fill?project=${p.id}`}>
                <Button icon={<FormOutlined />}>{t('projects.fillReport')}</Button>
              </Link>
            )}
            {p.permissions.update && (
              <Button
                type="primary"
                icon={<EditOutlined />}
                onClick={() => editor.edit(p)}
                data-testid="project-edit"
              >
                {t('common.edit')}
              </Button>
            )}
            {p.permissions.delete && (
              <Button danger icon={<DeleteOutlined />} onClick={() => editor.remove(p)}>
                {t('ledgers.delete')}
              </Button>
            )}
          </>
        }
      />
      <ProjectInfo project={p} />
      <ProjectLeaders project={p} />
      <ProjectBody project={p} />
      {editor.element}
    </>
  );
}

function ProjectInfo({ project: p }: { project: Project }) {
  const { t, locale } = useI18n();
  const regions = useRegions();
  const date = (value: string | null) => formatDate(value, locale);
  const items = [
    { key: 'code', label: t('projects.code'), children: p.code },
    { key: 'region', label: t('projects.region'), children: regions.name(p.regionCode) },
    { key: 'domain', label: t('projects.domain'), children: p.domain ?? '—' },
    { key: 'owner', label: t('projects.owner'), children: p.owner ?? '—' },
    { key: 'leader', label: t('projects.leader'), children: p.leader ?? '—' },
    {
      key: 'total',
      label: t('projects.totalInvestment'),
      children: formatAmount(p.totalInvestment, locale),
    },
    { key: 'plannedStart', label: t('projects.plannedStart'), children: date(p.plannedStart) },
    { key: 'plannedCompletion', label: t('projects.plannedCompletion'), children: date(p.plannedCompletion) },
    { key: 'location', label: t('projects.location'), children: location(p) },
    { key: 'actualStart', label: t('projects.actualStart'), children: date(p.actualStart) },
    { key: 'actualCompletion', label: t('projects.actualCompletion'), children: date(p.actualCompletion) },
    { key: 'updatedAt', label: t('projects.updatedAt'), children: formatDateTime(p.updatedAt, locale) },
    { key: 'scope', label: t('projects.scope'), children: p.scope ?? '—', span: 'filled' as const },
  ];
  return (
    <Card title={t('projects.info')} style={{ marginBottom: 16 }} data-testid="project-info">
      <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }} items={items} />
    </Card>
  );
}

const location = (p: Project) => (p.lng !== null && p.lat !== null ? `${p.lng}, ${p.lat}` : '—');

function ProjectBody({ project }: { project: Project }) {
  const { t } = useI18n();
  const can = useCan();
  const kind = useMemo(() => yearKind(project.id), [project.id]);
  const state = useLocalTableState(10);
  const years = useLedgerRows(kind, state, {}, (_query, signal) =>
    api
      .get<{ items: ProjectYear[] }>(`/api/projects/${project.id}/years`, undefined, signal)
      .then(({ items }) => ({ items, total: items.length, page: 1, pageSize: items.length || 10 })),
  );
  const editor = useLedgerEditor(kind, { onChanged: years.reload });
  const linkedDeals = useMemo(() => dealsOf(project), [project]);

  const tabs = [
    can('projectLedger.read') && {
      key: 'approvals',
      label: t('ledgers.approvals.title'),
      children: <ProjectLedger kind={APPROVALS} project={project} fixed={{ projectId: project.id }} />,
    },
    can('projectLedger.read') && {
      key: 'issues',
      label: t('ledgers.issues.title'),
      children: <ProjectLedger kind={ISSUES} project={project} fixed={{ projectId: project.id }} />,
    },
    can('ledger.read') && {
      key: 'deals',
      label: t('ledgers.deals.title'),
      children: (
        <ProjectLedger
          kind={DEALS}
          project={project}
          fixed={{ projectCode: project.code }}
          load={linkedDeals}
          note={t('projects.deals.note')}
        />
      ),
    },
  ].filter((tab) => tab !== false);

  return (
    <>
      <Card
        title={t('projects.years')}
        style={{ marginBottom: 16 }}
        data-testid="project-years"
        extra={
          project.permissions.update && (
            <Button size="small" icon={<PlusOutlined />} onClick={editor.create}>
              {t('projects.years.create')}
            </Button>
          )
        }
      >
        <LedgerTable kind={kind} state={state} rows={years} editor={editor} size="small" />
        {editor.element}
      </Card>
      <ProjectReports project={project} years={years.data?.items ?? []} />
      {tabs.length > 0 && (
        <Card style={{ marginTop: 16 }} data-testid="project-ledgers">
          <Tabs items={tabs} />
        </Card>
      )}
    </>
  );
}

/** One ledger inside the project page: its rows for this project, created with the project set. */
function ProjectLedger<T extends LedgerRow>({
  kind,
  project,
  fixed,
  load,
  note,
}: {
  kind: LedgerKind<T>;
  project: Project;
  fixed: Record<string, string | number>;
  load?: Parameters<typeof useLedgerRows<T>>[3];
  note?: string;
}) {
  const { t } = useI18n();
  const can = useCan();
  const state = useLocalTableState(10);
  const rows = useLedgerRows(kind, state, load ? {} : fixed, load);
  const editor = useLedgerEditor(kind, { fixed, onChanged: rows.reload });
  return (
    <>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center', marginBottom: 12 }}>
        {note && <Typography.Text type="secondary">{note}</Typography.Text>}
        <span style={{ flex: 1 }} />
        {can(kind.writeCap) && project.permissions.update && (
          <Button
            size="small"
            icon={<PlusOutlined />}
            onClick={editor.create}
            data-testid={`${kind.id}-create`}
          >
            {t(kind.createTitle)}
          </Button>
        )}
      </div>
      <LedgerTable kind={kind} state={state} rows={rows} editor={editor} size="small" />
      {editor.element}
    </>
  );
}

/** Pages of deals read at once while looking for a project's deals (at most 20 × 200). */
const DEAL_PAGES = 20;

/**
 * The deals that name this project's code. GET /api/deals has no projectCode filter, so this reads
 * the deals of the project's region (and below) and keeps those that name the code.
 */
function dealsOf(project: Project) {
  return async (
    query: Record<string, string | number | undefined>,
    signal: AbortSignal,
  ): Promise<Page<Deal>> => {
    const read = (page: number) =>
      api.get<Page<Deal>>(
        '/api/deals',
        { region: project.regionCode, sort: query.sort, page, pageSize: 200 },
        signal,
      );
    const first = await read(1);
    const pages = Math.min(Math.ceil(first.total / 200), DEAL_PAGES);
    const rest = await Promise.all(Array.from({ length: Math.max(pages - 1, 0) }, (_, i) => read(i + 2)));
    const linked = [first, ...rest].flatMap((p) => p.items).filter((d) => d.projectCode === project.code);
    const page = Number(query.page) || 1;
    const pageSize = Number(query.pageSize) || 10;
    return {
      items: linked.slice((page - 1) * pageSize, page * pageSize),
      total: linked.length,
      page,
      pageSize,
    };
  };
}
