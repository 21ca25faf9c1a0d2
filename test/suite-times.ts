// A Vitest reporter for the suite's timings (docs/benchmarks.md → the test suite): at the end of a
// run it prints the wall time, each tier's files and the sum of their times, and the slowest files,
// and writes them to tmp/test-times.json. On in CI and with SIBI_TEST_TIMES=1 (vitest.config.ts).
// Printed in `onFinished`, after Vitest's failures and summary (its default reporter prints them
// there, and this reporter comes after it): the last lines of a CI log are the ones kept.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Reporter, TestModule, Vitest } from 'vitest/node';

export default class SuiteTimes implements Reporter {
  private started = performance.now();
  private root = process.cwd();
  private lines: string[] = [];

  onInit(ctx: Vitest): void {
    this.root = ctx.config.root;
    this.started = performance.now();
  }

  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    const wall = (performance.now() - this.started) / 1000;
    const files = modules.map((m) => ({
      tier: m.project.name,
      file: relative(this.root, m.moduleId),
      seconds: Math.round(m.diagnostic().duration / 100) / 10,
      state: m.state(),
    }));
    const tiers: Record<string, { files: number; seconds: number }> = {};
    for (const f of files) {
      tiers[f.tier] ??= { files: 0, seconds: 0 };
      const tier = tiers[f.tier]!;
      tier.files++;
      tier.seconds = Math.round((tier.seconds + f.seconds) * 10) / 10;
    }
    const slowest = [...files].sort((a, b) => b.seconds - a.seconds);
    const out = join(this.root, 'tmp', 'test-times.json');
    mkdirSync(join(this.root, 'tmp'), { recursive: true });
    writeFileSync(out, `${JSON.stringify({ wall: Math.round(wall), tiers, files: slowest }, null, 1)}\n`);
    const lines = [
      `suite: ${Math.round(wall)} s wall, ${files.length} files (${out})`,
      ...Object.entries(tiers).map(
        ([name, t]) => `  ${name}: ${t.files} files, ${Math.round(t.seconds)} s summed`,
      ),
      '  slowest:',
      ...slowest.slice(0, 20).map((f) => `    ${f.seconds.toFixed(0).padStart(5)} s  ${f.tier}  ${f.file}`),
    ];
    this.lines = lines;
  }

  onFinished(): void {
    if (this.lines.length > 0) process.stdout.write(`\n${this.lines.join('\n')}\n`);
  }
}
