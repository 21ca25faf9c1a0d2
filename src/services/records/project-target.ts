// The policy target of a project (or a record of one): where it is and who reviews it.
import type { Database } from '../../db/client';
import type { ProjectTarget } from '../../policies/actor';
import { reviewRegionOf } from '../../policies/review-level';
import { regionTree } from '../region-tree';

type ProjectPlace = { projectId: number; regionCode: string; leader: string | null };

/** One region-tree read for a whole list of records. */
export async function projectTargets(database: Database): Promise<(project: ProjectPlace) => ProjectTarget> {
  const regions = await regionTree(database);
  return (project) => ({
    projectId: project.projectId,
    regionCode: project.regionCode,
    leader: project.leader,
    reviewRegionCode: reviewRegionOf(regions, project.regionCode),
  });
}

export async function projectTarget(database: Database, project: ProjectPlace): Promise<ProjectTarget> {
  return (await projectTargets(database))(project);
}
