// Totals and group ranks from per-indicator score columns, without building result objects:
// the inner loop of sensitivity analysis and "what would it take". Sums in the same order and
// with the same scaling as evaluate(), so the nominal case gives the same totals bit for bit.
import { geometricBase, neutralFactors, scaled } from './aggregate';
import type { Prepared } from './prepare';
import { rankKey } from './rank';
import { schemeIndicators } from './scheme';
import { neutralUnits } from './score-column';
import type { Aggregation } from './types';

export interface RankModel {
  prep: Prepared;
  /** Scheme points of each indicator (scores in columns are in these points). */
  points: number[];
  /** Position of each indicator's dimension in the tie-break list, −1 if absent. */
  tieOf: number[];
  tieCount: number;
  aggregation: Aggregation;
  total: number;
  /** Dimension index of each indicator, and the units it is left out for (zero_denominator: neutral). */
  dimOf: number[];
  neutral: (Uint8Array | null)[];
}

export function makeRankModel(prep: Prepared, aggregation: Aggregation): RankModel {
  const { scheme } = prep;
  const list = schemeIndicators(scheme);
  return {
    prep,
    points: list.map(({ indicator }) => indicator.points),
    tieOf: list.map(({ dimension }) => scheme.tie_break.indexOf(dimension.id)),
    tieCount: scheme.tie_break.length,
    aggregation,
    total: scheme.total,
    dimOf: list.map(({ dimension }) => scheme.dimensions.indexOf(dimension)),
    neutral: list.map(({ indicator }) => neutralUnits(prep, indicator)),
  };
}

export interface Totals {
  totals: Float64Array;
  /** unit-major tie-break dimension scores (n × tieCount). */
  ties: Float64Array;
}

/** Per unit, the factors of neutralFactors() when some indicator is left out for it. */
function unitFactors(model: RankModel, raw: (Float64Array | null)[], weights: number[], u: number) {
  if (!model.neutral.some((m) => m !== null)) return null;
  return neutralFactors(model.dimOf, weights, (k) => raw[k] !== null && model.neutral[k]?.[u] === 1);
}

function geometricTotals(
  model: RankModel,
  raw: (Float64Array | null)[],
  weights: number[],
  base: Float64Array,
): void {
  const kept = raw.flatMap((c, k) => (c ? [k] : []));
  for (let u = 0; u < base.length; u++) {
    const f = unitFactors(model, raw, weights, u);
    const w = kept.map((k) => (f ? weights[k]! * f[k]! : weights[k]!));
    const s = kept.map((k) => {
      const x = scaled(raw[k]![u]!, model.points[k]!, weights[k]!);
      return f ? x * f[k]! : x;
    });
    base[u] = geometricBase(s, w, model.total);
  }
}

/** Recomputes the base and tie scores of the units with a left-out indicator, as evaluate() does. */
function neutralTotals(
  model: RankModel,
  raw: (Float64Array | null)[],
  weights: number[],
  base: Float64Array,
  ties: Float64Array,
): void {
  const T = model.tieCount;
  for (let u = 0; u < base.length; u++) {
    const f = unitFactors(model, raw, weights, u);
    if (!f) continue;
    base[u] = 0;
    for (let j = 0; j < T; j++) ties[u * T + j] = 0;
    for (let k = 0; k < raw.length; k++) {
      const col = raw[k];
      if (!col) continue;
      const s = scaled(col[u]!, model.points[k]!, weights[k]!) * f[k]!;
      base[u] = base[u]! + s;
      const t = model.tieOf[k]!;
      if (t >= 0) ties[u * T + t] = ties[u * T + t]! + s;
    }
  }
}

/**
 * raw[k]: indicator k's score per unit in scheme points (null = left out); weights[k]: its
 * points possible after weight changes. Adds bonus and subtracts penalty like evaluate().
 */
export function totalsOf(
  model: RankModel,
  raw: (Float64Array | null)[],
  weights: number[],
  bonus: Float64Array,
  penalty: Float64Array,
): Totals {
  const n = model.prep.units.length;
  const T = model.tieCount;
  const base = new Float64Array(n);
  const ties = new Float64Array(n * T);
  for (let k = 0; k < raw.length; k++) {
    const col = raw[k];
    if (!col) continue;
    const p = model.points[k]!;
    const w = weights[k]!;
    const t = model.tieOf[k]!;
    for (let u = 0; u < n; u++) {
      const s = w === p ? col[u]! : (col[u]! * w) / p;
      base[u] = base[u]! + s;
      if (t >= 0) ties[u * T + t] = ties[u * T + t]! + s;
    }
  }
  neutralTotals(model, raw, weights, base, ties);
  if (model.aggregation === 'geometric') geometricTotals(model, raw, weights, base);
  const totals = new Float64Array(n);
  for (let u = 0; u < n; u++) totals[u] = base[u]! + bonus[u]! - penalty[u]!;
  return { totals, ties };
}

/** Competition rank within the group of every unit (by unit index), as rank.ts defines it. */
export function ranksOf(model: RankModel, t: Totals): Int32Array {
  const n = t.totals.length;
  const T = model.tieCount;
  const keys = new Float64Array(n * (T + 1));
  const decimals = model.prep.scheme.score_decimals;
  for (let u = 0; u < n; u++) {
    keys[u * (T + 1)] = rankKey(t.totals[u]!, decimals);
    for (let j = 0; j < T; j++) keys[u * (T + 1) + j + 1] = rankKey(t.ties[u * T + j]!, decimals);
  }
  const compare = (a: number, b: number): number => {
    for (let j = 0; j <= T; j++) {
      const d = keys[b * (T + 1) + j]! - keys[a * (T + 1) + j]!;
      if (d !== 0) return d;
    }
    return 0;
  };
  const ranks = new Int32Array(n);
  for (const members of model.prep.members) {
    const order = [...members].sort((a, b) => compare(a, b) || a - b);
    order.forEach((u, pos) => {
      const prev = order[pos - 1];
      ranks[u] = prev !== undefined && compare(prev, u) === 0 ? ranks[prev]! : pos + 1;
    });
  }
  return ranks;
}
