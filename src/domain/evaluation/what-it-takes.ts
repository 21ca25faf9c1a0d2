// "What would it take": for one unit and each metric the scheme reads, the smallest change of
// that metric alone that lifts the unit at least one rank within its group (bisection on the
// engine's own scoring; only the indicators reading the metric are re-scored per trial).
import { manualByUnit, summarise } from './adjustments';
import { makeRankModel, type RankModel, ranksOf, totalsOf } from './fast-model';
import { metricLabel } from './metric-labels';
import { type PlannedIndicator, planIndicators } from './plan';
import { type Prepared, prepare } from './prepare';
import { schemeIndicators } from './scheme';
import { scoreColumn } from './score-column';
import type { EvaluationInput, ResultFlag } from './types';

export interface WhatItTakesEntry {
  metric: string;
  label: string;
  current: number | null;
  /** The value the metric would need (null if no value of this metric alone lifts the unit). */
  required: number | null;
  change: number | null;
  direction: 'increase' | 'decrease' | null;
  /** Rank reached at the required value. */
  newRank: number | null;
  /** e.g. 'above_100_percent' when a share would have to exceed 100%. */
  flags: string[];
}

export interface WhatItTakesResult {
  unit: string;
  name: string;
  group: string;
  rank: number;
  groupSize: number;
  entries: WhatItTakesEntry[];
  flags: ResultFlag[];
}

// Steps grow from 2^-20 of the metric's scale up to 2^20 of it, then bisection narrows the
// bracket to 1e-9 of the scale.
const GROW_FROM = 2 ** -20;
const GROW_TO = 2 ** 20;
const PRECISION = 1e-9;

interface Search {
  prep: Prepared;
  input: EvaluationInput;
  model: RankModel;
  /** The planned indicator at each scheme position (null = left out). */
  plan: (PlannedIndicator | null)[];
  /** Scores in scheme points per scheme indicator (null = left out) at the reported values. */
  base: (Float64Array | null)[];
  weights: number[];
  bonus: Float64Array;
  penalty: Float64Array;
  u: number;
  rank: number;
}

function scoresFor(s: Search, prep: Prepared, p: PlannedIndicator): Float64Array {
  const o = s.input.options ?? {};
  const policy = o.missingPolicy ?? s.input.scheme.missing_policy;
  return scoreColumn(prep, p.indicator, { rule: p.rule, policy, scope: p.scope, cap: o.targetCap }).scores;
}

function setup(input: EvaluationInput, code: string, flags: ResultFlag[]): Search {
  const prep = prepare(input);
  const u = prep.unitIndex.get(code);
  if (u === undefined) throw new Error(`单位 ${code} 不在参评单位中`);
  const planned = new Map(planIndicators(input.scheme, input.options ?? {}).map((p) => [p.indicator.id, p]));
  const plan = schemeIndicators(input.scheme).map(({ indicator }) => planned.get(indicator.id) ?? null);
  const include = input.options?.includeAdjustments ?? true;
  const manual = include ? manualByUnit(input.adjustments ?? [], prep, flags) : new Map();
  const n = prep.units.length;
  const bonus = new Float64Array(n);
  const penalty = new Float64Array(n);
  if (include)
    for (let i = 0; i < n; i++) {
      bonus[i] = summarise('bonus', prep, i, manual.get(i) ?? []).total;
      penalty[i] = summarise('penalty', prep, i, manual.get(i) ?? []).total;
    }
  const model = makeRankModel(prep, input.options?.aggregation ?? 'arithmetic');
  const s: Search = {
    prep,
    input,
    model,
    plan,
    base: [],
    weights: plan.map((p) => p?.weight ?? 0),
    bonus,
    penalty,
    u,
    rank: 0,
  };
  s.base = plan.map((p) => (p ? scoresFor(s, prep, p) : null));
  s.rank = rankWith(s, s.base);
  return s;
}

