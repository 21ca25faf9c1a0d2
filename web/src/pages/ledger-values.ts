// What the record form (ledger-form.tsx) does with values, without React or the DOM (so it is
// tested in Node): field definitions, API record ⇄ form values (元 ⇄ 万元 text, dates ⇄ dayjs),
// the body of a create or a patch, and the text of a server problem.
import dayjs, { type Dayjs } from 'dayjs';
import type { FieldProblem } from '../api/projects-types';
import { wanToYuan, yuanToWan } from '../components/wan';
import type { Locale } from '../i18n/locale';
import { type MessageKey, zhCN } from '../i18n/zh-CN';

/** t() of the i18n module, named here without importing it (it touches the DOM). */
export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

export type FieldType =
  | 'text'
  | 'textarea'
  | 'suggest'
  | 'select'
  | 'money'
  | 'date'
  | 'integer'
  | 'decimal'
  | 'bool'
  | 'region'
  | 'project'
  | 'projectCode';

export interface FieldDef {
  /** The API's field name (also the form's). */
  name: string;
  label: MessageKey;
  type: FieldType;
  required?: boolean;
  /** Longest text, or the largest number. */
  max?: number;
  min?: number;
  /** Choices of a select, suggestions of a free-text field. */
  options?: (t: Translate) => { value: string; label: string }[];
  /** Sent only when creating; shown read-only (with `display`) when editing. */
  createOnly?: boolean;
  display?: (record: Record<string, unknown>, t: Translate) => string;
  /** A whole row instead of half of one. */
  wide?: boolean;
  hint?: MessageKey;
  /** A date that may not be earlier than this other date field. */
  notBefore?: string;
  /** The value a new record starts with (API shape). */
  initial?: unknown;
}

export type Values = Record<string, unknown>;
export type ApiRecord = Record<string, unknown> & { version?: number };

/** An API record as form values: 元 → 万元 text, dates → dayjs. */
export function toFormValues(record: ApiRecord, fields: FieldDef[]): Values {
  const out: Values = {};
  for (const field of fields) {
    const value = record[field.name];
    if (value === null || value === undefined) continue;
    if (field.type === 'money') out[field.name] = yuanToWan(value as string);
    else if (field.type === 'date') out[field.name] = dayjs(value as string);
    else out[field.name] = value;
  }
  return out;
}

/** Form values as the API's body fields (absent optional values: null). */
export function toApiValues(values: Values, fields: FieldDef[]): Values {
  const out: Values = {};
  for (const field of fields) {
    const value = values[field.name];
    const empty = value === undefined || value === null || (typeof value === 'string' && !value.trim());
    if (field.type === 'bool') out[field.name] = value === true;
    else if (empty) out[field.name] = null;
    else if (field.type === 'money') out[field.name] = wanToYuan(String(value));
    else if (field.type === 'date') out[field.name] = (value as Dayjs).format('YYYY-MM-DD');
    else if (typeof value === 'string') out[field.name] = value.trim();
    else out[field.name] = value;
  }
  return out;
}

/**
 * The body of a create (nulls left out, so the server's defaults apply) or of a patch (only what
 * changed, with the version read).
 */
export function requestBody(values: Values, fields: FieldDef[], record?: ApiRecord): Values {
  if (!record) {
    const all = toApiValues(values, fields);
    return Object.fromEntries(Object.entries(all).filter(([, v]) => v !== null));
  }
  const editable = fields.filter((f) => !f.createOnly);
  const next = toApiValues(values, editable);
  const changed = Object.entries(next).filter(([name, v]) => (record[name] ?? null) !== v);
  return { version: record.version, ...Object.fromEntries(changed) };
}

/** A server problem's text: Chinese from the server as is, zod's English by its code. */
export function problemText(problem: FieldProblem, t: Translate, locale: Locale): string {
  const chinese = /[\u4e00-\u9fff]/.test(problem.message);
  if (chinese && locale === 'zh-CN') return problem.message;
  const key = `form.problem.${problem.code ?? ''}`;
  if (key in zhCN && (locale === 'zh-CN' || chinese)) return t(key as MessageKey);
  return problem.message;
}
