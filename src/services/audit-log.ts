// The audit log as the auditor reads it; an export is itself recorded.
import { writeAudit } from '../db/audit';
import { chainBatches, readChainHead, unchainedRows } from '../db/audit-chain';
import { type AuditFilter, type AuditRow, auditBatches, listAudit } from '../db/audit-read';
import type { Database } from '../db/client';
import type { Page, PageRequest } from '../db/paging';
import { ChainChecker, type ChainReport } from '../domain/audit-chain';
import type { AuditContext } from './context';

export function readAuditLog(
  database: Database,
  filter: AuditFilter,
  page: PageRequest,
): Promise<Page<AuditRow>> {
  return listAudit(database.db, filter, page);
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
