// 项目管理: the projects the caller may see (scope-filtered by the server), searchable by code or
// name and filtered by year list, nature, domain, region and leader, paged and sorted on the
// server; the key-project figures of the region and year above. A 分包领导 or project owner
// first sees their projects' progress against time, the lagging ones first. A red or yellow
// badge marks a project with warnings at the latest month (project-lights.tsx). 导出 OC4IDS
// downloads the open-data package (GET /api/export/oc4ids) of the filtered region, year and list.
import { DownloadOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useState } from 'react';
import { api } from '../api/client';
import { errorText } from '../api/error-text';
import { fetchRegionPeriods } from '../api/periods';
import { PROJECT_ROLES } from '../api/types';
import { useI18n } from '../i18n';
import { useRegions } from '../regions';
import { navigate, useLocation } from '../router';
import { useCan, useMe } from '../session';
import { LedgerPage } from './ledger-table';
import { PROJECTS } from './project-kind';
import { ProjectLightsProvider } from './project-lights';
import { LeaderProgress } from './project-progress';

export default function ProjectsPage() {
  const me = useMe();
  return (
    <ProjectLightsProvider>
      <LedgerPage
        kind={PROJECTS}
        before={
          <>
            <Oc4idsDownload />
            {PROJECT_ROLES.includes(me.role) ? <LeaderProgress /> : null}
          </>
        }
        onCreated={(project) => navigate(`/projects/${project.id}`)}
      />
    </ProjectLightsProvider>
  );
}

/** The filtered region (else the working one), the filtered year (else the region's default), the list. */
function Oc4idsDownload() {
  const { t, locale } = useI18n();
  const can = useCan();
  const { message } = App.useApp();
  const regions = useRegions();
  const { search } = useLocation();
  const [busy, setBusy] = useState(false);
  // An OC4IDS package is of one list: with the list filter at 全部 it is the province's key projects,
  // and the button says so (the package of every list at once would hold a project twice).
  const chosenList = search.get('list');
  const oc4idsList = chosenList ?? 'province_key';
  const download = async () => {
    setBusy(true);
    try {
      const region = search.get('region') ?? regions.working ?? undefined;
      const chosen = Number(search.get('year') || search.get('figuresYear')) || undefined;
      const year =
        chosen ??
        (region && can('stats.read')
          ? Number((await fetchRegionPeriods(region)).year) || undefined
          : undefined) ??
        new Date().getFullYear();
      const pkg = await api.get<unknown>('/api/export/oc4ids', { region, year, list: oc4idsList });
      const link = document.createElement('a');
      link.href = URL.createObjectURL(
        new Blob([`${JSON.stringify(pkg, null, 2)}\n`], { type: 'application/json' }),
      );
      link.download = `oc4ids-${region ?? 'all'}-${year}.json`;
      link.click();
      setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
    } catch (error) {
      void message.error(errorText(error, t, locale));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div style={{ display: 'flex', justifyContent: 'flex-end', marginBottom: 12 }}>
      <Button
        icon={<DownloadOutlined />}
        loading={busy}
        onClick={download}
        title={chosenList ? t('projects.oc4ids.hint') : t('projects.oc4ids.allHint')}
        data-testid="projects-oc4ids"
      >
        {chosenList ? t('projects.oc4ids') : t('projects.oc4ids.provinceKey')}
      </Button>
    </div>
  );
}
