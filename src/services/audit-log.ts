// The audit log as the auditor reads it; an export is itself recorded.
import { writeAudit } from '../db/audit';
import { type AuditFilter, type AuditRow, auditBatches, listAudit } from '../db/audit-read';
import type { Database } from '../db/client';
import type { Page, PageRequest } from '../db/paging';
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
