// `sibi db partition`: monthly_reports and project_months partitioned by province code on PostgreSQL
// (src/db/partition.ts, docs/scaling.md §3), online: step by step while the database serves traffic
// (src/db/partition-online.ts), then its audit record.
import { writeAudit } from '../db/audit';
import type { Database } from '../db/client';
import { PartitionRefusedError } from '../db/partition';
import {
  abandonOnlinePartition,
  type OnlineOptions,
  type OnlineRun,
  PartitionLockError,
  partitionTablesOnline,
} from '../db/partition-online';
import type { AuditContext } from './context';
import { RuleViolationError } from './errors';

export type { TablePartitioning } from '../db/partition';
export type { OnlineOptions, OnlineRun } from '../db/partition-online';

export const PGLITE_REFUSAL =
  '按省分区只用于 PostgreSQL（DATABASE_URL）；内置数据库（PGlite）是单省规模，不分区，未做任何改动';

export async function partitionByProvince(
  database: Database,
  context: AuditContext,
  options: OnlineOptions = {},
): Promise<OnlineRun['tables']> {
  return (await partitionOnline(database, context, options)).tables;
}

/** The run with its measurements (batches, retries, the longest exclusive hold). */
export async function partitionOnline(
  database: Database,
  context: AuditContext,
  options: OnlineOptions = {},
): Promise<OnlineRun> {
  if (database.kind !== 'postgres') throw new RuleViolationError(PGLITE_REFUSAL);
  let run: OnlineRun;
  try {
    run = await partitionTablesOnline(database, options);
  } catch (error) {
    throw partitionFailure(error);
  }
  await writeAudit(database.db, {
    actor: context.actor,
    ip: context.ip,
    action: 'db.partition',
    targetType: 'database',
    targetId: run.tables.map((t) => t.table).join(','),
    outcome: 'ok',
    details: {
      tables: run.tables.map((t) => ({
        table: t.table,
        action: t.action,
        added: t.added,
        movedRows: t.movedRows,
        partitions: t.partitions.length,
      })),
      resumed: run.resumed,
      batches: run.batches,
      retries: run.retries,
      exclusiveMs: Math.round(run.exclusiveMs),
    },
  });
  return run;
}

/** `sibi db partition --abandon`: what an interrupted run left removed; the tables as they are. */
export async function abandonPartition(
  database: Database,
  context: AuditContext,
  options: OnlineOptions = {},
): Promise<string[]> {
  if (database.kind !== 'postgres') throw new RuleViolationError(PGLITE_REFUSAL);
  let removed: string[];
  try {
    removed = await abandonOnlinePartition(database, options);
  } catch (error) {
    throw partitionFailure(error);
  }
  if (removed.length > 0) {
    await writeAudit(database.db, {
      actor: context.actor,
      ip: context.ip,
      action: 'db.partition.abandon',
      targetType: 'database',
      targetId: removed.join(','),
      outcome: 'ok',
    });
  }
  return removed;
}

function partitionFailure(error: unknown): unknown {
  if (error instanceof PartitionRefusedError) return new RuleViolationError(error.message);
  if (error instanceof PartitionLockError) return error;
  let e = error as { code?: string; message?: string; cause?: unknown } | undefined;
  while (e && !(typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code))) e = e.cause as never;
  if (e?.code === '42501') {
    return new Error(`分区须以表的所有者（或超级用户）运行：${e.message}；未完成的步骤已回滚`);
  }
  if (e) return new Error(`分区失败，未完成的步骤已回滚：${e.message}`);
  return error;
}
