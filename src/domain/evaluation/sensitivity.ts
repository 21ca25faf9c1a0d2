// Uncertainty and sensitivity analysis of the ranking (after COINr's get_sensitivity): re-run
// the evaluation under varied weights, rules, normalisation, aggregation, target cap, dropped
// indicators, missing-data policy and adjustments; report rank intervals per unit and Sobol
// indices per varied input, with bootstrap confidence intervals.
import { manualByUnit, summarise } from './adjustments';
import { effectiveWeights } from './aggregate';
import { makeRankModel, type RankModel, ranksOf, totalsOf } from './fast-model';
import { scopeOf } from './plan';
import { type Prepared, prepare } from './prepare';
import { mulberry32 } from './prng';
import { bootstrapIntervals, type FactorSpan, mixRow, saltelliDesign, sobolIndices } from './saltelli';
import { parseRuleFor, schemeIndicators } from './scheme';
import type { Rule, RuleInput } from './scheme-schema';
import { scoreColumn } from './score-column';
import type { Aggregation, EvaluationInput, MissingPolicy, ResultFlag } from './types';

export interface SensitivityVary {
  /** Spread s: each weight becomes w·(1 + U(−s, s)), renormalised to the scheme total. */
  weights?: number;
  /** Vary each indicator's weight (default) or each dimension's as a block. */
  weightLevel?: 'indicator' | 'dimension';
  /** Alternative rules by indicator id; each run picks the scheme's rule or one of these. */
  rules?: Record<string, RuleInput[]>;
  /** Alternative caps for every ratio_to_target rule; each run picks the nominal cap or one of these. */
  cap?: number[];
  /** Each run drops no indicator or one indicator. */
  dropOne?: boolean;
  /** Each run uses `zero` or `group_mean`. */
  missingPolicy?: boolean;
  /** Each run includes bonus / penalty or not. */
  adjustments?: boolean;
  /**
   * Alternative normalisations: each run scores indicators by their own rules, or every indicator
   * that has values (not count_points) by one of these rules instead.
   */
  normalisation?: NormalisationAlternative[];
  /** Each run aggregates arithmetically (Σ points) or geometrically (docs/methodology.md). */
  aggregation?: boolean;
}

export const NORMALISATION_ALTERNATIVES = ['min_max', 'relative_to_best'] as const;
export type NormalisationAlternative = (typeof NORMALISATION_ALTERNATIVES)[number];

/** The one default seed of every analysis (CLI, API, web, docs/methodology.md → 随机种子). */
export const DEFAULT_SEED = 20201027;
/** Bootstrap samples for the confidence intervals of the Sobol indices (0: none). */
export const DEFAULT_BOOTSTRAP = 200;

export interface SensitivityOptions {
  /** Monte Carlo runs for the rank intervals (default 1000); the Sobol design adds (k + 1) × this. */
  replications?: number;
  seed?: number;
  vary: SensitivityVary;
  /** Compute Sobol indices (default true). */
  indices?: boolean;
  /** Bootstrap samples for the indices' 95% intervals (default DEFAULT_BOOTSTRAP; 0 = none). */
  bootstrap?: number;
  /** Told as the re-rankings complete (done of total, about a hundred times a run); never changes the result. */
  onProgress?: (done: number, total: number) => void;
}

export interface UnitRobustness {
  code: string;
  name: string;
  group: string;
  nominalRank: number;
  medianRank: number;
  /** 5th and 95th percentile ranks (nearest-rank method). */
  rankP5: number;
  rankP95: number;
  pFirst: number;
  pTop3: number;
  meanAbsShift: number;
}

export interface FactorInfo {
  id: string;
  label: string;
  /** Number of alternatives (0 for the continuous weights factor). */
  levels: number;
}

export interface SensitivityIndex {
  factor: string;
  label: string;
  /** Share of the variance of the output explained by this input alone. */
  first: number;
  /** Share involving this input, including its interactions. */
  total: number;
  /** 95% bootstrap percentile intervals (absent when bootstrap is 0). */
  firstCi?: [number, number];
  totalCi?: [number, number];
}

