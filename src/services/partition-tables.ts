// `sibi db partition`: monthly_reports and project_months partitioned by province code on PostgreSQL
// (src/db/partition.ts, docs/scaling.md §3), in one transaction with its audit record.
import { writeAudit } from '../db/audit';
import type { Database } from '../db/client';
import { PartitionRefusedError, partitionTables, type TablePartitioning } from '../db/partition';
import type { AuditContext } from './context';
import { RuleViolationError } from './errors';

export type { TablePartitioning } from '../db/partition';

export const PGLITE_REFUSAL =
  '按省分区只用于 PostgreSQL（DATABASE_URL）；内置数据库（PGlite）是单省规模，不分区，未做任何改动';

export async function partitionByProvince(
  database: Database,
  context: AuditContext,
): Promise<TablePartitioning[]> {
  if (database.kind !== 'postgres') throw new RuleViolationError(PGLITE_REFUSAL);
  try {
    return await database.db.transaction(async (tx) => {
      const tables = await partitionTables(tx);
      await writeAudit(tx, {
        actor: context.actor,
        ip: context.ip,
        action: 'db.partition',
        targetType: 'database',
        targetId: tables.map((t) => t.table).join(','),
        outcome: 'ok',
        details: tables.map((t) => ({
          table: t.table,
          action: t.action,
          added: t.added,
          movedRows: t.movedRows,
          partitions: t.partitions.length,
        })),
      });
      return tables;
    });
  } catch (error) {
    throw partitionFailure(error);
  }
}

function partitionFailure(error: unknown): unknown {
  if (error instanceof PartitionRefusedError) return new RuleViolationError(error.message);
  let e = error as { code?: string; message?: string; cause?: unknown } | undefined;
  while (e && !(typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code))) e = e.cause as never;
  if (e?.code === '42501') {
    return new Error(`分区须以表的所有者（或超级用户）运行：${e.message}；未做任何改动`);
  }
  if (e?.code === '55P03') {
    return new Error(
      '表正被其他连接使用（等待锁超过 30 秒）：请在业务低峰或停止 sibi 服务后再运行，未做任何改动',
    );
  }
  if (e) return new Error(`分区失败，已全部回滚：${e.message}`);
  return error;
}
