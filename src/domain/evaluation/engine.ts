// evaluate(): scheme + per-unit metric values + events + adjustments → scores, ranks and
// explanations. Pure and deterministic: the same input gives the same canonical JSON.

import { emptySummary, manualByUnit, summarise } from './adjustments';
import { arithmeticBase, geometricBase, neutralFactors, scaled } from './aggregate';
import { assignConsequences } from './consequences';
import { explainIndicator } from './explain';
import { type PlannedIndicator, planIndicators } from './plan';
import { type Prepared, prepare } from './prepare';
import { competitionRanks, DEFAULT_SCORE_DECIMALS, rankKey } from './rank';
import { type Column, scoreColumn } from './score-column';
import { compareSelfScores } from './self-scores';
import type {
  DimensionScore,
  EvaluationInput,
  EvaluationResult,
  IndicatorScore,
  ManualAdjustment,
  MissingPolicy,
  ResultFlag,
  UnitResult,
} from './types';

export type * from './types';

interface Resolved {
  policy: MissingPolicy;
  includeAdjustments: boolean;
  aggregation: 'arithmetic' | 'geometric';
  explain: boolean;
}

function resolve(input: EvaluationInput): Resolved {
  const o = input.options ?? {};
  return {
    policy: o.missingPolicy ?? input.scheme.missing_policy,
    includeAdjustments: o.includeAdjustments ?? true,
    aggregation: o.aggregation ?? 'arithmetic',
    explain: o.explain ?? true,
  };
}

function indicatorScore(
  prep: Prepared,
  p: PlannedIndicator,
  col: Column,
  u: number,
  explain: boolean,
  factor = 1,
): IndicatorScore {
  const cell = col.cells[u]!;
  const weight = factor === 1 ? p.weight : p.weight * factor;
  const raw = scaled(col.scores[u] ?? 0, p.indicator.points, p.weight);
  const score = factor === 1 ? raw : raw * factor;
  const counts =
    p.rule.type === 'count_points' ? p.rule.items.map((it) => prep.eventCounts(it.id)[u] ?? 0) : [];
  return {
    dimension: p.dimension.id,
    id: p.indicator.id,
    name: p.indicator.name,
    rule: p.rule.type,
    direction: p.indicator.direction,
    metrics: p.metrics,
    points: weight,
    value: cell.value,
    ...(cell.reported === undefined ? {} : { reported: cell.reported }),
    missing: cell.missing,
    fill: cell.fill,
    scope: p.scope,
    reference: cell.reference,
    score,
    scored: cell.scored,
    flags: cell.flags,
    explanation: explain
      ? explainIndicator({
          ind: p.indicator,
          rule: p.rule,
          cell,
          score,
          points: weight,
          counts,
          scope: p.scope,
        })
      : '',
  };
}

function dimensionScores(plan: PlannedIndicator[], scores: IndicatorScore[]): DimensionScore[] {
  const out: DimensionScore[] = [];
  plan.forEach((p, k) => {
    let dim = out.find((d) => d.id === p.dimension.id);
    if (!dim) {
      dim = { id: p.dimension.id, name: p.dimension.name, points: 0, score: 0 };
      out.push(dim);
    }
    dim.points += scores[k]?.points ?? p.weight;
    dim.score += scores[k]?.score ?? 0;
  });
  return out;
}

interface Scored {
  plan: PlannedIndicator[];
  cols: Column[];
  /** Dimension index of each planned indicator. */
  dimOf: number[];
  /** Every metric the plan reads, sorted. */
  metrics: string[];
}

function unitResult(
  input: EvaluationInput,
  prep: Prepared,
  s: Scored,
  r: Resolved,
  u: number,
  manual: ManualAdjustment[],
): UnitResult {
  const { plan, cols } = s;
  const unit = prep.units[u]!;
  const factors = neutralFactors(
    s.dimOf,
    plan.map((p) => p.weight),
    (k) => cols[k]?.neutral?.[u] === 1,
  );
  const indicators = plan.map((p, k) =>
    indicatorScore(prep, p, cols[k]!, u, r.explain, factors ? factors[k]! : 1),
  );
  const scores = indicators.map((i) => i.score);
  const base =
    r.aggregation === 'geometric'
      ? geometricBase(
          scores,
          indicators.map((i) => i.points),
          input.scheme.total,
        )
      : arithmeticBase(scores);
  const bonus = r.includeAdjustments ? summarise('bonus', prep, u, manual) : emptySummary();
  const penalty = r.includeAdjustments ? summarise('penalty', prep, u, manual) : emptySummary();
  const values: Record<string, number | null> = {};
  for (const m of s.metrics) values[m] = prep.metric(m)[u] ?? null;
  return {
    code: unit.code,
    name: unit.name,
    group: unit.group,
    values,
    indicators,
    dimensions: dimensionScores(plan, indicators),
    base,
    bonus,
    penalty,
    adjusted: base + bonus.total - penalty.total,
    rank: 0,
    groupSize: 0,
  };
}

