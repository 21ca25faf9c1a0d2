// The browser-test harness: the built web app served by a real `sibi serve --demo` child process
// on a copy of a prepared demo database (server.ts), driven by Debian's Chromium through
// playwright-core. Screenshots go to tmp/screenshots/ (look at them). Most files share the one
// server of the run (shared-server.ts) and must leave the others' data alone: periods, schemes,
// projects of their own (docs/development.md, browser tests); a file that needs a server to itself
// (another clock, changed settings, data the others read) says why with `ownServer`.
//
//   const ctx = browserSuite();                // in a describe: a shared server, a browser per file
//   const ctx = browserSuite({ ownServer: 'it changes the report deadline' });
//   const page = await ctx.page();             // a fresh browser context (no cookies)
//   await signIn(page, 'demo_city');           // through the login form, waits for the shell
//   const page = await ctx.page({ as: 'demo_city' });  // signed in, the file's context of that account (see `page`)
//   await shot(page, 'city-dashboard');        // tmp/screenshots/<name>.png
import { randomInt } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, inject } from 'vitest';
import { zhCN } from '../../web/src/i18n/zh-CN';
import { ROOT } from '../helpers/run-sibi';
import { DEMO_PASSWORD, type SibiServer, startDemoServer } from './server';
import { animationsDone, networkQuiet, spinnersGone, trackRequests } from './settled';
import { awaitSharedServer, type SharedServer } from './shared-server';

export {
  buildWebOnce,
  DEMO_PASSWORD,
  preparedDemoData,
  type SibiServer,
  startDemoServer,
  startSibi,
} from './server';

export const SCREENSHOTS = join(ROOT, 'tmp', 'screenshots');
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

export function launchBrowser(executablePath = chromiumPath()!): Promise<Browser> {
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS, timeout: 300_000 });
}

export interface BrowserSuite {
  readonly server: SibiServer;
  readonly browser: Browser;
  /**
   * A page in a fresh context (own cookies and storage) at the server's address, 1440×900.
   *
   * With `as` (a demo account), the page is signed in as that account, in the file's one context of
   * that account and language: the first such page signs in through the login form (and stays where
   * signing in lands); later pages are new tabs of the same context (blank until `open`), so the
   * app's code is already fetched and compiled — a fresh context loads and compiles it again, about
   * 1.8 s of Chromium's CPU a page (docs/benchmarks.md). The context outlives the test: never sign
   * such a page out, end its session, or change the context (`page.clock`, context routes,
   * permissions); a test that must, asks for `own: true` (a context of its own, given the account's
   * session cookie) or signs in with `signIn`. Closing the shared context is allowed: the next page
   * `as` the account opens a new one with the same session.
   */
  page(options?: {
    locale?: 'zh-CN' | 'en';
    width?: number;
    height?: number;
    as?: string;
    own?: boolean;
  }): Promise<Page>;
  /** Console errors and page errors seen by `page` (CSP refusals included). */
  errors(page: Page): string[];
}

/** How long a file waits for the shared server (preparing the demo database on a fresh checkout). */
const SERVER_WAIT_MS = 1_800_000;

/**
 * Starts the browser (and, with `ownServer`, a server on a copy of the demo database of the file's
 * own) before the file's tests and stops them after; without `ownServer` the file uses the run's
 * shared server. Call it at the top of a `describe`; the returned object is filled in by the time
 * tests run.
 */
