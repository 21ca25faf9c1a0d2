// Checks a file before reading it: extension, size, and that its bytes are what the extension claims.

import { open, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import {
  isMarkup,
  isOpenDocumentSpreadsheet,
  OLE_MAGIC,
  oleContent,
  openDocumentType,
  startsWith,
} from './office-formats';
import { readZipDirectory, ZipFormatError } from './zip-directory';
import { verifyZip } from './zip-verify';

export type FileFormat = 'xlsx' | 'csv';

export const LIMITS = {
  maxFileBytes: 50 * 1024 * 1024,
  maxZipEntries: 1000,
  maxUncompressedBytes: 500 * 1024 * 1024,
  /** Rows read from one sheet (header included): the records of a file are held until it is stored. */
  maxRows: 150_000,
  /** Longest wait for the next row before a file is given up as unreadable. */
  stallMs: 60_000,
};

export type FileCheck = { ok: true; format: FileFormat } | { ok: false; reason: string };

const ZIP_MAGIC = Buffer.from('PK\x03\x04', 'latin1');
const XLS_REASON = '这是旧版 Excel（.xls）或加密的工作簿：请在 Excel 中另存为 .xlsx（不加密码）后再导入';
const SAVE_AS = '请另存为 .xlsx 后导入';
const REASONS = {
  xls: `这是旧版 Excel 工作簿（.xls 格式），不能直接导入：${SAVE_AS}`,
  et: `这是 WPS 表格文件（.et 格式），不能直接导入：${SAVE_AS}`,
  ods: '这是 OpenDocument 表格（.ods 格式），不能直接导入：请在 LibreOffice/WPS 中另存为 .xlsx 后导入',
  encrypted: '工作簿已加密（设有打开密码）：请去掉密码后另存为 .xlsx 再导入',
  markup:
    '这是网页或 XML 格式的表格（系统导出的“.xls”常是这样），不能直接导入：请用 Excel 或 WPS 打开，另存为 .xlsx 后导入',
};
/** Spreadsheet extensions we do not read but can name the fix for. */
const SAVE_AS_EXTENSIONS = new Set(['.xls', '.xlt', '.et', '.ett', '.ods', '.ots']);

const rejected = (reason: string): FileCheck => ({ ok: false, reason });

export async function checkInputFile(path: string, limits = LIMITS): Promise<FileCheck> {
  const format = formatOf(path);
  const ext = extname(path).toLowerCase();
  const unsupported = `不支持的文件类型 ${extname(path) || '（无扩展名）'}：只接受 .xlsx 或 .csv`;
  if (format === null && !SAVE_AS_EXTENSIONS.has(ext)) return rejected(unsupported);
  const sizeProblem = await checkSize(path, limits.maxFileBytes);
  if (sizeProblem) return rejected(sizeProblem);
  const head = await readHead(path, 4096);
  // Other spreadsheet formats are told by their bytes, whatever the file is called.
  const other = await otherSpreadsheet(path, head, ext);
  if (other) return rejected(other);
  if (format === null) {
    if (startsWith(head, ZIP_MAGIC))
      return rejected(`文件内容是 .xlsx，扩展名却是 ${ext}：请把扩展名改为 .xlsx 后导入`);
    return rejected(ext === '.xls' && isMarkup(head) ? REASONS.markup : unsupported);
  }
  const contentProblem = format === 'xlsx' ? await checkXlsx(path, head, limits) : checkCsv(head);
  return contentProblem ? rejected(contentProblem) : { ok: true, format };
}

/** Old Excel and WPS workbooks, encrypted workbooks and OpenDocument spreadsheets: what to save them as. */
async function otherSpreadsheet(path: string, head: Buffer, ext: string): Promise<string | null> {
  if (isOpenDocumentSpreadsheet(openDocumentType(head))) return REASONS.ods;
  if (!startsWith(head, OLE_MAGIC)) return null;
  const content = await oleContent(path);
  if (content === 'encrypted') return REASONS.encrypted;
  if (ext === '.et' || ext === '.ett') return REASONS.et;
  if (content === 'workbook' || ext === '.xls' || ext === '.xlt') return REASONS.xls;
  // An OLE2 file we cannot place (damaged, or another Office document): the general advice.
  return null;
}

export function formatOf(path: string): FileFormat | null {
  const ext = extname(path).toLowerCase();
  return ext === '.xlsx' ? 'xlsx' : ext === '.csv' ? 'csv' : null;
}

async function checkSize(path: string, maxBytes: number): Promise<string | null> {
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    info = await stat(path);
  } catch {
    return '找不到文件或无法读取';
  }
  if (!info.isFile()) return '不是普通文件';
  if (info.size === 0) return '文件为空';
  if (info.size > maxBytes) return `文件过大（${megabytes(info.size)} MB），上限为 ${megabytes(maxBytes)} MB`;
  return null;
}

const megabytes = (bytes: number): string => String(Math.round((bytes / 1024 / 1024) * 10) / 10);

async function readHead(path: string, length: number): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(length);
    const { bytesRead } = await handle.read(buffer, 0, length, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

async function checkXlsx(path: string, head: Buffer, limits: typeof LIMITS): Promise<string | null> {
  if (startsWith(head, OLE_MAGIC)) return XLS_REASON;
  if (!startsWith(head, ZIP_MAGIC))
    return '文件内容不是 .xlsx（不是 ZIP 格式，可能是改了扩展名的 CSV 或其他文件）';
  try {
    const zip = await readZipDirectory(path, limits.maxZipEntries);
    if (zip.entries > limits.maxZipEntries) {
      return `.xlsx 内部文件过多（${zip.entries} 个，上限 ${limits.maxZipEntries} 个），拒绝读取`;
    }
    if ((zip.uncompressedBytes ?? 0) > limits.maxUncompressedBytes) {
      return `.xlsx 解压后过大（${megabytes(zip.uncompressedBytes ?? 0)} MB，上限 ${megabytes(limits.maxUncompressedBytes)} MB），拒绝读取`;
    }
    const unsafe = zip.files.find((f) => unsafeEntryName(f.name));
    if (unsafe) return `.xlsx 含可疑的内部路径「${unsafe.name.slice(0, 80)}」，拒绝读取`;
    await verifyZip(path, zip.files, limits.maxUncompressedBytes);
    return null;
  } catch (err) {
    if (err instanceof ZipFormatError) return err.message;
    throw err;
  }
}

/** Zip-slip: an entry that would land outside the folder it was unpacked into, were it unpacked. */
export function unsafeEntryName(name: string): boolean {
  const path = name.replace(/\\/g, '/');
  return (
    path.startsWith('/') || /^[a-zA-Z]:/.test(path) || path.split('/').includes('..') || name.includes('\0')
  );
}

function checkCsv(head: Buffer): string | null {
  if (startsWith(head, ZIP_MAGIC))
    return '文件内容是 Excel（ZIP）格式而不是 CSV：请把扩展名改为 .xlsx，或在 Excel 中另存为 CSV';
  if (startsWith(head, OLE_MAGIC))
    return '文件内容是旧版 Excel（.xls）而不是 CSV：请在 Excel 中另存为 CSV 或 .xlsx';
  if (head[0] === 0xff && head[1] === 0xfe) return 'CSV 是 UTF-16 编码：请另存为 UTF-8 或 GB18030 编码的 CSV';
  if (head[0] === 0xfe && head[1] === 0xff) return 'CSV 是 UTF-16 编码：请另存为 UTF-8 或 GB18030 编码的 CSV';
  if (head.includes(0)) return '文件含二进制内容，不是文本 CSV';
  return null;
}
