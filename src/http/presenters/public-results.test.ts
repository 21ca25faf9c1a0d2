// A public link shows the consequence of a unit's rank band (流动红旗, 约谈) as published, and nothing
// for units (or schemes) without one.
import { describe, expect, it } from 'vitest';
import type { StoredEvaluation } from '../../db/evaluations';
import { evaluate } from '../../domain/evaluation/engine';
import { parseScheme } from '../../domain/evaluation/scheme';
import { ZPublicEvaluation } from '../routes/public-results.types';
import { presentPublicEvaluation } from './public-results';

const scheme = parseScheme({
  id: 'p',
  version: '1',
  name: '公开',
  groups: ['city'],
  total: 10,
  dimensions: [
    {
      id: 'D',
      name: '进度',
      points: 10,
      indicators: [
        {
          id: 'r',
          name: '投资完成率',
          metric: 'key.investRate',
          direction: 'higher_better',
          points: 10,
          rule: { type: 'relative_to_best' },
        },
      ],
    },
  ],
  consequences: [
    { from: 1, to: 1, label: '流动红旗' },
    { last: 1, label: '约谈' },
  ],
});
const result = evaluate({
  scheme,
  units: [
    { code: '410100', name: '郑州市', group: 'city' },
    { code: '410200', name: '开封市', group: 'city' },
    { code: '410300', name: '洛阳市', group: 'city' },
  ],
  values: {
    '410100': { 'key.investRate': 0.9 },
    '410200': { 'key.investRate': 0.5 },
    '410300': { 'key.investRate': 0.7 },
  },
});

const stored = {
  period: '2020Q3',
  parentCode: '410000',
  schemeVersion: '1',
  contentHash: 'abc',
  publishedAt: new Date('2020-10-12T00:00:00Z'),
  result: JSON.parse(JSON.stringify(result)),
} as StoredEvaluation;

describe('public results', () => {
  it('carry each unit’s consequence as published, and only where there is one', () => {
    const shown = presentPublicEvaluation(stored, [], { slug: 's', shortUrl: '/s' });
    const units = shown.groups[0]!.units;
    expect(units.map((u) => [u.name, 'consequence' in u ? u.consequence : null])).toEqual([
      ['郑州市', '流动红旗'],
      ['洛阳市', null],
      ['开封市', '约谈'],
    ]);
    // The response schema keeps the field.
    const parsed = ZPublicEvaluation.parse(shown);
    expect(parsed.groups[0]!.units[2]!.consequence).toBe('约谈');
  });
});
