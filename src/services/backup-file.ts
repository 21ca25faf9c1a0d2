// The backup file, the same for PGlite and PostgreSQL: gzip'd JSON lines.
//
//   line 1                 the header: format, versions, migrations, every table with its columns,
//                          row count, checksum and sequence positions, and the signing key's id
//   {"table":"regions"}    then each table in header order: a start line,
//   ["410000","河南省",…]  one JSON array of column texts per row,
//   {"end":"regions","rows":N,"sha256":"…"}  and an end line with the SHA-256 of its row lines;
//   {"complete":true,…}    then proof that the file was not cut short;
//   {"signature":"…"}      last, in a signed backup: HMAC-SHA256 of every line before it.
//
// An encrypted backup is that gzip stream sealed with AES-256-GCM behind a plain envelope line
// (backup-crypto.ts). Files are written to a temporary name and renamed when complete, so a failed
// backup never leaves a file that looks like one. Reading: backup-read.ts.
import { createHash, type Hmac } from 'node:crypto';
import { closeSync, createWriteStream, fsyncSync, openSync, renameSync, rmSync } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { z } from 'zod';
import { encryptingStream, keyIdOf, SIGNATURE_ALGORITHM, signer } from './backup-crypto';
import type { BackupSecrets } from './backup-keys';
import { InputRejectedError } from './errors';

export const BACKUP_FORMAT = 'sibi-backup';
/** Version 2 adds the signature; version 1 files (unsigned) are still read. */
export const BACKUP_FORMAT_VERSION = 2;
export const READABLE_FORMAT_VERSIONS: readonly number[] = [1, 2];

export const headerSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.union([z.literal(1), z.literal(2)]),
  /** Who signed it: the key's id (backup-crypto.ts), or null for a backup made with --unsigned. */
  signature: z
    .object({ algorithm: z.literal(SIGNATURE_ALGORITHM), keyId: z.string().regex(/^[0-9a-f]{16}$/) })
    .nullable()
    .optional(),
  appVersion: z.string(),
  createdAt: z.string(),
  source: z.object({ database: z.enum(['pglite', 'postgres']), serverVersion: z.string() }),
  migrations: z.array(z.object({ hash: z.string(), createdAt: z.number() })),
  /** Tables whose rows are deliberately not backed up (they are listed, empty). */
  omitted: z.array(z.string()),
  tables: z.array(
    z.object({
      name: z.string(),
      columns: z.array(z.object({ name: z.string(), type: z.string() })).min(1),
      rows: z.number().int().nonnegative(),
      checksum: z.string(),
      sequences: z.array(z.object({ column: z.string(), next: z.string().regex(/^-?\d+$/) })),
    }),
  ),
});

export type BackupHeader = z.infer<typeof headerSchema>;
export type BackupTable = BackupHeader['tables'][number];

export const rejectFile = (file: string, what: string) => new InputRejectedError(`备份文件 ${file}：${what}`);

/** The signature part of a new backup's header. */
export const signatureOf = (secrets: BackupSecrets): BackupHeader['signature'] =>
  secrets.signingKey ? { algorithm: SIGNATURE_ALGORITHM, keyId: keyIdOf(secrets.signingKey) } : null;

/**
 * Writes header, tables, end line and (with a signing key) the signature through gzip (and, with a
 * passphrase, encryption) to `file`; returns the size in bytes. Streams: memory does not grow with
 * the database.
 */
export async function writeBackupFile(
  file: string,
  header: BackupHeader,
  rowsOf: (table: BackupTable) => AsyncIterable<string[]>,
  secrets: BackupSecrets = {},
): Promise<number> {
  const temporary = `${file}.partial-${process.pid}`;
  const hmac: Hmac | null = secrets.signingKey ? signer(secrets.signingKey) : null;
  async function* text() {
    for await (const chunk of unsignedText()) {
      hmac?.update(chunk);
      yield chunk;
    }
    if (hmac) yield `${JSON.stringify({ signature: hmac.digest('hex') })}\n`;
  }
  async function* unsignedText() {
    yield `${JSON.stringify(header)}\n`;
    let total = 0;
    for (const table of header.tables) {
      yield `${JSON.stringify({ table: table.name })}\n`;
      const hash = createHash('sha256');
      let rows = 0;
      for await (const lines of rowsOf(table)) {
        const chunk = `${lines.join('\n')}\n`;
        hash.update(chunk);
        rows += lines.length;
        yield chunk;
      }
      if (rows !== table.rows) throw new Error(`${table.name}: ${rows} rows read, ${table.rows} counted`);
      total += rows;
      yield `${JSON.stringify({ end: table.name, rows, sha256: hash.digest('hex') })}\n`;
    }
    yield `${JSON.stringify({ complete: true, tables: header.tables.length, rows: total })}\n`;
  }
  try {
    // Before the file is opened: its open error must find the pipeline listening, not this await.
    const seal = secrets.passphrase ? await encryptingStream(secrets.passphrase) : null;
    const out = createWriteStream(temporary, { mode: 0o600 });
    if (seal) {
      await pipeline(Readable.from(text(), { objectMode: false }), createGzip({ level: 6 }), seal, out);
    } else {
      await pipeline(Readable.from(text(), { objectMode: false }), createGzip({ level: 6 }), out);
    }
    const fd = openSync(temporary, 'r');
    fsyncSync(fd);
    closeSync(fd);
    renameSync(temporary, file);
    return out.bytesWritten;
  } catch (error) {
    rmSync(temporary, { force: true });
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw rejectFile(file, '无法写入：目录不存在');
    if (code === 'EACCES' || code === 'EROFS') throw rejectFile(file, '无法写入：没有写权限');
    throw error;
  }
}
