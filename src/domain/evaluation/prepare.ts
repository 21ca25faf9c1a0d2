// Everything about an input that does not depend on the scoring choices, computed once:
// the units in a stable order, their groups, metric columns and event counts.
import { metricDefinition } from '../metric-registry';
import type { Period } from '../period';
import { appliesIn, inputPeriod, periodFlags } from './quarters';
import { schemeIndicators } from './scheme';
import type { Indicator, Scheme } from './scheme-schema';
import type { CountEvent, EvaluationInput, EvaluationUnit, ResultFlag } from './types';
import { checkUnitTargets } from './unit-targets';

export interface Prepared {
  scheme: Scheme;
  /** Units of the ranked groups, sorted by code so input order never matters. */
  units: EvaluationUnit[];
  groupIds: string[];
  /** Group index of each unit. */
  groupOf: number[];
  /** Unit indices of each group. */
  members: number[][];
  timeProgress: number | null;
  /** The period (context.period), when the input names it; quarter-only indicators need it. */
  period: Period | null;
  /** Whether an indicator is scored in the period (quarters.ts). */
  applies: (ind: Indicator) => boolean;
  /** Raw metric value of a unit (null = missing). */
  metric: (name: string) => (number | null)[];
  /**
   * Units whose value of a ratio metric is absent because its denominator is zero (the registry's
   * `zeroWhen` metrics show it), as opposed to not reported; null when no unit is in that case.
   */
  zeroDenominator: (name: string) => Uint8Array | null;
  /** Event count of an item per unit (zeros when none). */
  eventCounts: (item: string) => number[];
  /** The reasons and evidence of a unit's events of an item (undefined when none were given). */
  eventNote: (item: string, unit: number) => string | undefined;
  unitIndex: Map<string, number>;
  flags: ResultFlag[];
}

function orderedGroups(scheme: Scheme, requested: string[] | undefined): string[] {
  return [...new Set(requested ?? scheme.groups)];
}

function checkUniqueCodes(units: EvaluationUnit[]): void {
  const seen = new Set<string>();
  for (const u of units) {
    if (seen.has(u.code)) throw new Error(`参评单位代码重复：${u.code}`);
    seen.add(u.code);
  }
}

function metricColumns(input: EvaluationInput, units: EvaluationUnit[], flags: ResultFlag[]) {
  const cache = new Map<string, (number | null)[]>();
  return (name: string) => {
    let col = cache.get(name);
    if (!col) {
      col = units.map((u) => {
        const v = input.values[u.code]?.[name];
        if (v === undefined || v === null) return null;
        if (typeof v === 'number' && Number.isFinite(v)) return v;
        flags.push({
          code: 'invalid_value',
          unit: u.code,
          message: `${u.name} 的 ${name} 不是有限数字，按缺失处理`,
        });
        return null;
      });
      cache.set(name, col);
    }
    return col;
  };
}

function zeroDenominatorColumns(units: EvaluationUnit[], metric: (name: string) => (number | null)[]) {
  const cache = new Map<string, Uint8Array | null>();
  return (name: string) => {
    if (cache.has(name)) return cache.get(name) ?? null;
    const zeroWhen = metricDefinition(name)?.ratio?.zeroWhen ?? [];
    let mask: Uint8Array | null = null;
    if (zeroWhen.length) {
      const col = metric(name);
      const denominators = zeroWhen.map(metric);
      units.forEach((_, u) => {
        if (col[u] !== null) return;
        if (!denominators.some((d) => d[u] === 0)) return;
        mask ??= new Uint8Array(units.length);
        mask[u] = 1;
      });
    }
    cache.set(name, mask);
    return mask;
  };
}

