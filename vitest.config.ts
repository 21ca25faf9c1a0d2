// The test tiers (docs/development.md → 测试分层). `npm test` runs all three; each alone:
//   npm run test:unit     pure functions, parsers and writers: no database, server, browser or office
//                         suite, no global setup; under a minute, for the inner loop
//   npm run test:db       database, server and CLI tests, on PGlite (a migrated dump prepared once,
//                         cloned per open) and PostgreSQL (a database per open); and the `files`
//                         project: 100,000-row files and the LibreOffice round trips
//   npm run test:browser  the web in Chromium against a demo server
// One file: `npx vitest run path/to/file.test.ts`. A database test in the unit tier fails at once
// (test/helpers/databases.ts checks SIBI_TEST_TIER).
import { defineConfig } from 'vitest/config';
import LongestFirst from './test/sequencer';
import SuiteTimes from './test/suite-times';
import { CHEAP_HASHES } from './test/test-env';
import { ALL_TESTS, BROWSER_TIER, FILES_TIER, UNIT_INCLUDE } from './test/tiers';

const WORKERS = Number(process.env.SIBI_TEST_WORKERS ?? 3);

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Most of a database or browser test's time is spent outside the worker (PostgreSQL, Chromium,
    // LibreOffice, child sibi processes), so two cores keep three files going.
    maxWorkers: WORKERS,
    // As many kept as may run: tinypool drops a worker idle above minWorkers on a timer, and a file
    // handed to it meanwhile dies with "Terminating worker thread" (seen with isolate: false below).
    minWorkers: WORKERS,
    // The database, files and browser tiers share their worker processes between files (no fresh
    // process and module graph per file): a file no longer loads the server's modules again, nor
    // compiles PGlite's WebAssembly again (V8 keeps it per process). Measured on 30 route files: 181 →
    // 120 s wall, 320 → 180 CPU s (docs/benchmarks.md). A file must leave no state behind: close what
    // it opens, restore what it changes in process.env (vi.resetConfig and restoreAllMocks run between
    // files). The unit tier (threads) stays isolated.
    poolOptions: { forks: { isolate: false } },
    // Longest files first (test/sequencer.ts), so the run does not end on one slow file.
    sequence: { sequencer: LongestFirst },
    // In CI (and with SIBI_TEST_TIMES=1): each tier's summed time and the slowest files, at the end and
    // in tmp/test-times.json (test/suite-times.ts).
    reporters:
      process.env.CI || process.env.SIBI_TEST_TIMES === '1' ? ['default', new SuiteTimes()] : ['default'],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: UNIT_INCLUDE,
          exclude: FILES_TIER,
          env: { SIBI_TEST_TIER: 'unit' },
          testTimeout: 30_000,
          pool: 'threads',
        },
      },
      {
        extends: true,
        test: {
          name: 'db',
          include: ALL_TESTS,
          exclude: [...UNIT_INCLUDE, ...BROWSER_TIER],
          globalSetup: ['test/global-setup.ts'],
          env: CHEAP_HASHES,
          pool: 'forks',
        },
      },
      {
        extends: true,
        test: { name: 'files', include: FILES_TIER, pool: 'forks' },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: BROWSER_TIER,
          globalSetup: ['test/browser/global-setup.ts'],
          env: CHEAP_HASHES,
          // Worker threads, isolated: a pool of its own beside the database tier's processes, so
          // browser files (mostly waiting on Chromium and the demo servers) run while database files
          // use the CPU — in the forks pool they would wait for the whole database tier to end
          // (shared workers run one project's files after another's).
          pool: 'threads',
          // A browser step on a busy machine takes seconds: a minute per test is too tight. (Set here:
          // vi.setConfig in a file does not reach its tests when workers are shared between files.)
          testTimeout: 240_000,
        },
      },
    ],
  },
});
