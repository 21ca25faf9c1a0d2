// 待办 (issue #16 item 2, web part): signing in lands each role on its to-do list (GET /api/todos),
// whose counts are the menu's badges; in Chinese and English, with no axe violation; marking a
// message read is not tested here (the demo sends none without a robot run). On a server of its
// own: it submits and returns a report.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible } from './axe';
import { browserSuite, chromiumPath, menuEntries, settle, shot, signIn, untranslatedKeys } from './harness';

interface Todos {
  items: { kind: string; count: number }[];
  counts: { todos: number; fill: number; review: number; entries: number };
}

async function todos(page: Page): Promise<Todos> {
  const answer = await page.request.get('/api/todos');
  expect(answer.status()).toBe(200);
  return (await answer.json()) as Todos;
}

/** The number on a menu entry's badge (0 when it has none). */
async function badge(page: Page, name: 'todos' | 'fill' | 'review' | 'entries'): Promise<number> {
  const element = page.locator(`[data-testid="side-menu"] [data-testid="menu-badge-${name}"]`);
  if ((await element.count()) === 0) return 0;
  // antd's count scrolls its digits into place: its title holds the number.
  return Number(await element.first().locator('.ant-badge-count').getAttribute('title'));
}

/** Today's month in China. */
const chinaMonth = () =>
  new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit' })
    .format(new Date())
    .split('-')
    .map(Number) as [number, number];

async function post(page: Page, path: string, data: unknown): Promise<{ id: number; version: number }> {
  const me = (await (await page.request.get('/api/auth/me')).json()) as { csrfToken: string };
  const answer = await page.request.post(path, { data, headers: { 'x-csrf-token': me.csrfToken } });
  expect(answer.status(), `${path}: ${await answer.text()}`).toBeLessThan(300);
  return (await answer.json()) as { id: number; version: number };
}

describe.skipIf(!chromiumPath())('to-do list (browser)', { timeout: 300_000 }, () => {
  // The demo's lists end in 2021, so on today's date nobody has anything to do: the county submits a
  // report for this month and the city returns it, which puts an item on each list.
  const ctx = browserSuite({
    ownServer: 'it submits and returns a report of 孟津县 for the month under way',
  });

  it('lands the city and the county on 待办 after signing in, the counts on the menu', async () => {
    const county = await ctx.page();
    await signIn(county, 'demo_county');
    await county.waitForURL('**/todos');
    await settle(county);
    expect(await county.locator('.sibi-page-title').first().textContent()).toContain('待办事项');
    expect(await badge(county, 'todos')).toBe((await todos(county)).counts.todos);

    // A report of this month, submitted: the city has it to review.
    const [year, month] = chinaMonth();
    const listed = await county.request.get('/api/projects?pageSize=1&sort=code');
    const project = ((await listed.json()) as { items: { id: number }[] }).items[0]!;
    const draft = await post(county, '/api/reports', { projectId: project.id, year, month, investYtd: '1' });
    const submitted = await post(county, `/api/reports/${draft.id}/submit`, { version: draft.version });

    const city = await ctx.page();
    await signIn(city, 'demo_city');
    await city.waitForURL('**/todos');
    await settle(city);
    const cityList = await todos(city);
    expect(cityList.items.map((item) => item.kind)).toContain('review_queue');
    await city.locator('[data-testid="todo-review_queue"]').waitFor();
    expect(await city.locator('[data-testid="todo-list"] > *').count()).toBe(cityList.items.length);
    await expect.poll(() => badge(city, 'todos')).toBe(cityList.counts.todos);
    // the other badges are inside the menu's groups: open them
    await menuEntries(city);
    await expect.poll(() => badge(city, 'review')).toBe(cityList.counts.review);
    expect(cityList.counts.review).toBeGreaterThan(0);
    expect(await untranslatedKeys(city)).toEqual([]);
    await shot(city, 'todos-demo_city');
    await expectAccessible(city);
    // The item's link opens the review page.
    await city.locator('[data-testid="todo-review_queue"] .ant-card-extra a').click();
    await city.waitForURL((url) => url.pathname.startsWith('/reports/review'));

    // Returned: the county has it to correct, on its list and its 填报 badge.
    await post(city, `/api/reports/${draft.id}/return`, {
      version: submitted.version,
      reason: '浏览器测试：请核实',
    });
    await county.reload();
    await county.locator('[data-testid="todo-report_returned"]').waitFor();
    const countyList = await todos(county);
    await menuEntries(county);
    await expect.poll(() => badge(county, 'fill')).toBe(countyList.counts.fill);
    expect(countyList.counts.fill).toBeGreaterThan(0);
    await shot(county, 'todos-demo_county');
    await expectAccessible(county);
    expect(ctx.errors(county)).toEqual([]);
    expect(ctx.errors(city)).toEqual([]);
  });

  it('is in English too, and a deep link still wins over the landing', async () => {
    const page = await ctx.page({ locale: 'en' });
    await signIn(page, 'demo_county');
    await page.waitForURL('**/todos');
    await settle(page);
    expect(await page.locator('.sibi-page-title').first().textContent()).toContain('To-do list');
    expect(await page.locator('[data-testid="side-menu"] a[href="/todos"]').textContent()).toContain('To-do');
    expect(await untranslatedKeys(page)).toEqual([]);
    await shot(page, 'todos-demo_county-en');
    await expectAccessible(page);

    const deep = await ctx.page();
    await deep.goto('/warnings');
    await signIn(deep, 'demo_county');
    await deep.waitForURL('**/warnings');
    expect(ctx.errors(page)).toEqual([]);
    expect(ctx.errors(deep)).toEqual([]);
  });
});
