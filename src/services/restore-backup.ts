// `sibi restore`: one transaction that rebuilds the schema at the backup's migration level, loads
// every row, checks each table's row count and checksum against the backup, applies the migrations
// that came after the backup, resets the sequences and puts back the privileges. All or nothing.
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
} from '../db/dump/load';
import { readGrants, restoreGrants } from '../db/dump/privileges';
import { tableSum, useCanonicalText } from '../db/dump/rows';
import { applyMigrations, forgetMigrations, type MigrationFile, migrationFiles } from '../db/migration-level';
import type { Tx } from '../db/query';
import { rowsOf } from './backup';
import { type BackupHeader, readBackupHeader, readBackupRows, rejectFile } from './backup-file';
import type { AuditContext } from './context';
import { ConflictError, InputRejectedError } from './errors';

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
  laterMigrations: number;
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
  const level = migrationLevel(file, header, migrations);
  const total = rowsOf(header);
  try {
    await database.db.transaction(async (tx) => {
      await useCanonicalText(tx);
      await lockSchema(tx);
      if (!options.force) await refuseData(tx, database.location);
      const grants = await readGrants(tx);
      await dropPublicSchemaObjects(tx);
      await forgetMigrations(tx);
      await applyMigrations(tx, migrations.slice(0, level));
      const shapes = matchTables(file, header, await describeTables(tx));
      let done = 0;
      for await (const batch of readBackupRows(file)) {
        await load(tx, file, shapes.get(batch.table.name)!, batch.lines);
        done += batch.lines.length;
        options.onProgress?.(done, total);
      }
      await verifyTables(tx, file, header, shapes);
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
    laterMigrations: migrations.length - level,
    seconds: (performance.now() - started) / 1000,
  };
}

/** How many of this program's migrations the backup was made at; refuses unknown or newer ones. */
function migrationLevel(file: string, header: BackupHeader, migrations: MigrationFile[]): number {
  if (header.migrations.length === 0) throw rejectFile(file, '备份中没有数据库迁移记录');
  if (header.migrations.length > migrations.length) {
    throw rejectFile(
      file,
      `备份来自较新版本的 sibi（${header.appVersion}，数据库迁移 ${header.migrations.length} 个，本程序只有 ${migrations.length} 个），请先升级 sibi`,
    );
  }
  header.migrations.forEach((m, i) => {
    if (m.hash !== migrations[i]!.hash) {
      throw rejectFile(file, `备份的第 ${i + 1} 个数据库迁移与本程序的 ${migrations[i]!.tag} 不同，无法恢复`);
    }
  });
  return header.migrations.length;
}

async function refuseData(tx: Tx, location: string): Promise<void> {
  const filled = await nonEmptyTables(tx);
  if (filled.length === 0) return;
  const named = filled.slice(0, 5).join('、') + (filled.length > 5 ? ` 等 ${filled.length} 张表` : '');
  throw new ConflictError(
    `数据库 ${location} 不是空的（${named} 有数据）；恢复会替换全部数据，确认后加 --force`,
  );
}

/** The schema rebuilt at the backup's level must be the backup's, table for table, column for column. */
function matchTables(file: string, header: BackupHeader, shapes: TableShape[]): Map<string, TableShape> {
  const byName = new Map(shapes.map((s) => [s.name, s]));
  const describe = (columns: { name: string; type: string }[]) =>
    columns.map((c) => `${c.name} ${c.type}`).join(', ');
  for (const table of header.tables) {
    const shape = byName.get(table.name);
    if (!shape) throw rejectFile(file, `表 ${table.name} 不在该迁移级别的数据库结构中`);
    if (describe(shape.columns) !== describe(table.columns)) {
      throw rejectFile(file, `表 ${table.name} 的列与该迁移级别的数据库结构不符`);
    }
  }
  const missing = shapes.filter((s) => !header.tables.some((t) => t.name === s.name));
  if (missing.length) throw rejectFile(file, `缺少表 ${missing.map((s) => s.name).join('、')}`);
  return byName;
}

async function load(tx: Tx, file: string, table: TableShape, lines: string[]): Promise<void> {
  try {
    await insertLines(tx, table, lines);
  } catch (error) {
    throw rejectFile(file, `表 ${table.name} 的数据无法写入（${databaseMessage(error)}）`);
  }
}

/** Row counts and checksums computed by the database after loading, against the backup's. */
async function verifyTables(tx: Tx, file: string, header: BackupHeader, shapes: Map<string, TableShape>) {
  for (const table of header.tables) {
    const sum = await tableSum(tx, table.name, shapes.get(table.name)!.columns);
    if (sum.rows !== table.rows || sum.checksum !== table.checksum) {
      throw rejectFile(
        file,
        `表 ${table.name} 载入后与备份不符（行数 ${sum.rows}，备份 ${table.rows}；校验和 ${sum.checksum}，备份 ${table.checksum}）`,
      );
    }
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
