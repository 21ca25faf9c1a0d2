// The published OC4IDS 0.9 schemas (schemas/oc4ids/0.9, draft-04) compiled with ajv: what the
// OC4IDS export tests validate against. Schema-only keywords (codelist, openCodelist, versionId,
// wholeListMerge) are allowed and ignored; formats (uri, date-time) are checked.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { ROOT } from './run-sibi';

export const OC4IDS_SCHEMA_DIR = join(ROOT, 'schemas', 'oc4ids', '0.9');

const readJson = (name: string) => JSON.parse(readFileSync(join(OC4IDS_SCHEMA_DIR, name), 'utf8'));

export interface Oc4idsCheck {
  valid: boolean;
  /** ajv's errors as `instancePath keyword message`, for a readable failure. */
  errors: string[];
}

let compiled: ((data: unknown) => Oc4idsCheck) | undefined;

/** Validates a project package against project-package-schema.json (projects against project-schema.json). */
export function validateOc4idsPackage(data: unknown): Oc4idsCheck {
  if (!compiled) {
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    ajv.addSchema(readJson('project-schema.json'));
    const validate = ajv.compile(readJson('project-package-schema.json'));
    compiled = (value) => {
      const valid = validate(value) as boolean;
      const errors = (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.keyword} ${e.message}`);
      return { valid, errors };
    };
  }
  return compiled(data);
}

/** The codes of a shipped codelist (first CSV column). */
export function codelist(name: string): string[] {
  const lines = readFileSync(join(OC4IDS_SCHEMA_DIR, 'codelists', name), 'utf8').split(/\r?\n/);
  return lines
    .slice(1)
    .filter((line) => line.trim() !== '')
    .map((line) => line.split(',')[0]!);
}
