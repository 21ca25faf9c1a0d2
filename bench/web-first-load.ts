// First load of the web app in headless Chromium: the JavaScript a first visit downloads (raw and
// gzip sizes of exactly the files requested) and the time until the login form is usable, median of
// --runs fresh browser contexts (empty cache). Needs web/dist (npm run build:web).
// Usage: npx tsx bench/web-first-load.ts [--runs 5]
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { arg, median } from './lib';

const RUNS = Number(arg('runs', '5'));
const ROOT = join(import.meta.dirname, '..');
const DIST = join(ROOT, 'web', 'dist');
const port = 3990;
const dataDir = mkdtempSync(join(tmpdir(), 'sibi-first-load-'));

const server: ChildProcess = spawn(
  process.execPath,
  [join(ROOT, 'bin', 'sibi.mjs'), 'serve', '--port', String(port)],
  {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: '', SIBI_DATA_DIR: dataDir },
    stdio: ['ignore', 'ignore', 'pipe'],
  },
);
await new Promise<void>((resolve, reject) => {
  let err = '';
  server.stderr!.on('data', (d) => {
    err += d;
    if (err.includes('sibi 已启动')) resolve();
  });
  server.on('exit', (code) => reject(new Error(`server exited ${code}: ${err}`)));
});

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
});
const times: number[] = [];
let scripts: string[] = [];
for (let i = 0; i < RUNS; i++) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const requested: string[] = [];
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (url.pathname.endsWith('.js')) requested.push(url.pathname);
  });
  const started = performance.now();
  await page.goto(`http://127.0.0.1:${port}/`);
  await page.locator('input[type="password"]').waitFor({ state: 'visible' });
  times.push(performance.now() - started);
  scripts = [...new Set(requested)];
  await context.close();
}
await browser.close();
server.kill('SIGTERM');
rmSync(dataDir, { recursive: true, force: true });

let raw = 0;
let gzip = 0;
for (const path of scripts) {
  const bytes = readFileSync(join(DIST, path));
  raw += bytes.length;
  gzip += gzipSync(bytes, { level: 9 }).length;
}
const kib = (n: number) => `${(n / 1024).toFixed(0)} KiB`;
console.log(
  `| first visit (login page) | ${scripts.length} JS files | ${kib(raw)} raw | ${kib(gzip)} gzip | ${median(times).toFixed(0)} ms to a usable login form (median of ${RUNS}, runs: ${times.map((t) => t.toFixed(0)).join(', ')}) |`,
);
