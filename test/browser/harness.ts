// The browser-test harness: the built web app served by a real `sibi serve --demo` child process
// on its own copy of a prepared demo database, driven by Debian's Chromium through
// playwright-core. Screenshots go to tmp/screenshots/ (look at them).
//
//   const ctx = browserSuite('name');          // in a describe: server + browser per test file
//   const page = await ctx.page();             // a fresh browser context (no cookies)
//   await signIn(page, 'demo_city');           // through the login form, waits for the shell
//   await shot(page, 'city-dashboard');        // tmp/screenshots/<name>.png
import { type ChildProcess, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { zhCN } from '../../web/src/i18n/zh-CN';
import { ROOT } from '../helpers/run-sibi';

export const DEMO_PASSWORD = 'Sibi#Demo2020';
export const SCREENSHOTS = join(ROOT, 'tmp', 'screenshots');
const PREPARED = join(ROOT, 'tmp', 'browser-data');
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Debian's Chromium (SIBI_CHROMIUM overrides); null when there is none (the tests are skipped). */
export function chromiumPath(): string | null {
  const candidates = [process.env.SIBI_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  const found = candidates.find((path): path is string => !!path && existsSync(path)) ?? null;
  if (!found && process.env.CI) throw new Error('Chromium not found: CI must run the browser tests');
  return found;
}

/** Builds web/dist when it is missing or older than web/ (scripts/build-web.mjs; one build at a time). */
export async function buildWebOnce(): Promise<void> {
  const { buildWeb } = (await import(join(ROOT, 'scripts', 'build-web.mjs'))) as {
    buildWeb(options: { quiet: boolean }): Promise<boolean>;
  };
  await buildWeb({ quiet: true });
}

/**
 * A data directory with the demo province loaded, made once (about a minute) and kept in
 * tmp/browser-data/ under a fingerprint of the demo generator; a change to it prepares a new
 * one. Each server gets a copy, so tests never share a database.
 */
export async function preparedDemoData(): Promise<string> {
  const dir = join(PREPARED, `demo-${demoFingerprint()}`);
  if (existsSync(join(dir, 'PG_VERSION'))) return dir;
  mkdirSync(PREPARED, { recursive: true });
  const lock = join(PREPARED, '.lock');
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (existsSync(join(dir, 'PG_VERSION'))) return dir;
      await sleep(1000);
    }
  }
  try {
    if (existsSync(join(dir, 'PG_VERSION'))) return dir;
    for (const old of readdirSync(PREPARED).filter((name) => name.startsWith('demo-'))) {
      rmSync(join(PREPARED, old), { recursive: true, force: true });
    }
    const building = `${dir}.building`;
    rmSync(building, { recursive: true, force: true });
    const server = await startSibi(building, 840_000);
    await server.stop();
    renameSync(building, dir);
    return dir;
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/**
 * The demo generator and the demo accounts. Not the migrations: a copy made before a new
 * migration is upgraded by the server when it opens it, as a real installation would be.
 */
function demoFingerprint(): string {
  const hash = createHash('sha256');
  for (const file of readdirSync(join(ROOT, 'src/demo')).sort()) {
    if (!file.endsWith('.ts') || file.endsWith('.test.ts')) continue;
    hash.update(file).update(readFileSync(join(ROOT, 'src/demo', file)));
  }
  hash.update(readFileSync(join(ROOT, 'src/services/auth/demo-accounts.ts')));
  return hash.digest('hex').slice(0, 12);
}

export interface SibiServer {
  url: string;
  dataDir: string;
  /** What the server printed so far (stdout and stderr). */
  output(): string;
  stop(): Promise<void>;
}

/** `sibi serve --demo` on a free port with its data in `dataDir`; resolves once it listens. */
export async function startSibi(dataDir: string, timeoutMs = 120_000): Promise<SibiServer> {
  const port = await freePort();
  const child: ChildProcess = spawn(
    process.execPath,
    [join(ROOT, 'bin', 'sibi.mjs'), 'serve', '--demo', '--port', String(port)],
    { cwd: ROOT, env: { ...process.env, DATABASE_URL: '', SIBI_DATA_DIR: dataDir } },
  );
  let output = '';
  child.stdout?.on('data', (d) => {
    output += d;
  });
  child.stderr?.on('data', (d) => {
    output += d;
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
      await exited;
      clearTimeout(timer);
    }
  };
  const started = Date.now();
  while (!output.includes('sibi 已启动')) {
    if (child.exitCode !== null) throw new Error(`sibi serve exited (${child.exitCode}):\n${output}`);
    if (Date.now() - started > timeoutMs) {
      await stop();
      throw new Error(`sibi serve did not start within ${timeoutMs} ms:\n${output}`);
    }
    await sleep(200);
  }
  return { url: `http://127.0.0.1:${port}`, dataDir, output: () => output, stop };
}

/** A server on a private copy of the prepared demo database (removed when it stops). */
export async function startDemoServer(): Promise<SibiServer> {
  const [prepared] = await Promise.all([preparedDemoData(), buildWebOnce()]);
  const copy = mkdtempSync(join(tmpdir(), 'sibi-browser-'));
  cpSync(prepared, copy, { recursive: true });
  const server = await startSibi(copy);
  return {
    ...server,
    stop: async () => {
      await server.stop();
      rmSync(copy, { recursive: true, force: true });
    },
  };
}

export function launchBrowser(executablePath = chromiumPath()!): Promise<Browser> {
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS });
}

