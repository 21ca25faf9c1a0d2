// Sensitivity analysis against nominal scoring (issue: evaluation / hardening, goal ≤ 1.2×): 1000
// replications of runSensitivity against 1000 full `evaluate` calls of the same 28-unit synthetic
// province, with every kind of variation on. Pure computation: no database.
// Usage: npx tsx bench/sensitivity.ts [--runs 5]
import { evaluate } from '../src/domain/evaluation/engine';
import { runSensitivity } from '../src/domain/evaluation/sensitivity';
import { syntheticUnits, syntheticValues } from '../src/domain/evaluation/testing/synthetic-province';
import type { EvaluationInput } from '../src/domain/evaluation/types';
import { loadSchemeSync } from '../src/schemes/load-scheme';
import { arg, fmt, pairedMedians } from './lib';

const runs = Number(arg('runs', '5'));
const province: EvaluationInput = {
  scheme: loadSchemeSync('sibisikan-2020'),
  units: syntheticUnits(),
  values: syntheticValues(),
  context: { timeProgress: 0.75 },
  events: [{ unit: '410300', item: 'national_recognition', count: 2 }],
  adjustments: [{ unit: '410100', kind: 'penalty', points: 1, reason: '数据不实', author: '省重点办' }],
};
const vary = {
  weights: 0.25,
  rules: { invest_rate: [{ type: 'relative_to_best' as const }] },
  cap: [1.2],
  dropOne: true,
  missingPolicy: true,
  adjustments: true,
};

// warm up V8 on both paths
for (let i = 0; i < 3; i++) {
  for (let j = 0; j < 100; j++) evaluate(province);
  runSensitivity(province, { replications: 100, vary });
}
const m = await pairedMedians(
  runs,
  async () => runSensitivity(province, { replications: 1000, vary }),
  async () => {
    for (let i = 0; i < 1000; i++) evaluate(province);
  },
);
console.log(`${province.units.length} units, medians of ${runs} pairs (order swapped every other pair):\n`);
console.log('| measured | time | against | time | ratio (median of the pairs) |');
console.log('|---|---|---|---|---|');
console.log(
  `| runSensitivity, 1000 replications (goal ≤ 1.2×) | ${fmt(m.a)} | 1000 × evaluate | ${fmt(m.b)} | ${m.ratio.toFixed(2)}× |`,
);
