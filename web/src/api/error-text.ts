// What to tell the user about a failed request, in the UI language. In Chinese the server's own
// message is the most precise (it names the rule that failed); in English the code's text is used,
// with the server's detail appended where the code alone says too little.
import type { Locale } from '../i18n/locale';
import { isMessageKey, type Translate } from '../i18n/translate';
import { ApiError } from './client';

const DETAIL_MATTERS = new Set(['rule_violation', 'input_rejected', 'bad_request', 'validation', 'conflict']);

export function errorText(error: unknown, t: Translate, locale: Locale): string {
  if (!(error instanceof ApiError)) return error instanceof Error ? error.message : String(error);
  const key = `error.${error.code}`;
  const known = isMessageKey(key) ? t(key) : null;
  if (locale === 'zh-CN') return error.message || known || t('error.internal');
  if (!known) return error.message || t('error.internal');
  return DETAIL_MATTERS.has(error.code) && error.message ? `${known} (${error.message})` : known;
}

/** The problem list of rejected input, one line each ("第 3 行 金额：不是数字"). */
export function problemLines(error: unknown, t: Translate): string[] {
  if (!(error instanceof ApiError)) return [];
  return error.problems.map((p) =>
    t('error.problem', { row: p.row ?? '—', column: p.column ?? '—', reason: p.reason }),
  );
}
