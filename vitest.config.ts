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
import { ALL_TESTS, BROWSER_TIER, FILES_TIER, UNIT_INCLUDE } from './test/tiers';

/**
 * Tests only: new password hashes at scrypt N = 1024 instead of 32768 (src/services/auth/password-hash.ts;
 * refused outside a Vitest run). Hundreds of test accounts and sign-ins each paid a production hash,
 * 0.1 s idle and a second on the shared machine. The unit tier keeps the production cost (its test of
 * the hash format checks it).
 */
const CHEAP_HASHES = { SIBI_TEST_SCRYPT_N: '1024' };

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Most of a database or browser test's time is spent outside the worker (PostgreSQL, Chromium,
    // LibreOffice, child sibi processes), so two cores keep three files going.
    maxWorkers: Number(process.env.SIBI_TEST_WORKERS ?? 3),
    minWorkers: 1,
    // Longest files first (test/sequencer.ts), so the run does not end on one slow file.
    sequence: { sequencer: LongestFirst },
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
          pool: 'forks',
        },
      },
    ],
  },
});
