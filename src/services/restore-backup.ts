// `sibi restore`: first the whole file is read once and checked — signature (HMAC-SHA256, with the
// configured key), decryption, every line and checksum — and refused before anything is written if
// any check fails; then, unless another sibi process is using the database, one transaction that rebuilds the schema at the backup's migration level, loads
// every row as it was (the tables' own triggers off), checks each table's row count and checksum
// against the backup, applies the migrations that came after the backup, resets the sequences and
// puts back the privileges. All or nothing.

import { basename } from 'node:path';
import { writeAudit } from '../db/audit';
import type { Database } from '../db/client';
import { bumpDataVersion, clearDataVersion, DATA_VERSION_TABLES } from '../db/data-version';
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
import { type OtherSession, otherSibiSessions } from '../db/dump/other-sessions';
import { readGrants, restoreGrants } from '../db/dump/privileges';
import { useCanonicalText } from '../db/dump/rows';
import { applyMigrations, forgetMigrations, migrationFiles } from '../db/migration-level';
import { partitionedTables } from '../db/partition';
import type { Tx } from '../db/query';
import { rowsOf } from './backup';
import { type BackupHeader, rejectFile } from './backup-file';
import type { BackupSecrets } from './backup-keys';
import { readBackup, type SignatureCheck, verifyBackup } from './backup-read';
import type { AuditContext } from './context';
import { ConflictError, InputRejectedError } from './errors';
import { matchTables, migrationLevel, verifyTables } from './restore-checks';

export interface RestoreOptions {
  /** Replace a database that holds data (otherwise only an empty one is restored into). */
  force?: boolean;
  /** The signing key to verify with; the passphrase of an encrypted backup. */
  secrets?: BackupSecrets;
  /** `--unsigned`: accept a backup without a signature (or, with no key configured, unverified). */
  unsigned?: boolean;
  /** `--force-in-use`: restore although other sibi processes are connected (PostgreSQL). */
  forceInUse?: boolean;
  onProgress?: (done: number, total: number) => void;
}

export interface RestoreSummary {
  file: string;
  createdAt: string;
  source: BackupHeader['source'];
  /** verified, or how the check was waived (--unsigned). */
  signature: SignatureCheck;
  encrypted: boolean;
  /** Sessions of other sibi processes restored past with --force-in-use. */
  inUseBy: OtherSession[];
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
  const reading = { secrets: options.secrets, unsigned: options.unsigned };
  const inUseBy = await refuseOtherSessions(database, database.db, options);
  let verified: Awaited<ReturnType<typeof verifyBackup>>;
  try {
    verified = await verifyBackup(file, reading);
  } catch (error) {
    if (error instanceof InputRejectedError) throw new InputRejectedError(`${error.message}；未做任何改动`);
    throw error;
  }
  const { header } = verified;
  const migrations = migrationFiles();
  const { level, changed } = migrationLevel(file, header, migrations);
  const total = rowsOf(header);
  let unpartitioned: string[] = [];
  try {
    await database.db.transaction(async (tx) => {
      await useCanonicalText(tx);
      await lockSchema(tx);
      await refuseOtherSessions(database, tx, options);
      if (!options.force) await refuseData(tx, database.location);
      const grants = await readGrants(tx);
      unpartitioned = await partitionedTables(tx);
      await dropPublicSchemaObjects(tx);
      await forgetMigrations(tx);
      await applyMigrations(tx, migrations.slice(0, level));
      const shapes = matchTables(file, header, await describeTables(tx));
      await setUserTriggers(tx, [...shapes.keys()], false);
      await clearDataVersion(tx);
      let done = 0;
      // Read again (the rows are not kept from the check): the same file, verified again as it loads.
      const again = await readBackup(file, reading);
      if (JSON.stringify(again.header) !== JSON.stringify(header)) {
        await again.batches.return(undefined);
        throw rejectFile(file, '在校验之后被替换或改动过；未做任何改动');
      }
      for await (const batch of again.batches) {
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
      // The snapshot's version is an old one, loaded with the triggers off: a number of its own.
      await bumpDataVersion(tx);
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
          signature: verified.signature,
          keyId: header.signature?.keyId ?? null,
          encrypted: verified.encrypted,
          inUseBy: inUseBy.map((s) => s.name),
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
    signature: verified.signature,
    encrypted: verified.encrypted,
    inUseBy,
    tables: header.tables.length,
    rows: total,
    backupMigrations: level,
    changedMigrations: changed,
    laterMigrations: migrations.length - level,
    unpartitioned,
    seconds: (performance.now() - started) / 1000,
  };
}

/**
 * PostgreSQL: other sibi processes connected to the database (a server, a command) would read and
 * write while the tables are dropped and rebuilt, and keep the sessions the restore ends. Refused,
 * naming them, unless `--force-in-use`; then they are returned for the report. (On PGlite the
 * data folder's lock already keeps every other process out.)
 */
async function refuseOtherSessions(
  database: Database,
  tx: Tx,
  options: RestoreOptions,
): Promise<OtherSession[]> {
  if (database.kind !== 'postgres') return [];
  const others = await otherSibiSessions(tx);
  if (others.length === 0 || options.forceInUse) return others;
  const named = others.map(describeSession).join('；');
  throw new ConflictError(
    `数据库 ${database.location} 正由 ${others.length} 个其他 sibi 进程使用：${named}。` +
      '恢复会删除并重建全部表、替换全部数据，运行中的服务会读到中途的状态并丢失会话：请先停止这些进程再恢复；' +
      '确认要在它们运行时恢复，加 --force-in-use。未做任何改动',
  );
}

function describeSession(session: OtherSession): string {
  const details = [
    session.user ? `用户 ${session.user}` : null,
    `${session.connections} 个连接`,
    session.address ? `来自 ${session.address}` : null,
    session.since ? `${session.since} 起` : null,
  ].filter(Boolean);
  return `${session.name}（${details.join('，')}）`;
}

async function refuseData(tx: Tx, location: string): Promise<void> {
  // The data version's row is there from the migration on, in every database.
  const own: readonly string[] = DATA_VERSION_TABLES;
  const filled = (await nonEmptyTables(tx)).filter((table) => !own.includes(table));
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
