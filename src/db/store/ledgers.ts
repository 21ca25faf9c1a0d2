// Deals, reserve projects, approval items and issues: the ledgers beside the projects.
import type { ApprovalRecord, DealRecord, IssueRecord, ReserveRecord } from '../../domain/records';
import { provinceOf } from '../../domain/regions';
import type { Tx } from '../query';
import { approvalItems, deals, projectIssues, reserveProjects } from '../schema';
import { type UpsertResult, upsertRows } from '../upsert';

export interface ProjectRef {
  projectId: number;
  provinceCode: string;
}

export function storeDeals(
  tx: Tx,
  records: readonly DealRecord[],
  only?: ReadonlySet<string>,
): Promise<UpsertResult> {
  return upsertRows(
    tx,
    deals,
    records.map((d) => ({ ...d, provinceCode: provinceOf(d.regionCode) })),
    [deals.name, deals.regionCode],
    [
      'investor',
      'origin',
      'top500',
      'signedDate',
      'contractAmount',
      'fundsInPlace',
      'industry',
      'startDate',
      'projectCode',
    ],
    only,
  );
}

export function storeReserve(
  tx: Tx,
  records: readonly ReserveRecord[],
  only?: ReadonlySet<string>,
): Promise<UpsertResult> {
  return upsertRows(
    tx,
    reserveProjects,
    records.map((r) => ({ ...r, provinceCode: provinceOf(r.regionCode) })),
    [reserveProjects.name, reserveProjects.regionCode, reserveProjects.targetYear],
    ['totalInvestment', 'domain', 'maturity', 'major', 'convertedProjectCode'],
    only,
  );
}

export function storeApprovals(
  tx: Tx,
  rows: readonly (ApprovalRecord & ProjectRef)[],
  only?: ReadonlySet<string>,
): Promise<UpsertResult> {
  return upsertRows(
    tx,
    approvalItems,
    rows.map(({ projectCode: _code, ...r }) => r),
    [approvalItems.projectId, approvalItems.itemName],
    ['department', 'dueDate', 'submittedDate', 'doneDate'],
    only,
  );
}

export function storeIssues(
  tx: Tx,
  rows: readonly (IssueRecord & ProjectRef)[],
  only?: ReadonlySet<string>,
): Promise<UpsertResult> {
  return upsertRows(
    tx,
    projectIssues,
    rows.map(({ projectCode: _code, ...r }) => r),
    [projectIssues.projectId, projectIssues.description, projectIssues.raisedDate],
    ['category', 'responsibleUnit', 'dueDate', 'resolvedDate'],
    only,
  );
}
