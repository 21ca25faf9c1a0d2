// 项目管理 in the browser: the city officer filters and sorts the list on the server, opens a
// project (its year plans, the reports chart and table, the approval items, issues and deals
// linked to it), edits its name, meets field errors (the browser's own checks, the server's 400
// and 409 put on the field) and a stale edit; creates and deletes a project. The 分包领导 sees
// only their projects, the lagging first. Also the English page and a phone-width detail.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible } from './axe';
import { confirmDialog, fieldError, pickOption } from './form-helpers';
import { browserSuite, chromiumPath, open, settle, shot, untranslatedKeys } from './harness';

/** A 洛阳市 project with reports, 4 approval items, an issue and a deal that names it (demo data). */
const CODE = '2019-410300-37-03-040224';

/** One of the two 孟津县 projects of the demo 分包领导 (its latest report: 2020年12月). */
const LEADER_PROJECT = '2016-410322-47-01-026132';

const rows = (page: Page, table: string) => page.locator(`[data-testid="${table}-table"] .ant-table-row`);

/** "23.09亿元" / "9200万元" / "9200.00" (a column in 万元) in 万元, for comparing amounts on the page. */
function wan(text: string): number {
  const m = /([\d.]+)(亿元|万元)?/.exec(text);
  if (!m) return Number.NaN;
  return Number(m[1]) * (m[2] === '亿元' ? 10_000 : 1);
}

async function openProject(page: Page): Promise<number> {
  await open(page, `/projects?q=${CODE}`);
  await rows(page, 'projects').first().waitFor();
  await rows(page, 'projects').first().locator('a').first().click();
  await page.locator('[data-testid="project-info"]').waitFor();
  await settle(page);
  return Number(new URL(page.url()).pathname.split('/').pop());
}

