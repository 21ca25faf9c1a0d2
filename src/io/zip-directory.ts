// Reads a ZIP's central directory (entry count, declared uncompressed size) without inflating anything,
// so oversized or bomb-like .xlsx files are refused before the streaming reader touches them.
// Not yauzl (issue 15 asked for it if it keeps every limit): yauzl reads as many central headers as
// the end record declares, so entries an understated record hides — which exceljs's streaming reader
// still inflates — would go unchecked; here the whole directory is walked (zip-directory.test.ts).

import { open } from 'node:fs/promises';

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  uncompressedSize: number;
  localOffset: number;
}

export interface ZipSummary {
  entries: number;
  /** Sum of the uncompressed sizes the directory declares; null when not summed (too many entries). */
  uncompressedBytes: number | null;
  /** The directory's entries; empty when there are too many to read. */
  files: ZipEntry[];
}

export class ZipFormatError extends Error {}

const EOCD_SIGNATURE = 0x06054b50;
const EOCD_SIZE = 22;
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
const ZIP64_EOCD_SIGNATURE = 0x06064b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const CENTRAL_HEADER_SIZE = 46;
const MAX_COMMENT = 0xffff;
const BROKEN = '文件不是有效的 .xlsx：找不到完整的 ZIP 目录（文件可能已损坏或不完整）';

interface Directory {
  entries: number;
  size: number;
  offset: number;
}

/** Summarises the directory; entries above `maxEntries` are counted but their sizes not read. */
export async function readZipDirectory(
  path: string,
  maxEntries = Number.POSITIVE_INFINITY,
): Promise<ZipSummary> {
  const handle = await open(path, 'r');
  try {
    const { size: fileSize } = await handle.stat();
    const read = async (position: number, length: number): Promise<Buffer> => {
      if (position < 0 || length < 0 || position + length > fileSize) throw new ZipFormatError(BROKEN);
      const buffer = Buffer.alloc(length);
      const { bytesRead } = await handle.read(buffer, 0, length, position);
      if (bytesRead !== length) throw new ZipFormatError(BROKEN);
      return buffer;
    };
    const dir = await locateDirectory(read, fileSize);
    if (dir.entries > maxEntries) return { entries: dir.entries, uncompressedBytes: null, files: [] };
    const files = readEntries(await read(dir.offset, dir.size));
    const uncompressedBytes = files.reduce((sum, f) => sum + f.uncompressedSize, 0);
    // Count what is really there, in case the end record understates it.
    return { entries: Math.max(files.length, dir.entries), uncompressedBytes, files };
  } finally {
    await handle.close();
  }
}

type Reader = (position: number, length: number) => Promise<Buffer>;

async function locateDirectory(read: Reader, fileSize: number): Promise<Directory> {
  if (fileSize < EOCD_SIZE) throw new ZipFormatError(BROKEN);
  const tailLength = Math.min(fileSize, EOCD_SIZE + MAX_COMMENT);
  const tailStart = fileSize - tailLength;
  const tail = await read(tailStart, tailLength);
  const at = findEocd(tail);
  if (at < 0) throw new ZipFormatError(BROKEN);
  const dir = {
    entries: tail.readUInt16LE(at + 10),
    size: tail.readUInt32LE(at + 12),
    offset: tail.readUInt32LE(at + 16),
  };
  const needsZip64 = dir.entries === 0xffff || dir.size === 0xffffffff || dir.offset === 0xffffffff;
  return needsZip64 ? readZip64Directory(read, tailStart + at) : dir;
}

function findEocd(tail: Buffer): number {
  for (let i = tail.length - EOCD_SIZE; i >= 0; i--) {
    if (tail.readUInt32LE(i) === EOCD_SIGNATURE) return i;
  }
  return -1;
}

async function readZip64Directory(read: Reader, eocdPosition: number): Promise<Directory> {
  const locator = await read(eocdPosition - 20, 20);
  if (locator.readUInt32LE(0) !== ZIP64_LOCATOR_SIGNATURE) throw new ZipFormatError(BROKEN);
  const record = await read(Number(locator.readBigUInt64LE(8)), 56);
  if (record.readUInt32LE(0) !== ZIP64_EOCD_SIGNATURE) throw new ZipFormatError(BROKEN);
  return {
    entries: Number(record.readBigUInt64LE(32)),
    size: Number(record.readBigUInt64LE(40)),
    offset: Number(record.readBigUInt64LE(48)),
  };
}

/** Walks the central headers. */
function readEntries(directory: Buffer): ZipEntry[] {
  const files: ZipEntry[] = [];
  let position = 0;
  while (position + CENTRAL_HEADER_SIZE <= directory.length) {
    if (directory.readUInt32LE(position) !== CENTRAL_SIGNATURE) throw new ZipFormatError(BROKEN);
    const nameLength = directory.readUInt16LE(position + 28);
    const extraLength = directory.readUInt16LE(position + 30);
    const commentLength = directory.readUInt16LE(position + 32);
    const nameStart = position + CENTRAL_HEADER_SIZE;
    const extra = directory.subarray(nameStart + nameLength, nameStart + nameLength + extraLength);
    const sizes = zip64Sizes(
      [
        directory.readUInt32LE(position + 24),
        directory.readUInt32LE(position + 20),
        directory.readUInt32LE(position + 42),
      ],
      extra,
    );
    files.push({
      name: directory.toString('utf8', nameStart, nameStart + nameLength),
      method: directory.readUInt16LE(position + 10),
      flags: directory.readUInt16LE(position + 8),
      crc: directory.readUInt32LE(position + 16),
      uncompressedSize: sizes[0]!,
      compressedSize: sizes[1]!,
      localOffset: sizes[2]!,
    });
    position = nameStart + nameLength + extraLength + commentLength;
  }
  return files;
}

/** Uncompressed size, compressed size, local offset: saturated 32-bit values are in the ZIP64 extra field, in order. */
function zip64Sizes(values: number[], extra: Buffer): number[] {
  let position = 0;
  while (position + 4 <= extra.length) {
    const id = extra.readUInt16LE(position);
    const length = extra.readUInt16LE(position + 2);
    if (id === 0x0001) return replaceSaturated(values, extra.subarray(position + 4, position + 4 + length));
    position += 4 + length;
  }
  return values;
}

function replaceSaturated(values: number[], field: Buffer): number[] {
  let at = 0;
  return values.map((value) => {
    if (value !== 0xffffffff || at + 8 > field.length) return value;
    const wide = Number(field.readBigUInt64LE(at));
    at += 8;
    return wide;
  });
}
