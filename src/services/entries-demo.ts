// The demo's 加分/扣分 events and manual adjustments (src/demo/entries.ts, simulated): entered by the
// demo, approved by a second demo reviewer (separation of duties holds for the demo too), made once:
// nothing is written when the demo already entered any.

import type { Database } from '../db/client';
import { DEMO_ADJUSTMENTS, DEMO_EVENTS } from '../demo/entries';
import { DEMO_SELF_SCORE_SCOPE, DEMO_SELF_SCORES } from '../demo/self-scores';
import type { AuditContext } from './context';
import { InputRejectedError } from './errors';
import {
  approveAdjustment,
  approveEvent,
  listAdjustmentEntries,
  listEventEntries,
} from './evaluation-entries';
import { addAdjustments, addEvents } from './evaluation-entries-add';
import { regionTree } from './region-tree';
import { listSelfScoreEntries, reportSelfScores } from './self-scores';

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
  // The demo's self-scores too (not counted here: the demo reports the 加分/扣分 entries it made).
  await ensureDemoSelfScores(database, ctx);
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

/**
 * The demo's 自评分 (src/demo/self-scores.ts), each reported by its unit's office; made once: nothing is
 * written when any self-score of the demo scope is there already, or when the period is published.
 */
export async function ensureDemoSelfScores(database: Database, ctx: AuditContext): Promise<number> {
  const regions = await regionTree(database);
  const province = regions.find((r) => r.kind === 'province');
  const codes = new Set(regions.map((r) => r.code));
  if (!province || !DEMO_SELF_SCORES.every((s) => codes.has(s.unitCode))) return 0;
  const { scheme, period } = DEMO_SELF_SCORE_SCOPE;
  if ((await listSelfScoreEntries(database, { provinceCode: province.code, scheme, period })).length)
    return 0;
  let made = 0;
  for (const s of DEMO_SELF_SCORES) {
    const stored = await reportSelfScores(
      database,
      {
        file: 'demo:self-scores',
        rows: [{ row: null, record: { scheme, period, ...s } }],
        mayEnter: () => true,
      },
      { ...ctx, actor: s.reportedBy },
    ).catch((e) => {
      // Published already (a demo database that was used): the self-scores are frozen, leave them.
      if (e instanceof InputRejectedError) return [];
      throw e;
    });
    made += stored.length;
  }
  return made;
}
