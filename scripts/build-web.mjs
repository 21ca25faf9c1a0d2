#!/usr/bin/env node
// Builds the web app (web/ → web/dist) only when web/dist is missing or older than its sources:
// `npm start` runs it first (prestart), and the browser tests call it before starting a server.
// Concurrent callers wait for one build instead of running several.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const WEB = join(ROOT, 'web');
const BUILT = join(WEB, 'dist', 'index.html');
const LOCK = join(WEB, '.build-lock');
const SOURCES = ['src', 'public', 'index.html', 'vite.config.ts'].map((p) => join(WEB, p));
const STALE_LOCK_MS = 10 * 60_000;

function newest(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = stat.mtimeMs;
  for (const entry of readdirSync(path)) latest = Math.max(latest, newest(join(path, entry)));
  return latest;
}

function upToDate() {
  if (!existsSync(BUILT)) return false;
  const built = statSync(BUILT).mtimeMs;
  const lock = join(ROOT, 'package-lock.json');
  return Math.max(...SOURCES.map(newest), existsSync(lock) ? statSync(lock).mtimeMs : 0) <= built;
}

/** The lock holds its owner's pid; a lock whose owner has died (or a very old one) is taken over. */
function takeLock() {
  try {
    mkdirSync(LOCK);
    writeFileSync(join(LOCK, 'pid'), String(process.pid));
    return true;
  } catch {
    let owner = 0;
    try {
      owner = Number(readFileSync(join(LOCK, 'pid'), 'utf8'));
    } catch {
      owner = 0;
    }
    const age = Date.now() - (existsSync(LOCK) ? statSync(LOCK).mtimeMs : Date.now());
    if ((owner && !alive(owner)) || (!owner && age > 60_000) || age > STALE_LOCK_MS) {
      rmSync(LOCK, { recursive: true, force: true });
    }
    return false;
  }
}

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export async function buildWeb({ force = false, quiet = false } = {}) {
  for (;;) {
    if (!force && upToDate()) return false;
    if (takeLock()) break;
    await sleep(500);
  }
  try {
    if (!force && upToDate()) return false;
    if (!quiet) process.stderr.write('正在构建网页界面（web/ → web/dist）…\n');
    const vite = join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
    // Asynchronous, so a test process waiting for the build keeps its event loop.
    const status = await new Promise((resolve, reject) => {
      const child = spawn(
        process.execPath,
        [vite, 'build', '--config', join(WEB, 'vite.config.ts'), '--logLevel', quiet ? 'error' : 'warn'],
        {
          cwd: ROOT,
          stdio: quiet ? ['ignore', 'ignore', 'inherit'] : 'inherit',
          // Vite follows NODE_ENV; under a test runner it is "test", which would build React's and
          // antd's development code.
          env: { ...process.env, NODE_ENV: 'production' },
        },
      );
      child.once('error', reject);
      child.once('exit', (code) => resolve(code));
    });
    if (status !== 0) throw new Error(`vite build failed (exit ${status})`);
    return true;
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    const built = await buildWeb({ force: process.argv.includes('--force') });
    if (!built) process.stderr.write('网页界面已是最新（web/dist）。\n');
  } catch (error) {
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
}
