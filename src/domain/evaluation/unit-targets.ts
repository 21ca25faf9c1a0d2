// Per-unit targets (`target: { per_unit: { "410100": 1200000 }, default: …, amounts_in: 万元 }`,
// docs/schemes.md → per_unit): each unit's own figure (its annual target, say) is the denominator of a
// ratio_to_target or the reference of a step rule. Figures are in the indicator's own unit (元 for money,
// a fraction for a rate) unless `amounts_in: 万元`, which a money indicator may declare: 1200.5 万元 is
// read as 12005000 元 by moving the decimal point in the written digits, never by a binary
// multiplication. A unit of the ranked groups without a figure and without `default` is refused
// before anything is scored.
import { SchemeError, type SchemePath, type SchemeProblem } from './scheme';
import type { PerUnitTarget, Rule, Scheme } from './scheme-schema';
import type { EvaluationUnit } from './types';

/** x 万元 in 元, exactly as written: the decimal point moved four places in x's shortest digits. */
export function wanToYuan(x: number): number {
  const text = String(x);
  if (/e/i.test(text)) return x * 10_000;
  const negative = text.startsWith('-');
  const [whole = '0', frac = ''] = (negative ? text.slice(1) : text).split('.');
  const digits = `${frac}0000`;
  const yuan = Number(`${whole}${digits.slice(0, 4)}.${digits.slice(4) || '0'}`);
  return negative ? -yuan : yuan;
}

/** The target of one unit as the scheme writes it (in 元 for a money indicator); null when none. */
export function unitTarget(target: PerUnitTarget, code: string): number | null {
  const own = Object.hasOwn(target.per_unit, code) ? target.per_unit[code] : undefined;
  const x = own ?? target.default;
  if (x === undefined) return null;
  return target.amounts_in === '万元' ? wanToYuan(x) : x;
}

function perUnit(rule: Rule): PerUnitTarget | null {
  if (rule.type !== 'ratio_to_target' && rule.type !== 'step') return null;
  return 'per_unit' in rule.target ? rule.target : null;
}

/**
 * Problems of the units (of the ranked groups) a per-unit target gives no figure for, when the target
 * declares no `default`: one problem per indicator naming every such unit.
 */
export function unitTargetProblems(
  scheme: Scheme,
  units: readonly EvaluationUnit[],
  overrides: Record<string, Rule> = {},
): SchemeProblem[] {
  const out: SchemeProblem[] = [];
  scheme.dimensions.forEach((dim, i) => {
    dim.indicators.forEach((ind, j) => {
      const target = perUnit(overrides[ind.id] ?? ind.rule);
      if (!target || target.default !== undefined) return;
      const lacking = units.filter((u) => !Object.hasOwn(target.per_unit, u.code));
      if (lacking.length === 0) return;
      const path: SchemePath = ['dimensions', i, 'indicators', j, 'rule', 'target', 'per_unit'];
      out.push({
        code: 'unit_target_missing',
        path,
        message: `指标 "${dim.name} / ${ind.name}" 的 rule.target.per_unit 没有 ${lacking
          .map((u) => `${u.name}（${u.code}）`)
          .join('、')} 的目标，且未设 default：请补上这些单位的目标，或设置 default`,
      });
    });
  });
  return out;
}

/** Throws SchemeError naming every unit without a target (nothing is scored). */
export function checkUnitTargets(
  scheme: Scheme,
  units: readonly EvaluationUnit[],
  overrides?: Record<string, Rule>,
): void {
  const problems = unitTargetProblems(scheme, units, overrides);
  if (problems.length) throw new SchemeError(problems, scheme.id);
}