export interface BrowserSuite {
  readonly server: SibiServer;
  readonly browser: Browser;
  /** A page in a fresh context (own cookies and storage) at the server's address, 1440×900. */
  page(options?: { locale?: 'zh-CN' | 'en'; width?: number; height?: number }): Promise<Page>;
  /** Console errors and page errors seen by `page` (CSP refusals included). */
  errors(page: Page): string[];
}

/**
 * Starts the server and the browser before the file's tests and stops both after. Call it at
 * the top of a `describe`; the returned object is filled in by the time tests run.
 */
export function browserSuite(): BrowserSuite {
  let server: SibiServer | undefined;
  let browser: Browser | undefined;
  const seen = new WeakMap<Page, string[]>();
  beforeAll(async () => {
    [server, browser] = await Promise.all([startDemoServer(), launchBrowser()]);
  }, 900_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  }, 60_000);
  return {
    get server() {
      if (!server) throw new Error('the server has not started');
      return server;
    },
    get browser() {
      if (!browser) throw new Error('the browser has not started');
      return browser;
    },
    async page({ locale = 'zh-CN', width = 1440, height = 900 } = {}) {
      const context = await this.browser.newContext({
        baseURL: this.server.url,
        viewport: { width, height },
        locale,
      });
      if (locale === 'en') await context.addInitScript("localStorage.setItem('sibi.locale', 'en')");
      const page = await context.newPage();
      const errors: string[] = [];
      seen.set(page, errors);
      page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
      page.on('console', (message) => {
        // A 401 from /api/auth/me before signing in is how the app learns there is no session.
        if (message.type() === 'error' && !/Failed to load resource/.test(message.text()))
          errors.push(message.text());
      });
      return page;
    },
    errors(page) {
      return seen.get(page) ?? [];
    },
  };
}

/** Signs in through the login form and waits for the shell (or for `expect`: a selector). */
export async function signIn(
  page: Page,
  username: string,
  { password = DEMO_PASSWORD, expect = '[data-testid="user-menu"]' } = {},
): Promise<void> {
  if (page.url() === 'about:blank') await page.goto('/');
  await page.locator('#login-username').fill(username);
  await page.locator('#login-password').fill(password);
  await page.locator('form button[type="submit"]').click();
  await page.locator(expect).first().waitFor({ timeout: 20_000 });
}

/** Signs out through the account menu and waits for the login form. */
export async function signOut(page: Page): Promise<void> {
  await page.locator('[data-testid="user-menu"]').click();
  await page.locator('.ant-dropdown-menu-item-danger').click();
  await page.locator('#login-username').waitFor();
}

/** The side menu's entries (opening every group first), in order. */
export async function menuEntries(page: Page): Promise<string[]> {
  const menu = page.locator('[data-testid="side-menu"]');
  const groups = menu.locator('.ant-menu-submenu:not(.ant-menu-submenu-open) > .ant-menu-submenu-title');
  for (let i = await groups.count(); i > 0; i--) {
    await groups.first().click();
    await page.waitForTimeout(300);
  }
  return (await menu.locator('.ant-menu-title-content').allInnerTexts()).map((text) => text.trim());
}

/** Opens a path inside the app through the side menu or the address bar and waits for it to settle. */
export async function open(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await settle(page);
}

/** Waits until no spinner is showing (the page's data has arrived). */
export async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page
    .locator('.ant-spin-spinning, .sibi-spinner')
    .first()
    .waitFor({ state: 'detached', timeout: 20_000 })
    .catch(() => {});
}

/** Saves tmp/screenshots/<name>.png (the full page) and returns its path. */
export async function shot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  await settle(page);
  await page.waitForTimeout(400); // antd's enter animations
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** UI message keys showing as text on the page (a string that was never translated). */
export async function untranslatedKeys(page: Page): Promise<string[]> {
  const text = (await page.locator('body').allInnerTexts()).join('\n');
  return Object.keys(zhCN).filter((key) =>
    new RegExp(`(^|[^\\w.])${key.replace(/\./g, '\\.')}($|[^\\w.])`).test(text),
  );
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
