// Scores one indicator for every unit: builds the value column, fills missing values under
// the policy, resolves targets, picks each unit's comparison set and applies the rule.

import { groupLabel } from '../regions';
import { OUTLIER_FLAGS, treatColumn } from './outlier-treatment';
import type { Prepared } from './prepare';
import { offQuarterColumn } from './quarters';
import { type ResolvedTarget, type RuleOutcome, scoreRule } from './rules';
import { DEFAULT_ZERO_DENOMINATOR, type Indicator, type Rule, type Scope } from './scheme-schema';
import { type ScopeStats, scopeStats } from './stats';
import type { FillKind, IndicatorReference, MissingPolicy, ResultFlag } from './types';
import { unitTarget } from './unit-targets';

export interface Cell {
  value: number | null;
  missing: boolean;
  fill: FillKind;
  scored: boolean;
  flags: string[];
  reference: IndicatorReference;
  /** The reported value when the scheme's outlier treatment changed it (value is the treated one). */
  reported?: number;
}

export interface Column {
  /** Scores in the indicator's scheme points (before any weight change). */
  scores: Float64Array;
  cells: Cell[];
  flags: ResultFlag[];
  /** Units for which the indicator is left out (a zero denominator under `zero_denominator: neutral`). */
  neutral: Uint8Array | null;
}

/** Flags of a cell whose ratio had a zero denominator, by the scheme's choice. */
export const ZERO_DENOMINATOR_FLAGS = {
  full: 'zero_denominator_full',
  neutral: 'zero_denominator_neutral',
  zero: 'zero_denominator_zero',
} as const;

/** The units for which an indicator is left out and its weight moved to the others (neutral). */
export function neutralUnits(prep: Prepared, ind: Indicator): Uint8Array | null {
  // Not scored in this quarter (quarters.ts): left out for every unit.
  if (!prep.applies(ind)) return new Uint8Array(prep.units.length).fill(1);
  if ((ind.zero_denominator ?? DEFAULT_ZERO_DENOMINATOR) !== 'neutral' || !ind.metric) return null;
  return prep.zeroDenominator(ind.metric);
}

function zeroDenominatorCell(ind: Indicator, mean: number | null): { cell: Cell; score: number } {
  const mode = ind.zero_denominator ?? DEFAULT_ZERO_DENOMINATOR;
  return {
    score: mode === 'full' ? ind.points : 0,
    cell: {
      value: null,
      missing: false,
      fill: 'none',
      scored: true,
      flags: [ZERO_DENOMINATOR_FLAGS[mode]],
      reference: mean === null ? {} : { mean },
    },
  };
}

export interface ColumnChoice {
  rule: Rule;
  policy: MissingPolicy;
  scope: Scope;
  /** Replaces the cap of a ratio_to_target rule. */
  cap?: number;
}

/** Value of the indicator per unit: one metric, or a weighted sum (missing if any part is missing). */
export function indicatorValues(prep: Prepared, ind: Indicator): (number | null)[] {
  if (ind.metric) return prep.metric(ind.metric);
  const parts = (ind.metrics ?? []).map((m) => ({ col: prep.metric(m.metric), weight: m.weight }));
  return prep.units.map((_, u) => {
    let sum = 0;
    for (const p of parts) {
      const v = p.col[u] ?? null;
      if (v === null) return null;
      sum += p.weight * v;
    }
    return sum;
  });
}

function groupStats(prep: Prepared, values: (number | null)[]): ScopeStats[] {
  return prep.members.map((m) => scopeStats(m.flatMap((u) => (values[u] === null ? [] : [values[u]!]))));
}

function resolveTarget(rule: Rule, prep: Prepared, u: number, stats: ScopeStats): ResolvedTarget | null {
  if (rule.type !== 'ratio_to_target' && rule.type !== 'step') return null;
  const t = rule.target;
  if ('value' in t) return { value: t.value, source: 'value' };
  if ('metric' in t) return { value: prep.metric(t.metric)[u] ?? null, source: 'metric', metric: t.metric };
  if ('context' in t) return { value: prep.timeProgress, source: 'timeProgress' };
  if ('per_unit' in t) return { value: unitTarget(t, prep.units[u]!.code), source: 'unit' };
  return { value: stats.mean, source: 'mean' };
}

function effectiveRule(choice: ColumnChoice): Rule {
  const { rule, cap } = choice;
  return rule.type === 'ratio_to_target' && cap !== undefined ? { ...rule, cap } : rule;
}

function missingCell(fill: FillKind, mean?: number | null): Cell {
  const flag = fill === 'zero' ? 'missing_zero' : 'missing_unfillable';
  return {
    value: null,
    missing: true,
    fill,
    scored: true,
    flags: [flag],
    reference: mean === undefined || mean === null ? {} : { mean },
  };
}

