// Which test files make up which tier (vitest.config.ts). The unit tier: pure functions, parsers
// and writers — no database, no server, no browser, no office suite.
export const UNIT_INCLUDE = [
  'src/domain/**/*.test.ts',
  'src/policies/**/*.test.ts',
  'src/schemes/**/*.test.ts',
  'src/io/**/*.test.ts',
  'web/src/**/*.test.ts',
  'src/demo/{allocate,dates}.test.ts',
  'src/http/public-url.test.ts',
  'src/http/presenters/public-results.test.ts',
  'src/http/schema/**/*.test.ts',
  'src/cli/import-changes-text.test.ts',
  'src/cli/report-error.test.ts',
  'src/services/auth/{password-hash,password-policy,totp}.test.ts',
  'src/db/{unavailable,data-dir-lock}.test.ts',
  'test/scheme-corpus.test.ts',
  'test/docs-schemes.test.ts',
  'test/docs-self-scores.test.ts',
  'test/layering.test.ts',
  'test/contract.test.ts',
];

/**
 * Pure but slow, or driving LibreOffice: 100,000-row files (seconds each) and the office-suite
 * round trips. They run with the database tier (`npm run test:db`), not in the inner loop.
 */
export const FILES_TIER = [
  'src/io/large-file.test.ts',
  'src/io/office-corpus.test.ts',
  'src/io/file-check.test.ts',
  'src/io/bulletin/office.test.ts',
];

export const BROWSER_TIER = ['test/browser/**/*.test.ts'];

export const ALL_TESTS = ['src/**/*.test.ts', 'test/**/*.test.ts', 'web/src/**/*.test.ts'];
