// The audit log as the auditor reads it — each entry in words (the labels of src/domain/audit-labels.ts:
// action, object, outcome, and what changed field by field, before → after), the raw JSON kept beside
// them — and as it is exported; an export is itself recorded.
import { writeAudit } from '../db/audit';
import { chainBatches, readChainHead, unchainedRows } from '../db/audit-chain';
import { type AuditFilter, type AuditRow, auditActors, auditBatches, listAudit } from '../db/audit-read';
import type { Database } from '../db/client';
import type { Page, PageRequest } from '../db/paging';
import { ChainChecker, type ChainReport } from '../domain/audit-chain';
import {
  ACTION_LABELS,
  actionLabel,
  changesText,
  type FieldChange,
  fieldChanges,
  type Label,
  OBJECT_LABELS,
  OUTCOME_LABELS,
  objectLabel,
  type ValueNames,
} from '../domain/audit-labels';
import { IMPORT_KINDS } from '../domain/records';
import { type AuditSheetRow, writeAuditXlsx } from '../io/audit-xlsx';
import { ROLE_LABELS } from '../policies/roles';
import type { AuditContext } from './context';
import { regionTree } from './region-tree';
import { SETTING_KEYS, SETTINGS } from './settings';

export type { AuditFilter, AuditRow } from '../db/audit-read';

/** An entry as people read it: the stored row (raw before/after/details kept) and its words. */
export interface AuditEntry extends AuditRow {
  actionLabel: string;
  actionLabelEn: string;
  targetTypeLabel: string | null;
  targetTypeLabelEn: string | null;
  outcomeLabel: string;
  /** The target in words where it is a region or a setting ("孟津县（410322）"), else the id. */
  targetLabel: string | null;
  changes: FieldChange[];
}

const SETTING_LABELS: Record<string, string> = Object.fromEntries(
  SETTING_KEYS.map((key) => [key, SETTINGS[key].label]),
);

/** The names the entries' values are shown with (regions, roles, settings). */
export async function auditNames(database: Database): Promise<ValueNames> {
  const regions = new Map((await regionTree(database)).map((r) => [r.code, r.name]));
  return { regions, roles: ROLE_LABELS, fields: SETTING_LABELS };
}

export function describeAuditRow(row: AuditRow, names: ValueNames): AuditEntry {
  const action = actionLabel(row.action);
  const object = objectLabel(row.targetType);
  // A region by its name; a setting by its label.
  const named = !row.targetId
    ? undefined
    : row.targetType === 'settings'
      ? names.fields?.[row.targetId]
      : names.regions?.get(row.targetId);
  return {
    ...row,
    actionLabel: action?.zh ?? row.action,
    actionLabelEn: action?.en ?? row.action,
    targetTypeLabel: object?.zh ?? row.targetType,
    targetTypeLabelEn: object?.en ?? row.targetType,
    outcomeLabel: OUTCOME_LABELS[row.outcome]?.zh ?? row.outcome,
    targetLabel: named ? `${named}（${row.targetId}）` : row.targetId,
    changes: fieldChanges(row.before, row.after, names),
  };
}

export async function readAuditLog(
  database: Database,
  filter: AuditFilter,
  page: PageRequest,
): Promise<Page<AuditEntry>> {
  const result = await listAudit(database.db, filter, page);
  const names = await auditNames(database);
  return { ...result, items: result.items.map((row) => describeAuditRow(row, names)) };
}

export interface AuditChoice extends Label {
  value: string;
}

const choice = (value: string, label: Label | null): AuditChoice[] => (label ? [{ value, ...label }] : []);

/**
 * What the filters offer: the actions (each labelled; a prefix ending in "." selects a family), the
 * kinds of object, the outcomes, and the accounts that appear in the log.
 */
