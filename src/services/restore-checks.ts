// What a restore checks against the backup's header: that this program knows the backup's
// migrations, that the schema rebuilt at that level is the backup's, and — after loading — that
// every table's row count and checksum, recomputed by the database, are the backup's.
import type { TableShape } from '../db/dump/catalog';
import { tableSum } from '../db/dump/rows';
import type { MigrationFile } from '../db/migration-level';
import type { Tx } from '../db/query';
import { type BackupHeader, rejectFile } from './backup-file';

export interface MigrationLevel {
  /** How many of this program's migrations the backup was made at. */
  level: number;
  /** Of those, the ones whose text was edited since (same journal entry, other hash). */
  changed: string[];
}

/**
 * A migration is known by its journal timestamp, as drizzle's migrator knows it. One whose text was
 * edited after the backup (same timestamp, other hash) is rebuilt in this program's version: the
 * table and column check that follows refuses the backup if that changed the backup's tables.
 */
export function migrationLevel(
  file: string,
  header: BackupHeader,
  migrations: MigrationFile[],
): MigrationLevel {
  if (header.migrations.length === 0) throw rejectFile(file, '备份中没有数据库迁移记录');
  if (header.migrations.length > migrations.length) {
    throw rejectFile(
      file,
      `备份来自较新版本的 sibi（${header.appVersion}，数据库迁移 ${header.migrations.length} 个，本程序只有 ${migrations.length} 个），请先升级 sibi`,
    );
  }
  const changed: string[] = [];
  header.migrations.forEach((m, i) => {
    const own = migrations[i]!;
    if (m.createdAt !== own.createdAt) {
      throw rejectFile(
        file,
        `备份的第 ${i + 1} 个数据库迁移不是本程序的 ${own.tag}（来自另一版本分支），无法恢复`,
      );
    }
    if (m.hash !== own.hash) changed.push(own.tag);
  });
  return { level: header.migrations.length, changed };
}

/** The schema rebuilt at the backup's level must be the backup's, table for table, column for column. */
export function matchTables(
  file: string,
  header: BackupHeader,
  shapes: TableShape[],
): Map<string, TableShape> {
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

/** Row counts and checksums computed by the database after loading, against the backup's. */
export async function verifyTables(
  tx: Tx,
  file: string,
  header: BackupHeader,
  shapes: Map<string, TableShape>,
) {
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
