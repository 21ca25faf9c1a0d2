// The outlier treatment a scheme declares (docs/schemes.md → outliers), applied to an indicator's
// values before a relative rule scores them: per comparison set (the group, or every unit for
// `over: all`), on the reported values only (a filled value is filled from the treated ones).
// Rules that compare with a target or a fixed threshold are never treated: a log-transformed
// value means nothing against 100%.
import { DEFAULT_WINMAX, type OutlierTreatment, treatValues } from './outliers';
import type { Prepared } from './prepare';
import type { Indicator, Rule, RuleType, Scheme, Scope } from './scheme-schema';

/** The rules whose score depends only on how a value compares with the others'. */
export const RELATIVE_RULES: readonly RuleType[] = ['relative_to_best', 'min_max', 'rank_bands'];
/** Of those, the ones a log-transformed value can be scored by (relative_to_best divides by the best). */
export const LOG_RULES: readonly RuleType[] = ['min_max', 'rank_bands'];

export const OUTLIER_FLAGS = { winsorised: 'outlier_winsorised', log: 'outlier_log' } as const;

export interface Declared {
  treatment: OutlierTreatment;
  winmax: number;
}

/** The indicator's own declaration, else the scheme's; `none` when neither declares one. */
export function declaredTreatment(scheme: Scheme, ind: Indicator): Declared {
  const d = ind.outliers ?? scheme.outliers;
  return { treatment: d?.treatment ?? 'none', winmax: d?.winmax ?? DEFAULT_WINMAX };
}

export interface TreatedColumn {
  values: (number | null)[];
  /** Per unit: the reported value when the treatment changed it, else null. */
  raw: (number | null)[];
  applied: ('winsorised' | 'log' | null)[];
}

export interface Effective extends Declared {
  /** Whether winsorisation that does not pass may fall back to the log transform. */
  logFallback: boolean;
}

/** What is applied to the indicator under this rule: none unless the rule is relative (log only where LOG_RULES). */
export function effectiveTreatment(scheme: Scheme, ind: Indicator, rule: Rule): Effective {
  const declared = declaredTreatment(scheme, ind);
  const logFallback = LOG_RULES.includes(rule.type);
  const off = !RELATIVE_RULES.includes(rule.type) || (declared.treatment === 'log' && !logFallback);
  return { ...declared, treatment: off ? 'none' : declared.treatment, logFallback };
}

/** Null when nothing is declared, the rule is not relative, or no comparison set needed treating. */
export function treatColumn(
  prep: Prepared,
  ind: Indicator,
  rule: Rule,
  values: (number | null)[],
  scope: Scope,
): TreatedColumn | null {
  const declared = effectiveTreatment(prep.scheme, ind, rule);
  if (declared.treatment === 'none') return null;
  const sets = scope === 'all' ? [prep.units.map((_, u) => u)] : prep.members;
  const out: TreatedColumn = {
    values: [...values],
    raw: values.map(() => null),
    applied: values.map(() => null),
  };
  let any = false;
  for (const members of sets) {
    const present = members.filter((u) => values[u] !== null);
    const t = treatValues(
      present.map((u) => values[u]!),
      declared.treatment,
      declared.winmax,
      declared.logFallback,
    );
    if (t.applied === 'none') continue;
    for (const i of t.changed) {
      const u = present[i]!;
      out.values[u] = t.values[i]!;
      out.raw[u] = values[u]!;
      out.applied[u] = t.applied;
      any = true;
    }
  }
  return any ? out : null;
}
