// Reading a backup file (format: backup-file.ts) as it streams, checking every line and the
// signature: damage to the file, a forged or missing signature, a wrong key or passphrase become one
// clear rejection naming the file. The rows are not known to be authentic until the whole file is
// read: a restore reads it once through (verifyBackup) before it writes anything.

import { createHash } from 'node:crypto';
import { closeSync, createReadStream, openSync, readSync } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { StringDecoder } from 'node:string_decoder';
import { createGunzip } from 'node:zlib';
import { DecryptionRefused, decryptedChunks, keyIdOf, sameDigest, signer } from './backup-crypto';
import {
  BACKUP_FORMAT,
  type BackupHeader,
  type BackupTable,
  headerSchema,
  READABLE_FORMAT_VERSIONS,
  rejectFile,
} from './backup-file';
import type { BackupSecrets } from './backup-keys';

/** A longer line is not one this program wrote. */
const MAX_LINE = 256 * 1024 * 1024;

export interface ReadOptions {
  secrets?: BackupSecrets;
  /**
   * `--unsigned`: accept a backup without a signature, or a signed one when no signing key is
   * configured (then unverified). A signature that does not match is refused all the same.
   */
  unsigned?: boolean;
}

/** What was established about the backup's origin. */
export type SignatureCheck = 'verified' | 'unsigned' | 'unverified';

interface Lines {
  encrypted: boolean;
  lines: AsyncGenerator<string>;
}

/** The file's lines, decrypted and decompressed as they stream. */
function openLines(file: string, passphrase: Buffer | undefined): Lines {
  // An encrypted backup starts with its JSON envelope, a plain one with gzip's magic number.
  const encrypted = firstByte(file) === 0x7b;
  return { encrypted, lines: fileLines(file, encrypted, passphrase) };
}

