// The four ledgers (deals, reserve projects, approval items, issues) behind one interface, so one
// HTTP route factory (src/http/routes/ledger-routes.ts) serves them all. Region ledgers carry their
// own region; project ledgers hang off a project and take its place (region, leader, reviewer).
import type { Database } from '../../db/client';
import type { Page, PageRequest } from '../../db/paging';
import {
  type ApprovalRow,
  type IssueRow,
  listApprovals,
  listIssues,
  type ProjectLedgerFilter,
} from '../../db/records/project-ledgers';
import {
  type DealFilter,
  type DealRow,
  listDeals,
  listReserve,
  type ReserveFilter,
  type ReserveRow,
} from '../../db/records/region-ledgers';
import type { VersionedTable } from '../../db/records/versioned';
import { provinceOf } from '../../domain/regions';
import type { Actor, ProjectTarget, RegionTarget } from '../../policies/actor';
import { projectVisibility, regionVisibility, type Visibility } from '../../policies/visibility';
import type { AuditContext } from '../context';
import {
  APPROVAL_LEDGER,
  type ApprovalInput,
  createProjectRecord,
  createRegionRecord,
  DEAL_LEDGER,
  type DealInput,
  deleteRecord,
  ISSUE_LEDGER,
  type IssueInput,
  loadProjectRecord,
  loadRegionRecord,
  type ProjectLedger,
  RESERVE_LEDGER,
  type RegionLedger,
  type ReserveInput,
  updateRecord,
} from './ledgers';
import { projectTargets } from './project-target';
import { loadProject } from './projects';

/** A record with the policy target it is authorized against. */
export interface Located<Row, Target> {
  row: Row;
  target: Target;
}

/** Where a new record goes: the target to authorize, and the province it is stored under. */
export interface Placement<Target> {
  target: Target;
  provinceCode: string;
}

/** The list filter a ledger's query maps to, less what the service adds (visibility). */
export type ListFilter<F> = Omit<F, 'visibility' | 'regionCodes'> & { regionCodes?: readonly string[] };

export interface LedgerService<Row, Target, Filter, Input> {
  /** The audit names: `<kind>.create`, `.update`, `.delete`, target type `<kind>`. */
  kind: string;
  /** The page of records the actor may see (visibility is applied in SQL). */
  list(
    database: Database,
    actor: Actor,
    filter: ListFilter<Filter>,
    request: PageRequest,
  ): Promise<Page<Located<Row, Target>>>;
  load(database: Database, id: number): Promise<Located<Row, Target>>;
  /** Reads where `input` would go, before anything is written (the caller authorizes it). */
  place(database: Database, input: Input): Promise<Placement<Target>>;
  create(
    database: Database,
    ctx: AuditContext,
    placement: Placement<Target>,
    input: Input,
  ): Promise<Located<Row, Target>>;
  /** The target a patch moves the record to, when it moves it (to authorize the new place too). */
  movedTo(patch: Record<string, unknown>): Target | undefined;
  update(
    database: Database,
    ctx: AuditContext,
    before: Located<Row, Target>,
    version: number,
    patch: Record<string, unknown>,
  ): Promise<Located<Row, Target>>;
  remove(database: Database, ctx: AuditContext, before: Row, version: number): Promise<void>;
}

/** Update and delete, audited under the ledger's kind and the record's label. */
function recordWrites<Row extends { id: number }>(ledger: {
  kind: string;
  table: VersionedTable;
  label(row: Row): string;
}) {
  return {
    update: (
      database: Database,
      ctx: AuditContext,
      before: Row,
      version: number,
      patch: Record<string, unknown>,
    ) => updateRecord(database, ctx, ledger.kind, ledger.table, ledger.label(before), before, version, patch),
    remove: (database: Database, ctx: AuditContext, before: Row, version: number) =>
      deleteRecord(database, ctx, ledger.kind, ledger.table, ledger.label(before), before, version),
  };
}

/** The list filter with the rows the actor may see (the SQL applies it). */
const withVisibility = <Filter>(filter: ListFilter<Filter>, visibility: Visibility) =>
  ({ ...filter, visibility }) as Filter;

type RegionRow = { id: number; regionCode: string };

function regionLedgerService<Row extends RegionRow, Input extends { regionCode: string }, Filter>(
  ledger: RegionLedger<Row, Input>,
  list: (db: Database['db'], filter: Filter, request: PageRequest) => Promise<Page<Row>>,
): LedgerService<Row, RegionTarget, Filter, Input> {
  const located = (row: Row) => ({ row, target: { regionCode: row.regionCode } });
  const writes = recordWrites<Row>(ledger);
  return {
    kind: ledger.kind,
    async list(database, actor, filter, request) {
      const page = await list(database.db, withVisibility<Filter>(filter, regionVisibility(actor)), request);
      return { ...page, items: page.items.map(located) };
    },
    load: (database, id) => loadRegionRecord(database, ledger, id),
    place: async (_database, input) => ({
      target: { regionCode: input.regionCode },
      provinceCode: provinceOf(input.regionCode),
    }),
    create: async (database, ctx, _placement, input) =>
      located(await createRegionRecord(database, ctx, ledger, input)),
    movedTo: (patch) => (typeof patch.regionCode === 'string' ? { regionCode: patch.regionCode } : undefined),
    update: async (database, ctx, before, version, patch) =>
      located(await writes.update(database, ctx, before.row, version, patch)),
    remove: writes.remove,
  };
}

type ProjectRecordRow = { id: number; projectId: number; regionCode: string; leader: string | null };

function projectLedgerService<Row extends ProjectRecordRow, Input extends { projectId: number }, Filter>(
  ledger: ProjectLedger<Row, Input>,
  list: (db: Database['db'], filter: Filter, request: PageRequest) => Promise<Page<Row>>,
): LedgerService<Row, ProjectTarget, Filter, Input> {
  const writes = recordWrites<Row>(ledger);
  return {
    kind: ledger.kind,
    async list(database, actor, filter, request) {
      const page = await list(database.db, withVisibility<Filter>(filter, projectVisibility(actor)), request);
      const targetOf = await projectTargets(database);
      return { ...page, items: page.items.map((row) => ({ row, target: targetOf(row) })) };
    },
    load: (database, id) => loadProjectRecord(database, ledger, id),
    async place(database, input) {
      const { row, target } = await loadProject(database, input.projectId);
      return { target, provinceCode: row.provinceCode };
    },
    create: async (database, ctx, placement, input) => ({
      row: await createProjectRecord(database, ctx, ledger, placement.provinceCode, input),
      target: placement.target,
    }),
    // The project of a record cannot change (the patch schemas have no projectId).
    movedTo: () => undefined,
    async update(database, ctx, before, version, patch) {
      const updated = await writes.update(database, ctx, before.row, version, patch);
      // The update returns the ledger's own columns; the project's (code, region) stay as read.
      return { row: { ...before.row, ...updated }, target: before.target };
    },
    remove: writes.remove,
  };
}

export const DEALS = regionLedgerService<DealRow, DealInput, DealFilter>(DEAL_LEDGER, listDeals);
export const RESERVE = regionLedgerService<ReserveRow, ReserveInput, ReserveFilter>(
  RESERVE_LEDGER,
  listReserve,
);
export const APPROVALS = projectLedgerService<ApprovalRow, ApprovalInput, ProjectLedgerFilter>(
  APPROVAL_LEDGER,
  listApprovals,
);
export const ISSUES = projectLedgerService<IssueRow, IssueInput, ProjectLedgerFilter & { category?: string }>(
  ISSUE_LEDGER,
  listIssues,
);
