// The unit tier (`npm run test:unit`): pure functions, parsers and writers — no database, no server,
// no browser, no office suite; under a minute, for the inner loop. `npm test` still runs everything.
// A database test listed here fails at once (test/helpers/databases.ts checks SIBI_TEST_TIER).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'src/domain/**/*.test.ts',
      'src/policies/**/*.test.ts',
      'src/schemes/**/*.test.ts',
      'src/io/**/*.test.ts',
      'web/src/**/*.test.ts',
      'src/demo/{allocate,dates}.test.ts',
      'src/http/public-url.test.ts',
      'src/http/schema/**/*.test.ts',
      'src/cli/import-changes-text.test.ts',
      'src/services/auth/{password-policy,totp}.test.ts',
      'src/db/{unavailable,data-dir-lock}.test.ts',
      'test/scheme-corpus.test.ts',
      'test/docs-schemes.test.ts',
    ],
    exclude: [
      // 100,000 rows (seconds each), and the tests that drive LibreOffice: the full run has them.
      'src/io/large-file.test.ts',
      'src/io/office-corpus.test.ts',
      'src/io/file-check.test.ts',
      'src/io/bulletin/office.test.ts',
    ],
    env: { SIBI_TEST_TIER: 'unit' },
    testTimeout: 30_000,
    pool: 'threads',
  },
});
