// `sibi restore`: one transaction that rebuilds the schema at the backup's migration level, loads
// every row as it was (the tables' own triggers off), checks each table's row count and checksum
// against the backup, applies the migrations that came after the backup, resets the sequences and
// puts back the privileges. All or nothing.
import { basename } from 'node:path';
import { writeAudit } from '../db/audit';
import type { Database } from '../db/client';
import { describeTables, type TableShape } from '../db/dump/catalog';
import {
  analyzeAll,
  dropPublicSchemaObjects,
  insertLines,
  lockSchema,
  nonEmptyTables,
  resetSequence,
  setUserTriggers,
} from '../db/dump/load';
import { readGrants, restoreGrants } from '../db/dump/privileges';
import { useCanonicalText } from '../db/dump/rows';
import { applyMigrations, forgetMigrations, migrationFiles } from '../db/migration-level';
import { partitionedTables } from '../db/partition';
import type { Tx } from '../db/query';
import { rowsOf } from './backup';
import { type BackupHeader, rejectFile } from './backup-file';
import { readBackupHeader, readBackupRows } from './backup-read';
import type { AuditContext } from './context';
import { ConflictError, InputRejectedError } from './errors';
import { matchTables, migrationLevel, verifyTables } from './restore-checks';

export interface RestoreOptions {
  /** Replace a database that holds data (otherwise only an empty one is restored into). */
  force?: boolean;
  onProgress?: (done: number, total: number) => void;
}

export interface RestoreSummary {
  file: string;
  createdAt: string;
  source: BackupHeader['source'];
  tables: number;
  rows: number;
  /** Migrations the backup was made at, and those applied after loading it. */
  backupMigrations: number;
  /** Migrations edited since the backup, rebuilt in this program's version. */
  changedMigrations: string[];
  laterMigrations: number;
  /** Tables that were partitioned before the restore: rebuilt plain (run `sibi db partition` again). */
  unpartitioned: string[];
  seconds: number;
}

export async function restoreBackup(
  database: Database,
  file: string,
  context: AuditContext,
  options: RestoreOptions = {},
): Promise<RestoreSummary> {
  const started = performance.now();
  const header = await readBackupHeader(file);
  const migrations = migrationFiles();
  const { level, changed } = migrationLevel(file, header, migrations);
  const total = rowsOf(header);
  let unpartitioned: string[] = [];
  try {
    await database.db.transaction(async (tx) => {
      await useCanonicalText(tx);
      await lockSchema(tx);
      if (!options.force) await refuseData(tx, database.location);
      const grants = await readGrants(tx);
      unpartitioned = await partitionedTables(tx);
      await dropPublicSchemaObjects(tx);
      await forgetMigrations(tx);
      await applyMigrations(tx, migrations.slice(0, level));
      const shapes = matchTables(file, header, await describeTables(tx));
      await setUserTriggers(tx, [...shapes.keys()], false);
      let done = 0;
      for await (const batch of readBackupRows(file)) {
        await load(tx, file, shapes.get(batch.table.name)!, batch.lines);
        done += batch.lines.length;
        options.onProgress?.(done, total);
      }
      await verifyTables(tx, file, header, shapes);
      await setUserTriggers(tx, [...shapes.keys()], true);
      for (const table of header.tables) {
        for (const s of table.sequences) {
          const sequence = shapes.get(table.name)!.sequences.find((q) => q.column === s.column);
          if (sequence) await resetSequence(tx, table.name, s.column, sequence.sequence, s.next);
        }
      }
      await applyMigrations(tx, migrations.slice(level));
      await restoreGrants(tx, grants);
      await writeAudit(tx, {
        actor: context.actor,
        ip: context.ip,
        action: 'backup.restore',
        targetType: 'backup',
        targetId: basename(file),
        outcome: 'ok',
        details: {
          createdAt: header.createdAt,
          source: header.source,
          tables: header.tables.length,
          rows: total,
        },
      });
    });
  } catch (error) {
    throw restoreFailure(error);
  }
  await analyzeAll(database.db);
  return {
    file,
    createdAt: header.createdAt,
    source: header.source,
    tables: header.tables.length,
    rows: total,
    backupMigrations: level,
    changedMigrations: changed,
    laterMigrations: migrations.length - level,
    unpartitioned,
    seconds: (performance.now() - started) / 1000,
  };
}

async function refuseData(tx: Tx, location: string): Promise<void> {
  const filled = await nonEmptyTables(tx);
  if (filled.length === 0) return;
  const named = filled.slice(0, 5).join('、') + (filled.length > 5 ? ` 等 ${filled.length} 张表` : '');
  throw new ConflictError(
    `数据库 ${location} 不是空的（${named} 有数据）；恢复会替换全部数据，确认后加 --force`,
  );
}

async function load(tx: Tx, file: string, table: TableShape, lines: string[]): Promise<void> {
  try {
    await insertLines(tx, table, lines);
  } catch (error) {
    throw rejectFile(file, `表 ${table.name} 的数据无法写入（${databaseMessage(error)}）`);
  }
}

/** The PostgreSQL error behind a failed query (drizzle wraps it), if any. */
function databaseError(error: unknown): { code?: string; message: string } | undefined {
  for (
    let e = error as { code?: string; message: string; cause?: unknown } | undefined;
    e;
    e = e.cause as never
  ) {
    if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)) return e;
  }
  return undefined;
}

const databaseMessage = (error: unknown) =>
  databaseError(error)?.message ?? (error as Error).message?.split('\n')[0] ?? String(error);

function restoreFailure(error: unknown): unknown {
  if (error instanceof InputRejectedError || error instanceof ConflictError) return error;
  const code = databaseError(error)?.code;
  if (code === '42501') {
    return new Error(
      `恢复须以数据库所有者运行：当前角色无权重建表（${databaseMessage(error)}），未做任何改动`,
    );
  }
  if (code === '55P03')
    return new Error('数据库正被其他连接使用（等待锁超时）：请先停止 sibi 服务再恢复，未做任何改动');
  return new Error(`恢复失败，已全部回滚：${databaseMessage(error)}`);
}
