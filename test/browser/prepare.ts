// Prepares what the browser tests need, ahead of a run: `npx tsx test/browser/prepare.ts`
// (builds web/dist when stale and loads the demo database into tmp/browser-data/ once).
import { buildWebOnce, preparedDemoData } from './server';

const started = Date.now();
await buildWebOnce();
const dir = await preparedDemoData();
process.stdout.write(`ready in ${((Date.now() - started) / 1000).toFixed(0)} s: ${dir}\n`);