/** Rank keys: the adjusted total, then the named dimensions' scores, each at the published decimals. */
export function rankKeys(
  total: number,
  dims: DimensionScore[],
  tieBreak: string[],
  decimals: number = DEFAULT_SCORE_DECIMALS,
): number[] {
  return [
    rankKey(total, decimals),
    ...tieBreak.map((id) => rankKey(dims.find((d) => d.id === id)?.score ?? 0, decimals)),
  ];
}

function assignRanks(prep: Prepared, results: UnitResult[]): void {
  for (const members of prep.members) {
    const ranks = competitionRanks(
      members.map((u) =>
        rankKeys(
          results[u]!.adjusted,
          results[u]!.dimensions,
          prep.scheme.tie_break,
          prep.scheme.score_decimals,
        ),
      ),
    );
    members.forEach((u, k) => {
      results[u]!.rank = ranks[k]!;
      results[u]!.groupSize = members.length;
    });
  }
}

function compareFlags(a: ResultFlag, b: ResultFlag): number {
  const ka = [a.code, a.group ?? '', a.indicator ?? '', a.unit ?? '', a.message].join('\u0000');
  const kb = [b.code, b.group ?? '', b.indicator ?? '', b.unit ?? '', b.message].join('\u0000');
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

function orderUnits(prep: Prepared, results: UnitResult[]): UnitResult[] {
  const byCode = (a: UnitResult, b: UnitResult) => a.rank - b.rank || (a.code < b.code ? -1 : 1);
  return prep.members.flatMap((m) => m.map((u) => results[u]!).sort(byCode));
}

export function evaluate(input: EvaluationInput): EvaluationResult {
  const prep = prepare(input);
  const r = resolve(input);
  const plan = planIndicators(input.scheme, input.options ?? {});
  const cap = input.options?.targetCap;
  const cols = plan.map((p) =>
    scoreColumn(prep, p.indicator, { rule: p.rule, policy: r.policy, scope: p.scope, cap }),
  );
  const flags: ResultFlag[] = [...prep.flags, ...cols.flatMap((c) => c.flags)];
  const manual = r.includeAdjustments
    ? manualByUnit(input.adjustments ?? [], prep, flags)
    : new Map<number, ManualAdjustment[]>();
  const dimIds = input.scheme.dimensions.map((d) => d.id);
  const scored = {
    plan,
    cols,
    dimOf: plan.map((p) => dimIds.indexOf(p.dimension.id)),
    metrics: [...new Set(plan.flatMap((p) => p.metrics))].sort(),
  };
  const results = prep.units.map((_, u) => unitResult(input, prep, scored, r, u, manual.get(u) ?? []));
  assignRanks(prep, results);
  flags.push(
    ...assignConsequences(
      input.scheme.consequences,
      prep.members.map((m, g) => ({ id: prep.groupIds[g]!, units: m.map((u) => results[u]!) })),
    ),
  );
  const units = orderUnits(prep, results);
  return {
    scheme: {
      id: input.scheme.id,
      version: input.scheme.version,
      name: input.scheme.name,
      total: input.scheme.total,
    },
    options: {
      missingPolicy: r.policy,
      includeAdjustments: r.includeAdjustments,
      aggregation: r.aggregation,
      normaliseOver: input.options?.normaliseOver ?? input.scheme.normalise_over,
      groups: prep.groupIds,
    },
    context: prep.period
      ? { timeProgress: prep.timeProgress, period: prep.period.id }
      : { timeProgress: prep.timeProgress },
    groups: prep.groupIds.map((id, g) => ({
      id,
      ranking: units.filter((x) => prep.groupOf[prep.unitIndex.get(x.code)!] === g).map((x) => x.code),
    })),
    units,
    flags: [...new Map(flags.sort(compareFlags).map((f) => [JSON.stringify(f), f])).values()],
    ...(input.selfScores?.length && input.scheme.self_score
      ? { selfScores: compareSelfScores(input.scheme, units, input.selfScores) }
      : {}),
  };
}
