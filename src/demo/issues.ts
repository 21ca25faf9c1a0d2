// 问题协调: problems raised for projects during a year, most resolved, some late, some never.

import type { IssueRecord } from '../domain/records.js';
import { addDays, isoDate, maxDate, minDate, quarterOf, randomDate } from './dates.js';
import type { ProjectYear } from './model.js';
import { fillTemplate } from './names.js';
import type { Rng } from './prng.js';
import type { UnitYearParams } from './profiles.js';
import { ISSUE_KINDS } from './vocabulary.js';

export function buildIssues(
  rng: Rng,
  entries: readonly ProjectYear[],
  params: UnitYearParams,
): IssueRecord[] {
  const out: IssueRecord[] = [];
  const seen = new Set<string>();
  for (const py of entries) {
    const base = params.issuesPerHundred / 100;
    const rate = py.nature === 'new' ? base * 1.4 : py.nature === 'preparatory' ? base * 0.6 : base;
    const count = (rng.chance(rate) ? 1 : 0) + (rng.chance(rate / 5) ? 1 : 0);
    for (let i = 0; i < count; i++) {
      const [category, descriptions, units] = rng.pick(ISSUE_KINDS);
      const description = fillTemplate(rng, rng.pick(descriptions), py.p.region);
      const anchor = py.p.actualStart?.startsWith(String(py.year)) ? py.p.actualStart : null;
      const raisedDate = anchor
        ? randomDate(
            rng,
            maxDate(isoDate(py.year, 1, 4), addDays(anchor, -90)),
            minDate(isoDate(py.year, 12, 15), addDays(anchor, 60)),
          )
        : randomDate(rng, isoDate(py.year, 1, 4), isoDate(py.year, 12, 15));
      const key = `${py.p.code}|${description}|${raisedDate}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const dueDate = addDays(raisedDate, rng.pick([15, 30, 30, 45, 60]));
      const resolveShare = Math.min(0.97, params.quarters[quarterOf(raisedDate) - 1]!.issueResolution + 0.12);
      let resolvedDate: string | null = null;
      if (rng.chance(resolveShare)) {
        const late = rng.chance(0.15);
        resolvedDate = late
          ? addDays(dueDate, rng.int(3, 60))
          : randomDate(rng, addDays(raisedDate, 3), dueDate);
      }
      out.push({
        projectCode: py.p.code,
        category,
        description,
        responsibleUnit: fillTemplate(rng, rng.pick(units), py.p.region),
        raisedDate,
        dueDate,
        resolvedDate,
      });
    }
  }
  return out;
}
