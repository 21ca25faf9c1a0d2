// The worker pool from the TypeScript sources (vitest): a sensitivity run in a worker thread gives
// the same result as in-process, reports its progress, and is stopped by an abort.
import { afterAll, describe, expect, it } from 'vitest';
import { canonicalJson } from '../../domain/evaluation/canonical-json';
import { runSensitivity } from '../../domain/evaluation/sensitivity';
import { syntheticUnits, syntheticValues } from '../../domain/evaluation/testing/synthetic-province';
import type { EvaluationInput } from '../../domain/evaluation/types';
import { loadSchemeSync } from '../../schemes/load-scheme';
import { DEFAULT_VARY } from '../analyse-evaluation';
import { closeWorkerPool, runInWorker, workerEntry } from './worker-pool';

const input: EvaluationInput = {
  scheme: loadSchemeSync('sibisikan-2020'),
  units: syntheticUnits(),
  values: syntheticValues(),
};

describe('worker pool', () => {
  afterAll(() => closeWorkerPool());

  it('loads the sources through the tsx bootstrap when there is no bundle', () => {
    expect(workerEntry()).toMatch(/src\/services\/jobs\/worker-tsx\.mjs$/);
  });

  it('runs a sensitivity analysis in a thread: the in-process result, with progress up to the end', async () => {
    const options = { replications: 200, seed: 7, vary: DEFAULT_VARY };
    const seen: [number, number][] = [];
    const result = await runInWorker(
      { kind: 'sensitivity', input, options },
      {
        onProgress: (done, total) => seen.push([done, total]),
      },
    );
    expect(canonicalJson(result)).toBe(canonicalJson(runSensitivity(input, options)));
    expect(seen.length).toBeGreaterThan(10);
    const [done, total] = seen.at(-1)!;
    expect(done).toBe(total);
    expect(seen.every(([d], i) => i === 0 || d > seen[i - 1]![0])).toBe(true);
  });

  it('stops a running task when aborted', async () => {
    const controller = new AbortController();
    let started = false;
    const running = runInWorker(
      { kind: 'sensitivity', input, options: { replications: 20_000, vary: DEFAULT_VARY } },
      {
        signal: controller.signal,
        onProgress: () => {
          if (!started) controller.abort();
          started = true;
        },
      },
    );
    await expect(running).rejects.toThrow(/abort/i);
    // the pool still works afterwards
    const audit = await runInWorker<{ groups: unknown[] }>({
      kind: 'what-it-takes',
      input,
      unit: '410300',
    });
    expect(audit).toHaveProperty('unit', '410300');
  });
});
