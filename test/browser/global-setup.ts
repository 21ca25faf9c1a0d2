// The browser tier's global setup: the bundled CLI its servers run, and the prepared demo database
// started in the background (a detached loader, server.ts → preparedDemoData) so the first browser
// file finds it further along. No database templates: browser tests only talk to demo servers.
import { ensureServerBuild } from '../../scripts/build-server.mjs';
import { CHEAP_HASHES } from '../test-env';
import { preparedDemoData } from './server';

export default async function setup(): Promise<void> {
  await ensureServerBuild();
  // Not awaited: preparing takes minutes, and every project's setup runs before any test starts.
  // Its demo accounts get the tier's cheap hashes (each sign-in verifies one).
  preparedDemoData(CHEAP_HASHES).catch((error) => console.warn(`preparing the demo database: ${error}`));
}
