// Reading a backup file (format: backup-file.ts) as it streams, checking every line: damage to the
// file becomes one clear rejection naming the file, before anything is committed.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { createGunzip } from 'node:zlib';
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  type BackupHeader,
  type BackupTable,
  headerSchema,
  rejectFile,
} from './backup-file';

/** A longer line is not one this program wrote. */
const MAX_LINE = 256 * 1024 * 1024;

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
