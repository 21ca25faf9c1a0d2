// The browser tier's global setup: the bundled CLI its servers run, and the one demo server most
// browser files share (shared-server.ts), started in the background on a copy of the prepared demo
// database (server.ts → preparedDemoData) so the setup returns at once; its address goes to the
// files by `provide` (harness.ts → browserSuite). No database templates: browser tests only talk
// to demo servers.
import type { TestProject } from 'vitest/node';
import { ensureServerBuild } from '../../scripts/build-server.mjs';
import { CHEAP_HASHES } from '../test-env';
import { startSharedServer } from './shared-server';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  await ensureServerBuild();
  // The demo accounts get the tier's cheap hashes (each sign-in verifies one), and so do the
  // accounts the tests create on the server.
  const shared = await startSharedServer(CHEAP_HASHES);
  project.provide('browserServer', shared.server);
  return shared.stop;
}
