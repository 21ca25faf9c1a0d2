// English mode covers every page (issue 16 item 8): each page's string table comes in both languages
// (<name>.zh-CN.ts and <name>.en.ts) with the same keys, and each is spread into the whole tables
// (zh-CN.ts, en.ts): a key present in one language and missing in the other, or a table written in
// one language only, or left out of the whole tables, fails here. messages.test.ts checks the whole
// tables against each other (and placeholders, empty strings).
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { en } from './en';
import { zhCN } from './zh-CN';

const DIR = new URL('.', import.meta.url).pathname;

/** The page tables by name: "audit" → its two files, when they exist. */
function tableNames(): { name: string; zh: boolean; en: boolean }[] {
  const files = readdirSync(DIR);
  const names = new Set(
    files.map((file) => /^([\w-]+)\.(zh-CN|en)\.ts$/.exec(file)?.[1]).filter((n): n is string => !!n),
  );
  return [...names].sort().map((name) => ({
    name,
    zh: files.includes(`${name}.zh-CN.ts`),
    en: files.includes(`${name}.en.ts`),
  }));
}

/** The one exported table of a module (`auditZhCN`, `auditEn`). */
async function table(file: string): Promise<Record<string, string>> {
  const module = (await import(/* @vite-ignore */ new URL(file, import.meta.url).href)) as Record<
    string,
    Record<string, string>
  >;
  const tables = Object.values(module).filter((value) => typeof value === 'object' && value !== null);
  expect(tables, `${file} exports one table`).toHaveLength(1);
  return tables[0]!;
}

describe('UI string tables', () => {
  const names = tableNames();

  it('finds the page tables', () => {
    expect(names.length).toBeGreaterThanOrEqual(10);
  });

  it('has each page table in both languages', () => {
    expect(names.filter((t) => !t.zh || !t.en).map((t) => t.name)).toEqual([]);
  });

  it.each(names.filter((t) => t.zh && t.en).map((t) => t.name))(
    '%s: the same keys in both languages, all of them in the whole tables',
    async (name) => {
      const zh = await table(`${name}.zh-CN.ts`);
      const english = await table(`${name}.en.ts`);
      const zhKeys = Object.keys(zh);
      const enKeys = Object.keys(english);
      expect(
        zhKeys.filter((key) => !(key in english)),
        'missing in English',
      ).toEqual([]);
      expect(
        enKeys.filter((key) => !(key in zh)),
        'missing in Chinese',
      ).toEqual([]);
      expect(
        zhKeys.filter((key) => !(key in zhCN)),
        'not in zh-CN.ts',
      ).toEqual([]);
      expect(
        enKeys.filter((key) => !(key in en)),
        'not in en.ts',
      ).toEqual([]);
    },
  );

  it('has no key in one whole table and not the other', () => {
    expect(Object.keys(zhCN).filter((key) => !(key in en))).toEqual([]);
    expect(Object.keys(en).filter((key) => !(key in zhCN))).toEqual([]);
  });
});
