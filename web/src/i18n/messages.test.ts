// The English strings must match the Chinese ones key for key (tsc checks that) and placeholder
// for placeholder (this test), and no string may be empty or a key left as its own text.
import { describe, expect, it } from 'vitest';
import { en } from './en';
import { zhCN } from './zh-CN';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('UI strings', () => {
  it('has every key in both languages', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zhCN).sort());
  });

  it('uses the same placeholders in both languages', () => {
    const differ = Object.entries(zhCN)
      .filter(
        ([key, text]) => placeholders(text).join() !== placeholders(en[key as keyof typeof zhCN]).join(),
      )
      .map(([key]) => key);
    expect(differ).toEqual([]);
  });

  it('has no empty string and no untranslated key', () => {
    for (const [key, text] of [...Object.entries(zhCN), ...Object.entries(en)]) {
      expect(text.trim(), key).not.toBe('');
      expect(text, key).not.toBe(key);
    }
  });

  it('has no Chinese in English strings, except the language names', () => {
    const chinese = Object.entries(en)
      .filter(([key, text]) => key !== 'lang.zh-CN' && /[\u4e00-\u9fff]/.test(text))
      .map(([key]) => key);
    expect(chinese).toEqual([]);
  });
});
