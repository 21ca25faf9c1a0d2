// Small helpers shared by the benchmarks: timing, medians, child-process peak memory.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

export async function timeIt(work: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  await work();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export async function medianOf(
  runs: number,
  work: () => Promise<unknown>,
): Promise<{ median: number; runs: number[] }> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push(await timeIt(work));
  return { median: median(times), runs: times };
}

/** Runs a bench script in a fresh process and returns its peak resident memory in MiB. */
export function peakMemoryOf(script: string, args: string[]): { mib: number; stdout: string } {
  const result = spawnSync(process.execPath, ['--import', 'tsx', script, ...args], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) throw new Error(`${script} failed: ${result.stderr}`);
  const match = /PEAK_RSS_KIB=(\d+)/.exec(result.stdout);
  if (!match) throw new Error(`no PEAK_RSS_KIB in output of ${script}`);
  return { mib: Number(match[1]) / 1024, stdout: result.stdout };
}

/**
 * This process's peak resident memory in KiB: VmHWM from /proc/self/status (Linux). Not
 * process.resourceUsage().maxRSS, which on Linux starts a child's peak at its parent's resident size
 * (libuv spawns with vfork): a child of a large process reports the parent's memory.
 */
export function peakRssKib(): number {
  try {
    const hwm = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (hwm) return Number(hwm[1]);
  } catch {}
  return process.resourceUsage().maxRSS;
}

export function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}

export const fmt = (ms: number) => `${ms.toFixed(0)} ms`;

/**
 * Times `a` and `b` in pairs, `runs` times, the order swapped every other pair (a b, b a, …) so
 * neither always runs right after the other. Returns both medians and the median of the per-pair
 * ratios a/b, which a shared machine's slow drifts in load disturb least.
 */
export async function pairedMedians(
  runs: number,
  a: () => Promise<unknown>,
  b: () => Promise<unknown>,
): Promise<{ a: number; b: number; ratio: number }> {
  const ta: number[] = [];
  const tb: number[] = [];
  for (let i = 0; i < runs; i++) {
    if (i % 2 === 0) {
      ta.push(await timeIt(a));
      tb.push(await timeIt(b));
    } else {
      tb.push(await timeIt(b));
      ta.push(await timeIt(a));
    }
  }
  return { a: median(ta), b: median(tb), ratio: median(ta.map((t, i) => t / tb[i]!)) };
}