function firstByte(file: string): number | null {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const byte = Buffer.alloc(1);
    return readSync(fd, byte, 0, 1, null) === 1 ? byte[0]! : null;
  } catch (error) {
    throw readFailure(file, error, false);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

async function* fileLines(file: string, encrypted: boolean, passphrase: Buffer | undefined) {
  const decoder = new StringDecoder('utf8');
  let pending = '';
  const raw = createReadStream(file);
  const source = encrypted ? Readable.from(decryptedChunks(raw, passphrase)) : raw;
  const gunzip = createGunzip();
  // An error of the file (missing, unreadable) or of the decryption ends the decompressed stream with it.
  const piped = pipeline(source, gunzip).catch(() => {});
  try {
    for await (const chunk of gunzip) {
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
    throw readFailure(file, error, encrypted);
  } finally {
    raw.destroy();
    gunzip.destroy();
    await piped;
  }
  if (pending.length > 0) throw rejectFile(file, '文件不完整（最后一行被截断）');
}

function readFailure(file: string, error: unknown, encrypted: boolean): unknown {
  if (error instanceof DecryptionRefused) return rejectFile(file, error.message);
  const code = (error as NodeJS.ErrnoException).code;
  const message = (error as Error).message ?? '';
  if (code === 'ENOENT') return rejectFile(file, '文件不存在');
  if (code === 'EISDIR') return rejectFile(file, '是目录，不是文件');
  if (code === 'EACCES') return rejectFile(file, '无权读取');
  const zlib = code?.startsWith('Z_') || /incorrect header check|unexpected end of file/.test(message);
  // Decrypted with the right passphrase (its check passed) yet not gzip: the sealed bytes were changed.
  if (encrypted && zlib) return rejectFile(file, '加密内容被截断或改动过（解密后的数据无法解压）');
  if (/incorrect header check/.test(message)) return rejectFile(file, '不是 gzip 压缩文件，不是 sibi 备份');
  if (/unexpected end of file/.test(message)) return rejectFile(file, '文件不完整（被截断）');
  if (zlib) return rejectFile(file, `压缩数据已损坏（${message}）`);
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
    ? (parseLine(file, 1, line) as { format?: unknown; formatVersion?: unknown; signature?: unknown })
    : {};
  if (value.format !== BACKUP_FORMAT) throw rejectFile(file, '不是 sibi 备份文件（第 1 行不是备份头）');
  if (!READABLE_FORMAT_VERSIONS.includes(value.formatVersion as number)) {
    throw rejectFile(
      file,
      `备份格式版本 ${String(value.formatVersion)} 不受支持（本程序读取版本 ${READABLE_FORMAT_VERSIONS.join('、')}）`,
    );
  }
  if (value.formatVersion !== 1 && value.signature === undefined) {
    throw rejectFile(file, '备份头不完整：signature 缺失');
  }
  const parsed = headerSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw rejectFile(file, `备份头不完整：${issue.path.join('.')} ${issue.message}`);
  }
  return parsed.data;
}

/** Which check the signature gets, or a refusal: decided from the header, before any row is read. */
function signatureCheck(
  file: string,
  header: BackupHeader,
  options: ReadOptions,
): { state: SignatureCheck; key?: Buffer } {
  const key = options.secrets?.signingKey;
  const signed = header.signature ?? null;
  if (!signed) {
    if (options.unsigned) return { state: 'unsigned' };
    throw rejectFile(
      file,
      '没有签名（备份时用了 --unsigned，或是旧版本 sibi 的备份），无法确认它没有被改动；确认文件来源可信后，恢复时加 --unsigned',
    );
  }
  if (!key) {
    if (options.unsigned) return { state: 'unverified' };
    throw rejectFile(
      file,
      `已签名（密钥标识 ${signed.keyId}），但未配置签名密钥（SIBI_BACKUP_KEY 或 SIBI_BACKUP_KEY_FILE），无法验证；请配置签名时的密钥后再恢复`,
    );
  }
  const own = keyIdOf(key);
  if (signed.keyId !== own) {
    throw rejectFile(
      file,
      `由另一把签名密钥签名（备份的密钥标识 ${signed.keyId}，当前配置的密钥 ${own}）：请配置签名时的密钥后再恢复`,
    );
  }
  return { state: 'verified', key };
}

/** Reads and checks the header alone (no signature check: that needs the whole file). */
export async function readBackupHeader(file: string, secrets: BackupSecrets = {}): Promise<BackupHeader> {
  const { lines } = openLines(file, secrets.passphrase);
  try {
    const first = await lines.next();
    return parseHeader(file, first.done ? undefined : first.value);
  } finally {
    await lines.return(undefined);
  }
}

export interface RowBatch {
  table: BackupTable;
  lines: string[];
}

export interface BackupReading {
  header: BackupHeader;
  encrypted: boolean;
  signature: SignatureCheck;
  /**
   * The rows of every table in batches, checking as it goes: sections in header order, each row a
   * JSON array of the table's width, each section's row count and SHA-256, the end line and the
   * signature. The generator finishing means the whole file was read and found intact and authentic.
   */
  batches: AsyncGenerator<RowBatch>;
}

/** Opens a backup: its header, checked, and how its origin will be checked; then its rows. */
export async function readBackup(
  file: string,
  options: ReadOptions = {},
  batchRows = 2_000,
): Promise<BackupReading> {
  const { encrypted, lines } = openLines(file, options.secrets?.passphrase);
  try {
    const first = await lines.next();
    const header = parseHeader(file, first.done ? undefined : first.value);
    const check = signatureCheck(file, header, options);
    const hmac = check.key ? signer(check.key) : null;
    hmac?.update(`${first.value}\n`);
    return { header, encrypted, signature: check.state, batches: rows(file, header, lines, hmac, batchRows) };
  } catch (error) {
    await lines.return(undefined);
    throw error;
  }
}

async function* rows(
  file: string,
  header: BackupHeader,
  lines: AsyncGenerator<string>,
  hmac: ReturnType<typeof signer> | null,
  batchRows: number,
): AsyncGenerator<RowBatch> {
  let number = 1;
  const next = async (what: string) => {
    const item = await lines.next();
    number++;
    if (item.done) throw rejectFile(file, `文件不完整（在${what}处结束）`);
    return item.value;
  };
  /** A line the signature covers. */
  const signed = async (what: string) => {
    const line = await next(what);
    hmac?.update(`${line}\n`);
    return line;
  };
  try {
    let total = 0;
    for (const table of header.tables) {
      const startLine = await signed(`表 ${table.name} 的开始`);
      const start = parseLine(file, number, startLine) as { table?: unknown };
      if (start?.table !== table.name) throw rejectFile(file, `第 ${number} 行应为表 ${table.name} 的开始`);
      const hash = createHash('sha256');
      let batch: string[] = [];
      let count = 0;
      let line = await signed(`表 ${table.name} 的数据`);
      while (line.startsWith('[')) {
        if (!isRow(parseLine(file, number, line), table.columns.length)) {
          throw rejectFile(
            file,
            `第 ${number} 行不是表 ${table.name} 的一行（应为 ${table.columns.length} 列）`,
          );
        }
        hash.update(`${line}\n`);
        count++;
        batch.push(line);
        if (batch.length >= batchRows) {
          yield { table, lines: batch };
          batch = [];
        }
        line = await signed(`表 ${table.name} 的数据`);
      }
      if (batch.length) yield { table, lines: batch };
      const end = parseLine(file, number, line) as { end?: unknown; rows?: unknown; sha256?: unknown };
      if (end?.end !== table.name) throw rejectFile(file, `第 ${number} 行应为表 ${table.name} 的数据或结束`);
      if (end.rows !== count || count !== table.rows || end.sha256 !== hash.digest('hex')) {
        throw rejectFile(file, `表 ${table.name} 的数据与其校验值不符（第 ${number} 行），文件已损坏`);
      }
      total += count;
    }
    const completeLine = await signed('结束标记');
    const complete = parseLine(file, number, completeLine) as { complete?: unknown; rows?: unknown };
    if (complete?.complete !== true || complete.rows !== total)
      throw rejectFile(file, `第 ${number} 行应为结束标记`);
    if (header.signature) {
      const signatureLine = await next('签名');
      const { signature } = (parseLine(file, number, signatureLine) ?? {}) as { signature?: unknown };
      if (typeof signature !== 'string') throw rejectFile(file, `第 ${number} 行应为签名`);
      // Without a key (--unsigned) the signature is carried but cannot be checked.
      if (hmac && !sameDigest(signature, hmac.digest())) {
        throw rejectFile(
          file,
          '签名不符：内容在签名之后被改动过，或签名是伪造的（不是用配置的签名密钥算出的）',
        );
      }
    }
    if (!(await lines.next()).done) throw rejectFile(file, `第 ${number} 行之后还有内容`);
  } finally {
    await lines.return(undefined);
  }
}

/**
 * Reads the whole file once without using it: every check of `readBackup`, the signature and (for an
 * encrypted file) the authentication tag included. Nothing is acted on before this has passed.
 */
export async function verifyBackup(
  file: string,
  options: ReadOptions = {},
): Promise<Omit<BackupReading, 'batches'>> {
  const { batches, ...reading } = await readBackup(file, options, 500);
  for await (const _ of batches);
  return reading;
}

function isRow(value: unknown, width: number): boolean {
  return (
    Array.isArray(value) && value.length === width && value.every((v) => v === null || typeof v === 'string')
  );
}
