// What an account is bound to must fit its role: officers to a region of their level, viewers to
// any region, project owners to at least one project, leaders optionally to projects.
import { projectsByCode } from '../../db/lookups';
import type { Tx } from '../../db/query';
import type { RegionNode } from '../../domain/regions';
import { needsRegion, OFFICER_REGION_KINDS, ROLE_LABELS, type Role } from '../../policies/roles';
import { RuleViolationError } from '../errors';

export interface Binding {
  regionCode: string | null;
  projectIds: number[];
}

export async function checkBinding(
  tx: Tx,
  regions: readonly RegionNode[],
  role: Role,
  regionCode: string | null | undefined,
  projectCodes: readonly string[] | undefined,
): Promise<Binding> {
  const problems: string[] = [];
  const label = ROLE_LABELS[role];
  let region: string | null = null;
  if (needsRegion(role)) {
    const node = regionCode ? regions.find((r) => r.code === regionCode) : undefined;
    if (!regionCode) problems.push(`${label}须指定所属地区`);
    else if (!node) problems.push(`地区 ${regionCode} 不存在`);
    else {
      const kinds = OFFICER_REGION_KINDS[role as keyof typeof OFFICER_REGION_KINDS];
      if (kinds && !kinds.includes(node.kind)) problems.push(`${label}不能绑定到「${node.name}」这一级地区`);
      region = node.code;
    }
  } else if (regionCode) {
    problems.push(`${label}不绑定地区`);
  }
  const codes = [...new Set(projectCodes ?? [])];
  let projectIds: number[] = [];
  if (role === 'project_owner' || role === 'leader') {
    if (role === 'project_owner' && codes.length === 0) problems.push('项目单位须绑定至少一个项目');
    const known = await projectsByCode(tx, codes);
    for (const code of codes) if (!known.has(code)) problems.push(`项目 ${code} 不存在`);
    projectIds = codes.flatMap((code) => known.get(code)?.id ?? []);
  } else if (codes.length > 0) {
    problems.push(`${label}不绑定项目`);
  }
  if (problems.length > 0) throw new RuleViolationError(problems.join('；'), problems);
  return { regionCode: region, projectIds };
}

export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9_.-]{2,31}$/;