export interface SensitivityResult {
  scheme: { id: string; version: string };
  replications: number;
  seed: number;
  /** Bootstrap samples behind the indices' intervals, and their level. */
  bootstrap: { samples: number; level: number };
  factors: FactorInfo[];
  /** Ordered by group, then nominal rank, then code. */
  units: UnitRobustness[];
  /** The output the indices explain: mean over units of |rank − nominal rank|. */
  indexOutput: 'mean_abs_rank_shift';
  indices: SensitivityIndex[];
  leaveOneDimensionOut: { dimension: string; name: string; ranks: Record<string, number> }[];
  flags: ResultFlag[];
}

interface Factor extends FactorInfo, FactorSpan {
  /** The indicator a rule factor varies. */
  indicator?: number;
}

interface Setup {
  prep: Prepared;
  /** One rank model per aggregation alternative; index 0 is the nominal one. */
  models: RankModel[];
  w0: number[];
  /** Rule alternatives per indicator; index 0 is the nominal rule, then the rule factor's alternatives. */
  rules: Rule[][];
  /** The normalisation alternatives' rule per indicator (null: count_points, kept on its own rule). */
  norms: (Rule | null)[][];
  caps: (number | undefined)[];
  policies: MissingPolicy[];
  adjustments: boolean[];
  bonus: Float64Array;
  penalty: Float64Array;
  zeros: Float64Array;
  weightGroups: number[][];
  factors: Factor[];
  total: number;
  cache: Map<string, Float64Array>;
}

interface Scenario {
  weights: number[];
  rule: number[];
  cap: number;
  policy: number;
  adjustments: number;
  /** 0: each indicator's rule; j > 0: normalisation alternative j − 1. */
  norm: number;
  aggregation: number;
}

function choose(u: number, levels: number): number {
  return Math.min(levels - 1, Math.floor(u * levels));
}

function altRules(input: EvaluationInput, vary: SensitivityVary): Rule[][] {
  const list = schemeIndicators(input.scheme);
  const known = new Set(list.map(({ indicator }) => indicator.id));
  const unknown = Object.keys(vary.rules ?? {}).filter((id) => !known.has(id));
  if (unknown.length) throw new Error(`敏感性分析：指标 ${unknown.join('、')} 不在方案中`);
  return list.map(({ indicator }) => [
    input.options?.ruleOverrides?.[indicator.id] ?? indicator.rule,
    ...(vary.rules?.[indicator.id] ?? []).map((r) => parseRuleFor(indicator, r)),
  ]);
}

function adjustmentVectors(input: EvaluationInput, prep: Prepared, flags: ResultFlag[]) {
  const manual = manualByUnit(input.adjustments ?? [], prep, flags);
  const n = prep.units.length;
  const bonus = new Float64Array(n);
  const penalty = new Float64Array(n);
  for (let u = 0; u < n; u++) {
    bonus[u] = summarise('bonus', prep, u, manual.get(u) ?? []).total;
    penalty[u] = summarise('penalty', prep, u, manual.get(u) ?? []).total;
  }
  return { bonus, penalty };
}

function normRules(input: EvaluationInput, vary: SensitivityVary): (Rule | null)[][] {
  const alts = vary.normalisation ?? [];
  const bad = alts.filter((a) => !(NORMALISATION_ALTERNATIVES as readonly string[]).includes(a));
  if (bad.length)
    throw new Error(
      `敏感性分析：normalisation 只能是 ${NORMALISATION_ALTERNATIVES.join('、')}，收到 ${bad.join('、')}`,
    );
  return alts.map((type) =>
    schemeIndicators(input.scheme).map(({ indicator }) =>
      indicator.rule.type === 'count_points' ? null : parseRuleFor(indicator, { type }),
    ),
  );
}

function weightGroups(input: EvaluationInput, level: 'indicator' | 'dimension'): number[][] {
  const list = schemeIndicators(input.scheme);
  if (level === 'indicator') return list.map((_, k) => [k]);
  return input.scheme.dimensions.map((d) =>
    list.flatMap(({ dimension }, k) => (dimension.id === d.id ? [k] : [])),
  );
}

