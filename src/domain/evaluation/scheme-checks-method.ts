// Checks of the fields that write the method as provinces do (docs/schemes.md): quarter-only
// indicators (`quarters`), per-unit targets (`target.per_unit`) and rank bands with consequences
// (`consequences`). Called by checkSchemeProblems; every problem carries the path of its field.
import { groupLabel } from '../regions';
import { indicatorUnit } from './format';
import type { SchemePath, SchemeProblem } from './scheme-checks';
import type { Consequence, Indicator, PerUnitTarget, Scheme } from './scheme-schema';

const p = (code: string, path: SchemePath, message: string): SchemeProblem => ({ code, path, message });

/** `quarters`: not empty, each 1–4, none twice. */
export function checkQuarters(ind: Indicator, where: string, at: SchemePath): SchemeProblem[] {
  const qs = ind.quarters;
  if (qs === undefined) return [];
  if (qs.length === 0)
    return [
      p(
        'quarters_invalid',
        [...at, 'quarters'],
        `${where} 的 quarters 为空：应列出考核的季度（1–4），或删去 quarters 表示每期都考核`,
      ),
    ];
  const out: SchemeProblem[] = [];
  const seen = new Set<number>();
  qs.forEach((q, k) => {
    if (q < 1 || q > 4)
      out.push(
        p('quarters_invalid', [...at, 'quarters', k], `${where} 的 quarters 中的 ${q} 不是季度（应为 1–4）`),
      );
    else if (seen.has(q))
      out.push(p('quarters_invalid', [...at, 'quarters', k], `${where} 的 quarters 中季度 ${q} 重复`));
    seen.add(q);
  });
  return out;
}

/** A quarter in which no indicator of the scheme is scored (every indicator lists its quarters). */
export function checkQuarterCoverage(scheme: Scheme): SchemeProblem[] {
  const inds = scheme.dimensions.flatMap((d) => d.indicators);
  if (inds.some((ind) => ind.quarters === undefined)) return [];
  const none = [1, 2, 3, 4].filter((q) => !inds.some((ind) => ind.quarters!.includes(q)));
  if (none.length === 0) return [];
  return [
    p(
      'quarters_uncovered',
      ['dimensions', 0, 'indicators', 0, 'quarters'],
      `第 ${none.join('、')} 季度没有任何指标考核（每个指标都设了 quarters）：这些季度的考评将无分可计`,
    ),
  ];
}

function decimals(x: number): number {
  const text = String(x);
  if (/e/i.test(text)) return Number.POSITIVE_INFINITY;
  return text.split('.')[1]?.length ?? 0;
}

/** `target.per_unit`: not empty, `amounts_in` only for money, amounts no finer than 分. */
export function checkPerUnitTarget(
  ind: Indicator,
  target: PerUnitTarget,
  where: string,
  at: SchemePath,
): SchemeProblem[] {
  const out: SchemeProblem[] = [];
  const codes = Object.keys(target.per_unit);
  if (codes.length === 0 && target.default === undefined)
    out.push(
      p(
        'unit_target_empty',
        [...at, 'per_unit'],
        `${where} 的 rule.target.per_unit 没有任何单位的目标，也没有 default`,
      ),
    );
  const money = indicatorUnit(ind) === 'yuan';
  if (target.amounts_in !== undefined && !money)
    out.push(
      p(
        'amounts_in_not_money',
        [...at, 'amounts_in'],
        `${where} 的 rule.target.amounts_in 只适用于金额（元）指标；该指标的目标按指标本身的单位填写`,
      ),
    );
  if (!money) return out;
  const finest = target.amounts_in === '万元' ? 6 : 2;
  const unit = target.amounts_in ?? '元';
  const entries: [SchemePath, number][] = [
    ...codes.map((c): [SchemePath, number] => [[...at, 'per_unit', c], target.per_unit[c]!]),
    ...(target.default === undefined ? [] : [[[...at, 'default'], target.default] as [SchemePath, number]]),
  ];
  for (const [path, x] of entries)
    if (decimals(x) > finest)
      out.push(
        p(
          'amount_precision',
          path,
          `${where} 的目标金额 ${x} ${unit} 精确到了分以下（${unit}最多 ${finest} 位小数）`,
        ),
      );
  return out;
}

