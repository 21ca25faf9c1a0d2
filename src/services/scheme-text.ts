// Schemes as the web app sees them: the built-ins with their text, and an edited copy validated
// before it is used for a draft (never for a publication).
import { readFile } from 'node:fs/promises';
import type { Scheme } from '../domain/evaluation/scheme';
import {
  BUILTIN_SCHEMES,
  builtinSchemePath,
  formatOf,
  isBuiltinScheme,
  parseSchemeText,
} from '../schemes/load-scheme';
import { NotFoundError } from './errors';

const EDITED_SOURCE = '方案副本';

/** Validates the text of an edited scheme (YAML, or JSON when it starts with "{"); throws SchemeError. */
export function parseEditedScheme(text: string): Scheme {
  return parseSchemeText(text, formatOf('', text), EDITED_SOURCE);
}

export interface BuiltinScheme {
  id: string;
  scheme: Scheme;
  text: string;
}

export async function readBuiltinScheme(id: string): Promise<BuiltinScheme> {
  if (!isBuiltinScheme(id)) throw new NotFoundError(`没有内置考评方案 ${id}`);
  const text = await readFile(builtinSchemePath(id), 'utf8');
  return { id, scheme: parseSchemeText(text, 'yaml', id), text };
}

export function listBuiltinSchemes(): Promise<BuiltinScheme[]> {
  return Promise.all(BUILTIN_SCHEMES.map(readBuiltinScheme));
}
