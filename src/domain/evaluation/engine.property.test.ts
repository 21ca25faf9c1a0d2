import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json';
import { evaluate } from './engine';
import { rankKey } from './rank';
import type { RuleInput } from './scheme-schema';
import { schemeWith } from './testing/builders';
import type { EvaluationUnit, MetricValues } from './types';

// Rules whose score is bounded by the indicator points P (cap 1 for ratio_to_target).
const boundedRules: RuleInput[] = [
  { type: 'ratio_to_target', target: 0.8 },
  { type: 'ratio_to_target', target: { metric: 't' } },
  { type: 'ratio_to_target', target: { context: 'timeProgress' } },
  { type: 'ratio_to_target', target: { comparator: 'mean' } },
  { type: 'step', target: { comparator: 'mean' }, base: 5, step: 0.05, points_per_step: 1 },
  { type: 'step', target: 0.5, base: 8, step: 0.1, points_per_step: 2, rounding: 'whole' },
  { type: 'relative_to_best' },
  { type: 'min_max' },
  { type: 'goalposts', lower: 0.2, upper: 0.9 },
  {
    type: 'rank_bands',
    bands: [
      { from: 1, to: 2, points: 10 },
      { from: 3, to: 5, points: 6 },
    ],
  },
  { type: 'rank_bands', decrement: 1.5 },
  {
    type: 'tiers',
    tiers: [
      { threshold: 0.9, points: 10 },
      { threshold: 0.5, points: 4 },
    ],
  },
];

const value = fc.option(fc.double({ min: -0.5, max: 3, noNaN: true }), { nil: null, freq: 5 });
const codes = ['410100', '410200', '410300', '410400', '410500', '410181', '410225', '410482'];

const dataset = fc.record({
  units: fc.subarray(codes, { minLength: 1 }),
  values: fc.array(fc.tuple(value, value, value), { minLength: codes.length, maxLength: codes.length }),
  countyCut: fc.integer({ min: 0, max: codes.length }),
});

function build(d: {
  units: string[];
  values: [number | null, number | null, number | null][];
  countyCut: number;
}) {
  const units: EvaluationUnit[] = d.units.map((code) => ({
    code,
    name: code,
    group: codes.indexOf(code) >= d.countyCut ? 'direct_county' : 'city',
  }));
  const values: MetricValues = {};
  d.units.forEach((code) => {
    const [m, n, t] = d.values[codes.indexOf(code)]!;
    values[code] = { m, n, t };
  });
  return { units, values };
}

function schemeOf(
  rules: RuleInput[],
  directions: boolean[],
  scope: 'group' | 'all',
  policy: 'zero' | 'group_mean',
) {
  return schemeWith(
    rules.map((rule, k) => ({
      id: `i${k}`,
      name: `指标${k}`,
      metric: k % 2 ? 'n' : 'm',
      direction: directions[k] ? 'higher_better' : 'lower_better',
      points: 10,
      rule,
    })),
    { normalise_over: scope, missing_policy: policy },
  );
}

const schemeArb = fc.record({
  rules: fc.array(fc.constantFrom(...boundedRules), { minLength: 1, maxLength: 4 }),
  directions: fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }),
  scope: fc.constantFrom('group' as const, 'all' as const),
  policy: fc.constantFrom('zero' as const, 'group_mean' as const),
});

describe('engine properties', () => {
  it('keeps every bounded rule within [0, points]', () => {
    fc.assert(
      fc.property(schemeArb, dataset, (s, d) => {
        const res = evaluate({
          scheme: schemeOf(s.rules, s.directions, s.scope, s.policy),
          ...build(d),
          context: { timeProgress: 0.75 },
        });
        for (const u of res.units)
          for (const i of u.indicators) {
            expect(i.score).toBeGreaterThanOrEqual(0);
            expect(i.score).toBeLessThanOrEqual(i.points + 1e-12);
          }
      }),
    );
  });

  it('keeps ratio_to_target within [0, cap · points]', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.1, max: 3, noNaN: true }), dataset, (cap, d) => {
        const scheme = schemeWith([
          {
            id: 'r',
            name: 'R',
            metric: 'm',
            direction: 'higher_better',
            points: 10,
            rule: { type: 'ratio_to_target', target: { metric: 't' }, cap },
          },
        ]);
        for (const u of evaluate({ scheme, ...build(d) }).units) {
          expect(u.base).toBeGreaterThanOrEqual(0);
          expect(u.base).toBeLessThanOrEqual(10 * cap + 1e-9);
        }
      }),
    );
  });

  it('ranks each group as a competition ranking (1 + number strictly ahead)', () => {
    fc.assert(
      fc.property(schemeArb, dataset, (s, d) => {
        const res = evaluate({
          scheme: schemeOf(s.rules, s.directions, s.scope, s.policy),
          ...build(d),
          context: { timeProgress: 0.75 },
        });
        for (const g of res.groups) {
          const members = res.units.filter((u) => u.group === g.id);
          for (const u of members) {
            const ahead = members.filter((v) => rankKey(v.adjusted) > rankKey(u.adjusted)).length;
            expect(u.rank).toBe(ahead + 1);
          }
          expect(g.ranking).toEqual(members.map((u) => u.code));
          expect(members.map((u) => u.rank)).toEqual([...members.map((u) => u.rank)].sort((a, b) => a - b));
        }
      }),
    );
  });

  it('never depends on the order units arrive in', () => {
    fc.assert(
      fc.property(schemeArb, dataset, fc.integer(), (s, d, seed) => {
        const scheme = schemeOf(s.rules, s.directions, s.scope, s.policy);
        const { units, values } = build(d);
        const shuffled = [...units].sort(
          (a, b) => ((a.code.charCodeAt(4) * seed) % 7) - ((b.code.charCodeAt(4) * seed) % 7),
        );
        const a = evaluate({ scheme, units, values, context: { timeProgress: 0.5 } });
        const b = evaluate({ scheme, units: shuffled.reverse(), values, context: { timeProgress: 0.5 } });
        expect(canonicalJson(b)).toBe(canonicalJson(a));
      }),
    );
  });

  it('never changes another unit’s ratio_to_target score when a unit is added', () => {
    const targets: RuleInput[] = [
      { type: 'ratio_to_target', target: 0.8 },
      { type: 'ratio_to_target', target: { metric: 't' }, cap: 1.5 },
      { type: 'ratio_to_target', target: { context: 'timeProgress' } },
    ];
    fc.assert(
      fc.property(fc.constantFrom(...targets), dataset, value, value, (rule, d, m, t) => {
        const scheme = schemeWith([
          { id: 'r', name: 'R', metric: 'm', direction: 'higher_better', points: 10, rule },
        ]);
        const { units, values } = build(d);
        const before = evaluate({ scheme, units, values, context: { timeProgress: 0.75 } });
        const added = evaluate({
          scheme,
          units: [...units, { code: '999999', name: '新增', group: 'city' }],
          values: { ...values, '999999': { m, t } },
          context: { timeProgress: 0.75 },
        });
        for (const u of before.units) expect(added.units.find((v) => v.code === u.code)!.base).toBe(u.base);
      }),
    );
  });
});
