// Signing and encryption keep a backup streaming. A child process with a 64 MB heap writes a signed,
// encrypted backup of made-up rows and reads it back through every check (test/helpers/
// backup-stream-child.ts): once with about 20 MB of row text, once with about 100 MB. Holding the
// rows would not fit the heap; and the peak resident memory of the larger run may exceed the smaller
// one's by well under the 80 MB between them. No database: the size is the file layer's alone (the
// database side reads through a cursor, src/db/dump/rows.ts).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'sibi-backup-stream-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const ROOT = join(import.meta.dirname, '..', '..');

interface Run {
  textMiB: number;
  fileMiB: number;
  peakMiB: number;
  signature: string;
}

function run(rows: number): Run {
  const out = execFileSync(
    process.execPath,
    [
      '--max-old-space-size=64',
      '--import',
      'tsx',
      join(ROOT, 'test', 'helpers', 'backup-stream-child.ts'),
      join(dir, `${rows}.sibi.gz`),
      String(rows),
    ],
    { cwd: ROOT, encoding: 'utf8' },
  );
  return JSON.parse(out) as Run;
}

it('writes and verifies a signed, encrypted backup in memory that does not grow with its size', () => {
  const small = run(10_000);
  const large = run(50_000);
  console.log(
    `backup stream: ${small.textMiB.toFixed(0)} MiB of rows → peak ${small.peakMiB.toFixed(0)} MiB; ` +
      `${large.textMiB.toFixed(0)} MiB of rows (file ${large.fileMiB.toFixed(0)} MiB) → peak ${large.peakMiB.toFixed(0)} MiB`,
  );
  expect([small.signature, large.signature]).toEqual(['verified', 'verified']);
  expect(large.textMiB - small.textMiB).toBeGreaterThan(75);
  expect(large.peakMiB - small.peakMiB).toBeLessThan(30);
}, 900_000);
