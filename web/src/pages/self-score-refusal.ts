// Why the server refused a self-score, for the form to show until the next try: the error's text
// (errorText: the server's message in Chinese, the code's text with it in English) and, for rejected
// input, each distinct reason of its problems not already in that text. A form of a total and its
// indicators is refused one problem per score, so the message alone said only "（录入）：3 处问题" and
// never why (the quarter's result is published and its self-scores frozen).
import { ApiError } from '../api/client';
import { errorText } from '../api/error-text';
import type { Locale } from '../i18n/locale';
import type { Translate } from '../i18n/translate';

export interface Refusal {
  title: string;
  reasons: string[];
}

export function refusalOf(error: unknown, t: Translate, locale: Locale): Refusal {
  const title = errorText(error, t, locale);
  const problems = error instanceof ApiError ? error.problems : [];
  const reasons = [...new Set(problems.map((p) => p.reason))].filter((reason) => !title.includes(reason));
  return { title, reasons };
}
