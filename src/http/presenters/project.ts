// Projects and their year entries as they leave the server, with what the caller may do.
import { z } from 'zod';
import type { Actor, ProjectTarget } from '../../policies/actor';
import { can } from '../../policies/authorize';
import type { LeaderTerm, ProjectRow, ProjectYearRow } from '../../services/row-types';
import { moneyOut, ZMoneyOut, ZPermissions } from '../schema/common';

export const ZProject = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  regionCode: z.string(),
  owner: z.string().nullable(),
  leader: z.string().nullable(),
  domain: z.string().nullable(),
  totalInvestment: ZMoneyOut.nullable(),
  plannedStart: z.string().nullable(),
  plannedCompletion: z.string().nullable(),
  actualStart: z.string().nullable(),
  actualCompletion: z.string().nullable(),
  lng: z.number().nullable(),
  lat: z.number().nullable(),
  scope: z.string().nullable(),
  version: z.number().int(),
  updatedAt: z.string(),
  permissions: ZPermissions,
});

export function presentProject(
  actor: Actor,
  row: ProjectRow,
  target: ProjectTarget,
): z.input<typeof ZProject> {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    regionCode: row.regionCode,
    owner: row.owner,
    leader: row.leader,
    domain: row.domain,
    totalInvestment: moneyOut(row.totalInvestment),
    plannedStart: row.plannedStart,
    plannedCompletion: row.plannedCompletion,
    actualStart: row.actualStart,
    actualCompletion: row.actualCompletion,
    lng: row.lng,
    lat: row.lat,
    scope: row.scope,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
    permissions: {
      update: can(actor, 'project.update', target),
      delete: can(actor, 'project.delete', target),
      fillReports: can(actor, 'report.fill', target),
      reviewReports: can(actor, 'report.review', target),
    },
  };
}

export const ZProjectYear = z.object({
  id: z.number().int(),
  projectId: z.number().int(),
  year: z.number().int(),
  list: z.string(),
  nature: z.string(),
  annualTarget: ZMoneyOut.nullable(),
  plannedStartMonth: z.number().int().nullable(),
  completionPlanned: z.boolean(),
  version: z.number().int(),
  permissions: ZPermissions,
});

export function presentProjectYear(
  actor: Actor,
  row: ProjectYearRow,
  target: ProjectTarget,
): z.input<typeof ZProjectYear> {
  const edit = can(actor, 'project.update', target);
  return {
    id: row.id,
    projectId: row.projectId,
    year: row.year,
    list: row.list,
    nature: row.nature,
    annualTarget: moneyOut(row.annualTarget),
    plannedStartMonth: row.plannedStartMonth,
    completionPlanned: row.completionPlanned,
    version: row.version,
    permissions: { update: edit, delete: edit },
  };
}

/** One leader's term on a project (project_leader_history). */
export function presentLeaderTerm(term: LeaderTerm) {
  return {
    leader: term.leader,
    from: term.from.toISOString(),
    to: term.to?.toISOString() ?? null,
    changedBy: term.changedBy,
  };
}
