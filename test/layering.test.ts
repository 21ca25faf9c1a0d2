// The layering of src/ (docs/architecture.md), checked on every import of every source file:
//
//   domain    pure: imports only domain (and packages such as zod)
//   policies  the one permissions module: domain only
//   io        files in and out (xlsx, csv, docx, OC4IDS): domain and policies only
//   db        SQL: domain and policies (for types and pure helpers), never services, io, http or cli
//   services  use cases: anything below, never http or cli
//   http      routes: services, domain, io, policies; never db, not even a type (row types come
//             re-exported by src/services/row-types.ts, the database handle by src/services/database.ts)
//   cli       commands: services and below, never http (but `serve`, which starts it)
//   src/app-version.ts (package.json's version) may be read by every layer but domain
//
// KNOWN lists the imports that break a rule today and are to go (issue 15): a new one fails this
// test, and so does an entry that no longer exists (remove it from the list).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SRC = join(ROOT, 'src');

type Layer = 'domain' | 'policies' | 'io' | 'db' | 'services' | 'http' | 'cli' | 'schemes' | 'demo';

/** What each layer may import from (besides itself), type-only imports included. */
const ALLOWED: Record<Layer, readonly string[]> = {
  domain: [],
  policies: ['domain'],
  schemes: ['domain'],
  demo: ['domain'],
  io: ['domain', 'policies'],
  db: ['domain', 'policies', 'app-version'],
  services: ['domain', 'policies', 'schemes', 'demo', 'io', 'db', 'app-version'],
  http: ['domain', 'policies', 'schemes', 'io', 'services', 'app-version'],
  cli: ['domain', 'policies', 'schemes', 'io', 'services', 'db', 'app-version'],
};

/** Imports that break the rules today (file → imported module), to be removed. */
const KNOWN: readonly string[] = [];

interface Edge {
  file: string;
  target: string;
}

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return entry === 'testing' ? [] : sources(path);
    return /\.tsx?$/.test(entry) && !entry.endsWith('.test.ts') ? [path] : [];
  });
}

const IMPORT = /^\s*(?:import|export)\s+(?:type\s+)?(?:[^;]*?\s+from\s+)?'(\.[^']+)'|import\('(\.[^']+)'\)/gm;

/** The relative imports and re-exports of one source file (`file` relative to the root). */
function importsOf(file: string, text: string): Edge[] {
  return [...text.matchAll(IMPORT)].map((m) => ({
    file,
    target: normalize(join(dirname(file), m[1] ?? m[2]!)),
  }));
}

function edges(): Edge[] {
  return sources(SRC).flatMap((path) => importsOf(relative(ROOT, path), readFileSync(path, 'utf8')));
}

function layerOf(path: string): string {
  return path.split('/')[1] ?? '';
}

function breaks(edge: Edge): boolean {
  const from = layerOf(edge.file) as Layer;
  const to = layerOf(edge.target);
  if (!edge.target.startsWith('src/') || from === to || !(from in ALLOWED)) return false;
  if (edge.file === 'src/cli/commands/serve.ts' && to === 'http') return false;
  return !ALLOWED[from].includes(to);
}

describe('layering', () => {
  const all = edges();

  it('reads the imports of the sources', () => {
    expect(all.length).toBeGreaterThan(1000);
    expect(all).toContainEqual({
      file: 'src/services/compute-stats.ts',
      target: expect.stringMatching(/^src\/db\//),
    });
  });

  it('has no import that breaks a rule, but the known ones', () => {
    const found = all.filter(breaks).map((e) => `${e.file} → ${e.target}`);
    expect(found.filter((e) => !KNOWN.includes(e))).toEqual([]);
    expect(KNOWN.filter((e) => !found.includes(e))).toEqual([]);
  });

  it('catches a breaking import', () => {
    expect(breaks({ file: 'src/domain/a.ts', target: 'src/db/client' })).toBe(true);
    expect(breaks({ file: 'src/http/routes/a.ts', target: 'src/db/paging' })).toBe(true);
    expect(breaks({ file: 'src/http/routes/a.ts', target: 'src/services/row-types' })).toBe(false);
    expect(breaks({ file: 'src/services/a.ts', target: 'src/http/app' })).toBe(true);
    expect(breaks({ file: 'src/services/a.ts', target: 'src/db/client' })).toBe(false);
  });

  it('counts type-only imports and re-exports: http may not name db, not even for a type', () => {
    const text = [
      "import type { ProjectRow } from '../../db/records/projects';",
      "export type { UserRow } from '../../db/auth/users';",
      "import { type Page, readPage } from '../../db/paging';",
      "import type { Database } from '../../services/database';",
    ].join('\n');
    const found = importsOf('src/http/routes/a.ts', text);
    expect(found.map((e) => e.target)).toEqual([
      'src/db/records/projects',
      'src/db/auth/users',
      'src/db/paging',
      'src/services/database',
    ]);
    expect(found.map(breaks)).toEqual([true, true, true, false]);
  });
});
