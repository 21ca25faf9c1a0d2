// The layering of src/ (docs/architecture.md), checked on every import of every source file:
//
//   domain    pure: imports only domain (and packages such as zod)
//   policies  the one permissions module: domain only
//   io        files in and out (xlsx, csv, docx, OC4IDS): domain and policies only
//   db        SQL: domain and policies (for types and pure helpers), never services, io, http or cli
//   services  use cases: anything below, never http or cli
//   http      routes: services, domain, io, policies; never db values (row types are allowed)
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

/** What each layer may import from (besides itself); `db:type` = type-only imports from db. */
const ALLOWED: Record<Layer, readonly string[]> = {
  domain: [],
  policies: ['domain'],
  schemes: ['domain'],
  demo: ['domain'],
  io: ['domain', 'policies'],
  db: ['domain', 'policies', 'app-version'],
  services: ['domain', 'policies', 'schemes', 'demo', 'io', 'db', 'app-version'],
  http: ['domain', 'policies', 'schemes', 'io', 'services', 'db:type', 'app-version'],
  cli: ['domain', 'policies', 'schemes', 'io', 'services', 'db', 'app-version'],
};

/** Imports that break the rules today (file → imported module), to be removed. */
const KNOWN: readonly string[] = [
  'src/http/errors.ts → src/db/audit',
  'src/http/errors.ts → src/db/unavailable',
  'src/http/routes/approvals.ts → src/db/records/project-ledgers',
  'src/http/routes/auth.ts → src/db/auth/users',
  'src/http/routes/deals.ts → src/db/records/region-ledgers',
  'src/http/routes/health.ts → src/db/unavailable',
  'src/http/routes/issues.ts → src/db/records/project-ledgers',
  'src/http/routes/projects.ts → src/db/records/project-leaders',
  'src/http/routes/projects.ts → src/db/records/projects',
  'src/http/routes/reports.ts → src/db/records/reports',
  'src/http/routes/reserve.ts → src/db/records/region-ledgers',
  'src/http/routes/users.ts → src/db/auth/users',
];

interface Edge {
  file: string;
  target: string;
  typeOnly: boolean;
}

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return entry === 'testing' ? [] : sources(path);
    return /\.tsx?$/.test(entry) && !entry.endsWith('.test.ts') ? [path] : [];
  });
}

function edges(): Edge[] {
  const pattern =
    /^\s*(?:import|export)\s+(type\s+)?(?:[^;]*?\s+from\s+)?'(\.[^']+)'|import\('(\.[^']+)'\)/gm;
  return sources(SRC).flatMap((path) => {
    const text = readFileSync(path, 'utf8');
    return [...text.matchAll(pattern)].map((m) => ({
      file: relative(ROOT, path),
      target: relative(ROOT, normalize(join(dirname(path), m[2] ?? m[3]!))),
      typeOnly: Boolean(m[1]),
    }));
  });
}

function layerOf(path: string): string {
  return path.split('/')[1] ?? '';
}

function breaks(edge: Edge): boolean {
  const from = layerOf(edge.file) as Layer;
  const to = layerOf(edge.target);
  if (!edge.target.startsWith('src/') || from === to || !(from in ALLOWED)) return false;
  if (edge.file === 'src/cli/commands/serve.ts' && to === 'http') return false;
  const allowed = ALLOWED[from];
  return !(allowed.includes(to) || (edge.typeOnly && allowed.includes(`${to}:type`)));
}

describe('layering', () => {
  const all = edges();

  it('reads the imports of the sources', () => {
    expect(all.length).toBeGreaterThan(1000);
    expect(all).toContainEqual({
      file: 'src/services/compute-stats.ts',
      target: expect.stringMatching(/^src\/db\//),
      typeOnly: expect.any(Boolean),
    });
  });

  it('has no import that breaks a rule, but the known ones', () => {
    const found = all.filter(breaks).map((e) => `${e.file} → ${e.target}`);
    expect(found.filter((e) => !KNOWN.includes(e))).toEqual([]);
    expect(KNOWN.filter((e) => !found.includes(e))).toEqual([]);
  });

  it('catches a breaking import', () => {
    expect(breaks({ file: 'src/domain/a.ts', target: 'src/db/client', typeOnly: true })).toBe(true);
    expect(breaks({ file: 'src/http/routes/a.ts', target: 'src/db/paging', typeOnly: false })).toBe(true);
    expect(breaks({ file: 'src/http/routes/a.ts', target: 'src/db/schema', typeOnly: true })).toBe(false);
    expect(breaks({ file: 'src/services/a.ts', target: 'src/http/app', typeOnly: false })).toBe(true);
  });
});
