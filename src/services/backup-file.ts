// The backup file, the same for PGlite and PostgreSQL: gzip'd JSON lines.
//
//   line 1                 the header: format, versions, migrations, every table with its columns,
//                          row count, checksum and sequence positions
//   {"table":"regions"}    then each table in header order: a start line,
//   ["410000","河南省",…]  one JSON array of column texts per row,
//   {"end":"regions","rows":N,"sha256":"…"}  and an end line with the SHA-256 of its row lines;
//   {"complete":true,…}    last: proof that the file was not cut short.
//
// Files are written to a temporary name and renamed when complete, so a failed backup never
// leaves a file that looks like one. Reading: backup-read.ts.
import { createHash } from 'node:crypto';
import { closeSync, createWriteStream, fsyncSync, openSync, renameSync, rmSync } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { z } from 'zod';
import { InputRejectedError } from './errors';

export const BACKUP_FORMAT = 'sibi-backup';
export const BACKUP_FORMAT_VERSION = 1;

export const headerSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.literal(BACKUP_FORMAT_VERSION),
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

/** Writes header, tables and end line through gzip to `file`; returns the size in bytes. */
export async function writeBackupFile(
  file: string,
  header: BackupHeader,
  rowsOf: (table: BackupTable) => AsyncIterable<string[]>,
): Promise<number> {
  const temporary = `${file}.partial-${process.pid}`;
  async function* text() {
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
    const out = createWriteStream(temporary, { mode: 0o600 });
    await pipeline(Readable.from(text()), createGzip({ level: 6 }), out);
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
