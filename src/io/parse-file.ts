// File → records: checks the file, streams its first sheet (or the CSV), finds the header, parses every row.

import { basename } from 'node:path';
import type { ImportKind, KindRecords } from '../domain/records';
import { type KindSpec, specOf } from './columns';
import { checkInputFile, LIMITS } from './file-check';
import type { ParseResult } from './parse-result';
import { openTable } from './read-table';
import { type SessionOptions, SheetSession } from './sheet-session';
import { StallError, withStallLimit } from './stall';

export type { ParsedRow, ParseResult } from './parse-result';

export function parseFile<K extends ImportKind>(
  kind: K,
  path: string,
  opts: SessionOptions = {},
): Promise<ParseResult<KindRecords[K]>> {
  return parseSpecFile(specOf(kind), path, opts);
}

/** The same for any column spec (e.g. an honours list, which is not an import kind). */
export async function parseSpecFile<T>(
  spec: KindSpec<T>,
  path: string,
  opts: SessionOptions = {},
): Promise<ParseResult<T>> {
  const file = basename(path);
  const check = await checkInputFile(path);
  if (!check.ok) {
    return {
      records: [],
      problems: [{ file, row: null, column: null, value: null, reason: check.reason }],
      warnings: [],
      columns: [],
    };
  }
  const table = openTable(path, check.format);
  const session = new SheetSession(spec, file, table.meta, { maxRows: LIMITS.maxRows, ...opts });
  try {
    for await (const row of withStallLimit(table.rows, LIMITS.stallMs)) {
      session.push(row);
      if (session.overLimit) {
        table.abort();
        break;
      }
    }
  } catch (err) {
    if (err instanceof StallError) table.abort();
    session.fail(readFailure(check.format, err));
  }
  return { ...session.finish(), format: check.format };
}

function readFailure(format: string, err: unknown): string {
  const detail = err instanceof Error ? err.message : String(err);
  return format === 'xlsx' ? `无法读取 .xlsx（文件可能已损坏）：${detail}` : `无法读取 CSV：${detail}`;
}