// Outcomes that say something about the whole comparison set, reported once per group.
const SET_FLAGS: Record<string, string> = {
  best_nonpositive: '最高值不大于 0，此项均记 0 分',
  all_equal: '数值全部相同，此项均得满分',
};

function setFlags(ind: Indicator, prep: Prepared, scope: Scope, cells: Cell[]): ResultFlag[] {
  const hits = new Map<string, Set<number>>();
  cells.forEach((c, u) => {
    for (const f of c.flags)
      if (f in SET_FLAGS) hits.set(f, (hits.get(f) ?? new Set()).add(prep.groupOf[u]!));
  });
  const out: ResultFlag[] = [];
  for (const [code, groups] of hits) {
    const text = SET_FLAGS[code];
    if (scope === 'all') out.push({ code, indicator: ind.id, message: `${ind.name}：全部参评单位${text}` });
    else
      for (const g of [...groups].sort((a, b) => a - b))
        out.push({
          code,
          indicator: ind.id,
          group: prep.groupIds[g],
          message: `${ind.name}：${groupLabel(prep.groupIds[g]!)}组${text}`,
        });
  }
  return out;
}

function contextFlags(ind: Indicator, rule: Rule, prep: Prepared): ResultFlag[] {
  const usesTime = (rule.type === 'ratio_to_target' || rule.type === 'step') && 'context' in rule.target;
  return usesTime && prep.timeProgress === null
    ? [
        {
          code: 'context_missing',
          indicator: ind.id,
          message: `${ind.name}：未提供时序进度，此项不计分`,
        },
      ]
    : [];
}

function scoreCell(
  prep: Prepared,
  ind: Indicator,
  rule: Rule,
  u: number,
  x: number,
  stats: ScopeStats,
  counts: number[],
): RuleOutcome {
  const target = resolveTarget(rule, prep, u, stats);
  return scoreRule(rule, x, { points: ind.points, direction: ind.direction, stats, target, counts });
}

function countColumn(prep: Prepared, ind: Indicator, rule: Extract<Rule, { type: 'count_points' }>): Column {
  const cols = rule.items.map((it) => prep.eventCounts(it.id));
  const empty = scopeStats([]);
  const scores = new Float64Array(prep.units.length);
  const cells = prep.units.map((_, u) => {
    const counts = cols.map((c) => c[u] ?? 0);
    const out = scoreCell(prep, ind, rule, u, 0, empty, counts);
    scores[u] = out.score;
    return {
      value: out.reference.count ?? 0,
      missing: false,
      fill: 'none' as const,
      scored: out.scored,
      flags: out.flags,
      reference: out.reference,
    };
  });
  return { scores, cells, flags: [], neutral: null };
}

export function scoreColumn(prep: Prepared, ind: Indicator, choice: ColumnChoice): Column {
  const rule = effectiveRule(choice);
  if (!prep.applies(ind)) return offQuarterColumn(prep.units.length);
  if (rule.type === 'count_points') return countColumn(prep, ind, rule);
  const given = indicatorValues(prep, ind);
  const treated = treatColumn(prep, ind, rule, given, choice.scope);
  const values = treated ? treated.values : given;
  const byGroup = groupStats(prep, values);
  const all = choice.scope === 'all' ? scopeStats(values.flatMap((v) => (v === null ? [] : [v]))) : null;
  const scores = new Float64Array(prep.units.length);
  const zero = ind.metric ? prep.zeroDenominator(ind.metric) : null;
  const cells = values.map((raw, u): Cell => {
    const own = byGroup[prep.groupOf[u]!]!;
    const stats = all ?? own;
    let x = raw;
    let fill: FillKind = 'none';
    if (x === null && zero?.[u]) {
      const out = zeroDenominatorCell(ind, stats.mean);
      scores[u] = out.score;
      return out.cell;
    }
    if (x === null) {
      if (choice.policy === 'zero') return missingCell('zero', stats.mean);
      if (own.mean === null) return missingCell('unfillable');
      x = own.mean;
      fill = 'group_mean';
    }
    const out = scoreCell(prep, ind, rule, u, x, stats, []);
    scores[u] = out.score;
    const flags = fill === 'group_mean' ? ['missing_group_mean', ...out.flags] : out.flags;
    const reference = out.reference;
    reference.compared = stats.count;
    if (stats.mean !== null) reference.mean = stats.mean;
    const applied = treated?.applied[u];
    if (applied)
      return {
        value: x,
        missing: false,
        fill,
        scored: out.scored,
        flags: [OUTLIER_FLAGS[applied], ...flags],
        reference,
        reported: treated!.raw[u]!,
      };
    return { value: x, missing: raw === null, fill, scored: out.scored, flags, reference };
  });
  return {
    scores,
    cells,
    flags: [...contextFlags(ind, rule, prep), ...setFlags(ind, prep, choice.scope, cells)],
    neutral: neutralUnits(prep, ind),
  };
}
