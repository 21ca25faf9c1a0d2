// The UI languages (a module of its own so plain functions can name the type without React).
export type Locale = 'zh-CN' | 'en';
export const LOCALES: readonly Locale[] = ['zh-CN', 'en'];