function buildFactors(s: Omit<Setup, 'factors'>, input: EvaluationInput, vary: SensitivityVary): Factor[] {
  const factors: Factor[] = [];
  const add = (id: string, label: string, levels: number, columns = 1, indicator?: number) => {
    const start = factors.reduce((c, f) => c + f.columns, 0);
    factors.push({ id, label, levels, start, columns, indicator });
  };
  if (vary.weights) add('weights', `权重 ±${Math.round(vary.weights * 100)}%`, 0, s.weightGroups.length);
  schemeIndicators(input.scheme).forEach(({ indicator }, k) => {
    if ((s.rules[k]?.length ?? 1) > 1)
      add(`rule:${indicator.id}`, `"${indicator.name}"的计分规则`, s.rules[k]!.length, 1, k);
  });
  if (s.caps.length > 1) add('cap', '目标完成率上限', s.caps.length);
  if (vary.dropOne) add('dropOne', '去掉一个指标', 1 + s.w0.filter((w) => w > 0).length);
  if (s.policies.length > 1) add('missingPolicy', '缺失数据处理', 2);
  if (s.adjustments.length > 1) add('adjustments', '加减分计入与否', 2);
  if (s.norms.length > 0) add('normalisation', '标准化方法', 1 + s.norms.length);
  if (s.models.length > 1) add('aggregation', '汇总方法（算术 / 几何）', 2);
  return factors;
}

function setup(input: EvaluationInput, vary: SensitivityVary, flags: ResultFlag[]): Setup {
  const prep = prepare(input);
  const o = input.options ?? {};
  const p0 = o.missingPolicy ?? input.scheme.missing_policy;
  const a0 = o.includeAdjustments ?? true;
  const caps = [o.targetCap, ...(vary.cap ?? [])];
  if (caps.slice(1).some((c) => !(typeof c === 'number' && c > 0 && Number.isFinite(c))))
    throw new Error('敏感性分析：cap 的取值必须是正数');
  const { bonus, penalty } = adjustmentVectors(input, prep, flags);
  const g0: Aggregation = o.aggregation ?? 'arithmetic';
  const aggregations: Aggregation[] = vary.aggregation
    ? [g0, g0 === 'arithmetic' ? 'geometric' : 'arithmetic']
    : [g0];
  const partial = {
    prep,
    models: aggregations.map((g) => makeRankModel(prep, g)),
    w0: effectiveWeights(input.scheme, o),
    rules: altRules(input, vary),
    norms: normRules(input, vary),
    caps,
    policies: vary.missingPolicy ? [p0, p0 === 'zero' ? 'group_mean' : 'zero'] : [p0],
    adjustments: vary.adjustments ? [a0, !a0] : [a0],
    bonus,
    penalty,
    zeros: new Float64Array(prep.units.length),
    weightGroups: weightGroups(input, vary.weightLevel ?? 'indicator'),
    total: input.scheme.total,
    cache: new Map<string, Float64Array>(),
  } satisfies Omit<Setup, 'factors'>;
  return { ...partial, factors: buildFactors(partial, input, vary) };
}

/** The rule indicator k is scored by in a run: its rule choice, unless a normalisation alternative replaces it. */
function ruleOf(s: Setup, k: number, sc: Scenario): { rule: Rule; key: string } {
  const alt = sc.norm > 0 ? s.norms[sc.norm - 1]![k] : null;
  return alt ? { rule: alt, key: `n${sc.norm}` } : { rule: s.rules[k]![sc.rule[k]!]!, key: `${sc.rule[k]}` };
}

