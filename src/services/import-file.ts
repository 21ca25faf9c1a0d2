// The one import use case behind the upload route and `sibi import`: parse the file, check every
// row's format and then its references, scope and states in the same pass (every problem listed
// at once, in file order), then write the batch in one transaction — or nothing.
import type { Database } from '../db/client';
import type { ImportKind, InputProblem } from '../domain/records';
import { parseFile } from '../io/parse-file';
import type { ParseResult } from '../io/parse-result';
import type { SessionOptions } from '../io/sheet-session';
import type { Actor } from '../policies/actor';
import { InputRejectedError } from './errors';
import {
  auditRejectedImport,
  checkImportRows,
  type ImportCheck,
  type ImportRequest,
  type ImportScope,
  type ImportSummary,
  importRecords,
} from './import-records';

export interface ImportFileRequest<K extends ImportKind> extends Omit<ImportRequest<K>, 'rows' | 'fields'> {
  /** Where the file is on disk (its name there may differ from `file`, the name users see). */
  path: string;
  onProgress?: SessionOptions['onProgress'];
}

export interface ImportFileResult extends ImportSummary {
  columns: ParseResult<unknown>['columns'];
  warnings: string[];
}

/** What a signed-in importer may write: their scope; they vouch for the regions below their own. */
export function importScopeOf(actor: Actor): ImportScope {
  return {
    writes: (code) => actor.scope.has(code),
    vouchesFor: (code) => actor.scope.has(code) && actor.regionCode !== code,
  };
}

/** Problems in file order: the file's own first, then by row and by the order found. */
export function sortProblems(problems: readonly InputProblem[]): InputProblem[] {
  return problems
    .map((problem, index) => ({ problem, index }))
    .sort((a, b) => (a.problem.row ?? -1) - (b.problem.row ?? -1) || a.index - b.index)
    .map(({ problem }) => problem);
}

/** Parses and checks a file without writing: every problem, for the error workbook or a preview. */
export async function checkImportFile<K extends ImportKind>(
  database: Database,
  request: ImportFileRequest<K>,
): Promise<{ parsed: ParseResult<unknown>; problems: InputProblem[]; checked: ImportCheck | null }> {
  const parsed = (await parseFile(request.kind, request.path, {
    year: request.year,
    onProgress: request.onProgress,
  })) as ParseResult<unknown>;
  const formatProblems = parsed.problems.map((p) => ({ ...p, file: request.file }));
  // A file that could not be read at all (no header, not a workbook) has no rows to look up.
  const unreadable = formatProblems.some((p) => p.row === null) && parsed.records.length === 0;
  const checked = unreadable
    ? null
    : await checkImportRows(database, {
        ...request,
        rows: parsed.records as ImportRequest<K>['rows'],
        fields: parsed.columns.map((c) => c.field),
      });
  return { parsed, problems: sortProblems([...formatProblems, ...(checked?.problems ?? [])]), checked };
}

export async function importFile<K extends ImportKind>(
  database: Database,
  request: ImportFileRequest<K>,
): Promise<ImportFileResult> {
  const { parsed, problems, checked } = await checkImportFile(database, request);
  const rows = parsed.records as ImportRequest<K>['rows'];
  if (problems.length > 0) {
    await auditRejectedImport(database, { ...request, rows }, problems);
    throw new InputRejectedError(`${request.file}：${problems.length} 处问题，未写入任何数据`, problems);
  }
  const summary = await importRecords(
    database,
    { ...request, rows, fields: parsed.columns.map((c) => c.field) },
    checked ?? undefined,
  );
  return { ...summary, columns: parsed.columns, warnings: parsed.warnings };
}
