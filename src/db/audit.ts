// The one place audit rows are written; callers pass their transaction so the record
// commits or rolls back with the change it describes.

import type { Tx } from './query';
import { auditLog } from './schema';

export interface AuditEntry {
  actor: string;
  ip?: string | null;
  action: string;
  targetType?: string | null;
  targetId?: string | null;
  outcome: 'ok' | 'denied' | 'failed' | 'rejected';
  before?: unknown;
  after?: unknown;
  details?: unknown;
}

export async function writeAudit(tx: Tx, entry: AuditEntry): Promise<void> {
  await tx.insert(auditLog).values({
    actor: entry.actor,
    ip: entry.ip ?? null,
    action: entry.action,
    targetType: entry.targetType ?? null,
    targetId: entry.targetId ?? null,
    outcome: entry.outcome,
    before: toJson(entry.before),
    after: toJson(entry.after),
    details: toJson(entry.details),
  });
}

/** bigint is not JSON: amounts go into the audit log as decimal strings. */
function toJson(value: unknown): unknown {
  if (value === undefined) return null;
  return JSON.parse(JSON.stringify(value, (_k, v) => (typeof v === 'bigint' ? v.toString() : v)));
}
