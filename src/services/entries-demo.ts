// The demo's 加分/扣分 events and manual adjustments (src/demo/entries.ts, simulated): entered by the
// demo, approved by a second demo reviewer (separation of duties holds for the demo too), made once:
// nothing is written when the demo already entered any.

import type { Database } from '../db/client';
import { DEMO_ADJUSTMENTS, DEMO_EVENTS } from '../demo/entries';
import type { AuditContext } from './context';
import {
  approveAdjustment,
  approveEvent,
  listAdjustmentEntries,
  listEventEntries,
} from './evaluation-entries';
import { addAdjustments, addEvents } from './evaluation-entries-add';
import { regionTree } from './region-tree';

export const DEMO_REVIEWER = 'demo-reviewer';

/** How many entries were made (0 when the demo's entries are there already or there is no demo province). */
export async function ensureDemoEntries(database: Database, ctx: AuditContext): Promise<number> {
  const regions = await regionTree(database);
  const province = regions.find((r) => r.kind === 'province');
  const codes = new Set(regions.map((r) => r.code));
  if (
    !province ||
    ![...DEMO_EVENTS.map((e) => e.regionCode), ...DEMO_ADJUSTMENTS.map((a) => a.unitCode)].every((c) =>
      codes.has(c),
    )
  )
    return 0;
  const byDemo = (e: { author: string }) => e.author === ctx.actor;
  const [events, adjustments] = await Promise.all([
    listEventEntries(database, { provinceCode: province.code }),
    listAdjustmentEntries(database, { provinceCode: province.code }),
  ]);
  if (events.some(byDemo) || adjustments.some(byDemo)) return 0;
  const all = () => true;
  const file = 'demo:entries';
  const storedEvents = await addEvents(
    database,
    { file, rows: DEMO_EVENTS.map((record, i) => ({ row: i + 2, record })), mayEnter: all },
    ctx,
  );
  const storedAdjustments = await addAdjustments(
    database,
    { file, rows: DEMO_ADJUSTMENTS.map((record, i) => ({ row: i + 2, record })), mayEnter: all },
    ctx,
  );
  const reviewer = { ...ctx, actor: DEMO_REVIEWER };
  for (const e of storedEvents) await approveEvent(database, e.id, reviewer);
  for (const a of storedAdjustments) await approveAdjustment(database, a.id, reviewer);
  return storedEvents.length + storedAdjustments.length;
}
