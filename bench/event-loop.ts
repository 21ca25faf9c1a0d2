// The event loop during a sensitivity analysis (issue #14 item 5, #17 item 3): 2000 replications of the
// 28-unit synthetic province, as the API runs them (DEFAULT_VARY), once on the main thread (how a
// request answered before the worker pool: the loop held for the whole run) and once in the worker
// pool (src/services/jobs/worker-pool.ts, as requests and jobs run it now). For each: the run's time
// and the loop's delay meanwhile (perf_hooks monitorEventLoopDelay, 10 ms resolution), medians of
// `--runs` runs. Pure computation: no database, no server.
// Usage: npx tsx bench/event-loop.ts [--runs 3] [--replications 2000]
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { runSensitivity } from '../src/domain/evaluation/sensitivity';
import { syntheticUnits, syntheticValues } from '../src/domain/evaluation/testing/synthetic-province';
import type { EvaluationInput } from '../src/domain/evaluation/types';
import { loadSchemeSync } from '../src/schemes/load-scheme';
import { DEFAULT_VARY } from '../src/services/analyse-evaluation';
import { closeWorkerPool, runInWorker } from '../src/services/jobs/worker-pool';
import { arg } from './lib';

const runs = Number(arg('runs', '3'));
const replications = Number(arg('replications', '2000'));
const input: EvaluationInput = {
  scheme: loadSchemeSync('sibisikan-2020'),
  units: syntheticUnits(),
  values: syntheticValues(),
};
const options = { replications, seed: 1, vary: DEFAULT_VARY };

interface Run {
  ms: number;
  maxDelayMs: number;
  p99DelayMs: number;
}

async function measure(work: () => Promise<unknown>): Promise<Run> {
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  // the histogram's first tick sets its baseline: a delay before it would go unrecorded
  await new Promise((resolve) => setTimeout(resolve, 30));
  const started = performance.now();
  await work();
  const ms = performance.now() - started;
  // one more turn of the loop, so a delay that ends with the work is recorded
  await new Promise((resolve) => setTimeout(resolve, 20));
  histogram.disable();
  return { ms, maxDelayMs: histogram.max / 1e6, p99DelayMs: histogram.percentile(99) / 1e6 };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const summary = (name: string, list: Run[]) =>
  `| ${name} | ${Math.round(median(list.map((r) => r.ms)))} ms | ${Math.round(median(list.map((r) => r.maxDelayMs)))} ms | ${Math.round(median(list.map((r) => r.p99DelayMs)))} ms |`;

// warm up both paths (V8 on the main thread; the pool's thread and its module loading)
runSensitivity(input, { ...options, replications: 100 });
await runInWorker({ kind: 'sensitivity', input, options: { ...options, replications: 100 } });

const main: Run[] = [];
const worker: Run[] = [];
for (let i = 0; i < runs; i++) {
  main.push(await measure(async () => runSensitivity(input, options)));
  worker.push(await measure(() => runInWorker({ kind: 'sensitivity', input, options })));
}
await closeWorkerPool();
console.log(`${input.units.length} units, ${replications} replications, medians of ${runs} runs:\n`);
console.log('| where the analysis runs | time | event-loop delay, max | p99 |');
console.log('|---|---|---|---|');
console.log(summary('main thread (a request before the worker pool)', main));
console.log(summary('worker pool (requests and jobs now)', worker));
