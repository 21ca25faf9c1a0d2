// 联审联批: approval items for new and preparatory projects, most done on time, some overdue.

import type { ApprovalRecord } from '../domain/records.js';
import { addDays, isoDate, maxDate, minDate, quarterOf, randomDate, yearOf } from './dates.js';
import type { ProjectYear } from './model.js';
import type { Rng } from './prng.js';
import type { UnitYearParams } from './profiles.js';
import { APPROVAL_ITEMS } from './vocabulary.js';

export function buildApprovals(
  rng: Rng,
  entries: readonly ProjectYear[],
  params: UnitYearParams,
): ApprovalRecord[] {
  const out: ApprovalRecord[] = [];
  const year = params.year;
  for (const py of entries) {
    if (py.nature !== 'new' && py.nature !== 'preparatory') continue;
    const wanted =
      py.nature === 'new'
        ? Math.min(5, Math.max(1, Math.round(params.approvalsPerNew + rng.float(-1.2, 1.2))))
        : rng.int(1, 2);
    const free = APPROVAL_ITEMS.filter(([item]) => !py.p.approvalItems.has(item));
    for (const [item, department, days] of rng.sample(free, wanted)) {
      py.p.approvalItems.add(item);
      const anchor =
        py.nature === 'new' && py.p.actualStart !== null && yearOf(py.p.actualStart) === year
          ? py.p.actualStart
          : (py.p.plannedStart ?? isoDate(year, 6, 1));
      const submittedDate =
        py.nature === 'new'
          ? minDate(isoDate(year, 12, 10), maxDate(isoDate(year, 1, 3), addDays(anchor, -rng.int(20, 140))))
          : randomDate(rng, isoDate(year, 2, 1), isoDate(year, 11, 30));
      // Statutory working days, in calendar days.
      const span = Math.round((days * 7) / 5);
      const dueDate = addDays(submittedDate, span);
      const onTime = params.quarters[yearOf(dueDate) === year ? quarterOf(dueDate) - 1 : 3]!.approvalOnTime;
      let doneDate: string | null;
      if (rng.chance(onTime))
        doneDate = addDays(submittedDate, rng.int(Math.max(1, Math.round(span * 0.3)), span));
      else doneDate = rng.chance(0.8) ? addDays(dueDate, rng.int(3, 60)) : null;
      out.push({
        projectCode: py.p.code,
        itemName: item,
        department: `${py.p.region.name}${department}`,
        dueDate,
        submittedDate,
        doneDate,
      });
    }
  }
  return out;
}