function bandText(b: Consequence): string {
  const where = b.groups ? `${b.groups.map(groupLabel).join('、')}组` : '';
  return b.last !== undefined ? `${where}后 ${b.last} 名` : `${where}第 ${b.from}–${b.to} 名`;
}

/** Whether two bands can apply in the same group (a band without `groups` applies in every group). */
function shareGroup(a: Consequence, b: Consequence): boolean {
  return !a.groups || !b.groups || a.groups.some((g) => b.groups!.includes(g));
}

/** `groups` of a band: each one of the scheme's groups. */
function checkBandGroups(scheme: Scheme, b: Consequence, k: number): SchemeProblem[] {
  return (b.groups ?? []).flatMap((g, j) =>
    scheme.groups.includes(g)
      ? []
      : [
          p(
            'consequence_group',
            ['consequences', k, 'groups', j],
            `consequences 中的「${b.label}」的 groups 含 "${g}"，不是本方案 groups 中的组别（${scheme.groups.join('、')}）`,
          ),
        ],
  );
}

/** `consequences`: each band from–to or last N, not empty, no two overlapping. */
export function checkConsequences(scheme: Scheme): SchemeProblem[] {
  const bands = scheme.consequences;
  if (bands === undefined) return [];
  if (bands.length === 0)
    return [p('consequence_band', ['consequences'], 'consequences 为空：应列出名次段，或删去 consequences')];
  const out: SchemeProblem[] = [];
  const ranged: { k: number; from: number; to: number }[] = [];
  const lasts: number[] = [];
  bands.forEach((b, k) => {
    const at: SchemePath = ['consequences', k];
    out.push(...checkBandGroups(scheme, b, k));
    const hasRange = b.from !== undefined || b.to !== undefined;
    if (hasRange === (b.last !== undefined) || (hasRange && (b.from === undefined || b.to === undefined))) {
      out.push(
        p(
          'consequence_band',
          at,
          `consequences 中的「${b.label}」须写成 {from: 名次, to: 名次} 或 {last: 名次数} 之一`,
        ),
      );
      return;
    }
    if (b.last !== undefined) {
      const other = lasts.find((j) => shareGroup(bands[j]!, b));
      if (other !== undefined)
        out.push(
          p(
            'consequence_overlap',
            at,
            `consequences 中的「${b.label}」（${bandText(b)}）与「${bands[other]!.label}」（${bandText(bands[other]!)}）重叠：同一组只能有一个 last 名次段`,
          ),
        );
      lasts.push(k);
      return;
    }
    const from = b.from!;
    const to = b.to!;
    if (from > to) {
      out.push(
        p(
          'consequence_empty',
          at,
          `consequences 中的「${b.label}」是空名次段：from（${from}）大于 to（${to}）`,
        ),
      );
      return;
    }
    const clash = ranged.find((r) => from <= r.to && r.from <= to && shareGroup(bands[r.k]!, b));
    if (clash)
      out.push(
        p(
          'consequence_overlap',
          at,
          `consequences 中的「${b.label}」（${bandText(b)}）与「${bands[clash.k]!.label}」（${bandText(bands[clash.k]!)}）重叠`,
        ),
      );
    ranged.push({ k, from, to });
  });
  return out;
}

/** Every problem of the three features in a scheme that passed the zod schema. */
export function checkMethodProblems(scheme: Scheme): SchemeProblem[] {
  const out: SchemeProblem[] = [...checkQuarterCoverage(scheme), ...checkConsequences(scheme)];
  scheme.dimensions.forEach((dim, i) => {
    dim.indicators.forEach((ind, j) => {
      const where = `指标 "${dim.name} / ${ind.name}"`;
      const at: SchemePath = ['dimensions', i, 'indicators', j];
      out.push(...checkQuarters(ind, where, at));
      const rule = ind.rule;
      if ((rule.type === 'ratio_to_target' || rule.type === 'step') && 'per_unit' in rule.target)
        out.push(...checkPerUnitTarget(ind, rule.target, where, [...at, 'rule', 'target']));
    });
  });
  return out;
}