// A slow machine running several browser suites at once: each test gets three minutes.
describe.skipIf(!chromiumPath())('projects (browser)', { timeout: 180_000 }, () => {
  // Its own server: it raises the 2020 target of a 孟津县 project tenfold (洛阳市's 2020 figures and
  // ranks, which other files check) and edits the project navigation.test.ts renames.
  const ctx = browserSuite({ ownServer: 'it changes 2020 targets of 孟津县 projects' });

  it('lets the city officer search, filter and sort the projects on the server', async () => {
    const page = await ctx.page({ as: 'demo_city' });
    await open(page, '/projects');
    await rows(page, 'projects').first().waitFor();
    expect(await page.locator('[data-testid="figures-projects"]').textContent()).toContain('重点项目个数');
    await shot(page, 'projects-city');
    await expectAccessible(page);

    await page.locator('#projects-filter-q').fill('洛阳市');
    await pickOption(page, '#projects-filter-list', '省重点');
    await pickOption(page, '#projects-filter-year', '2020年', '2020');
    await pickOption(page, '#projects-filter-nature', '新开工');
    await page.locator('[data-testid="projects-search"]').click();
    await settle(page);
    const search = new URL(page.url()).searchParams;
    expect(Object.fromEntries(search)).toMatchObject({
      q: '洛阳市',
      list: 'province_key',
      year: '2020',
      nature: 'new',
    });
    await rows(page, 'projects').first().waitFor();
    const names = await rows(page, 'projects').locator('td:nth-child(2)').allInnerTexts();
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) expect(name).toContain('洛阳市');
    const filteredTotal = await page.locator('.ant-pagination-total-text').textContent();

    // Sorting is the server's: descending total investment across all pages.
    const header = page.locator('[data-testid="projects-table"] th', { hasText: '总投资' });
    await header.click();
    await settle(page);
    await header.click();
    await settle(page);
    expect(new URL(page.url()).searchParams.get('sort')).toBe('-totalInvestment');
    const amounts = (await rows(page, 'projects').locator('td:nth-child(6)').allInnerTexts()).map(wan);
    expect(amounts).toEqual([...amounts].sort((a, b) => b - a));
    expect(await page.locator('.ant-pagination-total-text').textContent()).toBe(filteredTotal);
    await shot(page, 'projects-city-filtered');
    await expectAccessible(page);

    // The filters live in the address: a reload keeps them.
    await page.reload();
    await settle(page);
    expect(await page.locator('#projects-filter-q').inputValue()).toBe('洛阳市');
    expect(await page.locator('.ant-pagination-total-text').textContent()).toBe(filteredTotal);
    expect(await untranslatedKeys(page)).toEqual([]);
    expect(ctx.errors(page)).toEqual([]);
  });

  it('opens a project with its year plans, reports chart and table, approvals, issues and deals', async () => {
    const page = await ctx.page({ as: 'demo_city' });
    await openProject(page);
    expect(await page.locator('[data-testid="project-info"]').textContent()).toContain(CODE);
    expect(await rows(page, 'project-years').count()).toBeGreaterThan(0);
    await page.locator('[data-testid="project-chart"] canvas').waitFor();
    expect(await rows(page, 'project-reports').count()).toBeGreaterThan(0);
    expect(await page.locator('[data-testid="project-reports"]').textContent()).toContain('投资完成率');
    await rows(page, 'approvals').first().waitFor();
    expect(await rows(page, 'approvals').count()).toBe(4);
    await shot(page, 'project-detail');
    await expectAccessible(page);

    await page.locator('.ant-tabs-tab', { hasText: '问题协调' }).click();
    await rows(page, 'issues').first().waitFor();
    await page.locator('.ant-tabs-tab', { hasText: '招商引资签约项目' }).click();
    await rows(page, 'deals').first().waitFor();
    expect(await rows(page, 'deals').first().textContent()).toContain(CODE);
    await shot(page, 'project-detail-deals');
    await expectAccessible(page);

    // An earlier year: the chart and the table follow the year chosen.
    await pickOption(page, '[data-testid="project-reports-year"]', '2020年');
    await settle(page);
    expect(await rows(page, 'project-reports').first().textContent()).toContain('2020年');
    expect(ctx.errors(page)).toEqual([]);
  });

  it('saves an edited project name, and shows field errors from the browser and the server', async () => {
    const page = await ctx.page({ as: 'demo_city' });
    await openProject(page);
    const name = `洛阳市浏览器测试项目${Date.now() % 10_000}`;

    await page.locator('[data-testid="project-edit"]').click();
    await page.locator('#projects-name').fill(name);
    await page.locator('#projects-totalInvestment').fill('-5');
    await confirmDialog(page);
    expect(await fieldError(page, 'projects-totalInvestment')).toContain('不小于 0');
    await page.locator('#projects-totalInvestment').fill('1.23456');
    expect(await fieldError(page, 'projects-totalInvestment')).toContain('最多 4 位小数');
    await shot(page, 'project-edit-field-error');
    await expectAccessible(page);

    // The server's zod refusal (400 validation) lands on the field it names.
    await page.locator('#projects-totalInvestment').fill('23090.5');
    await page.route(
      '**/api/projects/*',
      (route) =>
        route.request().method() === 'PATCH'
          ? route.fulfill({
              status: 400,
              contentType: 'application/json',
              body: JSON.stringify({
                error: {
                  code: 'validation',
                  message: '请求参数不符合要求',
                  details: [
                    {
                      path: 'name',
                      message: 'String must contain at most 200 character(s)',
                      code: 'too_big',
                    },
                  ],
                },
              }),
            })
          : route.fallback(),
      { times: 1 },
    );
    await confirmDialog(page);
    expect(await fieldError(page, 'projects-name')).toBe('值过大或内容过长');

    await confirmDialog(page);
    await page.locator('.ant-message-success').waitFor();
    await page.locator('[data-testid="project-title"]', { hasText: name }).waitFor();
    await page.reload();
    await page.locator('[data-testid="project-title"]', { hasText: name }).waitFor();
    expect(await page.locator('[data-testid="project-info"]').textContent()).toContain('2.31亿元');
    expect(ctx.errors(page)).toEqual([]);
  });

  it('says so when someone else changed the project, and reloads it', async () => {
    const page = await ctx.page({ as: 'demo_city' });
    const id = await openProject(page);
    await page.locator('[data-testid="project-edit"]').click();
    await page.locator('#projects-leader').fill('张三');

    // Meanwhile another session of the same office changes the project.
    const other = await ctx.browser.newContext({ baseURL: ctx.server.url });
    const login = await other.request.post('/api/auth/login', {
      data: { username: 'demo_city', password: 'Sibi#Demo2020' },
    });
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const current = (await (await other.request.get(`/api/projects/${id}`)).json()) as { version: number };
    const patched = await other.request.patch(`/api/projects/${id}`, {
      data: { version: current.version, leader: '李四' },
      headers: { 'x-csrf-token': csrfToken },
    });
    expect(patched.status()).toBe(200);
    await other.close();

    await confirmDialog(page);
    const alert = page.locator('[data-testid="projects-error"]');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('已被他人修改');
    await shot(page, 'project-edit-stale');
    await expectAccessible(page);
    await alert.locator('button', { hasText: /重\s*新\s*载\s*入/ }).click();
    await expect.poll(() => page.locator('#projects-leader').inputValue(), { timeout: 10_000 }).toBe('李四');
    await page.locator('#projects-leader').fill('张三');
    await confirmDialog(page);
    await page.locator('.ant-message-success').waitFor();
    // the page reloads the project after the message
    await expect
      .poll(() => page.locator('[data-testid="project-info"]').textContent(), { timeout: 10_000 })
      .toContain('张三');
    expect(ctx.errors(page)).toEqual([]);
  });

  it('creates a project with its code checked, then deletes it', async () => {
    const page = await ctx.page({ as: 'demo_city' });
    await open(page, '/projects');
    await page.locator('[data-testid="projects-create"]').click();
    await page.locator('#projects-code').fill('2020-4103-47');
    await page.locator('#projects-name').fill('洛阳市浏览器新建项目');
    await confirmDialog(page);
    expect(await fieldError(page, 'projects-code')).toContain('项目代码格式');

    // A code already taken: the server's 409 shows on the code field.
    await page.locator('#projects-code').fill(CODE);
    await confirmDialog(page);
    expect(await fieldError(page, 'projects-code')).toContain('已存在');
    await shot(page, 'project-create-duplicate');
    await expectAccessible(page);

    await page.locator('#projects-code').fill('2026-410300-47-01-999001');
    await page.locator('#projects-totalInvestment').fill('12345.6789');
    await confirmDialog(page);
    await page.locator('[data-testid="project-title"]', { hasText: '洛阳市浏览器新建项目' }).waitFor();
    expect(await page.locator('[data-testid="project-info"]').textContent()).toContain('1.23亿元');
    expect(await page.locator('[data-testid="project-info"]').textContent()).toContain('洛阳市');

    await page.locator('.sibi-page-header button', { hasText: /删\s*除/ }).click();
    await confirmDialog(page);
    await page.waitForURL((url) => url.pathname === '/projects');
    await open(page, '/projects?q=2026-410300-47-01-999001');
    await page.locator('[data-testid="projects-table"] .ant-empty').waitFor();
    expect(ctx.errors(page)).toEqual([]);
  });

  it('shows the leader only their projects, the lagging first, read-only', async () => {
    // The county raises the 2020 target of one of the leader's projects tenfold: it now lags.
    const county = await ctx.page({ as: 'demo_county' });
    await open(county, `/projects?q=${LEADER_PROJECT}`);
    await rows(county, 'projects').first().locator('a').first().click();
    const year2020 = rows(county, 'project-years').filter({ hasText: '2020年' });
    await year2020.locator('[data-testid="project-years-edit"]').click();
    await county.locator('#project-years-annualTarget').fill('40760');
    await shot(county, 'project-year-edit');
    await expectAccessible(county);
    await confirmDialog(county);
    await county.locator('.ant-message-success').waitFor();
    await year2020.filter({ hasText: '4.08亿元' }).waitFor();
    expect(await county.locator('[data-testid="project-progress-tag"]').textContent()).toContain('滞后');
    expect(ctx.errors(county)).toEqual([]);

    const page = await ctx.page({ as: 'demo_leader' });
    await open(page, '/projects');
    await rows(page, 'projects').first().waitFor();
    const regions = await rows(page, 'projects').locator('td:nth-child(3)').allInnerTexts();
    expect(regions).toEqual(['孟津县', '孟津县']);
    expect(await page.locator('[data-testid="projects-create"]').count()).toBe(0);
    expect(await page.locator('[data-testid="projects-edit"]').count()).toBe(0);
    expect(await page.locator('[data-testid="figures-projects"]').count()).toBe(0);

    const progress = page.locator('[data-testid="progress-row"]');
    await progress.first().waitFor();
    expect(await progress.count()).toBe(2);
    const lagging = await Promise.all([0, 1].map((i) => progress.nth(i).getAttribute('data-lagging')));
    expect(lagging).toEqual(['true', 'false']);
    expect(await progress.first().textContent()).toContain(LEADER_PROJECT);
    expect(await progress.first().textContent()).toContain('滞后');
    await shot(page, 'projects-leader');
    await expectAccessible(page);

    await progress.first().locator('a').first().click();
    await page.locator('[data-testid="project-chart"] canvas').waitFor();
    expect(await page.locator('[data-testid="project-edit"]').count()).toBe(0);
    // No deals tab: a leader does not read the region ledgers.
    expect(await page.locator('.ant-tabs-tab', { hasText: '招商引资签约项目' }).count()).toBe(0);
    await shot(page, 'project-detail-leader');
    await expectAccessible(page);
    expect(await untranslatedKeys(page)).toEqual([]);
    expect(ctx.errors(page)).toEqual([]);
  });

  it('fits a phone: the leader reads a project at 390 px', async () => {
    const page = await ctx.page({ width: 390, height: 844, as: 'demo_leader' });
    await open(page, '/projects');
    await page.locator('[data-testid="progress-row"] a').first().click();
    await page.locator('[data-testid="project-chart"] canvas').waitFor();
    await settle(page);
    // The page's own cards stay inside the phone's width (wide tables scroll inside them).
    for (const id of ['project-info', 'project-years', 'project-reports', 'project-chart']) {
      const box = await page.locator(`[data-testid="${id}"]`).boundingBox();
      expect(box && box.x + box.width, id).toBeLessThanOrEqual(390);
    }
    // Nothing widens the page past the phone's screen, the header included.
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    const header = await page.locator('.sibi-header').boundingBox();
    expect(header && header.x + header.width).toBeLessThanOrEqual(390);
    await shot(page, 'project-detail-phone');
    await expectAccessible(page);
    // The menu is a drawer opened from the header.
    await page.locator('[data-testid="menu-toggle"]').click();
    await page.locator('.sibi-menu-drawer [data-testid="side-menu"]').waitFor();
    await shot(page, 'menu-phone');
    await expectAccessible(page);
    await page.locator('.sibi-menu-drawer .ant-menu-item', { hasText: '项目管理' }).click();
    await page.waitForURL((url) => url.pathname === '/projects');
    await page.locator('.sibi-menu-drawer').waitFor({ state: 'hidden' });
    expect(ctx.errors(page)).toEqual([]);
  });

  it('speaks English', async () => {
    const page = await ctx.page({ locale: 'en', as: 'demo_city' });
    await open(page, '/projects');
    await rows(page, 'projects').first().waitFor();
    expect(await page.locator('.sibi-page-header').textContent()).toContain('Projects');
    expect(await untranslatedKeys(page)).toEqual([]);
    await shot(page, 'projects-en');
    await expectAccessible(page);
    await openProject(page);
    await page.locator('[data-testid="project-chart"] canvas').waitFor();
    expect(await page.locator('[data-testid="project-reports"]').textContent()).toContain(
      'Investment to date',
    );
    expect(await untranslatedKeys(page)).toEqual([]);
    await shot(page, 'project-detail-en');
    await expectAccessible(page);
    expect(ctx.errors(page)).toEqual([]);
  });
});
