// Moving around the app (react-router) and reading its data (TanStack Query), in the browser: a
// link opened in a new tab lands on the same page; back and forward; an unknown address answers
// 页面不存在 (0 axe violations), also before signing in; /login is an address of its own; a list
// read before a write shows the write when the user goes back to it, without reloading the page;
// a read that fails is tried three times and then shown as an error (a 4xx only once).
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible } from './axe';
import { confirmDialog } from './form-helpers';
import { browserSuite, chromiumPath, open, settle, shot, signIn } from './harness';

/** A 洛阳市 project (demo data), found by its code in the list. */
const CODE = '2019-410300-37-03-040224';

const rows = (page: Page, table: string) => page.locator(`[data-testid="${table}-table"] .ant-table-row`);
const pathOf = (page: Page) => {
  const url = new URL(page.url());
  return url.pathname + url.search;
};

/** Answers the page's requests matching `url` with an error of the server's shape; counts them. */
async function answerWith(page: Page, url: RegExp, status: number, code: string, message: string) {
  const seen = { count: 0 };
  await page.route(url, (route) => {
    seen.count++;
    return route.fulfill({
      status,
      contentType: 'application/json',
      body: JSON.stringify({ error: { code, message } }),
    });
  });
  return seen;
}

describe.skipIf(!chromiumPath())('navigation and data (browser)', { timeout: 180_000 }, () => {
  const ctx = browserSuite();

  it('opens a link in a new tab on the same page: a project in the list, a menu entry', async () => {
    const page = await ctx.page({ as: 'demo_city' });
    await open(page, `/projects?q=${CODE}`);
    const link = rows(page, 'projects').first().locator('a').first();
    const href = await link.getAttribute('href');
    expect(href).toMatch(/^\/projects\/\d+$/);
    const [tab] = await Promise.all([
      page.context().waitForEvent('page'),
      link.click({ modifiers: ['Control'] }),
    ]);
    await tab.locator('[data-testid="project-info"]').waitFor();
    expect(pathOf(tab)).toBe(href);
    expect(await tab.locator('[data-testid="project-info"]').textContent()).toContain(CODE);
    // the list stays where it was
    expect(pathOf(page)).toBe(`/projects?q=${CODE}`);

    const entry = page.locator('[data-testid="side-menu"] a[href="/warnings"]');
    expect(await entry.count()).toBe(1);
    const [second] = await Promise.all([
      page.context().waitForEvent('page'),
      entry.click({ modifiers: ['Control'] }),
    ]);
    await second.locator('[data-testid="user-menu"]').waitFor();
    expect(pathOf(second)).toBe('/warnings');
    expect(await second.title()).toContain('红黄绿灯');
    expect(pathOf(page)).toBe(`/projects?q=${CODE}`);
    expect(ctx.errors(page)).toEqual([]);
  });

  it('goes back and forward between pages, the query string included, without reloading', async () => {
    const page = await ctx.page({ as: 'demo_city' });
    await open(page, `/projects?q=${CODE}`);
    // A mark on the window: a full page load would lose it.
    await page.evaluate(() => Object.assign(globalThis, { sibiMark: 1 }));
    await page.locator('[data-testid="side-menu"] a[href="/warnings"]').click();
    await page.waitForURL('**/warnings');
    await settle(page);
    await page.goBack();
    await rows(page, 'projects').first().waitFor();
    expect(pathOf(page)).toBe(`/projects?q=${CODE}`);
    expect(await page.locator('#projects-filter-q').inputValue()).toBe(CODE);
    await rows(page, 'projects').first().locator('a').first().click();
    await page.locator('[data-testid="project-info"]').waitFor();
    const detail = pathOf(page);
    await page.goBack();
    await rows(page, 'projects').first().waitFor();
    expect(pathOf(page)).toBe(`/projects?q=${CODE}`);
    await page.goForward();
    await page.locator('[data-testid="project-info"]').waitFor();
    expect(pathOf(page)).toBe(detail);
    expect(await page.evaluate(() => (globalThis as unknown as { sibiMark?: number }).sibiMark)).toBe(1);
    expect(ctx.errors(page)).toEqual([]);
  });

  it('answers an unknown address with 页面不存在, before and after signing in; /login is an address', async () => {
    const page = await ctx.page();
    await page.goto('/no/such/page?x=1');
    await page.locator('#login-username').waitFor();
    const login = new URL(page.url());
    expect(login.pathname).toBe('/login');
    expect(login.searchParams.get('next')).toBe('/no/such/page?x=1');
    await signIn(page, 'demo_city');
    await page.locator('[data-testid="not-found"]').waitFor();
    expect(pathOf(page)).toBe('/no/such/page?x=1');
    expect(await page.locator('.ant-result-title').textContent()).toBe('页面不存在');
    expect(await page.title()).toContain('页面不存在');
    await shot(page, 'not-found');
    await expectAccessible(page);
    // its link leads home
    await page.locator('[data-testid="not-found"] a[href="/"]').click();
    await page.locator('[data-testid="key-figures"]').waitFor();
    expect(pathOf(page)).toBe('/');
    // signed in, /login goes on to where ?next= says
    await page.goto('/login?next=%2Fwarnings');
    await page.waitForURL('**/warnings');
    await page.locator('[data-testid="user-menu"]').waitFor();

    // A public link's address that cannot be one: the page alone, without the shell.
    const visitor = await ctx.page();
    await visitor.goto('/public/NOT-A-SLUG');
    await visitor.locator('[data-testid="not-found"]').waitFor();
    expect(await visitor.locator('#login-username').count()).toBe(0);
    await expectAccessible(visitor);
    expect(ctx.errors(page)).toEqual([]);
    expect(ctx.errors(visitor)).toEqual([]);
  });

  it('shows a write on a list read before it, when the user goes back to the list (no reload)', async () => {
    // a context of its own: the clock is the context's
    const page = await ctx.page({ as: 'demo_city', own: true });
    // The page's clock stands still (timers still run): a read never goes stale by age (30 s), so
    // only the write can have made the list stale.
    await page.clock.setFixedTime(new Date());
    await open(page, `/projects?q=${CODE}`);
    const before = await rows(page, 'projects').first().textContent();
    await rows(page, 'projects').first().locator('a').first().click();
    await page.locator('[data-testid="project-info"]').waitFor();
    await settle(page);
    const name = `导航测试项目${Date.now() % 100_000}`;
    expect(before).not.toContain(name);
    await page.locator('[data-testid="project-edit"]').click();
    await page.locator('#projects-name').fill(name);
    await confirmDialog(page);
    await page.getByText(name).first().waitFor();
    // Back to the list read a moment ago (still fresh in the cache): the write made it stale.
    await page.goBack();
    await rows(page, 'projects').first().waitFor();
    await page
      .locator('[data-testid="projects-table"] .ant-table-row', { hasText: name })
      .waitFor({ timeout: 30_000 });
    expect(ctx.errors(page)).toEqual([]);
  });

  it('tries a failed read three times, then shows the error; a refusal (4xx) only once', async () => {
    const page = await ctx.page();
    await signIn(page, 'demo_city');
    const asked = await answerWith(page, /\/api\/warnings\?/, 503, 'unavailable', '服务暂不可用（测试）');
    await page.locator('[data-testid="side-menu"] a[href="/warnings"]').click();
    const failed = page.locator('.ant-alert-error', { hasText: '加载失败' });
    await failed.waitFor({ timeout: 20_000 });
    expect(await failed.textContent()).toContain('服务暂不可用（测试）');
    expect(asked.count).toBe(3);
    await shot(page, 'read-failed');

    // The retry button asks again; the server answers this time.
    await page.unroute(/\/api\/warnings\?/);
    await failed.locator('button', { hasText: /重\s*试/ }).click();
    await failed.waitFor({ state: 'detached' });
    await settle(page);

    const refused = await answerWith(page, /\/api\/quality\?/, 403, 'forbidden', '无权查看（测试）');
    await page.locator('[data-testid="side-menu"] a[href="/quality"]').click();
    await page.locator('.ant-alert-error', { hasText: '无权查看（测试）' }).waitFor({ timeout: 20_000 });
    await page.waitForTimeout(3_500);
    expect(refused.count).toBe(1);
  });
});
