// Deals, reserve projects, approval items and issues: load, create, update, delete, audited.
import type { Database } from '../../db/client';
import type { Tx } from '../../db/query';
import {
  type ApprovalRow,
  getApproval,
  getIssue,
  type IssueRow,
  insertApproval,
  insertIssue,
} from '../../db/records/project-ledgers';
import {
  type DealRow,
  getDeal,
  getReserve,
  insertDeal,
  insertReserve,
  type ReserveRow,
} from '../../db/records/region-ledgers';
import { deleteVersioned, rowExists, updateVersioned, type VersionedTable } from '../../db/records/versioned';
import { approvalItems, deals, projectIssues, reserveProjects } from '../../db/schema';
import { provinceOf } from '../../domain/regions';
import type { ProjectTarget, RegionTarget } from '../../policies/actor';
import type { AuditContext } from '../context';
import { NotFoundError } from '../errors';
import { createAudited, deleteAudited, updateAudited } from './audited-change';
import { projectTarget } from './project-target';

export type DealInput = Omit<
  typeof deals.$inferInsert,
  'id' | 'provinceCode' | 'version' | 'createdAt' | 'updatedAt'
>;
export type ReserveInput = Omit<
  typeof reserveProjects.$inferInsert,
  'id' | 'provinceCode' | 'version' | 'createdAt' | 'updatedAt'
>;
export type ApprovalInput = Omit<
  typeof approvalItems.$inferInsert,
  'id' | 'provinceCode' | 'version' | 'createdAt' | 'updatedAt'
>;
export type IssueInput = Omit<
  typeof projectIssues.$inferInsert,
  'id' | 'provinceCode' | 'version' | 'createdAt' | 'updatedAt'
>;

export interface RegionLedger<Row, Input> {
  kind: 'deal' | 'reserve';
  table: VersionedTable;
  get(db: Tx, id: number): Promise<Row | undefined>;
  insert(db: Tx, values: Input & { provinceCode: string }): Promise<Row | undefined>;
  label(row: Row | Input): string;
}

export const DEAL_LEDGER: RegionLedger<DealRow, DealInput> = {
  kind: 'deal',
  table: deals,
  get: getDeal,
  insert: insertDeal,
  label: (row) => `${row.regionCode}:${row.name}`,
};

export const RESERVE_LEDGER: RegionLedger<ReserveRow, ReserveInput> = {
  kind: 'reserve',
  table: reserveProjects,
  get: getReserve,
  insert: insertReserve,
  label: (row) => `${row.regionCode}:${row.targetYear}:${row.name}`,
};

export async function loadRegionRecord<Row extends { regionCode: string }, Input>(
  database: Database,
  ledger: RegionLedger<Row, Input>,
  id: number,
): Promise<{ row: Row; target: RegionTarget }> {
  const row = await ledger.get(database.db, id);
  if (!row) throw new NotFoundError('未找到');
  return { row, target: { regionCode: row.regionCode } };
}

export function createRegionRecord<Row, Input extends { regionCode: string }>(
  database: Database,
  ctx: AuditContext,
  ledger: RegionLedger<Row, Input>,
  input: Input,
): Promise<Row> {
  return createAudited(
    database,
    ctx,
    (row) => ({ action: `${ledger.kind}.create`, targetType: ledger.kind, targetId: ledger.label(row) }),
    (tx) => ledger.insert(tx, { ...input, provinceCode: provinceOf(input.regionCode) }),
    `「${ledger.label(input)}」已存在`,
  );
}

export function updateRecord<Row extends { id: number }>(
  database: Database,
  ctx: AuditContext,
  kind: string,
  table: VersionedTable,
  label: string,
  before: Row,
  version: number,
  patch: Record<string, unknown>,
): Promise<Row> {
  return updateAudited(
    database,
    ctx,
    { action: `${kind}.update`, targetType: kind, targetId: label },
    before,
    async (tx) => (await updateVersioned(tx, table, before.id, version, patch as never)) as Row | undefined,
    (tx) => rowExists(tx, table, before.id),
  );
}

export function deleteRecord<Row extends { id: number }>(
  database: Database,
  ctx: AuditContext,
  kind: string,
  table: VersionedTable,
  label: string,
  before: Row,
  version: number,
): Promise<void> {
  return deleteAudited(
    database,
    ctx,
    { action: `${kind}.delete`, targetType: kind, targetId: label },
    before,
    (tx) => deleteVersioned(tx, table, before.id, version),
    (tx) => rowExists(tx, table, before.id),
  );
}

export interface ProjectLedger<Row, Input> {
  kind: 'approval' | 'issue';
  table: VersionedTable;
  get(db: Tx, id: number): Promise<Row | undefined>;
  insert(db: Tx, values: Input & { provinceCode: string }): Promise<{ id: number } | undefined>;
  label(row: Row): string;
}

export const APPROVAL_LEDGER: ProjectLedger<ApprovalRow, ApprovalInput> = {
  kind: 'approval',
  table: approvalItems,
  get: getApproval,
  insert: insertApproval,
  label: (row) => `${row.projectCode}:${row.itemName}`,
};

export const ISSUE_LEDGER: ProjectLedger<IssueRow, IssueInput> = {
  kind: 'issue',
  table: projectIssues,
  get: getIssue,
  insert: insertIssue,
  label: (row) => `${row.projectCode}:${row.raisedDate}:${row.description.slice(0, 40)}`,
};

export async function loadProjectRecord<
  Row extends { projectId: number; regionCode: string; leader: string | null },
  Input,
>(
  database: Database,
  ledger: ProjectLedger<Row, Input>,
  id: number,
): Promise<{ row: Row; target: ProjectTarget }> {
  const row = await ledger.get(database.db, id);
  if (!row) throw new NotFoundError('未找到');
  return { row, target: await projectTarget(database, row) };
}

export function createProjectRecord<Row extends { id: number }, Input>(
  database: Database,
  ctx: AuditContext,
  ledger: ProjectLedger<Row, Input>,
  provinceCode: string,
  input: Input,
): Promise<Row> {
  return createAudited<Row>(
    database,
    ctx,
    (row) => ({ action: `${ledger.kind}.create`, targetType: ledger.kind, targetId: ledger.label(row) }),
    async (tx) => {
      const created = await ledger.insert(tx, { ...input, provinceCode });
      return created ? ledger.get(tx, created.id) : undefined;
    },
    '该记录已存在',
  );
}