/** Raw scores (scheme points) of indicator k under a rule / cap / policy choice, computed once. */
function column(s: Setup, input: EvaluationInput, k: number, sc: Scenario): Float64Array {
  const { rule, key: r } = ruleOf(s, k, sc);
  const cap = rule.type === 'ratio_to_target' ? sc.cap : -1;
  const policy = rule.type === 'count_points' ? -1 : sc.policy;
  const key = `${k}|${r}|${cap}|${policy}`;
  let col = s.cache.get(key);
  if (!col) {
    const { indicator } = schemeIndicators(input.scheme)[k]!;
    const scope = scopeOf(rule, input.scheme, input.options?.normaliseOver);
    const choice = { rule, policy: s.policies[Math.max(0, policy)]!, scope, cap: s.caps[Math.max(0, cap)] };
    col = scoreColumn(s.prep, indicator, choice).scores;
    s.cache.set(key, col);
  }
  return col;
}

function nominalScenario(s: Setup): Scenario {
  return {
    weights: s.w0,
    rule: s.rules.map(() => 0),
    cap: 0,
    policy: 0,
    adjustments: 0,
    norm: 0,
    aggregation: 0,
  };
}

function renormalise(w: number[], total: number): number[] {
  const sum = w.reduce((a, b) => a + b, 0);
  return sum > 0 ? w.map((x) => (x * total) / sum) : w;
}

/** Decodes one row of the unit hypercube into the choices of a run. */
function scenarioOf(s: Setup, row: Float64Array, spread: number): Scenario {
  const sc = nominalScenario(s);
  let w = s.w0;
  let changed = false;
  for (const f of s.factors) {
    const u = row[f.start]!;
    if (f.id === 'weights') {
      w = [...w];
      s.weightGroups.forEach((ks, g) => {
        const factor = 1 + (2 * row[f.start + g]! - 1) * spread;
        for (const k of ks) w[k] = w[k]! * factor;
      });
      changed = true;
    } else if (f.indicator !== undefined) sc.rule[f.indicator] = choose(u, f.levels);
    else if (f.id === 'cap') sc.cap = choose(u, f.levels);
    else if (f.id === 'dropOne') {
      const pick = choose(u, f.levels);
      if (pick > 0) {
        const kept = s.w0.flatMap((x, k) => (x > 0 ? [k] : []));
        w = [...w];
        w[kept[pick - 1]!] = 0;
        changed = true;
      }
    } else if (f.id === 'missingPolicy') sc.policy = choose(u, 2);
    else if (f.id === 'adjustments') sc.adjustments = choose(u, 2);
    else if (f.id === 'normalisation') sc.norm = choose(u, f.levels);
    else if (f.id === 'aggregation') sc.aggregation = choose(u, 2);
  }
  sc.weights = changed ? renormalise(w, s.total) : w;
  return sc;
}

function runScenario(s: Setup, input: EvaluationInput, sc: Scenario): Int32Array {
  const scores = sc.weights.map((w, k) => (w > 0 ? column(s, input, k, sc) : null));
  const on = s.adjustments[sc.adjustments]!;
  const model = s.models[sc.aggregation]!;
  return ranksOf(
    model,
    totalsOf(model, scores, sc.weights, on ? s.bonus : s.zeros, on ? s.penalty : s.zeros),
  );
}

function meanAbsShift(ranks: Int32Array, nominal: Int32Array): number {
  let sum = 0;
  for (let u = 0; u < ranks.length; u++) sum += Math.abs(ranks[u]! - nominal[u]!);
  return ranks.length ? sum / ranks.length : 0;
}

function nearestRank(sorted: number[], p: number): number {
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)] ?? 0;
}

function robustness(s: Setup, runs: Int32Array[], nominal: Int32Array): UnitRobustness[] {
  const out = s.prep.units.map((unit, u) => {
    const ranks = runs.map((r) => r[u]!).sort((a, b) => a - b);
    const n = ranks.length || 1;
    return {
      code: unit.code,
      name: unit.name,
      group: unit.group,
      nominalRank: nominal[u]!,
      medianRank: nearestRank(ranks, 0.5),
      rankP5: nearestRank(ranks, 0.05),
      rankP95: nearestRank(ranks, 0.95),
      pFirst: ranks.filter((r) => r === 1).length / n,
      pTop3: ranks.filter((r) => r <= 3).length / n,
      meanAbsShift: ranks.reduce((acc, r) => acc + Math.abs(r - nominal[u]!), 0) / n,
    };
  });
  const groupIndex = (code: string) => s.prep.groupOf[s.prep.unitIndex.get(code)!]!;
  return out.sort(
    (a, b) =>
      groupIndex(a.code) - groupIndex(b.code) || a.nominalRank - b.nominalRank || (a.code < b.code ? -1 : 1),
  );
}

