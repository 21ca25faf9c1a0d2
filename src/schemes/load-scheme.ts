// Resolves a scheme by built-in id or file path, decodes YAML or JSON and validates it.
import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import { parseScheme, type Scheme, SchemeError } from '../domain/evaluation/scheme';

export const BUILTIN_SCHEMES = ['sibisikan-2020', 'sangeyipi-2022'] as const;
export type BuiltinSchemeId = (typeof BUILTIN_SCHEMES)[number];

export interface LoadedScheme {
  scheme: Scheme;
  /** The file text as read: what a published evaluation stores beside its hash. */
  text: string;
  /** The built-in id or the path it was read from. */
  source: string;
  builtin: boolean;
}

export function isBuiltinScheme(id: string): id is BuiltinSchemeId {
  return (BUILTIN_SCHEMES as readonly string[]).includes(id);
}

export function builtinSchemePath(id: BuiltinSchemeId): string {
  return fileURLToPath(new URL(`./${id}.yaml`, import.meta.url));
}

function decode(text: string, format: 'yaml' | 'json', source: string): unknown {
  if (format === 'json') {
    try {
      return JSON.parse(text);
    } catch (e) {
      throw new SchemeError([`JSON 格式错误：${(e as Error).message}`], source);
    }
  }
  try {
    return parseYaml(text, { prettyErrors: true });
  } catch (e) {
    if (e instanceof YAMLParseError) {
      const pos = e.linePos?.[0];
      const where = pos ? `第 ${pos.line} 行第 ${pos.col} 列` : '';
      throw new SchemeError(
        [`YAML 格式错误${where}：${e.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '')}`],
        source,
      );
    }
    throw e;
  }
}

/** The format a file is in: by extension, else by its first character. */
export function formatOf(path: string, text: string): 'yaml' | 'json' {
  const ext = extname(path).toLowerCase();
  if (ext === '.json') return 'json';
  if (ext === '.yaml' || ext === '.yml') return 'yaml';
  return text.trimStart().startsWith('{') ? 'json' : 'yaml';
}

/** Decodes and validates scheme text; `source` names the file in error messages. */
export function parseSchemeText(text: string, format: 'yaml' | 'json', source = '（文本）'): Scheme {
  return parseScheme(decode(text.replace(/^\uFEFF/, ''), format, source), source);
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
