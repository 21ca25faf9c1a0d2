// `sibi backup`: the whole database, read in one consistent snapshot, into one file
// (backup-file.ts) that restores into either database.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { writeAudit } from '../db/audit';
import type { Database } from '../db/client';
import { describeTables } from '../db/dump/catalog';
import {
  EMPTY_SUM,
  inSnapshot,
  nextSequenceValue,
  serverVersion,
  tableLines,
  tableSum,
} from '../db/dump/rows';
import { appliedMigrations } from '../db/migration-level';
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  type BackupHeader,
  type BackupTable,
  signatureOf,
  writeBackupFile,
} from './backup-file';
import type { BackupSecrets } from './backup-keys';
import type { AuditContext } from './context';
import { NotFoundError, UsageError } from './errors';

/**
 * Tables listed but not filled: restoring sessions would revive logins that have ended since
 * (logout, password change, disabled account). After a restore everyone signs in again.
 */
export const OMITTED_TABLES: readonly string[] = ['sessions'];

export const APP_VERSION: string = JSON.parse(
  readFileSync(new URL('../../package.json', import.meta.url), 'utf8'),
).version;

export interface BackupOptions {
  /** The signing key signs the backup; a passphrase encrypts it. */
  secrets?: BackupSecrets;
  /** `--unsigned`: write the backup without a signature when no signing key is configured. */
  unsigned?: boolean;
  onProgress?: (done: number, total: number) => void;
}

export interface BackupSummary {
  file: string;
  /** The signing key's id, or null for an unsigned backup. */
  keyId: string | null;
  encrypted: boolean;
  tables: number;
  rows: number;
  bytes: number;
  migrations: number;
  seconds: number;
}

export async function createBackup(
  database: Database,
  file: string,
  context: AuditContext,
  options: BackupOptions = {},
): Promise<BackupSummary> {
  const { secrets = {}, onProgress } = options;
  if (!secrets.signingKey && !options.unsigned) {
    throw new UsageError(
      '未配置备份签名密钥（SIBI_BACKUP_KEY 或 SIBI_BACKUP_KEY_FILE）：没有签名的备份在恢复时无法确认未被改动。' +
        '请先配置密钥（见 docs/operations.md 的“备份与恢复”）；确实要写未签名的备份，加 --unsigned',
    );
  }
  const started = performance.now();
  const { header, bytes } = await inSnapshot(database.db, async (tx) => {
    const migrations = await appliedMigrations(tx);
    if (migrations.length === 0)
      throw new NotFoundError(`数据库 ${database.location} 尚未建立，没有可备份的内容`);
    const shapes = await describeTables(tx);
    const tables: BackupTable[] = [];
    for (const shape of shapes) {
      const sum = OMITTED_TABLES.includes(shape.name)
        ? EMPTY_SUM
        : await tableSum(tx, shape.name, shape.columns);
      const sequences = [];
      for (const s of shape.sequences) {
        sequences.push({ column: s.column, next: await nextSequenceValue(tx, s.sequence) });
      }
      tables.push({
        name: shape.name,
        columns: shape.columns.map(({ name, type }) => ({ name, type })),
        ...sum,
        sequences,
      });
    }
    const header: BackupHeader = {
      format: BACKUP_FORMAT,
      formatVersion: BACKUP_FORMAT_VERSION,
      signature: signatureOf(secrets),
      appVersion: APP_VERSION,
      createdAt: new Date().toISOString(),
      source: { database: database.kind, serverVersion: await serverVersion(tx) },
      migrations,
      omitted: [...OMITTED_TABLES],
      tables,
    };
    const total = rowsOf(header);
    let done = 0;
    const byName = new Map(shapes.map((s) => [s.name, s]));
    async function* rows(table: BackupTable) {
      if (table.rows === 0) return;
      for await (const lines of tableLines(tx, byName.get(table.name)!)) {
        done += lines.length;
        onProgress?.(done, total);
        yield lines;
      }
    }
    return { header, bytes: await writeBackupFile(file, header, rows, secrets) };
  });
  const summary: BackupSummary = {
    file,
    keyId: header.signature?.keyId ?? null,
    encrypted: Boolean(secrets.passphrase),
    tables: header.tables.length,
    rows: rowsOf(header),
    bytes,
    migrations: header.migrations.length,
    seconds: (performance.now() - started) / 1000,
  };
  await writeAudit(database.db, {
    actor: context.actor,
    ip: context.ip,
    action: 'backup.create',
    targetType: 'backup',
    targetId: basename(file),
    outcome: 'ok',
    details: {
      createdAt: header.createdAt,
      tables: summary.tables,
      rows: summary.rows,
      bytes,
      keyId: summary.keyId,
      encrypted: summary.encrypted,
    },
  });
  return summary;
}

export const rowsOf = (header: BackupHeader) => header.tables.reduce((n, t) => n + t.rows, 0);
