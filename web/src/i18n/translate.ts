// t(key, params) without React or the browser (a module of its own so plain functions and their
// unit tests can translate without the provider, localStorage or document).
import { en } from './en';
import type { Locale } from './locale';
import { type MessageKey, zhCN } from './zh-CN';

const MESSAGES: Record<Locale, Record<MessageKey, string>> = { 'zh-CN': zhCN, en };
export type Params = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: Params) => string;

export function translate(locale: Locale, key: MessageKey, params?: Params): string {
  const text = MESSAGES[locale][key] ?? zhCN[key] ?? key;
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    params[name] === undefined ? whole : String(params[name]),
  );
}

/** Whether a string is a message key (for labels that come from data, such as metric names). */
export function isMessageKey(key: string): key is MessageKey {
  return key in zhCN;
}
