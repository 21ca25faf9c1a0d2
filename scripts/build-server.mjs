#!/usr/bin/env node
// Bundles the CLI and the server (src/cli/main.ts) with esbuild into dist/cli/<build>/, with each
// command's code in its own chunk loaded on use. bin/sibi.mjs runs the bundle and calls
// `ensureServerBuild()` first, which rebuilds only when a source is newer than the build.
//
// Builds never overwrite each other: each goes to a new folder and `dist/cli/current` names the
// newest, so a process still running an older build keeps finding its chunks. Folders older than
// a day are removed. Files the code reads beside itself (migrations, demo data, scheme YAML, the
// password list, package.json) stay in src/: every `import.meta.url` in a source file is rewritten
// to that file's own URL, relative to the bundle.
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUT = join(ROOT, 'dist', 'cli');
const CURRENT = join(OUT, 'current');
const SOURCES = [join(ROOT, 'src'), join(ROOT, 'package-lock.json'), fileURLToPath(import.meta.url)];
const KEEP_MS = 24 * 3600_000;

function newest(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = stat.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (!entry.endsWith('.test.ts')) latest = Math.max(latest, newest(join(path, entry)));
  }
  return latest;
}

/** The entry file of the current build, or null when there is none. */
export function currentBuild() {
  try {
    const entry = join(OUT, readFileSync(CURRENT, 'utf8').trim(), 'main.js');
    return existsSync(entry) ? entry : null;
  } catch {
    return null;
  }
}

/** The build's entry file, built first when missing or older than any source. */
export async function ensureServerBuild() {
  const entry = currentBuild();
  if (entry && SOURCES.every((source) => newest(source) <= statSync(entry).mtimeMs)) return entry;
  return buildServer();
}

/** Rewrites `import.meta.url` in a source file to that file's URL, from the bundle's folder. */
function sourceUrlPlugin(outdir) {
  return {
    name: 'source-url',
    setup(build) {
      build.onLoad({ filter: /[\\/]src[\\/].*\.ts$/ }, (args) => {
        const text = readFileSync(args.path, 'utf8');
        if (!text.includes('import.meta.url')) return undefined;
        const rel = relative(outdir, args.path).split('\\').join('/');
        const url = `new URL(${JSON.stringify(rel)}, import.meta.url).href`;
        return { contents: text.replaceAll('import.meta.url', url), loader: 'ts' };
      });
    },
  };
}

export async function buildServer() {
  const { build } = await import('esbuild');
  // The entry's mtime becomes the time the sources were read, so an edit made during the build
  // leaves the build stale.
  const started = new Date();
  mkdirSync(OUT, { recursive: true });
  const name = `b${Date.now().toString(36)}-${process.pid}`;
  const outdir = join(OUT, name);
  await build({
    // The job worker (src/services/jobs/worker.ts) is an entry of its own: worker threads load
    // job-worker.js from the build's folder (worker-pool.ts), sharing the chunks of main.js.
    entryPoints: [
      { in: join(ROOT, 'src', 'cli', 'main.ts'), out: 'main' },
      { in: join(ROOT, 'src', 'services', 'jobs', 'worker.ts'), out: 'job-worker' },
    ],
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    sourcemap: 'linked',
    logLevel: 'warning',
    plugins: [sourceUrlPlugin(outdir)],
  });
  utimesSync(join(outdir, 'main.js'), started, started);
  const pointer = `${CURRENT}.${process.pid}`;
  writeFileSync(pointer, name);
  renameSync(pointer, CURRENT);
  removeOldBuilds(name);
  return join(outdir, 'main.js');
}

function removeOldBuilds(keep) {
  for (const entry of readdirSync(OUT)) {
    const path = join(OUT, entry);
    if (entry === keep || !entry.startsWith('b')) continue;
    try {
      if (Date.now() - statSync(path).mtimeMs > KEEP_MS) rmSync(path, { recursive: true, force: true });
    } catch {
      // another process removed it first
    }
  }
}

// `npm run build` (and so `npm start`): a build no source is newer than is kept; --force builds anyway.
if (process.argv[1] && pathToFileURL(process.argv[1]).href === import.meta.url) {
  const started = Date.now();
  const before = currentBuild();
  const entry = process.argv.includes('--force') ? await buildServer() : await ensureServerBuild();
  const what = entry === before ? 'up to date' : `built in ${Date.now() - started} ms`;
  process.stdout.write(`${relative(ROOT, dirname(entry))}: ${what}\n`);
}
