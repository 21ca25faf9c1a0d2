// The order `npm test` starts its files in: longest first, so the run does not end with one worker
// still on a five-minute file while the others sit idle. Vitest's own order needs a previous run's
// timings (node_modules/.vite/vitest/…/results.json), which a clean clone — what CI runs — has not:
// it would start the browser tier, the slowest, last. Here the known slow files come first (their
// seconds from the last measured clean run, docs/benchmarks.md → the test suite), then browser
// files, then database files, then the rest; within each, vitest's recorded duration if there is
// one, else the larger file first.
import { relative } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/** Seconds a file took in the last measured run (a clean clone, three files at once, machine shared). */
export const KNOWN_SLOW: Record<string, number> = {
  'test/crash.test.ts': 427,
  'test/authz-matrix.test.ts': 369,
  'test/browser/evaluation.test.ts': 292,
  'test/demo-province.test.ts': 266,
};

/** Rough seconds per file where nothing better is known: a browser file starts a server and Chromium. */
const TIER_GUESS: Record<string, number> = { browser: 90, db: 30, files: 20, unit: 1 };

export default class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const root = this.ctx.config.root;
    const weight = (spec: TestSpecification): number => {
      const path = relative(root, spec.moduleId);
      const known = KNOWN_SLOW[path];
      if (known !== undefined) return known * 1000;
      const recorded = this.ctx.cache.getFileTestResults(`${spec.project.name}:${path}`)?.duration;
      if (recorded) return recorded;
      const size = this.ctx.cache.getFileStats(`${spec.project.name}:${path}`)?.size ?? 0;
      // Unknown duration: the tier's guess, larger files a little ahead of smaller ones.
      return (TIER_GUESS[spec.project.name] ?? 10) * 1000 + size / 100;
    };
    return [...files]
      .map((spec) => ({ spec, w: weight(spec) }))
      .sort((a, b) => b.w - a.w)
      .map(({ spec }) => spec);
  }
}
