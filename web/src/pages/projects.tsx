// 项目管理: the projects the caller may see (scope-filtered by the server), searchable by code or
// name and filtered by year list, nature, domain, region and leader, paged and sorted on the
// server; the key-project figures of the region and year above. A 分包领导 or project owner
// first sees their projects' progress against time, the lagging ones first. A red or yellow
// badge marks a project with warnings at the latest month (project-lights.tsx).
import { PROJECT_ROLES } from '../api/types';
import { navigate } from '../router';
import { useMe } from '../session';
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
        before={PROJECT_ROLES.includes(me.role) ? <LeaderProgress /> : undefined}
        onCreated={(project) => navigate(`/projects/${project.id}`)}
      />
    </ProjectLightsProvider>
  );
}
