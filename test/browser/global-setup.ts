// The browser tier's global setup: the bundled CLI its servers run, and the demo servers most
// browser files share (shared-server.ts), started in the background, each on its own copy of the
// prepared demo database (server.ts → preparedDemoData), so the setup returns at once; their
// addresses go to the files by `provide` (harness.ts → browserSuite picks one per file). No
// database templates: browser tests only talk to demo servers.
import type { TestProject } from 'vitest/node';
import { ensureServerBuild } from '../../scripts/build-server.mjs';
import { CHEAP_HASHES } from '../test-env';
import { startSharedServer } from './shared-server';

/**
 * How many shared servers: a server answers on one core (Node, and PGlite in the same thread), and
 * three files at once queued on one (the browser tier alone kept 0.6 of 2 cores busy); two halve
 * the queue. Files are spread over them by name (harness.ts).
 */
const SHARED_SERVERS = Number(process.env.SIBI_TEST_SHARED_SERVERS ?? 2);

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  await ensureServerBuild();
  // The demo accounts get the tier's cheap hashes (each sign-in verifies one), and so do the
  // accounts the tests create on the server.
  const shared = await Promise.all(
    Array.from({ length: SHARED_SERVERS }, () => startSharedServer(CHEAP_HASHES)),
  );
  project.provide(
    'browserServers',
    shared.map(({ server }) => server),
  );
  return async () => {
    await Promise.all(shared.map(({ stop }) => stop()));
  };
}