function leaveOneDimensionOut(s: Setup, input: EvaluationInput): SensitivityResult['leaveOneDimensionOut'] {
  if (input.scheme.dimensions.length < 2) return [];
  const list = schemeIndicators(input.scheme);
  return input.scheme.dimensions.map((d) => {
    const w = renormalise(
      s.w0.map((x, k) => (list[k]!.dimension.id === d.id ? 0 : x)),
      s.total,
    );
    const ranks = runScenario(s, input, { ...nominalScenario(s), weights: w });
    const byCode: Record<string, number> = {};
    s.prep.units.forEach((unit, u) => {
      byCode[unit.code] = ranks[u]!;
    });
    return { dimension: d.id, name: d.name, ranks: byCode };
  });
}

/** Counts re-rankings and tells `report` about every hundredth of `total` (and the last). */
function progressCounter(total: number, report?: (done: number, total: number) => void) {
  let done = 0;
  const step = Math.max(1, Math.floor(total / 100));
  return <T>(value: T): T => {
    done++;
    if (report && (done % step === 0 || done === total)) report(done, total);
    return value;
  };
}

export function runSensitivity(input: EvaluationInput, options: SensitivityOptions): SensitivityResult {
  const flags: ResultFlag[] = [];
  const s = setup(input, options.vary, flags);
  const N = Math.max(1, Math.floor(options.replications ?? 1000));
  const seed = options.seed ?? DEFAULT_SEED;
  const samples = Math.max(0, Math.floor(options.bootstrap ?? DEFAULT_BOOTSTRAP));
  const spread = options.vary.weights ?? 0;
  const columns = s.factors.reduce((c, f) => c + f.columns, 0);
  const nominal = runScenario(s, input, nominalScenario(s));
  const random = mulberry32(seed);
  const { A, B } = saltelliDesign(N, columns, random);
  const withIndices = options.indices !== false && s.factors.length > 0;
  const tick = progressCounter(N * (withIndices ? s.factors.length + 2 : 1), options.onProgress);
  const run = (sc: Scenario) => tick(runScenario(s, input, sc));
  const runsA = A.map((row) => run(scenarioOf(s, row, spread)));
  let indices: SensitivityIndex[] = [];
  if (withIndices) {
    const y = (ranks: Int32Array) => meanAbsShift(ranks, nominal);
    const yA = runsA.map(y);
    const yB = B.map((row) => y(run(scenarioOf(s, row, spread))));
    const yAB = s.factors.map((f) => A.map((a, j) => y(run(scenarioOf(s, mixRow(a, B[j]!, f), spread)))));
    // The bootstrap draws continue the design's stream: the design, and so the indices, are those of the seed alone.
    const intervals = samples > 0 ? bootstrapIntervals(yA, yB, yAB, samples, random) : [];
    indices = sobolIndices(yA, yB, yAB).map((ix, i) => ({
      factor: s.factors[i]!.id,
      label: s.factors[i]!.label,
      ...ix,
      ...(intervals[i] ? { firstCi: intervals[i]!.first, totalCi: intervals[i]!.total } : {}),
    }));
    if (indices.every((ix) => ix.total === 0))
      flags.push({ code: 'no_variance', message: '所有变动都没有改变任何单位的排名，敏感性指数均为 0' });
  }
  return {
    scheme: { id: input.scheme.id, version: input.scheme.version },
    replications: N,
    seed,
    bootstrap: { samples: indices.length ? samples : 0, level: 0.95 },
    factors: s.factors.map(({ id, label, levels }) => ({ id, label, levels })),
    units: robustness(s, runsA, nominal),
    indexOutput: 'mean_abs_rank_shift',
    indices,
    leaveOneDimensionOut: leaveOneDimensionOut(s, input),
    flags,
  };
}
