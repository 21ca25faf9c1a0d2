// 加分/扣分 by counted events: points per event, capped per item and per category.
import type { CountItem, RuleOf } from '../scheme-schema';
import type { RuleEnv, RuleOutcome } from './types';

export interface CountTally {
  perItem: number[];
  raw: number;
  total: number;
  capped: boolean;
}

/** Points of each item (count · points_per_event, item cap), then the category cap. */
export function tallyCounts(items: CountItem[], counts: number[], categoryCap: number | null): CountTally {
  const perItem = items.map((item, k) => {
    const pts = (counts[k] ?? 0) * item.points_per_event;
    return item.cap === undefined ? pts : Math.min(pts, item.cap);
  });
  const raw = perItem.reduce((s, p) => s + p, 0);
  const total = categoryCap === null ? raw : Math.min(raw, categoryCap);
  return { perItem, raw, total, capped: total < raw };
}

/** Higher-is-better adds points up to P; lower-is-better starts from P and deducts (扣完为止). */
export function scoreCountPoints(rule: RuleOf<'count_points'>, env: RuleEnv): RuleOutcome {
  const tally = tallyCounts(rule.items, env.counts, env.points);
  const count = env.counts.reduce((s, c) => s + c, 0);
  const score = env.direction === 'higher_better' ? tally.total : env.points - tally.total;
  return { score, scored: true, flags: tally.capped ? ['capped'] : [], reference: { count } };
}
