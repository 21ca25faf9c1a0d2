// Self-scores (自评分): what a unit reports it scored, beside the verified score, and the difference
// (self − verified), per indicator and in total, largest differences first. Pure: the engine adds the
// comparison to a result only when the scheme declares `self_score` and some unit reported one, so a
// result without self-scores is the same JSON (and hash) as before they existed.
import { DEFAULT_SCORE_DECIMALS, scaledScore } from './rank';
import type { Scheme } from './scheme-schema';
import type { UnitResult } from './types';

/** One reported self-score: the unit's total (no indicator) or one indicator's score. */
export interface SelfScore {
  unit: string;
  /** The indicator id; absent for the total. */
  indicator?: string;
  points: number;
  reportedBy: string;
}

export interface SelfScoreLine {
  /** The indicator id, or null for the total. */
  indicator: string | null;
  name: string;
  /** Points possible (the indicator's; for the total, the scheme total). */
  points: number;
  /** Reported; null when the unit did not report this line. */
  self: number | null;
  /** The verified score, at the scheme's decimals. */
  verified: number;
  /** self − verified at the scheme's decimals; null when not reported. */
  difference: number | null;
}

export interface SelfScoreRow {
  code: string;
  name: string;
  group: string;
  rank: number;
  total: SelfScoreLine;
  /** Reported indicator lines, largest absolute difference first. */
  indicators: SelfScoreLine[];
  reportedBy: string[];
}

export interface SelfScoreComparison {
  required: boolean;
  indicators: boolean;
  /** Units that reported, largest absolute total difference first (then largest indicator difference, code). */
  units: SelfScoreRow[];
  /** Ranked units that reported nothing, in rank order. */
  missing: string[];
}

/** x at `decimals` decimals as a number (half away from zero, as the totals are published). */
function rounded(x: number, decimals: number): number {
  return scaledScore(x, decimals) / 10 ** decimals;
}

function line(
  indicator: string | null,
  name: string,
  points: number,
  self: number | null,
  verified: number,
  decimals: number,
): SelfScoreLine {
  const v = rounded(verified, decimals);
  // Differences of decimals as integers of 10^-decimals: exact, no float residue (85.5 − 85.49 = 0.01).
  const difference =
    self === null ? null : (scaledScore(self, decimals) - scaledScore(v, decimals)) / 10 ** decimals;
  return { indicator, name, points, self, verified: v, difference };
}

const size = (l: SelfScoreLine) => Math.abs(l.difference ?? 0);

/** Each reporting unit's self-scores beside its verified scores; `units` in the result's order. */
export function compareSelfScores(
  scheme: Scheme,
  units: readonly UnitResult[],
  selfScores: readonly SelfScore[],
): SelfScoreComparison {
  const decimals = scheme.score_decimals ?? DEFAULT_SCORE_DECIMALS;
  const byUnit = new Map<string, SelfScore[]>();
  for (const s of selfScores) byUnit.set(s.unit, [...(byUnit.get(s.unit) ?? []), s]);
  const rows: SelfScoreRow[] = [];
  const missing: string[] = [];
  for (const unit of units) {
    const own = byUnit.get(unit.code);
    if (!own?.length) {
      missing.push(unit.code);
      continue;
    }
    const reported = new Map(own.map((s) => [s.indicator ?? '', s.points]));
    const indicators = unit.indicators
      .filter((i) => reported.has(i.id))
      .map((i) => line(i.id, i.name, i.points, reported.get(i.id)!, i.score, decimals))
      .sort((a, b) => size(b) - size(a));
    // The total as reported; else the sum of the indicator self-scores when every indicator was reported.
    const complete = unit.indicators.length > 0 && indicators.length === unit.indicators.length;
    const selfTotal =
      reported.get('') ??
      (complete
        ? indicators.reduce((sum, l) => sum + scaledScore(l.self!, decimals), 0) / 10 ** decimals
        : null);
    rows.push({
      code: unit.code,
      name: unit.name,
      group: unit.group,
      rank: unit.rank,
      total: line(null, '总分', scheme.total, selfTotal, unit.adjusted, decimals),
      indicators,
      reportedBy: [...new Set(own.map((s) => s.reportedBy))].sort(),
    });
  }
  const top = (r: SelfScoreRow) => Math.max(0, ...r.indicators.map(size));
  rows.sort(
    (a, b) =>
      size(b.total) - size(a.total) || top(b) - top(a) || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
  );
  return {
    required: scheme.self_score?.required ?? false,
    indicators: scheme.self_score?.indicators ?? false,
    units: rows,
    missing,
  };
}

/**
 * A self-score as entered ("85.5", "８５.５", 85.5) to exact decimal text with two places ("85.50"),
 * or the reason it is refused: 0 up to `max` points, at most two decimals.
 */
export function parseSelfScore(
  value: string | number,
  max: number,
): { ok: true; points: string } | { ok: false; reason: string } {
  const raw =
    typeof value === 'number'
      ? Number.isFinite(value)
        ? String(value)
        : ''
      : value
          .trim()
          .replace(/[０-９．]/g, (c) => (c === '．' ? '.' : String.fromCharCode(c.charCodeAt(0) - 0xfee0)));
  const m = /^(\d{1,6})(?:\.(\d{1,2}))?$/.exec(raw);
  if (!m) {
    if (/^-/.test(raw)) return { ok: false, reason: '自评分不能为负数' };
    if (/^\d+\.\d{3,}$/.test(raw)) return { ok: false, reason: '自评分最多两位小数' };
    return { ok: false, reason: `自评分应为数字，最多两位小数，而不是 "${String(value)}"` };
  }
  const whole = String(Number(m[1]));
  const frac = (m[2] ?? '').padEnd(2, '0');
  // Compare as integers of hundredths: exact.
  if (Number(whole) * 100 + Number(frac) > Math.round(max * 100))
    return { ok: false, reason: `自评分不能超过满分 ${max}` };
  return { ok: true, points: `${whole}.${frac}` };
}

/** A self-score as entered (one row of a spreadsheet, or the form). */
export interface SelfScoreInput {
  /** A built-in scheme id, or (CLI) a scheme file. */
  scheme: string;
  period: string;
  unitCode: string;
  /** The indicator's id or name; empty, null or 总分 for the unit's total. */
  indicator: string | null;
  points: string | number;
  note: string | null;
}
