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
// leaves a file that looks like one. Reading checks every line as it streams.
import { createHash } from 'node:crypto';
import {
  closeSync,
  createReadStream,
  createWriteStream,
  fsyncSync,
  openSync,
  renameSync,
  rmSync,
} from 'node:fs';
import { pipeline, Readable } from 'node:stream';
import { pipeline as pipelineAsync } from 'node:stream/promises';
import { StringDecoder } from 'node:string_decoder';
import { createGunzip, createGzip } from 'node:zlib';
import { z } from 'zod';
import { InputRejectedError } from './errors';

export const BACKUP_FORMAT = 'sibi-backup';
export const BACKUP_FORMAT_VERSION = 1;
/** A longer line is not one this program wrote. */
const MAX_LINE = 256 * 1024 * 1024;

const headerSchema = z.object({
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
    await pipelineAsync(Readable.from(text()), createGzip({ level: 6 }), out);
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

/** The file's lines, decompressed as they stream; damage to the file becomes a clear rejection. */
async function* fileLines(file: string): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  let pending = '';
  try {
    // pipeline: an error of the file (missing, unreadable) ends the decompressed stream with it.
    for await (const chunk of pipeline(createReadStream(file), createGunzip(), () => {})) {
      pending += decoder.write(chunk as Buffer);
      let end = pending.indexOf('\n');
      while (end >= 0) {
        yield pending.slice(0, end);
        pending = pending.slice(end + 1);
        end = pending.indexOf('\n');
      }
      if (pending.length > MAX_LINE) throw rejectFile(file, '行过长，不是本程序写的备份');
    }
  } catch (error) {
    throw readFailure(file, error);
  }
  if (pending.length > 0) throw rejectFile(file, '文件不完整（最后一行被截断）');
}

function readFailure(file: string, error: unknown): unknown {
  const code = (error as NodeJS.ErrnoException).code;
  const message = (error as Error).message ?? '';
  if (code === 'ENOENT') return rejectFile(file, '文件不存在');
  if (code === 'EISDIR') return rejectFile(file, '是目录，不是文件');
  if (code === 'EACCES') return rejectFile(file, '无权读取');
  if (/incorrect header check/.test(message)) return rejectFile(file, '不是 gzip 压缩文件，不是 sibi 备份');
  if (/unexpected end of file/.test(message)) return rejectFile(file, '文件不完整（被截断）');
  if (code?.startsWith('Z_')) return rejectFile(file, `压缩数据已损坏（${message}）`);
  return error;
}

function parseLine(file: string, number: number, line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    throw rejectFile(file, `第 ${number} 行不是有效的 JSON，文件已损坏`);
  }
}

function parseHeader(file: string, line: string | undefined): BackupHeader {
  if (line === undefined) throw rejectFile(file, '文件是空的');
  const value = line.startsWith('{')
    ? (parseLine(file, 1, line) as { format?: unknown; formatVersion?: unknown })
    : {};
  if (value.format !== BACKUP_FORMAT) throw rejectFile(file, '不是 sibi 备份文件（第 1 行不是备份头）');
  if (value.formatVersion !== BACKUP_FORMAT_VERSION) {
    throw rejectFile(
      file,
      `备份格式版本 ${String(value.formatVersion)} 不受支持（本程序读取版本 ${BACKUP_FORMAT_VERSION}）`,
    );
  }
  const parsed = headerSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw rejectFile(file, `备份头不完整：${issue.path.join('.')} ${issue.message}`);
  }
  return parsed.data;
}

/** Reads and checks the header alone. */
export async function readBackupHeader(file: string): Promise<BackupHeader> {
  const lines = fileLines(file);
  const first = await lines.next();
  await lines.return(undefined);
  return parseHeader(file, first.done ? undefined : first.value);
}

export interface RowBatch {
  table: BackupTable;
  lines: string[];
}

/**
 * The rows of every table in batches, checking as it goes: sections in header order, each row a
 * JSON array of the table's width, each section's row count and SHA-256, and the end line.
 * The generator finishing means the whole file was read and found intact.
 */
export async function* readBackupRows(file: string, batchRows = 2_000): AsyncGenerator<RowBatch> {
  const lines = fileLines(file);
  let number = 0;
  const next = async (what: string) => {
    const item = await lines.next();
    number++;
    if (item.done) throw rejectFile(file, `文件不完整（在${what}处结束）`);
    return item.value;
  };
  const header = parseHeader(file, await next('备份头'));
  let total = 0;
  for (const table of header.tables) {
    const startLine = await next(`表 ${table.name} 的开始`);
    const start = parseLine(file, number, startLine) as { table?: unknown };
    if (start?.table !== table.name) throw rejectFile(file, `第 ${number} 行应为表 ${table.name} 的开始`);
    const hash = createHash('sha256');
    let batch: string[] = [];
    let rows = 0;
    let line = await next(`表 ${table.name} 的数据`);
    while (line.startsWith('[')) {
      if (!isRow(parseLine(file, number, line), table.columns.length)) {
        throw rejectFile(
          file,
          `第 ${number} 行不是表 ${table.name} 的一行（应为 ${table.columns.length} 列）`,
        );
      }
      hash.update(`${line}\n`);
      rows++;
      batch.push(line);
      if (batch.length >= batchRows) {
        yield { table, lines: batch };
        batch = [];
      }
      line = await next(`表 ${table.name} 的数据`);
    }
    if (batch.length) yield { table, lines: batch };
    const end = parseLine(file, number, line) as { end?: unknown; rows?: unknown; sha256?: unknown };
    if (end?.end !== table.name) throw rejectFile(file, `第 ${number} 行应为表 ${table.name} 的数据或结束`);
    if (end.rows !== rows || rows !== table.rows || end.sha256 !== hash.digest('hex')) {
      throw rejectFile(file, `表 ${table.name} 的数据与其校验值不符（第 ${number} 行），文件已损坏`);
    }
    total += rows;
  }
  const completeLine = await next('结束标记');
  const complete = parseLine(file, number, completeLine) as { complete?: unknown; rows?: unknown };
  if (complete?.complete !== true || complete.rows !== total)
    throw rejectFile(file, `第 ${number} 行应为结束标记`);
  if (!(await lines.next()).done) throw rejectFile(file, `结束标记（第 ${number} 行）之后还有内容`);
}

function isRow(value: unknown, width: number): boolean {
  return (
    Array.isArray(value) && value.length === width && value.every((v) => v === null || typeof v === 'string')
  );
}
