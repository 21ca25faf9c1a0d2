// Consequences of rank bands (`consequences: [{ from: 1, to: 3, label: 流动红旗 }, { last: 2, label: 约谈 }]`,
// docs/schemes.md → consequences), applied within each group after ranking. Ties share their fate:
// `from`–`to` reads the competition rank (1, 2, 2, 4), so every unit tied at rank 3 is in a top-3 band;
// `last: N` reads the place counted from the bottom the same way (the units tied for last are all
// last 1). Where a small group puts a unit in two bands, the band listed first in the scheme applies
// and a flag says so.
import type { Consequence } from './scheme-schema';
import type { ResultFlag, UnitResult } from './types';

/** "第1–3名", "第4名", "后2名" */
export function bandWording(band: Consequence): string {
  if (band.last !== undefined) return `后${band.last}名`;
  return band.from === band.to ? `第${band.from}名` : `第${band.from}–${band.to}名`;
}

/** Whether a unit of rank `rank` (competition), with `tied` units on that rank in a group of `size`, is in the band. */
export function inBand(band: Consequence, rank: number, tied: number, size: number): boolean {
  if (band.last !== undefined) return size - rank - tied + 2 <= band.last;
  return band.from !== undefined && band.to !== undefined && rank >= band.from && rank <= band.to;
}

/**
 * Sets `consequence` on each ranked unit of `groups` (unit results of one group each, ranks assigned)
 * and returns the flags of units two bands matched.
 */
export function assignConsequences(
  bands: readonly Consequence[] | undefined,
  groups: { id: string; units: UnitResult[] }[],
): ResultFlag[] {
  if (!bands?.length) return [];
  const flags: ResultFlag[] = [];
  for (const { id, units } of groups) {
    const tiedAt = new Map<number, number>();
    for (const u of units) tiedAt.set(u.rank, (tiedAt.get(u.rank) ?? 0) + 1);
    for (const u of units) {
      const hits = bands.filter(
        (b) =>
          (b.groups === undefined || b.groups.includes(id)) &&
          inBand(b, u.rank, tiedAt.get(u.rank) ?? 1, units.length),
      );
      const first = hits[0];
      if (!first) continue;
      u.consequence = first.label;
      if (hits.length > 1)
        flags.push({
          code: 'consequence_overlap',
          group: id,
          unit: u.code,
          message: `${u.name}（第${u.rank}名，本组 ${units.length} 个单位）同时落入${hits
            .map((b) => `${bandWording(b)}「${b.label}」`)
            .join('与')}，按方案先列出的「${first.label}」计`,
        });
    }
  }
  return flags;
}
