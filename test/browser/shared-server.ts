// The demo servers the whole browser run shares (two by default): started by the browser tier's
// global setup (global-setup.ts) and used by every file whose tests leave the others' data alone,
// each file on the one its name picks (harness.ts → browserSuite). The setup does not wait for it: under `npm test` every project's global setup runs
// before any test starts, and preparing the demo database takes minutes on a fresh checkout. The
// URL is known at once (the port is chosen first); a status file says when it listens, or why not.
//
// Started with SIBI_TRUST_PROXY=1 (the setting of a server behind a reverse proxy, security.md):
// each test file sends its own X-Forwarded-For (harness.ts), so the login rate limit of 20 a minute
// and the 50 failures an hour are counted per file as on a server of its own, with the real limits.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildWebOnce, freePort, preparedDemoData, type SibiServer, sleep, startDemoServer } from './server';

export interface SharedServer {
  url: string;
  /** A file holding `ready`, or `failed` and the reason. */
  status: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    browserServers: SharedServer[];
  }
}

/** A start fastify gives up on ("Plugin did not start in time") on a loaded machine is tried again. */
const ATTEMPTS = 3;

/** Starts the shared server in the background; `stop` waits for the start, then stops it. */
export async function startSharedServer(env: Record<string, string>): Promise<{
  server: SharedServer;
  stop(): Promise<void>;
}> {
  const dir = mkdtempSync(join(tmpdir(), 'sibi-browser-shared-'));
  const port = await freePort();
  const server = { url: `http://127.0.0.1:${port}`, status: join(dir, 'status') };
  const started = (async (): Promise<SibiServer | null> => {
    try {
      await Promise.all([preparedDemoData(env), buildWebOnce()]);
      for (let attempt = 1; ; attempt++) {
        try {
          const running = await startDemoServer({ ...env, SIBI_TRUST_PROXY: '1' }, port);
          writeFileSync(server.status, 'ready');
          return running;
        } catch (error) {
          if (attempt >= ATTEMPTS || !String(error).includes('Plugin did not start in time')) throw error;
          console.warn(`the shared browser-test server gave up starting (attempt ${attempt}): trying again`);
        }
      }
    } catch (error) {
      writeFileSync(server.status, `failed\n${error instanceof Error ? error.message : String(error)}`);
      return null;
    }
  })();
  return {
    server,
    stop: async () => {
      await (await started)?.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Waits until the shared server listens (or throws why it did not start). */
export async function awaitSharedServer(server: SharedServer, timeoutMs: number): Promise<SibiServer> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const status = existsSync(server.status) ? readFileSync(server.status, 'utf8') : '';
    if (status === 'ready') break;
    if (status.startsWith('failed'))
      throw new Error(`the shared demo server did not start: ${status.slice(7)}`);
    if (Date.now() > deadline) throw new Error(`the shared demo server did not start within ${timeoutMs} ms`);
    await sleep(1000);
  }
  return {
    url: server.url,
    dataDir: '',
    output: () => '(the shared server: its output is the global setup’s)',
    // The global setup stops it after the run.
    stop: async () => {},
  };
}
