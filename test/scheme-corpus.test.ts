// The corpus of malformed schemes (test/fixtures/schemes/bad): each file says in its header what is
// wrong and marks every offending line with `# ← code[, code]`. Each must be refused with exactly
// those problems, all at once, each located on its line; the built-in schemes have none.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SchemeError } from '../src/domain/evaluation/scheme';
import {
  BUILTIN_SCHEMES,
  builtinSchemePath,
  checkSchemeText,
  parseSchemeText,
} from '../src/schemes/load-scheme';

const dir = join(import.meta.dirname, 'fixtures/schemes/bad');
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.yaml'))
  .sort();

/** "code@line" for every marker in the file. */
function expected(text: string): string[] {
  return text
    .split('\n')
    .flatMap((line, i) => {
      const m = /# ← (.+)$/.exec(line);
      return m ? m[1]!.split(',').map((code) => `${code.trim()}@${i + 1}`) : [];
    })
    .sort();
}

describe('malformed schemes', () => {
  it('has at least 15 files, several with more than one problem', () => {
    expect(files.length).toBeGreaterThanOrEqual(15);
    const several = files.filter((f) => expected(readFileSync(join(dir, f), 'utf8')).length > 1);
    expect(several.length).toBeGreaterThanOrEqual(5);
  });

  it.each(files)('%s is refused with every problem named on its line', (file) => {
    const text = readFileSync(join(dir, file), 'utf8');
    expect(text.startsWith('# '), 'a header comment says what is wrong').toBe(true);
    const { scheme, problems } = checkSchemeText(text, 'yaml', file);
    expect(scheme).toBeNull();
    expect(problems.map((p) => `${p.code}@${p.line}`).sort()).toEqual(expected(text));
    for (const p of problems) expect(p.message.length).toBeGreaterThan(8);
    // The thrown error lists them all, one line each, with its position.
    let error: unknown;
    try {
      parseSchemeText(text, 'yaml', file);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SchemeError);
    const issues = (error as SchemeError).issues;
    expect(issues).toHaveLength(problems.length);
    for (const issue of issues) expect(issue).toMatch(/^第 \d+ 行第 \d+ 列：/);
    expect((error as SchemeError).message).toContain(`有 ${problems.length} 处错误`);
  });

  it('names the metric the typo was meant to be', () => {
    const text = readFileSync(join(dir, '02-unknown-metric-typo.yaml'), 'utf8');
    const [problem] = checkSchemeText(text, 'yaml').problems;
    expect(problem!.message).toContain('"key.investRat" 不是已知的统计指标，是否应为 "key.investRate"？');
    expect(problem!.path).toEqual(['dimensions', 0, 'indicators', 0, 'metric']);
  });

  it('finds no problem in the built-in schemes', () => {
    for (const id of BUILTIN_SCHEMES) {
      const text = readFileSync(builtinSchemePath(id), 'utf8');
      expect(checkSchemeText(text, 'yaml', id).problems).toEqual([]);
    }
  });
});