export function browserSuite({ ownServer }: { ownServer?: string } = {}): BrowserSuite {
  let server: SibiServer | undefined;
  let browser: Browser | undefined;
  const seen = new WeakMap<Page, string[]>();
  // The session cookies of each demo account signed in through `page({ as })`, for the file's later pages.
  const sessions = new Map<string, Awaited<ReturnType<BrowserContext['cookies']>>>();
  // The file's context of each demo account and language (`page({ as })`), open until the file ends.
  const accounts = new Map<string, BrowserContext>();
  // Pages opened inside a test are closed after it (those opened in beforeAll are the file's to close).
  let opened: Page[] | null = null;
  // On the shared server the file's requests come from an address of its own (X-Forwarded-For, which
  // that server trusts): the login rate limit and failure counts per address are the file's alone.
  const headers: Record<string, string> = ownServer
    ? {}
    : { 'x-forwarded-for': `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}` };
  beforeAll(async (suite) => {
    // One after the other: preparing the demo database is CPU-heavy, and so is starting Chromium.
    server = ownServer
      ? await startDemoServer()
      : await awaitSharedServer(sharedServerOf(suite.file.filepath), SERVER_WAIT_MS);
    browser = await launchBrowser();
  }, SERVER_WAIT_MS + 300_000);
  // A failed test leaves a picture of each of its pages: tmp/screenshots/failed-<test>-<n>.png.
  beforeEach(() => {
    opened = [];
  });
  afterEach(async ({ task }) => {
    const pages = opened ?? [];
    opened = null;
    if (task.result?.state === 'fail') {
      const name = task.name.replace(/[^\w\u4e00-\u9fff-]+/g, '-').slice(0, 80);
      for (const [i, page] of pages.entries()) {
        await shot(page, `failed-${name}-${i + 1}`, { always: true }).catch(() => {});
      }
    }
    const shared = new Set(accounts.values());
    await Promise.all(
      pages.map((page) =>
        (shared.has(page.context()) ? page.close() : page.context().close()).catch(() => {}),
      ),
    );
  }, 60_000);
  afterAll(async () => {
    await Promise.all([...accounts.values()].map((context) => context.close().catch(() => {})));
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
    async page({ locale = 'zh-CN', width = 1440, height = 900, as, own = false } = {}) {
      const key = as && !own ? `${as} ${locale}` : undefined;
      let context = key ? accounts.get(key) : undefined;
      if (!context) {
        context = await this.browser.newContext({
          baseURL: this.server.url,
          viewport: { width, height },
          locale,
          // The app honours reduced motion (web/src/motion.ts): no antd transitions or chart
          // animations to render and wait for, on 2 cores shared by several test files.
          reducedMotion: 'reduce',
          extraHTTPHeaders: headers,
        });
        if (locale === 'en') await context.addInitScript("localStorage.setItem('sibi.locale', 'en')");
        const session = as ? sessions.get(as) : undefined;
        if (session) await context.addCookies(session);
        if (key) {
          const shared = context;
          accounts.set(key, shared);
          shared.on('close', () => accounts.get(key) === shared && accounts.delete(key));
        }
      }
      const page = await context.newPage();
      // Playwright's 30 s per step ran out for a first page load with six files at once in CI.
      page.setDefaultTimeout(60_000);
      if (page.viewportSize()?.width !== width || page.viewportSize()?.height !== height)
        await page.setViewportSize({ width, height });
      trackRequests(page);
      opened?.push(page);
      const errors: string[] = [];
      seen.set(page, errors);
      page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
      page.on('console', (message) => {
        // A 401 from /api/auth/me before signing in is how the app learns there is no session.
        if (message.type() === 'error' && !/Failed to load resource/.test(message.text()))
          errors.push(message.text());
      });
      if (as && !sessions.has(as)) {
        await signIn(page, as);
        sessions.set(as, await context.cookies());
      }
      return page;
    },
    errors(page) {
      return seen.get(page) ?? [];
    },
  };
}

/** The shared server a file uses: picked by its path, so a file always meets the same one. */
function sharedServerOf(file: string): SharedServer {
  const servers = inject('browserServers');
  const name = relative(ROOT, file);
  let hash = 0;
  for (const char of name) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return servers[hash % servers.length]!;
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
  const closed = '.ant-menu-submenu:not(.ant-menu-submenu-open)';
  const groups = menu.locator(`${closed} > .ant-menu-submenu-title`);
  for (let i = await groups.count(); i > 0; i--) {
    // Each click opens one group: wait for that (one fewer closed) before the next click.
    await groups.first().click();
    await menu
      .locator(closed)
      .nth(i - 1)
      .waitFor({ state: 'detached' });
  }
  await animationsDone(page);
  return (await menu.locator('.ant-menu-title-content').allInnerTexts()).map((text) => text.trim());
}

/** Opens a path inside the app through the side menu or the address bar and waits for it to settle. */
export async function open(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await settle(page);
}

/** Waits until the page's requests have stopped and no spinner is showing (its data has arrived). */
export async function settle(page: Page): Promise<void> {
  await networkQuiet(page);
  await spinnersGone(page);
}

/** Chooses an option of an antd Select (found by its input's selector), checking that it took. */
export async function chooseOption(page: Page, input: string, option: string): Promise<void> {
  const select = page.locator('.ant-select', { has: page.locator(input) }).first();
  for (let attempt = 1; ; attempt++) {
    await page.locator(input).click();
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option })
      .first()
      .click();
    if ((await select.textContent())?.includes(option)) return;
    if (attempt === 3) throw new Error(`could not choose "${option}" in ${input}`);
    await page.keyboard.press('Escape');
  }
}

/** Chooses a node of an antd TreeSelect by typing `search` and clicking the node titled `title`. */
export async function chooseTreeNode(
  page: Page,
  input: string,
  search: string,
  title: string,
): Promise<void> {
  const select = page.locator('.ant-select', { has: page.locator(input) }).first();
  for (let attempt = 1; ; attempt++) {
    await page.locator(input).click();
    await page.locator(input).fill(search);
    await page
      .locator('.ant-select-dropdown:visible .ant-select-tree-title', { hasText: new RegExp(`^${title}$`) })
      .first()
      .click();
    if ((await select.textContent())?.includes(title)) return;
    if (attempt === 3) throw new Error(`could not choose "${title}" in ${input}`);
    await page.keyboard.press('Escape');
  }
}

/**
 * Waits for the page to settle and, with SIBI_SCREENSHOTS=1, saves tmp/screenshots/<name>.png (the
 * full page; a picture to look at, not an assertion: a full-page PNG costs up to a second of CPU, so
 * a plain run takes none; `always` for a failed test's pages). Returns the picture's path.
 */
export async function shot(page: Page, name: string, { always = false } = {}): Promise<string> {
  const path = join(SCREENSHOTS, `${name}.png`);
  await settle(page);
  await animationsDone(page); // antd's enter animations
  if (!always && process.env.SIBI_SCREENSHOTS !== '1') return path;
  mkdirSync(SCREENSHOTS, { recursive: true });
  // With a dialog open the page behind it is fixed: a full-page picture would misplace it.
  const dialog = await page.locator('.ant-modal-wrap:visible, .ant-drawer-open').count();
  await page.screenshot({ path, fullPage: dialog === 0 });
  return path;
}

/** UI message keys showing as text on the page (a string that was never translated). */
export async function untranslatedKeys(page: Page): Promise<string[]> {
  const text = (await page.locator('body').allInnerTexts()).join('\n');
  return Object.keys(zhCN).filter((key) =>
    new RegExp(`(^|[^\\w.])${key.replace(/\./g, '\\.')}($|[^\\w.])`).test(text),
  );
}
