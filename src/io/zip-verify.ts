// Inflates every entry of a ZIP once, counting the bytes really produced and checking each CRC, before
// exceljs reads it: a corrupt deflate stream can stall exceljs's unzipper, and declared sizes can lie.

import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { crc32, createInflateRaw } from 'node:zlib';
import { type ZipEntry, ZipFormatError } from './zip-directory';

const LOCAL_SIGNATURE = 0x04034b50;
const LOCAL_HEADER_SIZE = 30;
const ENCRYPTED = 0x0001;
const DATA_DESCRIPTOR = 0x0008;

class TooLarge extends Error {}

/**
 * What one part may hold, beyond the total. The streaming reader keeps every shared string in
 * memory, and builds each text node and each attribute whole: without these caps one 400 MB string
 * (under the 500 MB total) took 2.4 GB.
 */
export const PART_LIMITS = {
  /** The shared-string table, uncompressed (a real 150,000-row import needs a few tens of MB). */
  maxSharedStringsBytes: 100 * 1024 * 1024,
  /**
   * Longest run of bytes without a '<' in any XML part: a text node, or a tag with its attributes.
   * An Excel cell holds at most 32,767 characters (≤ 330 kB even as numeric character references).
   */
  maxXmlTextBytes: 1024 * 1024,
};

const isXmlPart = (name: string) => /\.(xml|rels)$/i.test(name);
const isSharedStrings = (name: string) => /(^|\/)sharedStrings\.xml$/i.test(name);

/** Throws ZipFormatError (with a Chinese reason) if an entry is unreadable or everything inflates past `maxBytes`. */
export async function verifyZip(
  path: string,
  files: ZipEntry[],
  maxBytes: number,
  parts: typeof PART_LIMITS = PART_LIMITS,
): Promise<void> {
  let total = 0;
  for (const file of files) {
    if (file.flags & ENCRYPTED) throw new ZipFormatError('工作簿已加密：请去掉密码后另存为 .xlsx 再导入');
    if (file.method !== 0 && file.method !== 8)
      throw new ZipFormatError(`.xlsx 使用了不支持的压缩方式（${file.name}）`);
    if (isSharedStrings(file.name) && file.uncompressedSize > parts.maxSharedStringsBytes)
      throw sharedStringsTooLarge(parts.maxSharedStringsBytes);
    const start = await dataStart(path, file);
    const sharedCap =
      isSharedStrings(file.name) && parts.maxSharedStringsBytes < maxBytes - total
        ? parts.maxSharedStringsBytes
        : null;
    const budget = sharedCap ?? maxBytes - total;
    const maxRun = isXmlPart(file.name) ? parts.maxXmlTextBytes : 0;
    total += await inflateEntry(path, file, start, budget, maxBytes, maxRun, sharedCap);
  }
}

const sharedStringsTooLarge = (limit: number) =>
  new ZipFormatError(`.xlsx 的共享字符串表解压后超过 ${megabytes(limit)} MB 上限，拒绝读取`);

async function dataStart(path: string, file: ZipEntry): Promise<number> {
  const handle = await open(path, 'r');
  try {
    const header = Buffer.alloc(LOCAL_HEADER_SIZE);
    const { bytesRead } = await handle.read(header, 0, LOCAL_HEADER_SIZE, file.localOffset);
    if (bytesRead !== LOCAL_HEADER_SIZE || header.readUInt32LE(0) !== LOCAL_SIGNATURE) throw damaged(file);
    // The streaming unzipper trusts the local header's sizes unless a data descriptor follows the data.
    const localSize = header.readUInt32LE(18);
    const deferred = (header.readUInt16LE(6) & DATA_DESCRIPTOR) !== 0 && localSize === 0;
    if (!deferred && localSize !== 0xffffffff && localSize !== file.compressedSize) throw damaged(file);
    return file.localOffset + LOCAL_HEADER_SIZE + header.readUInt16LE(26) + header.readUInt16LE(28);
  } finally {
    await handle.close();
  }
}

/** Bytes produced by the entry; checks its CRC and size against the directory. */
async function inflateEntry(
  path: string,
  file: ZipEntry,
  start: number,
  budget: number,
  limit: number,
  /** Longest run without '<' (0: not XML, not checked). */
  maxRun: number,
  /** The shared-string cap, when it (not the total) is what `budget` stands for. */
  sharedCap: number | null,
): Promise<number> {
  let size = 0;
  let crc = 0;
  let run = 0;
  let tooLong = false;
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      size += chunk.length;
      crc = crc32(chunk, crc);
      if (maxRun > 0 && !tooLong) {
        // Bytes since the last '<'; the run carries over from one chunk to the next. Only counted:
        // the entry is inflated to its end, so a size or CRC lie is still reported as damage first.
        let from = 0;
        for (let at = chunk.indexOf(0x3c); at !== -1 && !tooLong; at = chunk.indexOf(0x3c, at + 1)) {
          tooLong = run + (at - from) > maxRun;
          run = 0;
          from = at + 1;
        }
        run += chunk.length - from;
        tooLong ||= run > maxRun;
      }
      done(size > budget ? new TooLarge() : null);
    },
  });
  try {
    if (file.compressedSize > 0) {
      const source = createReadStream(path, { start, end: start + file.compressedSize - 1 });
      await (file.method === 8 ? pipeline(source, createInflateRaw(), sink) : pipeline(source, sink));
    }
  } catch (err) {
    if (err instanceof TooLarge && sharedCap !== null) throw sharedStringsTooLarge(sharedCap);
    if (err instanceof TooLarge)
      throw new ZipFormatError(`.xlsx 解压后过大（超过 ${megabytes(limit)} MB 上限），拒绝读取`);
    throw damaged(file);
  }
  if (size !== file.uncompressedSize || crc !== file.crc) throw damaged(file);
  if (tooLong)
    throw new ZipFormatError(
      `.xlsx 内部文件 ${file.name} 含一段超过 ${megabytes(maxRun)} MB 的文本（一个单元格最多 32,767 个字符），拒绝读取`,
    );
  return size;
}

const megabytes = (bytes: number): number => Math.round(bytes / 1024 / 1024);

const damaged = (file: ZipEntry) => new ZipFormatError(`.xlsx 已损坏：内部文件 ${file.name} 无法完整解压`);
