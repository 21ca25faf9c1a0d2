#!/usr/bin/env node
// Runs the bundled CLI and server (dist/cli, built by scripts/build-server.mjs, rebuilt here first
// when a source is newer than the build: about a second). SIBI_TSX=1 runs the TypeScript sources
// through tsx instead, for stepping through them in development.
import { pathToFileURL } from 'node:url';

if (process.env.SIBI_TSX === '1') {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/main.ts');
} else {
  const { ensureServerBuild } = await import('../scripts/build-server.mjs');
  await import(pathToFileURL(await ensureServerBuild()).href);
}