function rankWith(s: Search, scores: (Float64Array | null)[]): number {
  return ranksOf(s.model, totalsOf(s.model, scores, s.weights, s.bonus, s.penalty))[s.u]!;
}

/** Rank of the unit when its value of `metric` is `value`, re-scoring only the indicators reading it. */
function rankAt(s: Search, metric: string, value: number): number {
  const column = [...s.prep.metric(metric)];
  column[s.u] = value;
  const prep: Prepared = { ...s.prep, metric: (name) => (name === metric ? column : s.prep.metric(name)) };
  const scores = s.base.map((col, k) => {
    const p = s.plan[k];
    return p?.metrics.includes(metric) ? scoresFor(s, prep, p) : col;
  });
  return rankWith(s, scores);
}

function scaleOf(s: Search, metric: string, current: number): number {
  const col = s.prep.metric(metric);
  const group = s.prep.members[s.prep.groupOf[s.u]!]!;
  const peers = group.map((i) => Math.abs(col[i] ?? 0));
  return Math.max(Math.abs(current), ...peers, 1e-6);
}

/** Smallest step in one direction that lifts the unit; doubling to bracket, then bisection. */
function searchDirection(
  s: Search,
  metric: string,
  start: number,
  sign: 1 | -1,
  scale: number,
  limit: number,
) {
  const better = (d: number) => rankAt(s, metric, start + sign * d) < s.rank;
  let lo = 0;
  let hi = Number.NaN;
  for (let d = scale * GROW_FROM; ; d *= 2) {
    const step = Math.min(d, limit);
    if (better(step)) {
      hi = step;
      break;
    }
    lo = step;
    if (step >= limit) return null;
  }
  while (hi - lo > PRECISION * scale) {
    const mid = (lo + hi) / 2;
    if (better(mid)) hi = mid;
    else lo = mid;
  }
  return { change: sign * hi, value: start + sign * hi, rank: rankAt(s, metric, start + sign * hi) };
}

function entryFor(s: Search, metric: string): WhatItTakesEntry {
  const current = s.prep.metric(metric)[s.u] ?? null;
  const start = current ?? 0;
  const scale = scaleOf(s, metric, start);
  const up = searchDirection(s, metric, start, 1, scale, scale * GROW_TO);
  // Metrics are counts, amounts, rates and days: none can go below 0.
  const down = start > 0 ? searchDirection(s, metric, start, -1, scale, start) : null;
  const best = [up, down]
    .filter((x) => x !== null)
    .sort((a, b) => Math.abs(a.change) - Math.abs(b.change))[0];
  const empty = { metric, label: metricLabel(metric), current, flags: [] as string[] };
  if (!best) return { ...empty, required: null, change: null, direction: null, newRank: null };
  const share = /(Rate|Share)$/.test(metric);
  return {
    ...empty,
    required: best.value,
    change: best.change,
    direction: best.change > 0 ? 'increase' : 'decrease',
    newRank: best.rank,
    flags: share && best.value > 1 ? ['above_100_percent'] : [],
  };
}

export function whatItTakes(input: EvaluationInput, unitCode: string): WhatItTakesResult {
  const flags: ResultFlag[] = [];
  const s = setup(input, unitCode, flags);
  const unit = s.prep.units[s.u]!;
  const metrics = [...new Set(s.plan.flatMap((p) => p?.metrics ?? []))].sort();
  const groupSize = s.prep.members[s.prep.groupOf[s.u]!]!.length;
  // First place cannot be lifted further: every entry is null.
  const entries =
    s.rank === 1
      ? metrics.map((m) => ({
          metric: m,
          label: metricLabel(m),
          current: s.prep.metric(m)[s.u] ?? null,
          required: null,
          change: null,
          direction: null,
          newRank: null,
          flags: ['already_first'],
        }))
      : metrics.map((m) => entryFor(s, m));
  return { unit: unit.code, name: unit.name, group: unit.group, rank: s.rank, groupSize, entries, flags };
}
