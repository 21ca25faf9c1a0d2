// Spreadsheet formats we do not read, recognised by their bytes so the refusal can say what the file
// is and how to save it as .xlsx: old Excel and WPS files (an OLE2 compound file holding a BIFF
// "Workbook" stream), a password-protected .xlsx (OLE2 holding "EncryptedPackage"), OpenDocument
// (.ods: a zip whose first entry, "mimetype", names the type), and web pages or XML saved as ".xls".

import { readFile } from 'node:fs/promises';

export const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const ZIP_MAGIC = Buffer.from('PK\x03\x04', 'latin1');
const ODS_MIMETYPE = 'application/vnd.oasis.opendocument.spreadsheet';

export type OleContent = 'workbook' | 'encrypted' | 'unknown';

export const startsWith = (head: Buffer, magic: Buffer): boolean =>
  head.subarray(0, magic.length).equals(magic);

/**
 * What an OLE2 compound file holds, from the names in its directory: a BIFF workbook ("Workbook",
 * or "Book" in Excel 5/95), an encrypted OOXML package, or something else (a Word file, damage).
 * Directory entries are 128 bytes at 128-byte steps from the first 512-byte sector; each starts with
 * its UTF-16LE name, whose byte length (with the terminating NUL) is at offset 64 and type at 66.
 */
export async function oleContent(path: string): Promise<OleContent> {
  const bytes = await readFile(path);
  const names = new Set<string>();
  for (let at = 512; at + 128 <= bytes.length; at += 128) {
    const nameBytes = bytes.readUInt16LE(at + 64);
    const type = bytes[at + 66];
    // 1 storage, 2 stream; names are at most 31 characters and NUL-terminated.
    if ((type !== 1 && type !== 2) || nameBytes < 4 || nameBytes > 64 || nameBytes % 2 !== 0) continue;
    if (bytes.readUInt16LE(at + nameBytes - 2) !== 0) continue;
    names.add(bytes.toString('utf16le', at, at + nameBytes - 2));
  }
  if (names.has('EncryptedPackage')) return 'encrypted';
  if (names.has('Workbook') || names.has('Book')) return 'workbook';
  return 'unknown';
}

/** An OpenDocument file: its first zip entry is the stored "mimetype" with the document's media type. */
export function openDocumentType(head: Buffer): string | null {
  if (!startsWith(head, ZIP_MAGIC) || head.length < 30) return null;
  const nameLength = head.readUInt16LE(26);
  const extraLength = head.readUInt16LE(28);
  if (head.toString('latin1', 30, 30 + nameLength) !== 'mimetype') return null;
  const start = 30 + nameLength + extraLength;
  const size = head.readUInt32LE(18);
  const type = head.toString('latin1', start, start + Math.min(size, 100));
  return type.startsWith('application/vnd.oasis.opendocument.') ? type : null;
}

export const isOpenDocumentSpreadsheet = (type: string | null): boolean =>
  type === ODS_MIMETYPE || type === `${ODS_MIMETYPE}-template`;

/** A web page or XML (SpreadsheetML 2003) that a system exported under an .xls name. */
export function isMarkup(head: Buffer): boolean {
  const text = head
    .toString('utf8', 0, 512)
    .replace(/^\uFEFF/, '')
    .trimStart()
    .toLowerCase();
  return /^<(\?xml|!doctype html|html|table|meta)/.test(text);
}
