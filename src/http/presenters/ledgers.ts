// Deals, reserve projects, approval items and issues as they leave the server.
import { z } from 'zod';
import type { Actor, ProjectTarget } from '../../policies/actor';
import { can } from '../../policies/authorize';
import type { ApprovalRow, DealRow, IssueRow, ReserveRow } from '../../services/row-types';
import { moneyOut, ZMoneyOut, ZPermissions } from '../schema/common';

const stamp = { version: z.number().int(), updatedAt: z.string(), permissions: ZPermissions };

export const ZDeal = z.object({
  id: z.number().int(),
  name: z.string(),
  regionCode: z.string(),
  investor: z.string().nullable(),
  origin: z.string(),
  top500: z.string().nullable(),
  signedDate: z.string(),
  contractAmount: ZMoneyOut,
  fundsInPlace: ZMoneyOut,
  industry: z.string().nullable(),
  startDate: z.string().nullable(),
  projectCode: z.string().nullable(),
  ...stamp,
});

const regionPermissions = (actor: Actor, regionCode: string) => {
  const write = can(actor, 'ledger.write', { regionCode });
  return { update: write, delete: write };
};

export function presentDeal(actor: Actor, row: DealRow): z.input<typeof ZDeal> {
  return {
    id: row.id,
    name: row.name,
    regionCode: row.regionCode,
    investor: row.investor,
    origin: row.origin,
    top500: row.top500,
    signedDate: row.signedDate,
    contractAmount: row.contractAmount.toString(),
    fundsInPlace: row.fundsInPlace.toString(),
    industry: row.industry,
    startDate: row.startDate,
    projectCode: row.projectCode,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
    permissions: regionPermissions(actor, row.regionCode),
  };
}

export const ZReserve = z.object({
  id: z.number().int(),
  name: z.string(),
  regionCode: z.string(),
  targetYear: z.number().int(),
  totalInvestment: ZMoneyOut.nullable(),
  domain: z.string().nullable(),
  maturity: z.string().nullable(),
  major: z.boolean(),
  convertedProjectCode: z.string().nullable(),
  ...stamp,
});

export function presentReserve(actor: Actor, row: ReserveRow): z.input<typeof ZReserve> {
  return {
    id: row.id,
    name: row.name,
    regionCode: row.regionCode,
    targetYear: row.targetYear,
    totalInvestment: moneyOut(row.totalInvestment),
    domain: row.domain,
    maturity: row.maturity,
    major: row.major,
    convertedProjectCode: row.convertedProjectCode,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
    permissions: regionPermissions(actor, row.regionCode),
  };
}

const projectPermissions = (actor: Actor, target: ProjectTarget) => {
  const write = can(actor, 'projectLedger.write', target);
  return { update: write, delete: write };
};

export const ZApproval = z.object({
  id: z.number().int(),
  projectId: z.number().int(),
  projectCode: z.string(),
  regionCode: z.string(),
  itemName: z.string(),
  department: z.string().nullable(),
  dueDate: z.string().nullable(),
  submittedDate: z.string().nullable(),
  doneDate: z.string().nullable(),
  ...stamp,
});

export function presentApproval(
  actor: Actor,
  row: ApprovalRow,
  target: ProjectTarget,
): z.input<typeof ZApproval> {
  return {
    id: row.id,
    projectId: row.projectId,
    projectCode: row.projectCode,
    regionCode: row.regionCode,
    itemName: row.itemName,
    department: row.department,
    dueDate: row.dueDate,
    submittedDate: row.submittedDate,
    doneDate: row.doneDate,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
    permissions: projectPermissions(actor, target),
  };
}

export const ZIssue = z.object({
  id: z.number().int(),
  projectId: z.number().int(),
  projectCode: z.string(),
  regionCode: z.string(),
  category: z.string().nullable(),
  description: z.string(),
  responsibleUnit: z.string().nullable(),
  raisedDate: z.string(),
  dueDate: z.string().nullable(),
  resolvedDate: z.string().nullable(),
  ...stamp,
});

export function presentIssue(actor: Actor, row: IssueRow, target: ProjectTarget): z.input<typeof ZIssue> {
  return {
    id: row.id,
    projectId: row.projectId,
    projectCode: row.projectCode,
    regionCode: row.regionCode,
    category: row.category,
    description: row.description,
    responsibleUnit: row.responsibleUnit,
    raisedDate: row.raisedDate,
    dueDate: row.dueDate,
    resolvedDate: row.resolvedDate,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
    permissions: projectPermissions(actor, target),
  };
}
