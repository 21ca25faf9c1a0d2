// Start-up of the CLI and the server: the bundle (bin/sibi.mjs → dist/cli) against the TypeScript
// sources through tsx (SIBI_TSX=1), alternated run by run so machine noise hits both alike.
//   npx tsx bench/cli-startup.ts [--runs 7]
// Prints, per case, the median wall time and peak memory (GNU time's maximum resident set).
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureServerBuild } from '../scripts/build-server.mjs';
import { arg, median } from './lib';

const ROOT = join(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin', 'sibi.mjs');
const runs = Number(arg('runs', '7'));

interface Sample {
  ms: number;
  mib: number;
}

/** `sibi --help` under /usr/bin/time: wall time and peak memory. */
function help(tsx: boolean): Sample {
  const started = process.hrtime.bigint();
  const result = spawnSync('/usr/bin/time', ['-f', 'MAXRSS_KIB=%M', process.execPath, BIN, '--help'], {
    encoding: 'utf8',
    env: { ...process.env, SIBI_TSX: tsx ? '1' : '0' },
  });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.status !== 0) throw new Error(`sibi --help failed: ${result.stderr}`);
  const kib = Number(/MAXRSS_KIB=(\d+)/.exec(result.stderr)?.[1]);
  return { ms, mib: kib / 1024 };
}

/** `sibi serve` on an empty embedded folder (migrated once before) until it prints that it is ready. */
function serve(tsx: boolean, dataDir: string): Promise<Sample> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(
      '/usr/bin/time',
      ['-f', 'MAXRSS_KIB=%M', process.execPath, BIN, 'serve', '--port', '0'],
      { env: { ...process.env, SIBI_TSX: tsx ? '1' : '0', SIBI_DATA_DIR: dataDir }, stdio: 'pipe' },
    );
    let ms = 0;
    let err = '';
    const ready = (chunk: Buffer) => {
      if (!ms && chunk.toString().includes('sibi 已启动')) {
        ms = Number(process.hrtime.bigint() - started) / 1e6;
        spawnSync('pkill', ['-INT', '-P', String(child.pid)]);
      }
    };
    child.stdout.on('data', ready);
    child.stderr.on('data', (chunk: Buffer) => {
      err += chunk.toString();
      ready(chunk);
    });
    child.on('exit', () => {
      const kib = Number(/MAXRSS_KIB=(\d+)/.exec(err)?.[1]);
      if (!ms) reject(new Error(`sibi serve did not start: ${err}`));
      else resolve({ ms, mib: kib / 1024 });
    });
  });
}

await ensureServerBuild();
const dataDir = mkdtempSync(join(tmpdir(), 'sibi-bench-start-'));
try {
  await serve(false, dataDir); // migrates the folder, so every measured start opens a migrated one
  const cases: Record<string, Sample[]> = {
    'help:bundle': [],
    'help:tsx': [],
    'serve:bundle': [],
    'serve:tsx': [],
  };
  for (let i = 0; i < runs; i++) {
    for (const tsx of [false, true]) {
      cases[`help:${tsx ? 'tsx' : 'bundle'}`]!.push(help(tsx));
      cases[`serve:${tsx ? 'tsx' : 'bundle'}`]!.push(await serve(tsx, dataDir));
    }
  }
  for (const [name, samples] of Object.entries(cases)) {
    const ms = median(samples.map((s) => s.ms));
    const mib = median(samples.map((s) => s.mib));
    process.stdout.write(
      `${name.padEnd(14)} median ${ms.toFixed(0)} ms, peak ${mib.toFixed(0)} MiB (${runs} runs)\n`,
    );
  }
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
