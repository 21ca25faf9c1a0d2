import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json';
import { evaluate } from './engine';
import { winsorise } from './outliers';
import { parseScheme } from './scheme';
import type { SchemeInput } from './scheme-schema';
import { ANY_METRIC, unitsOf } from './testing/builders';
import type { EvaluationInput, MetricValues } from './types';

const codes = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'];
const x = [10, 12, 11, 13, 12, 11, 10, 12, 11, 400];

function scheme(
  extra: Partial<SchemeInput> = {},
  own: Record<string, unknown> = {},
  rule: unknown = { type: 'min_max' },
) {
  return parseScheme(
    {
      id: 't',
      version: '1',
      name: '测试',
      total: 100,
      groups: ['city'],
      dimensions: [
        {
          id: 'd',
          name: '维度',
          points: 100,
          indicators: [
            { id: 'x', name: 'X', metric: 'x', direction: 'higher_better', points: 60, rule, ...own },
            {
              id: 'r',
              name: 'R',
              metric: 'x',
              direction: 'higher_better',
              points: 40,
              rule: { type: 'ratio_to_target', target: 11 },
            },
          ],
        },
      ],
      ...extra,
    },
    undefined,
    { metrics: ANY_METRIC },
  );
}

function input(s = scheme()): EvaluationInput {
  const values: MetricValues = {};
  codes.forEach((c, u) => {
    values[c] = { x: x[u]! };
  });
  return { scheme: s, units: unitsOf(codes), values };
}

const indicator = (res: ReturnType<typeof evaluate>, code: string, id: string) =>
  res.units.find((u) => u.code === code)!.indicators.find((i) => i.id === id)!;

describe('outlier treatment declared in the scheme', () => {
  it('is left out of a scheme that does not declare it, so old schemes hash alike', () => {
    const s = scheme();
    expect('outliers' in s).toBe(false);
    expect('outliers' in s.dimensions[0]!.indicators[0]!).toBe(false);
    expect(canonicalJson(evaluate(input(s)))).not.toContain('reported');
  });

  it('winsorises before a relative rule scores, and the explanation says so', () => {
    const res = evaluate(input(scheme({ outliers: { treatment: 'winsorise' } })));
    const clipped = winsorise(x).values[9]!;
    expect(clipped).toBe(13);
    const j = indicator(res, 'j', 'x');
    expect(j).toMatchObject({ value: clipped, reported: 400 });
    expect(j.flags).toContain('outlier_winsorised');
    expect(j.explanation).toContain('400');
    expect(j.explanation).toContain('缩尾为 13');
    // min_max over 10..13 instead of 10..400: d (13) now scores full like j.
    expect(indicator(res, 'd', 'x').score).toBeCloseTo(60, 10);
    expect(indicator(evaluate(input()), 'd', 'x').score).toBeLessThan(1);
    expect(indicator(res, 'a', 'x')).not.toHaveProperty('reported');
    // The ratio_to_target indicator reads the same metric and is never treated.
    expect(indicator(res, 'j', 'r')).toMatchObject({ value: 400 });
    expect(indicator(res, 'j', 'r')).not.toHaveProperty('reported');
  });

  it('lets an indicator override the scheme, and log-transforms keeping the order', () => {
    const res = evaluate(
      input(scheme({ outliers: { treatment: 'winsorise' } }, { outliers: { treatment: 'log' } })),
    );
    const js = indicator(res, 'j', 'x');
    expect(js.flags).toContain('outlier_log');
    expect(js.reported).toBe(400);
    expect(js.explanation).toContain('对数变换');
    const order = (r: typeof res) => codes.map((c) => indicator(r, c, 'x').score);
    const plain = order(evaluate(input()));
    const logged = order(res);
    for (let a = 0; a < codes.length; a++)
      for (let b = 0; b < codes.length; b++)
        expect(Math.sign(logged[a]! - logged[b]!)).toBe(Math.sign(plain[a]! - plain[b]!));
  });

  it('refuses a malformed declaration or one that does not fit the rule, in Chinese, naming the indicator', () => {
    expect(() => scheme({ outliers: { treatment: 'clip' } as never })).toThrow(/outliers/);
    expect(() => scheme({ outliers: { treatment: 'winsorise', winmax: 0 } })).toThrow(/winmax/);
    expect(() =>
      scheme({}, { outliers: { treatment: 'winsorise' } }, { type: 'ratio_to_target', target: 11 }),
    ).toThrow(/指标 "维度 \/ X" 的 outliers 只适用于相对比较的规则/);
    expect(() => scheme({}, { outliers: { treatment: 'log' } }, { type: 'relative_to_best' })).toThrow(
      /outliers.treatment 为 log/,
    );
    expect(() =>
      scheme({}, { outliers: { treatment: 'winsorise' } }, { type: 'relative_to_best' }),
    ).not.toThrow();
  });
});
