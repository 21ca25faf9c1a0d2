// Resolves a scheme by built-in id or file path, decodes YAML or JSON and validates it.
import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  type Node,
  parseDocument,
  type YAMLParseError,
} from 'yaml';
import {
  type ParseSchemeOptions,
  type Scheme,
  SchemeError,
  type SchemePath,
  type SchemeProblem,
  schemeProblems,
} from '../domain/evaluation/scheme';
import { BUILTIN_SCHEMES, type BuiltinSchemeId, isBuiltinScheme } from './builtin';

export { BUILTIN_SCHEMES, type BuiltinSchemeId, isBuiltinScheme };

export interface LoadedScheme {
  scheme: Scheme;
  /** The file text as read: what a published evaluation stores beside its hash. */
  text: string;
  /** The built-in id or the path it was read from. */
  source: string;
  builtin: boolean;
}

export function builtinSchemePath(id: BuiltinSchemeId): string {
  return fileURLToPath(new URL(`./${id}.yaml`, import.meta.url));
}

interface Decoded {
  data: unknown;
  /** Where each path of the document is in the text (null when the text could not be mapped). */
  locate: (path: SchemePath) => { line: number; column: number } | null;
}

function yamlProblem(e: YAMLParseError): SchemeProblem {
  const pos = e.linePos?.[0];
  return {
    code: 'syntax',
    path: [],
    message: `YAML 格式错误：${e.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '')}`,
    ...(pos ? { line: pos.line, column: pos.col } : {}),
  };
}

/** The node a path leads to, or the deepest one on the way (a missing field points at its parent). */
function nodeAt(root: unknown, path: SchemePath): Node | null {
  let node = root as Node | null;
  for (const key of path) {
    if (isMap(node)) {
      const pair = node.items.find(
        (it) => isPair(it) && isScalar(it.key) && String(it.key.value) === String(key),
      );
      if (!pair) return node;
      const value = pair.value as Node | null;
      // A field whose value is empty points at its key.
      if (!value || (isScalar(value) && value.value === null && !value.range)) return pair.key as Node;
      node = value;
    } else if (isSeq(node) && typeof key === 'number') {
      const item = node.items[key] as Node | undefined;
      if (!item) return node;
      node = item;
    } else return node;
  }
  return node;
}

function located(text: string) {
  const lines = new LineCounter();
  // JSON is read with JSON.parse (its own rules) but located with the YAML parser, which reads JSON too.
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: true });
  const locate = (path: SchemePath) => {
    const node = nodeAt(doc.contents, path);
    const offset = node?.range?.[0];
    if (offset === undefined) return null;
    const pos = lines.linePos(offset);
    return { line: pos.line, column: pos.col };
  };
  return { doc, locate };
}

/** Adds the line and column of each problem's path in the text (problems found after parsing). */
export function locateProblems(text: string, problems: SchemeProblem[]): SchemeProblem[] {
  const { locate } = located(text.replace(/^\uFEFF/, ''));
  return problems.map((p) => (p.line === undefined ? { ...p, ...(locate(p.path) ?? {}) } : p));
}

function decode(text: string, format: 'yaml' | 'json', source: string): Decoded {
  const { doc, locate } = located(text);
  if (format === 'json') {
    try {
      return { data: JSON.parse(text), locate };
    } catch (e) {
      throw new SchemeError(
        [{ code: 'syntax', path: [], message: `JSON 格式错误：${(e as Error).message}` }],
        source,
      );
    }
  }
  const [first] = doc.errors;
  if (first) throw new SchemeError([yamlProblem(first)], source);
  return { data: doc.toJS(), locate };
}

/** The format a file is in: by extension, else by its first character. */
export function formatOf(path: string, text: string): 'yaml' | 'json' {
  const ext = extname(path).toLowerCase();
  if (ext === '.json') return 'json';
  if (ext === '.yaml' || ext === '.yml') return 'yaml';
  return text.trimStart().startsWith('{') ? 'json' : 'yaml';
}

export interface SchemeTextCheck {
  scheme: Scheme | null;
  /** Every problem, each with its line and column in the text when known, in the order of the file. */
  problems: SchemeProblem[];
}

/** Decodes and validates scheme text without throwing: the scheme, or every problem with its line. */
export function checkSchemeText(
  text: string,
  format: 'yaml' | 'json',
  source = '（文本）',
  options: ParseSchemeOptions = {},
): SchemeTextCheck {
  let decoded: Decoded;
  try {
    decoded = decode(text.replace(/^\uFEFF/, ''), format, source);
  } catch (e) {
    if (e instanceof SchemeError) return { scheme: null, problems: e.problems };
    throw e;
  }
  const { scheme, problems } = schemeProblems(decoded.data, options);
  const located = problems.map((p) => ({ ...p, ...(decoded.locate(p.path) ?? {}) }));
  located.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
  return { scheme, problems: located };
}

/** Decodes and validates scheme text; `source` names the file in error messages (with lines). */
export function parseSchemeText(
  text: string,
  format: 'yaml' | 'json',
  source = '（文本）',
  options: ParseSchemeOptions = {},
): Scheme {
  const { scheme, problems } = checkSchemeText(text, format, source, options);
  if (!scheme) throw new SchemeError(problems, source);
  return scheme;
}

function locate(idOrPath: string): { path: string; builtin: boolean } {
  if (isBuiltinScheme(idOrPath)) return { path: builtinSchemePath(idOrPath), builtin: true };
  if (existsSync(idOrPath)) return { path: idOrPath, builtin: false };
  throw new SchemeError([
    `找不到考评方案 "${idOrPath}"：既不是内置方案（${BUILTIN_SCHEMES.join('、')}），也不是存在的 .yaml/.json 文件`,
  ]);
}

function finish(text: string, path: string, builtin: boolean, idOrPath: string): LoadedScheme {
  const source = builtin ? idOrPath : basename(path);
  return {
    scheme: parseSchemeText(text, formatOf(path, text), source),
    text,
    source: builtin ? idOrPath : path,
    builtin,
  };
}

/** Loads a built-in scheme by id or a scheme file by path, validated. */
export async function loadSchemeFile(idOrPath: string): Promise<LoadedScheme> {
  const { path, builtin } = locate(idOrPath);
  return finish(await readFile(path, 'utf8'), path, builtin, idOrPath);
}

export async function loadScheme(idOrPath: string): Promise<Scheme> {
  return (await loadSchemeFile(idOrPath)).scheme;
}

export function loadSchemeSync(idOrPath: string): Scheme {
  const { path, builtin } = locate(idOrPath);
  return finish(readFileSync(path, 'utf8'), path, builtin, idOrPath).scheme;
}