export async function auditFilterChoices(database: Database): Promise<{
  actions: AuditChoice[];
  objects: AuditChoice[];
  outcomes: AuditChoice[];
  actors: string[];
}> {
  const composed = [
    ...IMPORT_KINDS.map((k) => `import.${k}`),
    ...[...IMPORT_KINDS, 'oc4ids'].map((k) => `export.${k}`),
    ...['deal', 'reserve', 'approval', 'issue', 'project', 'project_year', 'report'].flatMap((k) =>
      ['create', 'update', 'delete'].map((verb) => `${k}.${verb}`),
    ),
  ];
  const families: AuditChoice[] = [
    { value: 'auth.', zh: '登录与认证（全部）', en: 'Sign-in and authentication (all)' },
    { value: 'user.', zh: '账户管理（全部）', en: 'Accounts (all)' },
    { value: 'report.', zh: '月报（全部）', en: 'Monthly reports (all)' },
    { value: 'evaluation.', zh: '综合考评（全部）', en: 'Evaluation (all)' },
    { value: 'import.', zh: '导入（全部）', en: 'Imports (all)' },
    { value: 'export.', zh: '导出（全部）', en: 'Exports (all)' },
    { value: 'denied.', zh: '被拒绝的请求（全部）', en: 'Refused requests (all)' },
  ];
  const actions = [...new Set([...Object.keys(ACTION_LABELS), ...composed])]
    .sort()
    .flatMap((value) => choice(value, actionLabel(value)));
  return {
    actions: [...families, ...actions],
    objects: Object.keys(OBJECT_LABELS).flatMap((value) => choice(value, objectLabel(value))),
    outcomes: Object.entries(OUTCOME_LABELS).map(([value, label]) => ({ value, ...label })),
    actors: await auditActors(database.db),
  };
}

/** Records the export, then yields the rows in batches. */
export async function* exportAuditLog(
  database: Database,
  ctx: AuditContext,
  filter: AuditFilter,
  format: string,
): AsyncGenerator<AuditRow[]> {
  await writeAudit(database.db, {
    actor: ctx.actor,
    ip: ctx.ip,
    action: 'audit.export',
    targetType: 'audit_log',
    targetId: null,
    outcome: 'ok',
    details: {
      filter: { ...filter, from: filter.from?.toISOString(), to: filter.to?.toISOString() },
      format,
    },
  });
  yield* auditBatches(database.db, filter);
}

const rawJson = (value: unknown) => (value === null || value === undefined ? '' : JSON.stringify(value));

/** The export as .xlsx at `path` (recorded first, like every export): each entry in words and raw. */
export async function exportAuditSheet(
  database: Database,
  ctx: AuditContext,
  filter: AuditFilter,
  path: string,
): Promise<number> {
  const names = await auditNames(database);
  async function* rows(): AsyncGenerator<AuditSheetRow[]> {
    for await (const batch of exportAuditLog(database, ctx, filter, 'xlsx')) {
      yield batch.map((row) => {
        const entry = describeAuditRow(row, names);
        return {
          ...entry,
          changes: changesText(entry.changes),
          before: rawJson(row.before),
          after: rawJson(row.after),
          details: rawJson(row.details),
        };
      });
    }
  }
  return writeAuditXlsx(path, rows());
}

/**
 * Walks the audit log's hash chain in one read-only snapshot (rows written meanwhile are not half
 * seen), then records the check itself: outcome `ok`, or `failed` with the first problems.
 */
export async function verifyAuditLog(database: Database, ctx: AuditContext): Promise<ChainReport> {
  const report = await database.db.transaction(
    async (tx) => {
      const checker = new ChainChecker(await readChainHead(tx));
      checker.add(await unchainedRows(tx));
      for await (const batch of chainBatches(tx)) checker.add(batch);
      return checker.finish();
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
  await writeAudit(database.db, {
    actor: ctx.actor,
    ip: ctx.ip,
    action: 'audit.verify',
    targetType: 'audit_log',
    targetId: null,
    outcome: report.ok ? 'ok' : 'failed',
    details: {
      rows: report.rows,
      lastSeq: report.lastSeq,
      headHash: report.headHash,
      problems: report.problems.slice(0, 20).map((p) => p.message),
    },
  });
  return report;
}
