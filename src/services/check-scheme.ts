// `sibi scheme check` and POST /api/schemes/check: every problem of a scheme file with its line, or
// its summary; with a period, the scheme is also tried on that period's data (the years it declares,
// groups that have units in the region) and its nominal weights are set against its effective ones.
import type { Database } from '../db/client';
import {
  checkSchemeYear,
  indicatorMetrics,
  type Scheme,
  SchemeError,
  type SchemeProblem,
  schemeIndicators,
  schemeYears,
} from '../domain/evaluation/scheme';
import { type GroupWeights, weightReport } from '../domain/evaluation/variance-shares';
import { registryLabel } from '../domain/metric-registry';
import { parsePeriod } from '../domain/period';
import { GROUP_LABELS } from '../domain/regions';
import { checkSchemeText, formatOf, locateProblems } from '../schemes/load-scheme';
import { runEvaluation } from './evaluate-period';

export interface SchemeCheckRequest {
  text: string;
  /** The file name (for the format and the messages). */
  source?: string;
  period?: string;
  region?: string;
  actor: string;
}

export interface IndicatorSummary {
  dimension: string;
  id: string;
  name: string;
  /** Metric keys with their registry labels ("key.investRate 投资完成率"). */
  metrics: { key: string; label: string }[];
  direction: string;
  rule: string;
  points: number;
  /** points ÷ scheme total. */
  nominal: number;
  zeroDenominator: string | null;
}

export interface SchemeSummary {
  id: string;
  version: string;
  name: string;
  total: number;
  years: string | null;
  groups: { id: string; label: string }[];
  dimensions: { id: string; name: string; points: number; indicators: number }[];
  indicators: IndicatorSummary[];
  /** Count of indicators per scoring rule, e.g. { relative_to_best: 9, ratio_to_target: 5 }. */
  rules: Record<string, number>;
  bonus: { cap: number; items: number } | null;
  penalty: { cap: number; items: number } | null;
  tieBreak: string[];
}

export interface SchemeCheckOutcome {
  ok: boolean;
  problems: SchemeProblem[];
  /** The validated scheme (for the web's tables), null when it has problems of its own. */
  scheme: Scheme | null;
  summary: SchemeSummary | null;
  /** With a period: nominal against effective weights on that period's data, per ranked group. */
  weights: {
    period: string;
    region: { code: string; name: string };
    groups: (GroupWeights & { label: string })[];
  } | null;
}

export function summariseScheme(scheme: Scheme): SchemeSummary {
  const rules: Record<string, number> = {};
  const indicators = schemeIndicators(scheme).map(({ dimension, indicator }) => {
    rules[indicator.rule.type] = (rules[indicator.rule.type] ?? 0) + 1;
    return {
      dimension: dimension.id,
      id: indicator.id,
      name: indicator.name,
      metrics: indicatorMetrics(indicator).map((key) => ({ key, label: registryLabel(key) })),
      direction: indicator.direction,
      rule: indicator.rule.type,
      points: indicator.points,
      nominal: indicator.points / scheme.total,
      zeroDenominator: indicator.zero_denominator ?? null,
    };
  });
  const category = (c: Scheme['bonus']) => (c ? { cap: c.cap, items: c.items.length } : null);
  return {
    id: scheme.id,
    version: scheme.version,
    name: scheme.name,
    total: scheme.total,
    years: schemeYears(scheme),
    groups: scheme.groups.map((id) => ({ id, label: GROUP_LABELS[id] ?? id })),
    dimensions: scheme.dimensions.map((d) => ({
      id: d.id,
      name: d.name,
      points: d.points,
      indicators: d.indicators.length,
    })),
    indicators,
    rules,
    bonus: category(scheme.bonus),
    penalty: category(scheme.penalty),
    tieBreak: scheme.tie_break,
  };
}

/**
 * Checks a scheme text. Without a period no database is read (`database` may be null); a period
 * that cannot be parsed throws PeriodError (a usage error), anything wrong with the scheme is a
 * problem in the outcome.
 */
export async function checkScheme(
  database: Database | null,
  request: SchemeCheckRequest,
): Promise<SchemeCheckOutcome> {
  const source = request.source ?? '（文本）';
  const { scheme, problems } = checkSchemeText(request.text, formatOf(source, request.text), source);
  if (!scheme) return { ok: false, problems, scheme: null, summary: null, weights: null };
  const summary = summariseScheme(scheme);
  if (!request.period || !database) return { ok: true, problems: [], scheme, summary, weights: null };
  const period = parsePeriod(request.period);
  const outOfYears = checkSchemeYear(scheme, period.year);
  if (outOfYears)
    return {
      ok: false,
      problems: locateProblems(request.text, [outOfYears]),
      scheme,
      summary,
      weights: null,
    };
  const refused = (problems: SchemeProblem[]): SchemeCheckOutcome => ({
    ok: false,
    problems: locateProblems(request.text, problems),
    scheme,
    summary,
    weights: null,
  });
  let run: Awaited<ReturnType<typeof runEvaluation>>;
  try {
    run = await runEvaluation(database, {
      scheme: source,
      schemeOverride: scheme,
      period: period.id,
      region: request.region,
      actor: request.actor,
    });
  } catch (e) {
    // What only the units tell (a unit without a per-unit target): a problem on its line.
    if (e instanceof SchemeError) return refused(e.problems);
    throw e;
  }
  const present = new Set(run.snapshot.input.units.map((u) => u.group));
  const empty: SchemeProblem[] = scheme.groups.flatMap((g, k) =>
    present.has(g)
      ? []
      : [
          {
            code: 'group_without_units',
            path: ['groups', k],
            message: `groups 中的 "${g}"（${GROUP_LABELS[g] ?? g}）在${run.parent.name}下没有参评单位${present.size ? `（此处有：${[...present].join('、')}）` : ''}`,
          },
        ],
  );
  const weights = {
    period: period.id,
    region: { code: run.parent.code, name: run.parent.name },
    groups: weightReport(run.result).map((g) => ({ ...g, label: GROUP_LABELS[g.group] ?? g.group })),
  };
  return { ok: empty.length === 0, problems: locateProblems(request.text, empty), scheme, summary, weights };
}