function eventColumns(
  events: CountEvent[],
  unitIndex: Map<string, number>,
  known: Set<string>,
  all: Set<string>,
  flags: ResultFlag[],
) {
  const counts = new Map<string, number[]>();
  const n = unitIndex.size;
  // Events are summed in a canonical order so that shuffled input gives identical sums.
  const key = (e: CountEvent) => `${e.unit}\u0000${e.item}\u0000${e.count}`;
  const sorted = [...events].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  for (const e of sorted) {
    const u = unitIndex.get(e.unit);
    if (!known.has(e.item)) {
      flags.push({ code: 'unknown_item', unit: e.unit, message: `事件项 "${e.item}" 不在本方案中，已忽略` });
      continue;
    }
    if (!Number.isInteger(e.count) || e.count < 0) {
      flags.push({
        code: 'invalid_event',
        unit: e.unit,
        message: `事件项 "${e.item}" 的次数 ${e.count} 不是非负整数，已忽略`,
      });
      continue;
    }
    if (u === undefined) {
      if (!all.has(e.unit))
        flags.push({
          code: 'unknown_unit',
          unit: e.unit,
          message: `事件所属单位 ${e.unit} 不在参评单位中，已忽略`,
        });
      continue;
    }
    const col = counts.get(e.item) ?? new Array<number>(n).fill(0);
    counts.set(e.item, col);
    col[u] = (col[u] ?? 0) + e.count;
  }
  const zeros = new Array<number>(n).fill(0);
  return (item: string) => counts.get(item) ?? zeros;
}

function eventNotes(events: CountEvent[], unitIndex: Map<string, number>) {
  const notes = new Map<string, string[]>();
  for (const e of events) {
    const u = unitIndex.get(e.unit);
    if (u === undefined || !e.note?.trim()) continue;
    const key = `${e.item}\u0000${u}`;
    notes.set(key, [...(notes.get(key) ?? []), e.note.trim()]);
  }
  // Sorted, so that shuffled input gives identical lines.
  return (item: string, u: number) => notes.get(`${item}\u0000${u}`)?.sort().join('；');
}

function countItemIds(scheme: Scheme): Set<string> {
  const ids = new Set<string>();
  for (const dim of scheme.dimensions)
    for (const ind of dim.indicators)
      if (ind.rule.type === 'count_points') for (const it of ind.rule.items) ids.add(it.id);
  for (const it of [...(scheme.bonus?.items ?? []), ...(scheme.penalty?.items ?? [])]) ids.add(it.id);
  return ids;
}

export function prepare(input: EvaluationInput): Prepared {
  const { scheme } = input;
  const flags: ResultFlag[] = [];
  checkUniqueCodes(input.units);
  const period = inputPeriod(input.context?.period);
  flags.push(
    ...periodFlags(
      schemeIndicators(scheme).map((x) => x.indicator),
      period,
    ),
  );
  const groupIds = orderedGroups(scheme, input.options?.groups);
  const groupIndex = new Map(groupIds.map((g, i) => [g, i]));
  const skipped = [
    ...new Set(input.units.filter((u) => !groupIndex.has(u.group)).map((u) => u.group)),
  ].sort();
  for (const g of skipped)
    flags.push({
      code: 'group_not_ranked',
      group: g,
      message: `组别 "${g}" 不在本方案的考评组别中，其单位未参评`,
    });
  const units = input.units
    .filter((u) => groupIndex.has(u.group))
    .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  checkUnitTargets(scheme, units, input.options?.ruleOverrides);
  const unitIndex = new Map(units.map((u, i) => [u.code, i]));
  const groupOf = units.map((u) => groupIndex.get(u.group)!);
  const members = groupIds.map((_, g) => groupOf.flatMap((gi, i) => (gi === g ? [i] : [])));
  const tp = input.context?.timeProgress;
  const all = new Set(input.units.map((u) => u.code));
  const metric = metricColumns(input, units, flags);
  return {
    scheme,
    units,
    groupIds,
    groupOf,
    members,
    timeProgress: typeof tp === 'number' && Number.isFinite(tp) ? tp : null,
    period,
    applies: (ind) => appliesIn(ind, period),
    metric,
    zeroDenominator: zeroDenominatorColumns(units, metric),
    eventCounts: eventColumns(input.events ?? [], unitIndex, countItemIds(scheme), all, flags),
    eventNote: eventNotes(input.events ?? [], unitIndex),
    unitIndex,
    flags,
  };
}
