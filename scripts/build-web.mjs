#!/usr/bin/env node
// Builds the web app (web/ → web/dist) only when its sources changed: `npm start` runs it first
// (prestart), and the browser tests call it before starting a server. What was built is recorded as a
// digest of the sources' contents (web/src without tests, web/public, web/index.html, the web config,
// package-lock.json) in dist/web-build.json beside the built index.html's size and time: the build is
// reused while both match, whatever the files' times (a fresh clone, a checkout, a touch), and made
// again when a byte of a source differs. Concurrent callers wait for one build instead of running several.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const WEB = join(ROOT, 'web');
const BUILT = join(WEB, 'dist', 'index.html');
const STAMP = join(ROOT, 'dist', 'web-build.json');
const LOCK = join(WEB, '.build-lock');
const SOURCES = [
  ...['src', 'public', 'index.html', 'vite.config.ts', 'tsconfig.json'].map((p) => join(WEB, p)),
  join(ROOT, 'package-lock.json'),
];
const STALE_LOCK_MS = 10 * 60_000;

function files(path, out = []) {
  if (!existsSync(path)) return out;
  if (!statSync(path).isDirectory()) {
    if (!path.endsWith('.test.ts')) out.push(path);
    return out;
  }
  for (const entry of readdirSync(path)) files(join(path, entry), out);
  return out;
}

/** A digest of every source file's path and bytes, in path order. */
export function webSourcesDigest() {
  const hash = createHash('sha256');
  const paths = SOURCES.flatMap((source) => files(source)).map((p) =>
    relative(ROOT, p).split('\\').join('/'),
  );
  for (const path of paths.sort())
    hash
      .update(`${path}\0`)
      .update(readFileSync(join(ROOT, path)))
      .update('\0');
  return hash.digest('hex');
}

function builtIndex() {
  const stat = statSync(BUILT);
  return { size: stat.size, mtimeMs: stat.mtimeMs };
}

function upToDate() {
  if (!existsSync(BUILT) || !existsSync(STAMP)) return false;
  try {
    const stamp = JSON.parse(readFileSync(STAMP, 'utf8'));
    const index = builtIndex();
    return (
      stamp.sources === webSourcesDigest() &&
      stamp.index?.size === index.size &&
      stamp.index?.mtimeMs === index.mtimeMs
    );
  } catch {
    return false;
  }
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
    // the digest of the sources as read before the build: an edit made during it leaves the build stale
    const sources = webSourcesDigest();
    rmSync(STAMP, { force: true });
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
    mkdirSync(dirname(STAMP), { recursive: true });
    writeFileSync(
      STAMP,
      `${JSON.stringify({ sources, index: builtIndex(), builtAt: new Date().toISOString() }, null, 2)}\n`,
    );
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
