// docs/schemes.md §8.4 (self_score): the worked example's comparison table is what the engine computes
// from the doc's own scheme, data and self-scores, row for row and cell for cell.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { evaluate } from '../src/domain/evaluation/engine';
import type { SelfScore, SelfScoreLine } from '../src/domain/evaluation/self-scores';
import type { EvaluationUnit, MetricValues } from '../src/domain/evaluation/types';
import { parseSchemeText } from '../src/schemes/load-scheme';

const DOC = join(import.meta.dirname, '../docs/schemes.md');

function part(text: string, name: 'scheme' | 'data' | 'result'): string {
  const marker = `<!-- self-score-example:${name} -->\n`;
  const at = text.indexOf(marker);
  expect(at, marker).toBeGreaterThan(-1);
  return text.slice(at + marker.length);
}

const two = (x: number | null) => (x === null ? '—' : x.toFixed(2));
const signed = (x: number | null) => (x === null ? '—' : x > 0 ? `+${x.toFixed(2)}` : x.toFixed(2));

describe('docs/schemes.md §8.4 self_score', () => {
  it('lists the comparison the engine computes from the example', () => {
    const text = readFileSync(DOC, 'utf8');
    const yaml = (name: 'scheme' | 'data') => /^```yaml\n([\s\S]*?)\n```/.exec(part(text, name))![1]!;
    const scheme = parseSchemeText(yaml('scheme'), 'yaml', 'self-score');
    const data = parseYaml(yaml('data')) as {
      units: EvaluationUnit[];
      values: MetricValues;
      self_scores: Omit<SelfScore, 'reportedBy'>[];
    };
    const result = evaluate({
      scheme,
      units: data.units,
      values: data.values,
      selfScores: data.self_scores.map((s) => ({ ...s, reportedBy: 'doc' })),
    });
    const lines = part(text, 'result').split('\n');
    const table = lines.slice(
      0,
      lines.findIndex((l) => !l.startsWith('|')),
    );
    const rows = table.slice(2).map((l) =>
      l
        .split('|')
        .slice(1, -1)
        .map((c) => c.trim()),
    );
    const line = (l: SelfScoreLine) => [two(l.self), two(l.verified), signed(l.difference)];
    const expected = result.selfScores!.units.flatMap((u) => [
      [u.name, u.code, '总分', ...line(u.total)],
      ...u.indicators.map((l) => [u.name, u.code, l.name, ...line(l)]),
    ]);
    expect(rows).toEqual(expected);
    expect(result.selfScores!.missing).toEqual(['410800']);
    expect(text).toContain('未报：焦作市（410800）');
  });
});
