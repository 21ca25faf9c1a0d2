// Bonus and penalty: counted events (item caps) plus manual entries, then the category cap.
// Shown apart from the base score so a reader sees what the evaluators added or took away.
import type { Prepared } from './prepare';
import { tallyCounts } from './rules/count-points';
import type { AdjustmentCategory } from './scheme-schema';
import type { AdjustmentLine, AdjustmentSummary, ManualAdjustment, ResultFlag } from './types';

export type AdjustmentKind = 'bonus' | 'penalty';

/** What a unit shows when adjustments are left out of the evaluation. */
export function emptySummary(): AdjustmentSummary {
  return { raw: 0, cap: null, total: 0, capped: false, lines: [] };
}

function eventLines(cat: AdjustmentCategory | undefined, prep: Prepared, u: number): AdjustmentLine[] {
  if (!cat) return [];
  const counts = cat.items.map((it) => prep.eventCounts(it.id)[u] ?? 0);
  const tally = tallyCounts(cat.items, counts, null);
  return cat.items.flatMap((it, k) => {
    if (!counts[k]) return [];
    const reason = prep.eventNote(it.id, u);
    return [
      {
        source: 'event' as const,
        item: it.id,
        name: it.name,
        count: counts[k],
        points: tally.perItem[k] ?? 0,
        ...(reason ? { reason } : {}),
      },
    ];
  });
}

function manualLine(a: ManualAdjustment, cat: AdjustmentCategory | undefined): AdjustmentLine {
  const item = a.item ? cat?.items.find((it) => it.id === a.item) : undefined;
  return {
    source: 'manual',
    item: a.item ?? null,
    name: item?.name ?? a.reason,
    points: a.points,
    reason: a.reason,
    author: a.author,
    ...(a.approvedBy ? { approvedBy: a.approvedBy } : {}),
  };
}

/** Manual entries grouped by unit index; invalid ones are flagged and left out. */
export function manualByUnit(
  adjustments: ManualAdjustment[],
  prep: Prepared,
  flags: ResultFlag[],
): Map<number, ManualAdjustment[]> {
  const out = new Map<number, ManualAdjustment[]>();
  // A canonical order, so that shuffled input gives identical lines and sums.
  const key = (a: ManualAdjustment) =>
    [a.unit, a.kind, a.item ?? '', a.reason, a.author, a.points, a.approvedBy ?? ''].join('\u0000');
  const sorted = [...adjustments].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  for (const a of sorted) {
    const u = prep.unitIndex.get(a.unit);
    if (!Number.isFinite(a.points) || a.points <= 0 || !a.reason?.trim() || !a.author?.trim()) {
      flags.push({
        code: 'invalid_adjustment',
        unit: a.unit,
        message: `${a.unit} 的人工${a.kind === 'bonus' ? '加' : '扣'}分须为正数且注明理由和录入人，已忽略`,
      });
      continue;
    }
    if (u === undefined) {
      flags.push({
        code: 'unknown_unit',
        unit: a.unit,
        message: `人工调整所属单位 ${a.unit} 不在参评单位中，已忽略`,
      });
      continue;
    }
    const cat = a.kind === 'bonus' ? prep.scheme.bonus : prep.scheme.penalty;
    if (a.item && !cat?.items.some((it) => it.id === a.item))
      flags.push({
        code: 'unknown_item',
        unit: a.unit,
        message: `人工调整的事项 "${a.item}" 不在本方案的${a.kind === 'bonus' ? '加' : '扣'}分项中，按未归类调整计入`,
      });
    out.set(u, [...(out.get(u) ?? []), a]);
  }
  return out;
}

/** One unit's bonus or penalty: events with item caps, manual entries, then the category cap. */
export function summarise(
  kind: AdjustmentKind,
  prep: Prepared,
  u: number,
  manual: ManualAdjustment[],
): AdjustmentSummary {
  const cat = kind === 'bonus' ? prep.scheme.bonus : prep.scheme.penalty;
  const lines = [
    ...eventLines(cat, prep, u),
    ...manual.filter((a) => a.kind === kind).map((a) => manualLine(a, cat)),
  ];
  const raw = lines.reduce((s, l) => s + l.points, 0);
  const cap = cat?.cap ?? null;
  const total = cap === null ? raw : Math.min(raw, cap);
  return { raw, cap, total, capped: total < raw, lines };
}
